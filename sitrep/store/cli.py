"""``sitrep copy``: a whole database to another backend (SQLite to PostgreSQL, or back)."""
from __future__ import annotations

import argparse
import json
import sys


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "copy",
        help="copy a whole database to another one (SQLite to PostgreSQL, or back)",
        description="Copy every row of SOURCE (articles, reports, claims, merged incidents, review overrides, the "
        "audit log) into DEST, a new or empty database: an SQLite file or a postgresql://user@host/dbname URL. "
        "Nothing is re-extracted; the copy answers every query as the source does. One transaction: a copy that "
        "fails leaves DEST as it was. Exit 5 when DEST is not empty or either cannot be opened.",
    )
    p.add_argument("source", metavar="SOURCE", help="the database to copy (SQLite file or postgresql:// URL)")
    p.add_argument("dest", metavar="DEST", help="the new database (SQLite file or postgresql:// URL)")
    p.add_argument("--json", action="store_true", help="print the rows copied per table as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import StoreError
    from . import Store, database_exists, database_path, redacted
    from .copy import copy_database

    source, dest = database_path(args.source), database_path(args.dest)
    if not database_exists(source):
        raise StoreError(f"{redacted(source)}: no database (run `sitrep ingest` first)")
    if source == dest:
        raise StoreError(f"{redacted(source)}: SOURCE and DEST are the same database")
    with Store.open(source) as src, Store.open(dest) as dst:
        counts = copy_database(src, dst, on_table=None if args.json else
                               lambda table, n: print(f"  {table}: {n:,} rows", file=sys.stderr, flush=True))
    if args.json:
        print(json.dumps(counts))
    else:
        print(f"copied {counts['articles']:,} articles and {counts['incidents']:,} incidents from {redacted(source)}"
              f" to {redacted(dest)}")
    return 0
