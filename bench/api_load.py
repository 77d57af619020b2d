"""The API under load and under attack, on the loopback interface only, bounded in time and count.

    python -m bench.api_load                       # both parts, results in bench/results/api_load.json
    python -m bench.api_load load --clients 200 --seconds 60 [--client wrk|httpx]
    python -m bench.api_load attack --examples 300

Both parts start ``warta serve`` (uvicorn) on 127.0.0.1 with an ingest token, over a SQLite store
built from the bundled examples plus synthetic stories and one hostile article
(warta.web.sample.build).

* load: ``--clients`` concurrent connections for ``--seconds`` over a fixed mix of URLs (lists with
  filters, details, search, stats, dashboard and explorer pages) with wrk (Debian package) when
  installed, else an asyncio httpx client. Reports requests, errors (connect/read/write/timeouts
  and any status other than 200) and latency percentiles.
* attack: every parameter of every operation in the app's OpenAPI spec gets every SQL-injection
  and XSS payload below (hand-written probes), the ingest endpoint gets forged tokens, other
  methods, and oversized URLs, headers and bodies; then schemathesis generates ``--examples``
  cases per operation (valid and invalid) against the same server. A probe *succeeds* (a finding)
  when a response is a 5xx, leaks a database error, returns rows for an injection that matches no
  data, reflects a payload unescaped into HTML, or a write gets through without the token.

tests/test_api_attack_*.py run a fast subset of the same probes in-process.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

HERE = Path(__file__).resolve().parent
TOKEN = "uji-beban-rahasia"

SQLI = (
    "' OR '1'='1",
    "1' OR 1=1 --",
    "x'; DROP TABLE events; --",
    "' UNION SELECT name, sql FROM sqlite_master --",
    '") OR ("1"="1',
    "%' OR '%'='",
    "1) OR (1=1",
    "' AND 1=CAST((SELECT version()) AS int) --",
    "'||(SELECT load_extension('x'))||'",
    "1; SELECT pg_sleep(3) --",
    "IDN%",
    "%",
    "_",
    "\\",
    "*",
    "NEAR(a b)",
    "a OR b",
    '"unterminated',
    "' OR sleep(3)#",
    "0x27 OR 1=1",
    "admin'/*",
    "1' ORDER BY 99 --",
    "banjir\x00' OR 1=1 --",  # NUL ends an FTS5 query early and PostgreSQL refuses it in text
)
XSS = (
    "<script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    '" onmouseover="alert(1)',
    "</textarea><script>alert(1)</script>",
    "javascript:alert(1)",
    "<iframe src=javascript:alert(1)>",
    "{{7*'ab'}}",
    "</title><b>x</b>",
)
PAYLOADS = SQLI + XSS
# A fast subset for tests/test_api_attack_*.py.
FAST_PAYLOADS = (
    "' OR '1'='1",
    "x'; DROP TABLE events; --",
    "' UNION SELECT name, sql FROM sqlite_master --",
    "%",
    '"><script>alert(1)</script>',
    '" onmouseover="alert(1)',
    "javascript:alert(1)",
    "{{7*'ab'}}",
    "banjir\x00' OR 1=1 --",
)

# What a database error or a traceback looks like when it leaks into a response.
LEAK = re.compile(
    r"sqlite3\.|OperationalError|ProgrammingError|psycopg|sqlalchemy|sqlalche\.me|Traceback|"
    r"syntax error|no such (column|table)|unrecognized token|fts5:|"
    r'File ".+", line \d+',
    re.IGNORECASE,
)
LIST_KEYS = ("events", "entities", "articles")


# ---- probes -----------------------------------------------------------------------------------
@dataclass
class Probe:
    method: str
    path: str  # with path parameters filled in, URL-quoted
    params: dict[str, str] = field(default_factory=dict)
    json_body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    payload: str | None = None  # the hostile value, for the reflection and row checks
    label: str = ""


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            yield method.upper(), path, op


def _fill(path: str, ids: dict[str, int], override: dict[str, str] | None = None) -> str:
    def one(match: re.Match) -> str:
        name = match.group(1)
        if override and name in override:
            return quote(override[name], safe="")
        return str(ids.get(name, 1))

    return re.sub(r"\{(\w+)\}", one, path)


def parameter_probes(
    spec: dict[str, Any], ids: dict[str, int], payloads: tuple[str, ...] = PAYLOADS
) -> list[Probe]:
    """Every payload in every query and path parameter of every GET operation; pages (HTML by
    default) are probed as HTML and, where they have one, through their JSON twin."""
    probes = []
    for method, path, op in operations(spec):
        if method != "GET":
            continue
        params = op.get("parameters", [])
        required = {p["name"]: "banjir" for p in params if p.get("required") and p["in"] == "query"}
        has_format = any(p["name"] == "format" for p in params)
        for p in params:
            for value in payloads:
                if p["in"] == "path":
                    probes.append(
                        Probe(
                            method,
                            _fill(path, ids, {p["name"]: value}),
                            dict(required),
                            payload=value,
                            label=f"{path} {p['name']}",
                        )
                    )
                    continue
                query = {**required, p["name"]: value}
                probes.append(
                    Probe(method, _fill(path, ids), query, payload=value, label=f"{path} {p['name']}")
                )
                if has_format and p["name"] != "format" and "pages" in op.get("tags", []):
                    probes.append(
                        Probe(
                            method,
                            _fill(path, ids),
                            {**query, "format": "json"},
                            payload=value,
                            label=f"{path} {p['name']} json",
                        )
                    )
    return probes


def ingest_probes(payloads: tuple[str, ...] = PAYLOADS) -> list[Probe]:
    """POST /ingest without a valid token: every body field carries a payload, the token is forged."""
    # (Header values with trailing spaces are not valid HTTP: clients refuse to send them.)
    forged = (
        {},
        {"Authorization": "Bearer"},
        {"Authorization": f"Bearer {TOKEN}x"},
        {"Authorization": f"bearer {TOKEN}"},
        {"Authorization": f"Basic {TOKEN}"},
        {"Authorization": f"Bearer {TOKEN[:-1]}"},
        {"Authorization": TOKEN},
        {"X-Ingest-Token": TOKEN},
        {"Authorization": "Bearer ' OR '1'='1"},
        {"Authorization": f"Bearer  {TOKEN}"},
    )
    probes = []
    for i, value in enumerate(payloads):
        article = {
            "text": f"Polisi menangkap dua orang. {value}",
            "id": value,
            "title": value,
            "url": value,
            "outlet": value,
            "published": value[:40],
        }
        probes.append(
            Probe(
                "POST",
                "/ingest",
                json_body={"articles": [article]},
                headers=forged[i % len(forged)],
                payload=value,
                label="/ingest forged token",
            )
        )
    probes += [
        Probe(
            "POST",
            "/ingest",
            params={"token": TOKEN},
            json_body={"articles": [{"text": "Dua orang."}]},
            headers=h,
            label="/ingest forged token",
        )
        for h in forged
    ]
    return probes


def method_probes(spec: dict[str, Any], ids: dict[str, int]) -> list[Probe]:
    """Methods the API does not offer: every path with PUT, PATCH and DELETE, plus POST on GET paths."""
    probes = []
    for path, ops in spec["paths"].items():
        for method in ("PUT", "PATCH", "DELETE", "POST"):
            if method.lower() not in ops:
                probes.append(Probe(method, _fill(path, ids), json_body={"x": 1}, label=f"{path} {method}"))
    return probes


def expected_refusal(probe: Probe) -> tuple[int, ...] | None:
    """Statuses a probe must get (None when any non-5xx is fine)."""
    if probe.path == "/ingest" and probe.method == "POST":
        # Refused before the token check: 400 a body that is not even decodable JSON (NUL bytes),
        # 422 a body that did not validate; 413 too many articles; 401 no valid token.
        return (400, 401, 413, 422)
    if probe.label.endswith((" PUT", " PATCH", " DELETE", " POST")):
        return (405, 404)
    return None


class _ActiveContent(HTMLParser):
    """Collects what a browser would run from the probes' payloads (they all call alert(1))."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on") and "alert(1)" in value:
                self.found.append(f"event handler {name} on <{tag}>")
            if name in ("href", "src", "action", "formaction") and value.startswith("javascript:"):
                self.found.append(f"javascript: URL in <{tag} {name}>")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(1)" in data:
            self.found.append("injected <script>")


