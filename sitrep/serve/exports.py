"""Streaming exports over HTTP: ACLED-style CSV and GeoJSON, page by page (keyset cursor), so a
large result never sits in memory and the first bytes leave at once."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from starlette.responses import StreamingResponse

from .params import IncidentFilters

CHUNK = 500
#: ACLED column names where the meaning matches; sitrep's own columns are prefixed.
CSV_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
               "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
               "geo_precision", "source", "notes", "fatalities", "sitrep_fatalities_low",
               "sitrep_fatalities_high", "sitrep_injuries_best", "sitrep_n_sources", "sitrep_reviewed")


def _actors(row: dict[str, Any], roles: tuple[str, ...]) -> str:
    return "; ".join(a.get("name") or "" for a in row.get("actors") or [] if a.get("role") in roles)


def csv_row(row: dict[str, Any]) -> list[Any]:
    loc = row.get("location") or {}
    fat = row.get("fatalities") or {}
    date = row.get("event_date") or ""
    # ACLED's time_precision: 1 day, 2 week, 3 month; sitrep's date_precision uses the same scale
    return [row.get("id"), date, date[:4], row.get("date_precision") or "", row.get("event_type"),
            row.get("sub_event_type"), _actors(row, ("perpetrator", "party")),
            _actors(row, ("target", "victim")), loc.get("country") or "", loc.get("admin1") or "",
            loc.get("name") or "", loc.get("latitude") if loc.get("latitude") is not None else "",
            loc.get("longitude") if loc.get("longitude") is not None else "", loc.get("precision") or "",
            "; ".join(row.get("sources") or []), row.get("notes") or "",
            fat.get("best") if fat.get("best") is not None else (fat.get("low") or 0),
            fat.get("low") if fat.get("low") is not None else "", fat.get("high") if fat.get("high") is not None else "",
            (row.get("injuries") or {}).get("best") or "", row.get("n_sources") or "",
            "1" if row.get("reviewed") else "0"]


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
