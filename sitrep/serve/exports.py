"""Streaming exports over HTTP: ACLED-style CSV and GeoJSON, page by page (keyset cursor), so a
large result never sits in memory and the first bytes leave at once."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from starlette.responses import Response, StreamingResponse

from ..export.acled import COLUMNS as ACLED_COLUMNS
from ..export.acled import acled_row
from ..export.writers import csv_cell
from ..store import codec
from .params import IncidentFilters

CHUNK = 500
#: the same columns as ``sitrep export --format acled`` (one mapping: ``sitrep.export.acled``), plus
#: what the list API knows of the cluster
CSV_COLUMNS = (*ACLED_COLUMNS, "n_sources", "reviewed")


class CsvResponse(Response):
    """Declares the CSV media type in the OpenAPI document (the body itself is streamed)."""

    media_type = "text/csv"


class GeoJsonResponse(Response):
    media_type = "application/geo+json"


CSV_200: dict[int | str, dict[str, Any]] = {200: {
    "description": "ACLED-style CSV, one header row then one row per incident",
    "content": {"text/csv": {"schema": {"type": "string"}}}}}
GEOJSON_200: dict[int | str, dict[str, Any]] = {200: {
    "description": "an RFC 7946 FeatureCollection, one Feature per incident",
    "content": {"application/geo+json": {"schema": {
        "type": "object", "required": ["type", "features"],
        "properties": {"type": {"type": "string", "enum": ["FeatureCollection"]},
                       "features": {"type": "array", "items": {"type": "object"}}}}}}}}


def csv_row(row: dict[str, Any]) -> list[Any]:
    """One list-API incident summary as an ACLED row."""
    out = acled_row(codec.incident(row), sources=row.get("sources") or [], n_sources=row.get("n_sources"),
                    note=row.get("notes") or "")
    out["n_sources"] = row.get("n_sources")
    out["reviewed"] = 1 if row.get("reviewed") else 0
    return ["" if out.get(c) is None else csv_cell(out[c]) for c in CSV_COLUMNS]


def feature(row: dict[str, Any]) -> dict[str, Any]:
    loc = row.get("location") or {}
    lat, lon = loc.get("latitude"), loc.get("longitude")
    geometry = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
    props = {k: v for k, v in row.items() if k != "location"}
    props["place"] = loc
    return {"type": "Feature", "id": row.get("id"), "geometry": geometry, "properties": props}


def _rows(pool: Any, filters: IncidentFilters, sort: str, limit: int | None,
          first: tuple[list[dict[str, Any]], str | None]) -> Iterator[dict[str, Any]]:
    rows, cursor = first
    sent = 0
    while True:
        for row in rows:
            if limit is not None and sent >= limit:
                return
            sent += 1
            yield row
        if not cursor or (limit is not None and sent >= limit):
            return
        # each chunk may run on another worker thread: take that thread's store
        rows, cursor = pool.get().query_incidents(**filters.store_kwargs(), sort=sort, cursor=cursor,
                                                  limit=CHUNK)


def _csv(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    n = 0
    for row in rows:
        writer.writerow(csv_row(row))
        n += 1
        if n % 200 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _geojson(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    yield '{"type":"FeatureCollection","features":['
    sep = ""
    for row in rows:
        yield sep + json.dumps(feature(row), ensure_ascii=False, separators=(",", ":"))
        sep = ","
    yield "]}\n"


def stream(pool: Any, fmt: str, filters: IncidentFilters, sort: str, limit: int | None,
           first: tuple[list[dict[str, Any]], str | None]) -> StreamingResponse:
    rows = _rows(pool, filters, sort, limit, first)
    if fmt == "csv":
        return StreamingResponse(_csv(rows), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": 'attachment; filename="sitrep-incidents.csv"'})
    return StreamingResponse(_geojson(rows), media_type="application/geo+json",
                             headers={"Content-Disposition": 'attachment; filename="sitrep-incidents.geojson"'})
