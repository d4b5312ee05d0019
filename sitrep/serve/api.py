"""Read endpoints: incidents (filtered, sorted, cursor-paged), one incident, articles, stats,
the audit log, and streaming exports. Each is the JSON twin of a web page."""
from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

import anyio.to_thread
from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from ..errors import ConfigError
from ..filters import MAX_TEXT
from ..models import ACLED_TYPES, GRADES
from ..store.read import QueryTooLong
from . import exports
from .app import json_body, json_response
from .auth import check_read
from .errors import ApiError, bad_param, responses
from .params import SORTS, IncidentFilters, Page, incident_query, no_params

router = APIRouter(prefix="/api", tags=["read"])
# Lookups by primary key take well under a millisecond on SQLite: they run on the event loop (async
# def), which saves a thread hop per request (``_lookup``; on PostgreSQL, in the thread pool).
# Filtered lists usually take a few milliseconds but can scan: ``_answer`` runs them on the loop
# under a time limit (LOOP_SECONDS) and hands one that runs past it to the thread pool, each thread
# with its own store; stats and roll-ups read every match and go to the pool. The hop cost more than
# the query: at 100,000 incidents and 50 clients, 4.2 ms of server CPU per list page in a thread
# against 1.7 ms on the loop. Exports stream, and stay plain ``def``.

#: how much CPU time a read may take on the event loop before it goes to a worker thread (and starts again there)
LOOP_SECONDS = 0.02

