"""``sitrep report``: a situation report for a period and an area, as one self-contained HTML file,
Markdown, or PDF (headless chromium prints the HTML).

What it holds (``build``): headline figures as ranges (incidents; fatalities low, best, high) with
the grade mix; the change against the previous period of the same length; a map of the incidents
drawn offline (SVG, the web map's Natural Earth outlines); a timeline of incidents and fatalities
per day; a table per admin1; the ten deadliest incidents with their sources and the quote behind
each figure; toll revisions reported in the period; the alerts that fire at its end; and a methods
box saying what the grades and ranges mean and what sitrep counts. Nothing is fetched: the HTML
carries its own styles and drawings.
"""
from __future__ import annotations

import datetime as dt
import functools
import html
import json
import math
from collections import Counter, defaultdict
from importlib import resources
from typing import Any

from . import alerts

METHODS = (
    "Each incident is one event however many reports tell it: reports of one event are merged, and "
    "near-duplicate copies never count as independent sources. Every figure is a claim with its source "
    "and quote; an incident's low and high are the lowest and highest of its independent reports, its best "
    "the latest report's, within them (UCDP's low/best/high). Totals add the incidents' low, best and high. "
    "Grades follow Airwars' scale: Confirmed (a party claimed responsibility), Fair (two or more independent "
    "sources), Weak (one source), Contested (competing claims), Pending (the toll may still rise), Discounted "
    "(set aside by a reviewer). Types are ACLED's. sitrep reads only what the reports say: events nobody "
    "reported are not here, and a figure is only as good as its sources."
)


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def build(store: Any, since: dt.date | str | None = None, until: dt.date | str | None = None, **filters: Any) -> dict[str, Any]:
    """The report's content for the incidents the filters select, between ``since`` and ``until``
    (dates or ISO strings, as ``IncidentFilters.store_kwargs`` gives them; default: the 7 days
    ending on the latest event date)."""
    since, until = (dt.date.fromisoformat(d) if isinstance(d, str) else d for d in (since, until))
    if until is None:
        latest, _ = store.query_incidents(sort="-event_date", limit=1, **filters)
        until = (_day(latest[0].get("event_date")) if latest else None) or dt.date.today()
    # the alert rules read only their look-back before the period's end (not the whole history)
    history = store.alert_rows(**filters, since=(until - dt.timedelta(days=alerts.history_days())).isoformat(),
                               until=until.isoformat())
    if since is None:
        since = until - dt.timedelta(days=6)
    length = (until - since).days + 1
    prev_since, prev_until = since - dt.timedelta(days=length), since - dt.timedelta(days=1)
    now = [inc for inc in _incidents(store, since, until, filters)]
    before = [inc for inc in _incidents(store, prev_since, prev_until, filters)]
    rows = alerts.rows_from(history)
    fired = [a.to_dict() for a in alerts.evaluate(rows, until)] if rows else []
    deadliest = sorted(now, key=lambda i: (-(_best(i) or 0), i["event_date"] or "", i["id"]))[:10]
    return {
        "title": _title(filters, since, until),
        "since": since.isoformat(), "until": until.isoformat(), "filters": {k: v for k, v in filters.items() if v is not None},
        "headline": _totals(now), "previous": {**_totals(before), "since": prev_since.isoformat(), "until": prev_until.isoformat()},
        "grades": dict(sorted(Counter(i.get("grade") or "ungraded" for i in now).items())),
        "by_admin1": _by_admin1(now),
        "by_day": _by_day(now, since, until),
        "deadliest": [_detail(store, i["id"]) for i in deadliest],
        "revisions": _revisions(store, now),
        "alerts": fired,
        "points": [{"id": i["id"], "lat": (i.get("location") or {}).get("latitude"), "lon": (i.get("location") or {}).get("longitude"),
                    "fatalities": _best(i) or 0, "type": i.get("event_type")} for i in now
                   if (i.get("location") or {}).get("latitude") is not None],
        "methods": METHODS,
    }