def active_content(page: str) -> list[str]:
    parser = _ActiveContent()
    parser.feed(page)
    parser.close()
    return parser.found


def _without(body: str, payload: str | None) -> str:
    """The body less the payload itself, as sent, JSON-escaped or HTML-escaped (echoing it is no leak)."""
    if not payload:
        return body
    import html

    for form in (payload, json.dumps(payload)[1:-1], html.escape(payload), html.escape(payload, quote=False)):
        body = body.replace(form, "")
    return body


def findings(probe: Probe, status: int, headers: dict[str, str], body: str) -> list[str]:
    """Why this response shows a hole (empty when it does not)."""
    out = []
    where = f"{probe.method} {probe.path} {probe.params or ''} ({probe.label})"
    if status >= 500:
        out.append(f"{status} for {where}")
    if leak := LEAK.search(_without(body, probe.payload)):
        out.append(f"database error or traceback leaked for {where}: {leak.group(0)!r}")
    wanted = expected_refusal(probe)
    if wanted and status not in wanted:
        out.append(f"{status} (expected {wanted}) for {where}")
    kind = headers.get("content-type", "")
    if probe.payload and "html" in kind:
        raw = probe.payload
        if any(c in raw for c in "<>\"'") and raw in body:
            out.append(f"payload reflected unescaped into HTML for {where}")
        out += [f"{what} for {where}" for what in active_content(body)]
        if "abababababababab" in body:
            out.append(f"template expression evaluated for {where}")
    if probe.payload in SQLI and status == 200 and "json" in kind:
        try:
            data = json.loads(body)
        except ValueError:
            data = None
        if isinstance(data, dict):
            rows = [len(data[k]) for k in LIST_KEYS if isinstance(data.get(k), list)]
            if any(rows) or (probe.path in ("/stats", "/") and data.get("total")):
                out.append(f"injection matched rows for {where}")
    return out


