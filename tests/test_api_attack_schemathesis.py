"""schemathesis over the app's own OpenAPI spec, in-process (ASGI), a bounded number of generated
cases per operation, valid and invalid: no 5xx, no database error leaking, no script reflected into
a page. bench/api_load.py runs many more cases against a live `warta serve`."""

from __future__ import annotations


import pytest

pytest.importorskip("fastapi")
schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings

TOKEN = "uji-skema-rahasia"


@pytest.fixture(scope="module")
def api_schema(web_db):
    from warta.api import create_app

    # With an ingest token, so that POST /ingest is in the spec (the cases never carry the token).
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(web_db, ingest_token=TOKEN))


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(
    max_examples=12, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
def test_api_attack_schemathesis_generated_cases(case, attack):
    response = case.call()
    headers = {k.lower(): ", ".join(v) if isinstance(v, list) else v for k, v in response.headers.items()}
    probe = attack.Probe(case.method, case.formatted_path, label="schemathesis")
    assert attack.findings(probe, response.status_code, headers, response.text) == []
    if case.path == "/ingest" and case.method == "POST":  # never with the token: nothing is stored
        assert response.status_code in attack.expected_refusal(probe), response.text
    elif case.method != "GET":
        assert response.status_code == 405, response.text
