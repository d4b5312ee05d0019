"""Writers: merged incidents (typed, with the cluster's extras) to CSV, GeoJSON, JSONL, Parquet, a table."""
from __future__ import annotations

import csv
import datetime as dt
import json
import time
from collections.abc import Iterable, Iterator
from typing import IO, Any

from ..models import Incident
from .acled import COLUMNS as ACLED_COLUMNS
from .acled import acled_row
from .ucdp import COLUMNS as UCDP_COLUMNS
from .ucdp import ucdp_row

Rows = Iterable[tuple[Incident, dict[str, Any]]]
FORMATS = ("acled", "ucdp", "geojson", "jsonl", "parquet", "table")


def row_timestamp(extra: dict[str, Any], now: int) -> int:
    """ACLED's ``timestamp`` (Unix seconds): when the store says the incident last changed, else ``now``."""
    value = extra.get("timestamp", extra.get("updated_at"))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, str) and value:
        try:
            when = dt.datetime.fromisoformat(value)
        except ValueError:
            return now
        return int((when if when.tzinfo else when.replace(tzinfo=dt.timezone.utc)).timestamp())
    return now


def _acled(inc: Incident, extra: dict[str, Any], now: int | None = None) -> dict[str, Any]:
    return acled_row(inc, sources=extra.get("sources"), n_sources=extra.get("n_sources"), note=extra.get("notes"),
                     timestamp=row_timestamp(extra, int(time.time()) if now is None else now))


def _ucdp(inc: Incident, extra: dict[str, Any]) -> dict[str, Any]:
    return ucdp_row(inc, sources=extra.get("sources"), n_sources=extra.get("n_sources"), articles=extra.get("articles", ()))


#: what makes a spreadsheet read a cell as a formula (OWASP "CSV injection"); tab and CR too,
#: since some tools strip them before looking
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: a string starting like a formula gets a leading ``'``.

    Only strings: a negative number in a numeric column stays a number. Every CSV sitrep writes
    (``sitrep export`` and the API's streamed CSV) goes through here.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(rows: Rows, out: IO[str], fmt: str) -> int:
    columns = ACLED_COLUMNS if fmt == "acled" else UCDP_COLUMNS
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    n, now = 0, int(time.time())  # one export time for every row the store gives no time for
    for inc, extra in rows:
        row = _acled(inc, extra, now) if fmt == "acled" else _ucdp(inc, extra)
        writer.writerow({k: csv_cell(v) for k, v in row.items()})
        n += 1
    return n


def feature(inc: Incident, extra: dict[str, Any]) -> dict[str, Any]:
    """An RFC 7946 Feature: [longitude, latitude] in WGS 84, null geometry when the place is unknown."""
    loc = inc.location
    geometry = None
    if loc is not None and loc.latitude is not None and loc.longitude is not None:
        geometry = {"type": "Point", "coordinates": [round(loc.longitude, 6), round(loc.latitude, 6)]}
    props = _acled(inc, extra)
    props.update(id=inc.id, n_sources=extra.get("n_sources"), n_reports=extra.get("n_reports"),
                 toll_may_rise=inc.toll_may_rise, grade=extra.get("grade"))
    return {"type": "Feature", "id": inc.id, "geometry": geometry, "properties": props}


def geojson_chunks(rows: Rows) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    for n, (inc, extra) in enumerate(rows):
        yield ("," if n else "") + "\n" + json.dumps(feature(inc, extra), ensure_ascii=False)
    yield "\n]}\n"


def jsonl_record(inc: Incident, extra: dict[str, Any]) -> dict[str, Any]:
    data = inc.to_dict()
    for key in ("n_reports", "n_sources", "sources", "revisions", "report_ids", "articles", "aliases", "grade"):
        if key in extra:
            data[key] = extra[key]
    return data


#: Parquet types of the ACLED layout's columns (every other column is a string)
PARQUET_INTS = ("year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp", "fatalities_low",
                "fatalities_best", "fatalities_high", "injuries_low", "injuries_best", "injuries_high", "n_sources",
                "n_reports")
PARQUET_FLOATS = ("latitude", "longitude")
PARQUET_DATES = ("event_date",)
PARQUET_BOOLS = ("toll_may_rise",)
PARQUET_COLUMNS = (*ACLED_COLUMNS, "id", "n_sources", "n_reports", "toll_may_rise", "grade", "incident_json")


def parquet_schema() -> Any:
    """The ACLED layout, typed: dates as date32, counts as int64, coordinates as float64, flags as bool."""
    import pyarrow as pa

    def kind(n: str) -> Any:
        if n in PARQUET_INTS:
            return pa.int64()
        if n in PARQUET_FLOATS:
            return pa.float64()
        if n in PARQUET_DATES:
            return pa.date32()
        if n in PARQUET_BOOLS:
            return pa.bool_()
        return pa.string()

    return pa.schema([(n, kind(n)) for n in PARQUET_COLUMNS])


def parquet_record(inc: Incident, extra: dict[str, Any], now: int) -> dict[str, Any]:
    r = _acled(inc, extra, now)
    r["event_date"] = inc.event_date  # a date, not its ISO text
    r.update(id=inc.id, n_sources=extra.get("n_sources"), n_reports=extra.get("n_reports"),
             toll_may_rise=inc.toll_may_rise, grade=extra.get("grade"),
             incident_json=json.dumps(jsonl_record(inc, extra), ensure_ascii=False))
    return r


def write_parquet(rows: Rows, path: Any) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    now = int(time.time())
    records = [parquet_record(inc, extra, now) for inc, extra in rows]
    pq.write_table(pa.Table.from_pylist(records, schema=parquet_schema()), path)
    return len(records)


def table_lines(rows: Rows) -> Iterator[str]:
    head = f"{'date':<10}  {'country':<14} {'location':<22} {'event':<32} {'killed':>11} {'injured':>9} {'src':>3}  id"
    yield head
    yield "-" * len(head)
    for inc, extra in rows:
        loc = inc.location
        f, i = inc.fatalities, inc.injuries

        def rng(r: Any) -> str:
            if r.low is None and r.best is None:
                return "-"
            return str(r.best if r.low == r.high or r.high is None else f"{r.low}-{r.high}")

        yield (f"{inc.event_date.isoformat() if inc.event_date else '?':<10}  {((loc.country or loc.country_code) if loc else '') or '':<14.14} "
               f"{((loc.name or loc.text) if loc else '') or '':<22.22} {inc.sub_event_type or inc.event_type:<32.32} "
               f"{rng(f):>11} {rng(i):>9} {extra.get('n_sources') or 1:>3}  {inc.id}")