# ---- the server -------------------------------------------------------------------------------
def build_db(path: str, synthetic: int) -> dict[str, int]:
    from warta.web.sample import build

    return build(path, synthetic=synthetic, hostile=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server(str):
    """The base URL of a running ``warta serve``; ``.log()`` reads what it wrote to stderr so far."""

    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def exceptions(self) -> int:
        """Unhandled exceptions the server logged (each one was a 500 to some client)."""
        return self.log().count("Exception in ASGI application")

    def errors(self) -> list[str]:
        """The last line of each logged traceback (the exception and its message)."""
        found, lines = [], self.log().splitlines()
        for i, line in enumerate(lines):
            if line.startswith("Traceback"):
                j = i + 1
                while j < len(lines) and (lines[j].startswith(" ") or not lines[j].strip()):
                    j += 1
                if j < len(lines):
                    found.append(lines[j][:300])
        return found


@contextlib.contextmanager
def serve(db: str, token: str | None = TOKEN, timeout: float = 60) -> Iterator[Server]:
    """``warta serve`` on 127.0.0.1 (a free port) in a child process; yields its base URL."""
    import httpx

    port = free_port()
    env = {**os.environ, "WARTA_INGEST_TOKEN": token or ""}
    # stderr goes to a file: a pipe nobody reads fills up and blocks the server's logging.
    log = tempfile.NamedTemporaryFile("w+b", prefix="warta-serve-", suffix=".log", delete=False)  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "warta.cli", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    base = Server(f"http://127.0.0.1:{port}")
    base.log_path = Path(log.name)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"warta serve exited: {base.log()[-500:]}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("warta serve did not answer /health in time")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
        os.unlink(log.name)


def sample_ids(db: str) -> dict[str, int]:
    import sqlite3

    with sqlite3.connect(db) as conn:
        one = lambda sql: conn.execute(sql).fetchone()[0]
        return {
            "event_id": one("SELECT min(id) FROM events"),
            "article_id": one("SELECT min(id) FROM articles"),
            "entity_id": one("SELECT min(id) FROM entities"),
        }


def url_mix(db: str) -> list[str]:
    """The paths the load test cycles through: what a dashboard user and an API client ask for."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        events = [r[0] for r in conn.execute("SELECT id FROM events ORDER BY id LIMIT 20")]
        articles = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id LIMIT 20")]
        entities = [r[0] for r in conn.execute("SELECT id FROM entities ORDER BY id LIMIT 10")]
        first, last = conn.execute(
            "SELECT min(substr(date, 1, 10)), max(substr(date, 1, 10)) FROM events"
        ).fetchone()
    paths = [
        "/health",
        "/events",
        "/events?actor=IDNGOV",
        "/events?root=17&size=100",
        "/events?quad=4",
        f"/events?since={first}&until={last}&sort=goldstein",
        "/events?place=jakarta",
        "/events?q=banjir",
        "/events?country=IDN&format=csv",
        "/entities",
        "/entities?type=PER",
        "/search?q=polisi",
        "/search?q=bantuan%20banjir",
        "/stats",
        "/stats?actor=IDN",
        "/",
        "/explore?actor=IDNCOP",
        "/actors",
        "/find?q=nelayan",
    ]
    paths += [f"/events/{i}" for i in events[:8]] + [f"/articles/{i}" for i in articles[:6]]
    paths += [f"/event/{i}" for i in events[8:12]] + [f"/article/{i}" for i in articles[6:10]]
    paths += [f"/entities/{i}" for i in entities[:4]] + [f"/entity/{i}" for i in entities[4:6]]
    return paths


# ---- load -------------------------------------------------------------------------------------
WRK_SCRIPT = """
local paths = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRKJSON {"requests": %%d, "connect": %%d, "read": %%d, "write": %%d, "status": %%d, ' ..
    '"timeout": %%d, "p50_ms": %%.2f, "p90_ms": %%.2f, "p99_ms": %%.2f, "max_ms": %%.2f, "seconds": %%.2f}\\n',
    summary.requests, e.connect, e.read, e.write, e.status, e.timeout, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000, summary.duration / 1e6))
