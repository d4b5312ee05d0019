"""``sitrep export``: the merged incidents of the database as ACLED/UCDP CSV, GeoJSON, JSONL, Parquet or a table."""
from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help="write the database's incidents (acled, ucdp, geojson, jsonl, parquet, table)",
                       description="Write merged incidents, one per event however many reports it has.")
    p.add_argument("--format", "-f", default="table", choices=("acled", "ucdp", "geojson", "jsonl", "parquet", "table"))
    p.add_argument("--db", default=None, help="database file (default: settings store.db, ./sitrep.db)")
    p.add_argument("--output", "-o", default="-", help="output file (default: standard output; parquet needs a file or a pipe)")
    p.add_argument("--since", help="event date on or after (YYYY-MM-DD)")
    p.add_argument("--until", help="event date on or before (YYYY-MM-DD)")
    p.add_argument("--country", help="ISO alpha-2 code or country name")
    p.add_argument("--admin1")
    p.add_argument("--type", dest="event_type", help="ACLED event type")
    p.add_argument("--sub-type", dest="sub_event_type", help="ACLED sub-event type")
    p.add_argument("--actor", help="actor name (substring)")
    p.add_argument("--min-fatalities", type=int)
    p.add_argument("--bbox", help="west,south,east,north")
    p.add_argument("--q", help="full-text query over the incidents' articles (FTS5 syntax)")
    p.set_defaults(func=run)


def filters(args: argparse.Namespace) -> dict[str, object]:
    from ..errors import ConfigError

    out: dict[str, object] = {k: getattr(args, k) for k in ("since", "until", "country", "admin1", "event_type",
                                                           "sub_event_type", "actor", "min_fatalities", "q")}
    if args.bbox:
        try:
            west, south, east, north = (float(v) for v in args.bbox.split(","))
        except ValueError as e:
            raise ConfigError("--bbox must be west,south,east,north") from e
        out["bbox"] = (west, south, east, north)
    return {k: v for k, v in out.items() if v is not None}


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .. import settings
    from ..errors import StoreError
    from ..store import Store
    from . import writers

    db = args.db or settings.get("store", "db")
    if not Path(db).exists():
        raise StoreError(f"{db}: no database (run `sitrep ingest` first)")
    with Store.open(db) as store:
        rows = store.iter_incidents(**filters(args))
        if args.format == "parquet":
            target = sys.stdout.buffer if args.output == "-" else args.output
            writers.write_parquet(rows, target)
            return 0
        out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="")
        try:
            if args.format in ("acled", "ucdp"):
                writers.write_csv(rows, out, args.format)
            elif args.format == "geojson":
                for chunk in writers.geojson_chunks(rows):
                    out.write(chunk)
            elif args.format == "jsonl":
                for inc, extra in rows:
                    out.write(json.dumps(writers.jsonl_record(inc, extra), ensure_ascii=False) + "\n")
            else:
                for line in writers.table_lines(rows):
                    out.write(line + "\n")
        finally:
            if out is not sys.stdout:
                out.close()
    return 0
