"""``sitrep export``: the merged incidents of the database as ACLED/UCDP CSV, GeoJSON, JSONL, Parquet or a table."""
from __future__ import annotations

import argparse
import json
import sys

from ..settings import DB_HELP


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("export", help="write the database's incidents (acled, ucdp, geojson, jsonl, parquet, table)",
                       description="Write merged incidents, one per event however many reports it has.")
    p.add_argument("--format", "-f", default="table", choices=("acled", "ucdp", "geojson", "jsonl", "parquet", "table"))
    p.add_argument("--db", default=None, help=DB_HELP)
    p.add_argument("--output", "-o", default="-", help="output file (default: standard output; parquet needs a file or a pipe)")
    # filters: validated by sitrep.filters, the same validation (and messages) as the API's
    filter_options(p)
    p.set_defaults(func=run)
    r = sub.add_parser("rollup", help="incidents and fatalities (low, best, high) per area and period, as CSV or JSON",
                       description="Incidents and fatalities (sums of low, best and high) per country, admin1 or admin2 "
                       "(district, county; rows carry the country and admin1 above it) and "
                       "per day, week (ACLED's Saturday-Friday weeks, named by their Saturday) or month, for the "
                       "incidents the filters select. Incidents with no date are left out.")
    r.add_argument("--level", default="country", choices=("country", "admin1", "admin2"))
    r.add_argument("--period", default="week", choices=("day", "week", "month"))
    r.add_argument("--format", "-f", default="csv", choices=("csv", "json"))
    r.add_argument("--db", default=None, help=DB_HELP)
    r.add_argument("--output", "-o", default="-", help="output file (default: standard output)")
    filter_options(r)
    r.set_defaults(func=run_rollup)


def filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", help="event date on or after (YYYY-MM-DD)")
    p.add_argument("--until", help="event date on or before (YYYY-MM-DD)")
    p.add_argument("--country", help="ISO alpha-2 code or country name")
    p.add_argument("--admin1", help="first-order administrative division")
    p.add_argument("--admin2", help="second-order administrative division (district, county)")
    p.add_argument("--type", "--event-type", dest="event_type", help="ACLED event type")
    p.add_argument("--sub-type", "--sub-event-type", dest="sub_event_type", help="ACLED sub-event type")
    p.add_argument("--actor", help="actor name (substring)")
    p.add_argument("--min-fatalities", help="minimum best fatality estimate (a whole number)")
    p.add_argument("--bbox", help="west,south,east,north in degrees")
    p.add_argument("--q", help="full-text words over the incidents' articles; word* is a prefix")
    p.add_argument("--grades", help="confidence grades, comma-separated (fair,confirmed): Confirmed, Fair, Weak, "
                   "Contested, Pending, Discounted (docs/store.md, Grades)")


def filters(args: argparse.Namespace) -> dict[str, object]:
    """The filter options as store keyword arguments; a bad one raises FilterError (exit 2)."""
    from ..filters import FILTERS, parse_filters

    return parse_filters({k: getattr(args, k, None) for k in FILTERS}).store_kwargs()


def run(args: argparse.Namespace) -> int:

    from ..errors import StoreError
    from ..store import Store, database_exists, database_path, redacted
    from . import writers

    chosen = filters(args)  # a filter that means nothing is a usage error, before the database is opened
    db = database_path(args.db)  # a URL of another scheme is a usage error (exit 2)
    if not database_exists(db):
        raise StoreError(f"{redacted(db)}: no database (run `sitrep ingest` first)")
    with Store.open(db) as store:
        rows = store.iter_incidents(**chosen)
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


ROLLUP_COLUMNS = ("country_code", "country", "admin1", "admin2", "period", "incidents", "fatalities_low", "fatalities_best",
                  "fatalities_high")


def run_rollup(args: argparse.Namespace) -> int:
    import csv

    from ..errors import StoreError
    from ..store import Store, database_exists, database_path, redacted
    from ..store.read import ROLLUP_AREAS

    chosen = filters(args)
    db = database_path(args.db)
    if not database_exists(db):
        raise StoreError(f"{redacted(db)}: no database (run `sitrep ingest` first)")
    with Store.open(db) as store:
        rows = store.rollup(args.level, args.period, **chosen)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="")
    try:
        if args.format == "json":
            json.dump({"level": args.level, "period": args.period, "rows": rows}, out, ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            columns = [c for c in ROLLUP_COLUMNS if c not in ("admin1", "admin2") or c in ROLLUP_AREAS[args.level]]
            w = csv.writer(out)
            w.writerow(columns)
            for r in rows:
                flat = {**r, **{f"fatalities_{k}": v for k, v in r["fatalities"].items()}}
                w.writerow([flat.get(c) for c in columns])
    finally:
        if out is not sys.stdout:
            out.close()
    return 0