end
"""


def load_wrk(base: str, paths: list[str], clients: int, seconds: int, threads: int = 2) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths))
        script = handle.name
    try:
        done = subprocess.run(
            [
                "wrk",
                "-t",
                str(threads),
                "-c",
                str(clients),
                "-d",
                f"{seconds}s",
                "--timeout",
                "10s",
                "-s",
                script,
                base,
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=False,
        )
    finally:
        os.unlink(script)
    line = next((x for x in done.stdout.splitlines() if x.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no summary: {done.stdout[-300:]} {done.stderr[-300:]}")
    stats = json.loads(line[len("WRKJSON ") :])
    # wrk counts statuses > 399 in "status"; every path of the mix answers 200.
    stats["errors"] = sum(stats[k] for k in ("connect", "read", "write", "status", "timeout"))
    stats["rps"] = round(stats["requests"] / stats["seconds"], 1)
    stats["client"] = "wrk"
    return stats


def load_httpx(
    base: str, paths: list[str], clients: int, seconds: int, max_requests: int = 2_000_000
) -> dict[str, Any]:
    """The same load with an asyncio httpx client (one connection per simulated client)."""
    import httpx

    latencies: list[float] = []
    errors: Counter = Counter()

    async def client(index: int, stop: float, http: httpx.AsyncClient) -> None:
        n = index
        while time.monotonic() < stop and len(latencies) < max_requests:
            path = paths[n % len(paths)]
            n += clients
            started = time.perf_counter()
            try:
                response = await http.get(path)
                if response.status_code != 200:
                    errors[f"status {response.status_code}"] += 1
            except httpx.TimeoutException:
                errors["timeout"] += 1
            except httpx.HTTPError as err:
                errors[type(err).__name__] += 1
            latencies.append(time.perf_counter() - started)

    async def main() -> float:
        limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=10) as http:
            started = time.monotonic()
            await asyncio.gather(*(client(i, started + seconds, http) for i in range(clients)))
            return time.monotonic() - started

    elapsed = asyncio.run(main())
    latencies.sort()
    pick = lambda q: round(1000 * latencies[min(len(latencies) - 1, int(q * len(latencies)))], 2)
    return {
        "client": "httpx",
        "requests": len(latencies),
        "errors": sum(errors.values()),
        "error_kinds": dict(errors),
        "p50_ms": pick(0.50),
        "p90_ms": pick(0.90),
        "p99_ms": pick(0.99),
        "max_ms": round(1000 * latencies[-1], 2),
        "seconds": round(elapsed, 2),
        "rps": round(len(latencies) / elapsed, 1),
    }


# ---- attack over HTTP -------------------------------------------------------------------------
def send(http: Any, probe: Probe) -> tuple[int, dict[str, str], str]:
    """Send one probe with an httpx or TestClient ``http``; (status, lower-case headers, body)."""
    response = http.request(
        probe.method,
        probe.path,
        params=probe.params or None,
        json=probe.json_body,
        headers=probe.headers or None,
    )
    return response.status_code, {k.lower(): v for k, v in response.headers.items()}, response.text


def run_probes(http: Any, probes: list[Probe]) -> tuple[int, list[str]]:
    found: list[str] = []
    for probe in probes:
        found += findings(probe, *send(http, probe))
    return len(probes), found


def oversize_checks(base: str, max_body: int = 2_000_000) -> dict[str, Any]:
    """Raw-socket requests too big to accept: each must be refused with 4xx, never served or 5xx."""
    cases = {
        "url 5000 chars": (f"GET /events?q={'a' * 5000} HTTP/1.1\r\nHost: x\r\n\r\n".encode(), (414,)),
        "url 100000 chars": (
            f"GET /events?q={'a' * 100_000} HTTP/1.1\r\nHost: x\r\n\r\n".encode(),
            (400, 414, 431),
        ),
        "header 100 KB": (
            f"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: {'b' * 100_000}\r\n\r\n".encode(),
            (400, 431),
        ),
        "declared body 50 MB": (
            b"POST /ingest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n{",
            (413,),
        ),
        "bad content-length": (b"POST /ingest HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", (400, 413)),
    }
    chunk = b"x" * 65536
    body = (
        b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(max_body // len(chunk) + 2))
        + b"0\r\n\r\n"
    )
    cases["chunked body over the limit"] = (
        b"POST /ingest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
        b"Authorization: Bearer " + TOKEN.encode() + b"\r\n\r\n" + body,
        (413,),
    )
    host, port = base.rsplit("//", 1)[1].split(":")
    out = {}
    for name, (raw, allowed) in cases.items():
        with socket.create_connection((host, int(port)), timeout=20) as sock:
            with contextlib.suppress(OSError):  # the server may close while we still send
                sock.sendall(raw)
            data = b""
            with contextlib.suppress(OSError):
                while b"\r\n" not in data:
                    piece = sock.recv(4096)
                    if not piece:
                        break
                    data += piece
        line = data.split(b"\r\n", 1)[0].decode("latin-1")
        status = int(line.split()[1]) if line.startswith("HTTP/") and len(line.split()) > 1 else None
        out[name] = {"status": status, "ok": status in allowed, "allowed": list(allowed)}
    return out


def schemathesis_run(base: str, examples: int, seed: int = 1) -> dict[str, Any]:
    """Generated cases (valid and invalid) for every operation of the live server's OpenAPI spec."""
    import schemathesis
    from hypothesis import HealthCheck, given, settings

    schema = schemathesis.openapi.from_url(base + "/openapi.json")
    tried: Counter = Counter()
    found: list[str] = []
    slowest: list[tuple[float, str]] = []

    def check(case: Any) -> None:
        tried[f"{case.method} {case.path}"] += 1
        started = time.monotonic()
        try:
            response = case.call(base_url=base, timeout=30)
        except Exception as err:  # noqa: BLE001 - a timeout or a dropped connection is a finding, not a crash
            found.append(f"{type(err).__name__} for {case.method} {case.formatted_path} {case.query}")
            return
        slowest.append((time.monotonic() - started, f"{case.method} {case.formatted_path} {case.query}"))
        slowest.sort(reverse=True)
        del slowest[5:]
        headers = {k.lower(): ", ".join(v) if isinstance(v, list) else v for k, v in response.headers.items()}
        found.extend(
            findings(
                Probe(case.method, case.formatted_path, dict(case.query or {}), label="schemathesis"),
                response.status_code,
                headers,
                response.text,
            )
        )

    for result in schema.get_all_operations():
        run = given(case=result.ok().as_strategy())(check)
        settings(
            max_examples=examples,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )(run)()
    return {
        "cases": sum(tried.values()),
        "per_operation": dict(tried),
        "findings": found,
        "slowest": [(round(t, 3), what[:300]) for t, what in slowest],
    }


