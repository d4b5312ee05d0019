"""Web pages. Each is a static shell whose script reads its JSON twin:

    /                      map, timeline, filters, table  <->  /api/incidents?<same query>, /api/stats
    /incidents/{id}        one incident                   <->  /api/incidents/{id}  (also /incidents/{id}.json)
                           (an id retired by a merge: 308 to the incident it became)
    /docs                  OpenAPI, rendered offline      <->  /openapi.json
    /report                the situation report (``sitrep report``) for the filters in the query;
                           ``?download=1`` serves it as a file
"""
from __future__ import annotations

import functools
from typing import Annotated

from fastapi import APIRouter, Path, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from .app import STATIC_DIR

router = APIRouter(include_in_schema=False)
Id = Annotated[str, Path(min_length=1, max_length=128, pattern=r"^[\w\-.:]+$")]
_HEADERS = {
    # the pages load only our own files: a stray CDN reference would fail loudly, not silently work
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                               "script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@functools.lru_cache(maxsize=8)
def _page(name: str) -> str:
    return (STATIC_DIR / name).read_text("utf-8")


def _html(name: str) -> HTMLResponse:
    return HTMLResponse(_page(name), headers=_HEADERS)


@router.get("/")
def index() -> Response:
    return _html("index.html")


@router.get("/incidents/{incident_id}.json")
def incident_json(incident_id: Id) -> Response:
    return RedirectResponse(f"/api/incidents/{incident_id}", status_code=307)


@router.get("/incidents/{incident_id}")
def incident_page(request: Request, incident_id: Id) -> Response:
    # an id retired by a merge is a permanent redirect to the incident it became
    resolve = getattr(request.app.state.pool.get(), "resolve_incident_id", None)
    current = resolve(incident_id) if resolve is not None else None
    if current is not None and current != incident_id:
        return RedirectResponse(f"/incidents/{current}", status_code=308)
    return _html("incident.html")


@router.get("/docs")
def docs() -> Response:
    return _html("docs.html")


@router.get("/favicon.ico")
def favicon(request: Request) -> Response:
    return RedirectResponse("/static/favicon.svg", status_code=301)


@router.get("/report")
def report_page(request: Request) -> Response:
    """The situation report for the map's filters (``since``/``until`` name the period; default the
    7 days ending on the latest event): one self-contained HTML page, nothing to load."""
    from ..brief import report
    from .api import _call, _store
    from .params import incident_query

    filters, _, raw = incident_query(request.query_params, 1, paged=False, extra=("download",))
    content = _call(report.build, _store(request), **filters.store_kwargs())
    headers = dict(_HEADERS)
    if raw.get("download"):
        headers["Content-Disposition"] = f'attachment; filename="sitrep-report-{content["since"]}-{content["until"]}.html"'
    return HTMLResponse(report.to_html(content), headers=headers)
