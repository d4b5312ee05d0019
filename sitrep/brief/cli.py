"""``sitrep alerts``: the alert rules (``brief/data/alerts.toml``) evaluated on the stored incidents."""
from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from ..export.cli import filter_options

    p = sub.add_parser("alerts", help="what the alert rules (ACLED surge and threat, HDX Signals, new actor) say now",
                       description="Evaluate the alert rules of brief/data/alerts.toml on the incidents the filters "
                       "select, as of a date (default: the latest event date among them): ACLED's subnational surge "
                       "and threat, OCHA HDX Signals' fatalities rule, a new actor in an area. Each alert lists the "
                       "incidents behind it.")
    p.add_argument("--as-of", help="evaluate as of this date (YYYY-MM-DD; default: the latest event date)")
    p.add_argument("--rule", action="append", choices=("surge", "threat", "fatalities", "new_actor"),
                   help="only this rule (repeatable; default: all)")
    p.add_argument("--format", "-f", default="table", choices=("table", "json"))
    p.add_argument("--db", default=None, help="database file (default: settings store.db, ./sitrep.db)")
    filter_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..errors import StoreError
    from ..export.cli import filters
    from ..filters import parse_date
    from ..store import Store, database_path
    from . import alerts

    chosen = filters(args)  # a filter that means nothing is a usage error, before the database is opened
    as_of = parse_date("as_of", args.as_of) if args.as_of else None
    db = database_path(args.db)
    if not Path(db).exists():
        raise StoreError(f"{db}: no database (run `sitrep ingest` first)")
    with Store.open(db) as store:
        rows = alerts.rows_from(store.alert_rows(**chosen))
    day = as_of or (max(r.day for r in rows) if rows else None)
    fired = alerts.evaluate(rows, day, args.rule)
    if args.format == "json":
        json.dump({"as_of": day.isoformat() if day else None, "alerts": [a.to_dict() for a in fired]},
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for a in fired:
        print(f"{a.rule:<10} {a.as_of}  {a.message}  [{len(a.incident_ids)} incident(s)]")
    if not fired:
        print(f"sitrep: no alert fires as of {day}" if day else "sitrep: no dated incidents", file=sys.stderr)
    return 0