# ---- main -------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", nargs="?", choices=("load", "attack", "both"), default="both")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--client", choices=("auto", "wrk", "httpx"), default="auto")
    parser.add_argument("--synthetic", type=int, default=2000, help="synthetic stories added to the examples")
    parser.add_argument("--examples", type=int, default=200, help="schemathesis cases per operation")
    parser.add_argument("--out", default=str(HERE / "results" / "api_load.json"))
    args = parser.parse_args(argv)
    # Each part replaces its own section of the results file, so the parts can be rerun one by one.
    out = Path(args.out)
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8")) if out.exists() else {}
    parts = ("load", "attack") if args.part == "both" else (args.part,)
    for part in parts:
        report[f"{part}_run"] = {
            "params": {k: v for k, v in vars(args).items() if k not in ("out", "part")},
            "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
            "when": time.strftime("%Y-%m-%d %H:%M:%S"),
        }
    failed = False
    with tempfile.TemporaryDirectory(prefix="warta-load-") as tmp:
        db = str(Path(tmp) / "warta.db")
        store = build_db(db, args.synthetic)
        for part in parts:
            report[f"{part}_run"]["store"] = store
        with serve(db) as base:
            if args.part in ("load", "both"):
                report["load"] = run_load(base, url_mix(db), args)
                report["load"]["server_exceptions"] = base.exceptions()
                failed |= report["load"]["errors"] + report["load"]["server_exceptions"] > 0
            if args.part in ("attack", "both"):
                report["attack"] = run_attack(base, db, args)
                failed |= report["attack"]["findings_total"] > 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if failed else 0