def _incidents(store: Any, since: dt.date, until: dt.date, filters: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    cursor = None
    chosen = {**filters, "since": since.isoformat(), "until": until.isoformat()}
    while True:
        page, cursor = store.query_incidents(sort="event_date", cursor=cursor, limit=500, **chosen)
        out += page
        if not cursor:
            return out


def _best(inc: dict[str, Any]) -> int | None:
    f = inc.get("fatalities") or {}
    return f.get("best") if f.get("best") is not None else f.get("low")


def _totals(incs: list[dict[str, Any]]) -> dict[str, int]:
    low = sum((i.get("fatalities") or {}).get("low") or 0 for i in incs)
    best = sum(_best(i) or 0 for i in incs)
    high = sum(((i.get("fatalities") or {}).get("high") if (i.get("fatalities") or {}).get("high") is not None else _best(i)) or 0 for i in incs)
    return {"incidents": len(incs), "fatalities_low": low, "fatalities_best": best, "fatalities_high": high}


def _by_admin1(incs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for i in incs:
        loc = i.get("location") or {}
        groups[(loc.get("country") or "unknown country", loc.get("admin1") or "unknown area")].append(i)
    rows = [{"country": c, "admin1": a, **_totals(g)} for (c, a), g in groups.items()]
    return sorted(rows, key=lambda r: (-r["fatalities_best"], -r["incidents"], r["country"], r["admin1"]))


def _by_day(incs: list[dict[str, Any]], since: dt.date, until: dt.date) -> list[dict[str, Any]]:
    days = {since + dt.timedelta(days=k): [0, 0] for k in range((until - since).days + 1)}
    for i in incs:
        d = _day(i.get("event_date"))
        if d in days:
            days[d][0] += 1
            days[d][1] += _best(i) or 0
    return [{"day": d.isoformat(), "incidents": v[0], "fatalities": v[1]} for d, v in sorted(days.items())]


def _detail(store: Any, incident_id: str) -> dict[str, Any]:
    inc = store.get_incident(incident_id) or {}
    loc = inc.get("location") or {}
    claims = [{"kind": c.get("kind"), "min": c.get("min"), "max": c.get("max"), "source": c.get("source"),
               "quote": c.get("quote"), "outlet": (c.get("article") or {}).get("outlet")}
              for c in inc.get("claims") or [] if c.get("kind") in ("killed", "injured")]
    return {"id": incident_id, "event_date": inc.get("event_date"), "type": inc.get("sub_event_type") or inc.get("event_type"),
            "place": ", ".join(x for x in (loc.get("name"), loc.get("admin1"), loc.get("country")) if x) or "unknown place",
            "fatalities": inc.get("fatalities") or {}, "grade": inc.get("grade"), "sources": inc.get("sources") or [], "claims": claims}


def _revisions(store: Any, incs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Incidents told by several reports whose killed toll changed, the figures by date."""
    out = []
    for i in incs:
        if (i.get("n_reports") or 1) < 2:
            continue
        revs = [r for r in ((store.get_incident(i["id"]) or {}).get("revisions") or []) if r.get("kind") == "killed"]
        if len({r.get("min") for r in revs}) >= 2:
            out.append({"id": i["id"], "figures": [{"reported": r.get("reported"), "min": r.get("min"), "outlet": r.get("outlet")} for r in revs]})
    return out


def _title(filters: dict[str, Any], since: dt.date, until: dt.date) -> str:
    where = filters.get("admin2") or filters.get("admin1") or filters.get("country") or "all areas"
    return f"Situation report: {where}, {since.isoformat()} to {until.isoformat()}"


# -- drawing -----------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _outlines() -> list[list[tuple[float, float]]]:
    """Country rings (lon, lat) from the web map's Natural Earth TopoJSON, unwrapped at the antimeridian."""
    world = json.loads(resources.files("sitrep.serve").joinpath("static/vendor/countries-110m.json").read_text("utf-8"))
    (sx, sy), (tx, ty) = world["transform"]["scale"], world["transform"]["translate"]
    arcs = []
    for arc in world["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        pts: list[tuple[float, float]] = []
        for k in indexes:
            seg = arcs[k] if k >= 0 else arcs[~k][::-1]
            pts += seg[1:] if pts else seg
        return pts

    rings = []
    for g in world["objects"]["countries"]["geometries"]:
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]] if g["type"] == "Polygon" else []
        for poly in polys:
            rings += [ring(r) for r in poly]
    return [r for r in rings if r and max(p[0] for p in r) - min(p[0] for p in r) < 180]  # the pole's ring and wrapping ones left out


def map_svg(points: list[dict[str, Any]], width: int = 640, height: int = 360) -> str:
    """The incidents on the country outlines (equirectangular), framed on them with a margin."""
    if points:
        lats = [p["lat"] for p in points]
        lons = [p["lon"] for p in points]
        pad = max(2.0, (max(lons) - min(lons)) * 0.25, (max(lats) - min(lats)) * 0.25)
        west, east, south, north = min(lons) - pad, max(lons) + pad, min(lats) - pad, max(lats) + pad
    else:
        west, east, south, north = -180.0, 180.0, -60.0, 80.0
    # keep the aspect: widen the narrower side
    span_x, span_y = east - west, north - south
    if span_x / width < span_y / height:
        grow = (span_y * width / height - span_x) / 2
        west, east = west - grow, east + grow
    else:
        grow = (span_x * height / width - span_y) / 2
        south, north = south - grow, north + grow

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) / (east - west) * width, (north - lat) / (north - south) * height

    paths = []
    for r in _outlines():
        if max(p[0] for p in r) < west or min(p[0] for p in r) > east or max(p[1] for p in r) < south or min(p[1] for p in r) > north:
            continue
        d = "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in (xy(lon, lat) for lon, lat in r)) + "Z"
        paths.append(f'<path d="{d}"/>')
    dots = []
    for p in sorted(points, key=lambda p: -p["fatalities"]):
        x, y = xy(p["lon"], p["lat"])
        r = 3 + 2 * math.sqrt(p["fatalities"])
        dots.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{min(r, 30):.1f}"><title>{html.escape(str(p["type"]))}: '
                    f'{p["fatalities"]} killed</title></circle>')
    return (f'<svg class="map" viewBox="0 0 {width} {height}" role="img" aria-label="map of the incidents">'
            f'<rect width="{width}" height="{height}" class="sea"/><g class="land">{"".join(paths)}</g>'
            f'<g class="incidents">{"".join(dots)}</g></svg>')


