"""Geometry of the dashboard's SVG charts (drawn by the templates): timeline, bars, network, map.

Everything is computed here in plain Python so that the charts need no JavaScript library and
render the same in every browser; the numbers are rounded to keep the SVG small.
"""

from __future__ import annotations

import math
from datetime import date, timedelta
from typing import Any

QUADS = ("1", "2", "3", "4")
QUAD_LABELS = {"1": "verbal cooperation", "2": "material cooperation", "3": "verbal conflict",
               "4": "material conflict", "none": "no QuadClass"}


def _bucket(day: str, unit: str) -> str:
    d = date.fromisoformat(day)
    if unit == "week":
        return (d - timedelta(days=d.weekday())).isoformat()
    if unit == "month":
        return day[:7] + "-01"
    return day


def timeline(per_day: list[dict[str, Any]], width: int = 900, height: int = 220) -> dict[str, Any]:
    """Stacked bars of event counts per day (or week/month for long ranges) by QuadClass."""
    rows = [r for r in per_day if len(r["day"]) == 10 and r["day"][4] == "-"]
    rows, outside = _trim_sparse_tails(rows)
    if not rows:
        return {"bars": [], "ticks": [], "width": width, "height": height, "max": 0, "unit": "day", "outside": 0}
    first, last = date.fromisoformat(rows[0]["day"]), date.fromisoformat(rows[-1]["day"])
    span = (last - first).days + 1
    unit = "day" if span <= 120 else "week" if span <= 900 else "month"
    buckets: dict[str, dict[str, int]] = {}
    for r in rows:
        b = buckets.setdefault(_bucket(r["day"], unit), {q: 0 for q in (*QUADS, "none")})
        for q in (*QUADS, "none"):
            b[q] += int(r.get(q, 0) or 0)
    # Every bucket between first and last, so that quiet days show as gaps.
    keys, cursor = [], date.fromisoformat(_bucket(rows[0]["day"], unit))
    while cursor <= last:
        keys.append(cursor.isoformat())
        cursor = (cursor + timedelta(days=1 if unit == "day" else 7)) if unit != "month" else \
            (cursor.replace(day=28) + timedelta(days=4)).replace(day=1)
    left, bottom, top = 40, 24, 10
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max(sum(b.values()) for b in buckets.values()) or 1
    step = plot_w / max(len(keys), 1)
    bars = []
    for i, key in enumerate(keys):
        counts = buckets.get(key, {})
        y = top + plot_h
        for q in (*QUADS, "none"):
            n = counts.get(q, 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            bars.append({"x": round(left + i * step + step * 0.1, 1), "y": round(y, 1),
                         "w": round(max(step * 0.8, 1), 1), "h": round(h, 1), "quad": q, "n": n, "day": key,
                         "label": f"{key}: {n} {QUAD_LABELS[q]}"})
    every = max(1, math.ceil(len(keys) / 8))
    ticks = [{"x": round(left + i * step + step / 2, 1), "label": key if unit != "month" else key[:7]}
             for i, key in enumerate(keys) if i % every == 0]
    yticks = [{"y": round(top + plot_h - plot_h * v / peak, 1), "label": v}
              for v in sorted({0, peak // 2, peak}) if v or peak]
    return {"bars": bars, "ticks": ticks, "yticks": yticks, "width": width, "height": height, "max": peak,
            "unit": unit, "left": left, "base": top + plot_h, "outside": outside}


def _day_total(row: dict[str, Any]) -> int:
    return sum(int(row.get(q, 0) or 0) for q in (*QUADS, "none"))


def _trim_sparse_tails(rows: list[dict[str, Any]], share: float = 0.05) -> tuple[list[dict[str, Any]], int]:
    """Drop the earliest and latest days that together hold at most ``share`` of the events.

    News mentions dates far from the story ("sejak 1945", "hingga 2030"); a few such events would
    otherwise stretch the axis over decades and squeeze the real activity into one bar."""
    total = sum(_day_total(r) for r in rows)
    budget = int(total * share)
    start, end, head, tail = 0, len(rows), 0, 0
    while start < end - 1 and head + _day_total(rows[start]) <= budget / 2:
        head += _day_total(rows[start])
        start += 1
    while end - 1 > start and tail + _day_total(rows[end - 1]) <= budget / 2:
        tail += _day_total(rows[end - 1])
        end -= 1
    return rows[start:end], head + tail


def dyad_bars(dyads: list[dict[str, Any]], width: int = 440, row: int = 22) -> dict[str, Any]:
    """Horizontal bars for the top actor pairs, split into cooperation and conflict."""
    peak = max((d["n"] for d in dyads), default=1)
    label_w, bar_w = 170, width - 170 - 40
    rows = []
    for i, d in enumerate(dyads):
        coop_w = bar_w * d["cooperation"] / peak
        conf_w = bar_w * d["conflict"] / peak
        other_w = bar_w * max(d["n"] - d["cooperation"] - d["conflict"], 0) / peak
        rows.append({"y": i * row, "label": f"{d['source']} → {d['target']}", "n": d["n"],
                     "coop": round(coop_w, 1), "conf": round(conf_w, 1), "other": round(other_w, 1),
                     "x": label_w, "title": f"{d.get('source_name') or d['source']} → "
                                            f"{d.get('target_name') or d['target']}: {d['n']} events "
                                            f"({d['cooperation']} cooperation, {d['conflict']} conflict)",
                     "source": d["source"], "target": d["target"]})
    return {"rows": rows, "width": width, "height": max(len(rows) * row, row), "label_w": label_w}


def network_layout(net: dict[str, Any], width: int = 440, height: int = 360, rounds: int = 120) -> dict[str, Any]:
    """A small deterministic force layout: nodes start on a circle, edges pull, nodes push apart."""
    nodes = [dict(n) for n in net.get("nodes", [])]
    count = len(nodes)
    if not count:
        return {"nodes": [], "edges": [], "width": width, "height": height}
    cx, cy = width / 2, height / 2
    radius = min(width, height) * 0.38
    pos = {n["id"]: [cx + radius * math.cos(2 * math.pi * i / count), cy + radius * math.sin(2 * math.pi * i / count)]
           for i, n in enumerate(nodes)}
    edges = [e for e in net.get("edges", []) if e["source"] in pos and e["target"] in pos]
    ideal = math.sqrt(width * height / count) * 0.6
    for step in range(rounds):
        heat = ideal * 0.1 * (1 - step / rounds) + 0.5
        move = {k: [0.0, 0.0] for k in pos}
        keys = list(pos)
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                dist = math.hypot(dx, dy) or 0.01
                push = ideal * ideal / dist
                move[a][0] += dx / dist * push
                move[a][1] += dy / dist * push
                move[b][0] -= dx / dist * push
                move[b][1] -= dy / dist * push
        for e in edges:
            a, b = e["source"], e["target"]
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            dist = math.hypot(dx, dy) or 0.01
            pull = dist * dist / ideal
            move[a][0] -= dx / dist * pull
            move[a][1] -= dy / dist * pull
            move[b][0] += dx / dist * pull
            move[b][1] += dy / dist * pull
        for k, (mx, my) in move.items():
            length = math.hypot(mx, my) or 1
            pos[k][0] += mx / length * min(length, heat) + (cx - pos[k][0]) * 0.01
            pos[k][1] += my / length * min(length, heat) + (cy - pos[k][1]) * 0.01
    # Fit the result into the box with a margin for labels.
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    margin = 40
    sx = (width - 2 * margin) / ((max(xs) - min(xs)) or 1)
    sy = (height - 2 * margin) / ((max(ys) - min(ys)) or 1)
    for k, p in pos.items():
        p[0] = margin + (p[0] - min(xs)) * sx if count > 1 else cx
        p[1] = margin + (p[1] - min(ys)) * sy if count > 1 else cy
    peak = max(n["n"] for n in nodes) or 1
    peak_edge = max((e["n"] for e in edges), default=1)
    for n in nodes:
        n["x"], n["y"] = round(pos[n["id"]][0], 1), round(pos[n["id"]][1], 1)
        n["r"] = round(4 + 10 * math.sqrt(n["n"] / peak), 1)
    out_edges = [{**e, "x1": round(pos[e["source"]][0], 1), "y1": round(pos[e["source"]][1], 1),
                  "x2": round(pos[e["target"]][0], 1), "y2": round(pos[e["target"]][1], 1),
                  "w": round(1 + 5 * e["n"] / peak_edge, 1)} for e in edges]
    return {"nodes": nodes, "edges": out_edges, "width": width, "height": height}


WORLD = (-180.0, 180.0, 84.0, -60.0)  # west, east, north, south: where people live


def project(lat: float, lon: float, width: int, height: int, view: tuple[float, ...] = WORLD) -> tuple[float, float]:
    """Equirectangular projection of the view (west, east, north, south) onto the box."""
    west, east, north, south = view
    x = (lon - west) / (east - west) * width
    y = (north - lat) / (north - south) * height
    return round(x, 1), round(y, 1)


def fit_view(places: list[dict[str, Any]], width: int, height: int, pad: float = 12.0) -> tuple[float, ...]:
    """The smallest view around the places (padded, at the box's aspect ratio), or the world."""
    if not places:
        return WORLD
    lats, lons = [p["lat"] for p in places], [p["lon"] for p in places]
    west, east = min(lons) - pad, max(lons) + pad
    south, north = min(lats) - pad, max(lats) + pad
    lon_span, lat_span = east - west, north - south
    aspect = width / height
    if lon_span / lat_span < aspect:  # too tall: widen
        grow = (lat_span * aspect - lon_span) / 2
        west, east = west - grow, east + grow
    else:
        grow = (lon_span / aspect - lat_span) / 2
        south, north = south - grow, north + grow
    if east - west >= 300:
        return WORLD
    return (west, east, north, south)


def world_map(places: list[dict[str, Any]], countries: list[tuple[str, str, float, float]],
              width: int = 900, height: int = 380) -> dict[str, Any]:
    """Event places as circles over a background of country centroids and a 10/30-degree graticule,
    zoomed to the places."""
    view = fit_view(places, width, height)
    west, east, north, south = view
    inside = [(code, name, lat, lon) for code, name, lat, lon in countries
              if west <= lon <= east and south <= lat <= north]
    background = [{"x": x, "y": y, "name": name, "code": code}
                  for code, name, lat, lon in inside for x, y in [project(lat, lon, width, height, view)]]
    step = 30 if east - west > 120 else 10
    grid = []
    for lon in range(-180, 181, step):
        if west < lon < east:
            x = project(0, lon, width, height, view)[0]
            grid.append({"x1": x, "y1": 0, "x2": x, "y2": height, "label": f"{abs(lon)}°{'E' if lon >= 0 else 'W'}"})
    for lat in range(-90, 91, step):
        if south < lat < north:
            y = project(lat, 0, width, height, view)[1]
            grid.append({"x1": 0, "y1": y, "x2": width, "y2": y, "label": f"{abs(lat)}°{'N' if lat >= 0 else 'S'}"})
    peak = max((p["n"] for p in places), default=1)
    dots = []
    for p in places:
        x, y = project(p["lat"], p["lon"], width, height, view)
        share = p["conflict"] / p["n"] if p["n"] else 0
        dots.append({"x": x, "y": y, "r": round(3 + 14 * math.sqrt(p["n"] / peak), 1), "name": p["name"],
                     "n": p["n"], "kind": "conflict" if share > 0.5 else "cooperation",
                     "title": f"{p['name']}: {p['n']} events, {p['conflict']} conflict"})
    dots.sort(key=lambda d: -d["r"])  # big circles first so small ones stay clickable on top
    placed: list[tuple[float, float]] = []
    for d in dots:  # label the biggest places whose label would not overlap an earlier one
        d["label"] = len(placed) < 10 and all(abs(d["y"] - y) > 14 or abs(d["x"] - x) > 90 for x, y in placed)
        if d["label"]:
            placed.append((d["x"], d["y"]))
    return {"countries": background, "grid": grid, "places": dots, "width": width, "height": height}