def run_load(base: str, paths: list[str], args: argparse.Namespace) -> dict[str, Any]:
    use_wrk = args.client == "wrk" or (args.client == "auto" and shutil.which("wrk"))
    runner: Callable[..., dict[str, Any]] = load_wrk if use_wrk else load_httpx
    stats = runner(base, paths, args.clients, args.seconds)
    stats.update(clients=args.clients, urls=len(paths))
    print(
        f"load ({stats['client']}): {args.clients} clients, {stats['seconds']} s: {stats['requests']} requests "
        f"({stats['rps']}/s), errors {stats['errors']}, p50 {stats['p50_ms']} ms, p90 {stats['p90_ms']} ms, "
        f"p99 {stats['p99_ms']} ms, max {stats['max_ms']} ms",
        flush=True,
    )
    return stats


def run_attack(base: Server, db: str, args: argparse.Namespace) -> dict[str, Any]:
    import httpx

    with httpx.Client(base_url=base, timeout=30) as http:
        spec = http.get("/openapi.json").json()
        ids = sample_ids(db)
        before = _count(db, "articles"), _count(db, "events")
        groups = {
            "parameters": parameter_probes(spec, ids),
            "ingest": ingest_probes(),
            "methods": method_probes(spec, ids),
        }
        out: dict[str, Any] = {}
        for name, probes in groups.items():
            tried, found = run_probes(http, probes)
            out[name] = {"probes": tried, "findings": found}
            print(f"attack {name}: {tried} probes, {len(found)} findings", flush=True)
    # Nothing written: the probes carried no valid token.
    out["store_unchanged"] = before == (_count(db, "articles"), _count(db, "events"))
    out["oversize"] = oversize_checks(base)
    print("attack oversize:", {k: v["status"] for k, v in out["oversize"].items()}, flush=True)
    out["schemathesis"] = schemathesis_run(base, args.examples)
    print(
        f"attack schemathesis: {out['schemathesis']['cases']} cases, {len(out['schemathesis']['findings'])} findings",
        flush=True,
    )
    out["server_exceptions"] = base.exceptions()
    out["server_errors"] = base.errors()
    out["probes_total"] = (
        sum(out[g]["probes"] for g in groups) + len(out["oversize"]) + out["schemathesis"]["cases"]
    )
    out["findings_total"] = (
        sum(len(out[g]["findings"]) for g in groups)
        + len(out["schemathesis"]["findings"])
        + sum(not v["ok"] for v in out["oversize"].values())
        + (not out["store_unchanged"])
        + out["server_exceptions"]
    )
    return out


def _count(db: str, table: str) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


if __name__ == "__main__":
    sys.exit(main())