def timeline_svg(days: list[dict[str, Any]], width: int = 640, height: int = 140) -> str:
    """Incidents per day as bars, fatalities as a line."""
    n = max(1, len(days))
    top_i = max([d["incidents"] for d in days] + [1])
    top_f = max([d["fatalities"] for d in days] + [1])
    bw = width / n
    bars, line = [], []
    for k, d in enumerate(days):
        h = (height - 24) * d["incidents"] / top_i
        bars.append(f'<rect x="{k * bw + 1:.1f}" y="{height - 18 - h:.1f}" width="{max(bw - 2, 1):.1f}" height="{h:.1f}">'
                    f'<title>{d["day"]}: {d["incidents"]} incident(s), {d["fatalities"]} killed</title></rect>')
        line.append(f"{k * bw + bw / 2:.1f},{height - 18 - (height - 24) * d['fatalities'] / top_f:.1f}")
    labels = (f'<text x="0" y="{height - 4}">{html.escape(days[0]["day"])}</text>'
              f'<text x="{width}" y="{height - 4}" text-anchor="end">{html.escape(days[-1]["day"])}</text>') if days else ""
    return (f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" aria-label="incidents and fatalities per day">'
            f'{"".join(bars)}<polyline points="{" ".join(line)}"/>{labels}</svg>')


# -- writing -----------------------------------------------------------------------------------------

_CSS = """body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:860px;color:#222}
h1{font-size:22px}h2{font-size:16px;margin-top:28px;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:3px 6px;border-bottom:1px solid #eee;vertical-align:top}
td.num,th.num{text-align:right}.figures{display:flex;gap:24px}.figure b{font-size:24px;display:block}
.map .sea{fill:#eef3f7}.map .land path{fill:#dcd8cc;stroke:#fff;stroke-width:.6}.map circle{fill:#c62828;fill-opacity:.6;stroke:#7f0000}
.timeline rect{fill:#90a4ae}.timeline polyline{fill:none;stroke:#c62828;stroke-width:2}.timeline text{font-size:11px;fill:#555}
blockquote{margin:2px 0 2px 12px;color:#444;font-style:italic}.methods{background:#f6f6f6;padding:8px 12px;border-radius:4px}
@media print{body{margin:0}}"""


def _range(low: int, best: int, high: int) -> str:
    return f"{best}" if low == best == high else f"{best} ({low}–{high})"


def _killed(f: dict[str, Any]) -> str:
    """An incident's toll as "best (low–high)", "0" when no toll was reported."""
    low, best, high = f.get("low"), f.get("best"), f.get("high")
    best = best if best is not None else low
    if best is None:
        return "0"
    return _range(low if low is not None else best, best, high if high is not None else best)


def _change(now: int, before: int) -> str:
    if before == 0:
        return "the previous period had none"
    pct = (now - before) / before * 100
    return f"{'+' if pct >= 0 else ''}{pct:.0f}% against {before}"