Id = Annotated[str, Path(min_length=1, max_length=128, pattern=r"^[\w\-.:]+$")]
# Declared for the OpenAPI page; the values are parsed and checked by params.py (sitrep.filters),
# so the constraints below are documentation only (json_schema_extra): the checks and their
# messages stay the ones `sitrep export` gives. Some cannot be written in OpenAPI at all (a known
# country, since <= until, a sub-type of the given type, a cursor this API made).
_DATE = {"format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_TEXT = {"minLength": 1, "maxLength": MAX_TEXT}
_NUMBER = r"-?\d+(\.\d+)?"


def _q(description: str, **schema: Any) -> Any:
    """An optional text parameter, documented as a plain string (not ``anyOf [string, null]``:
    left out, it is absent, never null) with the given JSON Schema constraints."""

    def document(js: dict[str, Any]) -> None:
        js.pop("anyOf", None)
        js.update(type="string", **schema)

    return Query(description=description, json_schema_extra=document)


Since = Annotated[str | None, _q("first event date, YYYY-MM-DD", **_DATE)]
Until = Annotated[str | None, _q("last event date, YYYY-MM-DD", **_DATE)]
Country = Annotated[str | None, _q("ISO 3166 alpha-2 code or country name", **_TEXT)]
Admin1 = Annotated[str | None, _q("first-order administrative division", **_TEXT)]
Admin2 = Annotated[str | None, _q("second-order administrative division (district, county)", **_TEXT)]
EventType = Annotated[str | None, _q("ACLED event type", enum=list(ACLED_TYPES))]
SubEventType = Annotated[str | None, _q("ACLED sub-event type",
                                        enum=sorted({s for subs in ACLED_TYPES.values() for s in subs}))]
ActorQ = Annotated[str | None, _q("actor name (any role)", **_TEXT)]
MinFat = Annotated[str | None, _q("minimum best fatality estimate", pattern=r"^\d{1,8}$")]
Bbox = Annotated[str | None, _q("west,south,east,north in degrees",
                                pattern=f"^{_NUMBER},{_NUMBER},{_NUMBER},{_NUMBER}$")]
Q = Annotated[str | None, _q("full-text words over the incidents' articles; word* is a prefix", **_TEXT)]
Grades = Annotated[str | None, _q("confidence grades, comma-separated (fair,confirmed): " + ", ".join(GRADES),
                                  pattern=r"^[A-Za-z, ]{1,200}$")]
Sort = Annotated[str | None, _q("-event_date (default), event_date, -fatalities, fatalities, id", enum=list(SORTS))]
Limit = Annotated[str | None, _q("page size, 1-500 (default 50)", pattern=r"^\d{1,3}$")]
ExportLimit = Annotated[str | None, _q("at most this many incidents", pattern=r"^\d{1,8}$")]


def _store(request: Request) -> Any:
    check_read(request, request.app.state.config)
    return request.app.state.pool.get()


def _call(fn: Any, *args: Any, **kw: Any) -> Any:
    """Call the store; its ConfigError/ValueError (a bad cursor, say) is the client's fault: a 400."""
    try:
        return fn(*args, **kw)
    except (ValueError, ConfigError) as e:
        param = "cursor" if "cursor" in str(e).lower() else "query"
        raise bad_param(param, str(e) or "rejected by the store") from None


async def _answer(request: Request, make: Callable[[Any], bytes], scans: bool = False) -> Response:
    """``make(store)``'s answer (a JSON body), kept (``serve.cache``) while the store's generation holds
    (the counter is read first, so a kept answer is never older than its key).

    Where the store can bound a read (``Store.time_limit``: SQLite), the event loop reads the counter
    and answers from the cache itself, and computes a new answer itself within LOOP_SECONDS; one that
    runs past that, or one that ``scans`` (roll-ups and stats read every matching incident: they would
    spend the limit and start again), is computed in a worker thread with that thread's store. A
    store that cannot (PostgreSQL: each read a round trip) is read from worker threads only, except
    that the event loop answers from the cache itself at the generation the store announced
    (``StorePool.generation_watch``), when it is known."""
    key = request.url.path + "?" + urlencode(sorted(request.query_params.multi_items()))
    cache = request.app.state.cache
    store = _store(request)
    watch = None if _on_loop(store) else request.app.state.pool.generation_watch()
    if watch is not None:
        announced = watch.value
        kept = cache.get(key, announced) if announced is not None else None
        if kept is not None:
            return Response(kept, media_type="application/json")
    if _on_loop(store):
        try:
            with store.time_limit(LOOP_SECONDS):
                generation = store.generation()
                kept = cache.get(key, generation)
                if kept is not None:
                    return Response(kept, media_type="application/json")
                if not scans:
                    return Response(cache.put(key, generation, _call(make, store)), media_type="application/json")
        except QueryTooLong:
            pass
    def read(other: Any) -> bytes:
        generation = other.generation()
        if watch is not None:
            watch.saw(generation)
        return cache.get_or_make(key, generation, lambda: _call(make, other))

    body = await _in_thread(request, read)
    return Response(body, media_type="application/json")


def _on_loop(store: Any) -> bool:
    """Whether the event loop reads ``store`` itself: one that can bound a read (``time_limit``:
    SQLite, a local file), not one whose every read is a round trip to a server (PostgreSQL)."""
    return getattr(store, "time_limit", None) is not None


async def _in_thread(request: Request, read: Callable[[Any], Any]) -> Any:
    """``read(store)`` in a worker thread, with that thread's own store; at most ``ServeConfig.readers``
    at once (the others wait their turn, first come first served)."""
    pool = request.app.state.pool
    return await anyio.to_thread.run_sync(lambda: read(pool.get()), limiter=request.app.state.readers)


async def _lookup(request: Request, read: Callable[[Any], Any]) -> Any:
    """``read(store)`` of a lookup by id: on the event loop where the store reads from a local file
    (SQLite, well under a millisecond), else in a worker thread (PostgreSQL: the loop would stand idle
    through each round trip to the server)."""
    store = _store(request)
    return read(store) if _on_loop(store) else await _in_thread(request, read)


def _next_url(request: Request, cursor: str | None) -> str | None:
    if not cursor:
        return None
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"]
    params.append(("cursor", cursor))
    return f"{request.url.path}?{urlencode(params)}"


Cursor = Annotated[str | None, _q("next_cursor of the previous page", minLength=1, maxLength=500)]
#: the list's query parameters, for the OpenAPI page only (``_documented``)
LIST_PARAMS = {"since": Since, "until": Until, "country": Country, "admin1": Admin1, "admin2": Admin2,
               "event_type": EventType, "sub_event_type": SubEventType, "actor": ActorQ, "min_fatalities": MinFat,
               "bbox": Bbox, "q": Q, "grades": Grades, "sort": Sort, "cursor": Cursor, "limit": Limit}


def _documented(params: dict[str, Any]) -> dict[str, Any]:
    """``openapi_extra`` naming the query parameters of a route that parses its query itself
    (params.py), documented as FastAPI documents a declared parameter. Declared in the signature,
    FastAPI would also read and check each one on every request, to hand the function values it
    never uses: a tenth of a list page's server time at 100,000 incidents (1.31 -> 1.15 ms)."""
    out = []
    for name, hint in params.items():
        info = typing.get_args(hint)[1]
        schema: dict[str, Any] = {"description": info.description}
        info.json_schema_extra(schema)
        schema["title"] = name.replace("_", " ").title()
        out.append({"name": name, "in": "query", "required": False, "schema": schema, "description": info.description})
    return {"parameters": out}


@router.get("/incidents", summary="Incidents, filtered and cursor-paged", responses=responses(400, 401),
            openapi_extra=_documented(LIST_PARAMS))
async def list_incidents(request: Request) -> Response:
    config = request.app.state.config
    filters, page, _ = incident_query(request.query_params, config.max_page_size)

    def make(store: Any) -> bytes:
        # the summaries go out as the store holds them (JSON texts): decoding and encoding them again
        # was a seventh of a page's time
        rows, next_cursor = store.query_incidents(**filters.store_kwargs(), sort=page.sort, cursor=page.cursor,
                                                  limit=page.limit, raw=True)
        rest = json_body({
            "count": len(rows),
            "next_cursor": next_cursor,
            "next": _next_url(request, next_cursor),
            "filters": filters.echo(),
            "sort": page.sort,
            "limit": page.limit,
        })
        return b'{"incidents":[' + ",".join(rows).encode("utf-8") + b"]," + rest[1:]

    return await _answer(request, make)


@router.get("/incidents/{incident_id}", summary="One incident with its claims, quotes, sources, "
            "articles, toll revisions, merged reports and review state", responses=responses(400, 401, 404))
async def get_incident(request: Request, incident_id: Id) -> Response:
    no_params(request.query_params)
    incident = await _lookup(request, lambda store: store.get_incident(incident_id))
    if incident is None:
        raise ApiError(404, f"no incident {incident_id!r}")
    response = json_response(incident)
    if incident.get("redirected_from"):
        # an id retired by a merge answers with the incident it became (``redirected_from``) and
        # names that incident's own address, as curated databases keep old identifiers working
        response.headers["Content-Location"] = f"/api/incidents/{incident['id']}"
    return response


@router.get("/articles/{article_id}", summary="One article: text, metadata, copies, its incidents",
            responses=responses(400, 401, 404))
async def get_article(request: Request, article_id: Id) -> Response:
    no_params(request.query_params)
    article = await _lookup(request, lambda store: store.get_article(article_id))
    if article is None:
        raise ApiError(404, f"no article {article_id!r}")
    return json_response(article)


@router.get("/stats", summary="Counts and fatalities by week, event type and country", responses=responses(400, 401))
async def stats(request: Request, since: Since = None, until: Until = None, country: Country = None,
          admin1: Admin1 = None, admin2: Admin2 = None, event_type: EventType = None, sub_event_type: SubEventType = None,
          actor: ActorQ = None, min_fatalities: MinFat = None, bbox: Bbox = None, q: Q = None, grades: Grades = None) -> Response:
    filters, _, _ = incident_query(request.query_params, 1, paged=False)
    return await _answer(request, lambda store: json_body({**store.stats(**filters.store_kwargs()), "filters": filters.echo()}),
                         scans=True)


@router.get("/rollup", summary="Incidents and fatalities (low, best, high) per area and period",
            responses=responses(400, 401))
async def rollup(request: Request, level: Annotated[str | None, _q("country (default), admin1 or admin2 (district, county)",
                                                           enum=["country", "admin1", "admin2"])] = None,
           period: Annotated[str | None, _q("day, week (default; ACLED's Saturday-Friday weeks, named by their Saturday) "
                                            "or month", enum=["day", "week", "month"])] = None,
           since: Since = None, until: Until = None, country: Country = None,
           admin1: Admin1 = None, admin2: Admin2 = None, event_type: EventType = None, sub_event_type: SubEventType = None,
           actor: ActorQ = None, min_fatalities: MinFat = None, bbox: Bbox = None, q: Q = None, grades: Grades = None) -> Response:
    filters, _, raw = incident_query(request.query_params, 1, paged=False, extra=("level", "period"))
    chosen_level, chosen_period = raw.get("level", "country"), raw.get("period", "week")
    if chosen_level not in ("country", "admin1", "admin2"):
        raise bad_param("level", "country, admin1 or admin2")
    if chosen_period not in ("day", "week", "month"):
        raise bad_param("period", "day, week or month")
    return await _answer(request, lambda store: json_body({
        "level": chosen_level, "period": chosen_period, "filters": filters.echo(),
        "rows": store.rollup(chosen_level, chosen_period, **filters.store_kwargs())}), scans=True)


@router.get("/alerts", summary="Alerts that fire (ACLED surge and threat, HDX Signals fatalities, new actor), with their incidents",
            responses=responses(400, 401))
def alerts(request: Request, as_of: Annotated[str | None, _q("evaluate as of this date (default: the latest event date)", **_DATE)] = None,
           rule: Annotated[str | None, _q("only this rule", enum=["surge", "threat", "fatalities", "new_actor"])] = None,
           since: Since = None, until: Until = None, country: Country = None,
           admin1: Admin1 = None, admin2: Admin2 = None, event_type: EventType = None, sub_event_type: SubEventType = None,
           actor: ActorQ = None, min_fatalities: MinFat = None, bbox: Bbox = None, q: Q = None, grades: Grades = None) -> Response:
    from ..brief import alerts as rules
    from ..filters import FilterError, parse_date

    filters, _, raw = incident_query(request.query_params, 1, paged=False, extra=("as_of", "rule"))
    try:
        day = parse_date("as_of", raw["as_of"]) if "as_of" in raw else None
    except FilterError as e:
        raise bad_param("as_of", e.problem) from None
    only = [raw["rule"]] if "rule" in raw else None
    if only and only[0] not in rules.RULES:
        raise bad_param("rule", "one of " + ", ".join(rules.RULES))
    rows = rules.rows_from(_call(_store(request).alert_rows, **filters.store_kwargs()))
    day = rules.as_of_day(rows, day)
    fired = rules.evaluate(rows, day, only)
    return json_response({"as_of": day.isoformat() if day else None, "alerts": [a.to_dict() for a in fired],
                          "filters": filters.echo()})


@router.get("/audit", summary="Review actions, newest first", responses=responses(400, 401))
def audit(request: Request,
          incident_id: Annotated[str | None, Query(max_length=128, pattern=r"^[\w\-.:]+$")] = None) -> Response:
    no_params(request.query_params, ("incident_id",))
    return json_response({"audit": _store(request).audit_log(incident_id=incident_id)})


@router.get("/meta", summary="Vocabulary for filters: ACLED event and sub-event types, sort keys",
            responses=responses(400))
async def meta(request: Request) -> Response:
    no_params(request.query_params)
    config = request.app.state.config
    return json_response({"event_types": ACLED_TYPES, "sorts": list(SORTS), "grades": list(GRADES),
                          "max_page_size": config.max_page_size, "review": bool(config.tokens)})


def _export(request: Request, fmt: str) -> Response:
    filters, page, raw = incident_query(request.query_params, 10_000_000, paged=False, extra=("sort", "limit"))
    sort = raw.get("sort", "-event_date")
    if sort not in SORTS:
        raise bad_param("sort", "not a sort key")
    limit = None
    if "limit" in raw:
        if not raw["limit"].isdigit() or not 1 <= int(raw["limit"]) <= 10_000_000:
            raise bad_param("limit", "a whole number from 1")
        limit = int(raw["limit"])
    store = _store(request)
    # Fetch the first page now so a bad filter is a 4xx, not a broken stream.
    first = _call(store.query_incidents, **filters.store_kwargs(), sort=sort, cursor=None,
                  limit=min(exports.CHUNK, limit or exports.CHUNK))
    return exports.stream(request.app.state.pool, fmt, filters, sort, limit, first)


@router.get("/export/incidents.csv", summary="ACLED-style CSV of the filtered incidents (streamed)",
            response_class=exports.CsvResponse, responses={**exports.CSV_200, **responses(400, 401)})
def export_csv(request: Request, since: Since = None, until: Until = None, country: Country = None,
               admin1: Admin1 = None, admin2: Admin2 = None, event_type: EventType = None, sub_event_type: SubEventType = None,
               actor: ActorQ = None, min_fatalities: MinFat = None, bbox: Bbox = None, q: Q = None, grades: Grades = None,
               sort: Sort = None, limit: ExportLimit = None) -> Response:
    return _export(request, "csv")


@router.get("/export/incidents.geojson", summary="GeoJSON FeatureCollection of the filtered incidents (streamed)",
            response_class=exports.GeoJsonResponse, responses={**exports.GEOJSON_200, **responses(400, 401)})
def export_geojson(request: Request, since: Since = None, until: Until = None, country: Country = None,
                   admin1: Admin1 = None, admin2: Admin2 = None, event_type: EventType = None, sub_event_type: SubEventType = None,
                   actor: ActorQ = None, min_fatalities: MinFat = None, bbox: Bbox = None, q: Q = None, grades: Grades = None,
                   sort: Sort = None, limit: ExportLimit = None) -> Response:
    return _export(request, "geojson")


__all__ = ["router", "IncidentFilters", "Page"]