def to_html(r: dict[str, Any]) -> str:
    e = html.escape
    h, p = r["headline"], r["previous"]
    grades = ", ".join(f"{e(g)} {n}" for g, n in r["grades"].items()) or "none"
    admin = "".join(f"<tr><td>{e(a['country'])}</td><td>{e(a['admin1'])}</td><td class=num>{a['incidents']}</td>"
                    f"<td class=num>{_range(a['fatalities_low'], a['fatalities_best'], a['fatalities_high'])}</td></tr>" for a in r["by_admin1"])
    dead = []
    for d in r["deadliest"]:
        f = d["fatalities"]
        quotes = "".join(f"<blockquote>{e(c['kind'])} {c['min']}{'–' + str(c['max']) if c.get('max') not in (None, c['min']) else ''}: "
                         f"“{e(c['quote'] or '')}” ({e(c['source'] or c['outlet'] or 'unattributed')})</blockquote>" for c in d["claims"][:4])
        dead.append(f"<tr><td>{e(d['event_date'] or '?')}</td><td>{e(d['type'] or '')}</td><td>{e(d['place'])}</td>"
                    f"<td class=num>{e(_killed(f))}</td><td>{e(d['grade'] or '')}</td>"
                    f"<td>{e('; '.join(d['sources']))}{quotes}</td></tr>")
    revs = "".join(f"<li>{e(v['id'])}: " + " → ".join(f"{x['min']} ({e(x['reported'] or '?')}, {e(x['outlet'] or '')})" for x in v["figures"]) + "</li>"
                   for v in r["revisions"]) or "<li>none</li>"
    alerts_html = "".join(f"<li><b>{e(a['rule'])}</b>: {e(a['message'])}</li>" for a in r["alerts"]) or "<li>none</li>"
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{e(r['title'])}</title>
<style>{_CSS}</style></head><body>
<h1 id="title">{e(r['title'])}</h1>
<section id="headline"><h2>Headline</h2><div class="figures">
<div class="figure"><b>{h['incidents']}</b>incidents ({_change(h['incidents'], p['incidents'])})</div>
<div class="figure"><b>{_range(h['fatalities_low'], h['fatalities_best'], h['fatalities_high'])}</b>killed, best (low–high)
({_change(h['fatalities_best'], p['fatalities_best'])})</div></div>
<p>Grades: {grades}. Previous period: {e(p['since'])} to {e(p['until'])}.</p></section>
<section id="map"><h2>Map</h2>{map_svg(r['points'])}</section>
<section id="timeline"><h2>Timeline</h2>{timeline_svg(r['by_day'])}</section>
<section id="admin1"><h2>By area</h2><table><thead><tr><th>country</th><th>admin1</th><th class=num>incidents</th>
<th class=num>killed, best (low–high)</th></tr></thead><tbody>{admin}</tbody></table></section>
<section id="deadliest"><h2>Deadliest incidents</h2><table><thead><tr><th>date</th><th>type</th><th>place</th>
<th class=num>killed</th><th>grade</th><th>sources and quotes</th></tr></thead><tbody>{''.join(dead)}</tbody></table></section>
<section id="revisions"><h2>Toll revisions</h2><ul>{revs}</ul></section>
<section id="alerts"><h2>Alerts</h2><ul>{alerts_html}</ul></section>
<section id="methods" class="methods"><h2>Methods</h2><p>{e(r['methods'])}</p></section>
</body></html>
"""


def to_markdown(r: dict[str, Any]) -> str:
    h, p = r["headline"], r["previous"]
    lines = [f"# {r['title']}", "", "## Headline", "",
             f"- {h['incidents']} incidents ({_change(h['incidents'], p['incidents'])})",
             f"- killed: {_range(h['fatalities_low'], h['fatalities_best'], h['fatalities_high'])} "
             f"({_change(h['fatalities_best'], p['fatalities_best'])})",
             "- grades: " + (", ".join(f"{g} {n}" for g, n in r["grades"].items()) or "none"), "",
             "## By area", "", "| country | admin1 | incidents | killed, best (low–high) |", "|---|---|---:|---:|"]
    lines += [f"| {a['country']} | {a['admin1']} | {a['incidents']} | {_range(a['fatalities_low'], a['fatalities_best'], a['fatalities_high'])} |"
              for a in r["by_admin1"]]
    lines += ["", "## Deadliest incidents", ""]
    for d in r["deadliest"]:
        f = d["fatalities"]
        lines.append(f"- {d['event_date']} {d['type']} in {d['place']}: {_killed(f)} killed, "
                     f"{d['grade'] or 'ungraded'}; {'; '.join(d['sources'])}")
        lines += [f"  > {c['kind']} {c['min']}: “{c['quote']}” ({c['source'] or c['outlet'] or 'unattributed'})" for c in d["claims"][:4]]
    lines += ["", "## Toll revisions", ""] + ([f"- {v['id']}: " + " → ".join(f"{x['min']} ({x['reported']})" for x in v["figures"])
                                              for v in r["revisions"]] or ["- none"])
    lines += ["", "## Alerts", ""] + ([f"- **{a['rule']}**: {a['message']}" for a in r["alerts"]] or ["- none"])
    lines += ["", "## Methods", "", r["methods"], ""]
    return "\n".join(lines)
