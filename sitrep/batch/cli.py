"""``sitrep batch`` (read + extract into Parquet, locally or on Spark) and ``sitrep load`` (Parquet into the database)."""
from __future__ import annotations

import argparse
import json

from ..settings import DB_HELP


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "batch",
        help="extract many inputs on Spark (or locally) into Parquet tables, for sitrep load",
        description="Read inputs as sitrep ingest does (files, folders, globs, URLs), extract every article and write "
        "DIR/articles, DIR/reports, DIR/claims and DIR/errors as Parquet, in input order (a seq column). With "
        "--engine spark the inputs are Spark partitions and each executor's Python worker loads the model once; "
        "--engine local does the same in this process. Bad inputs and articles are rows of the errors table, never a "
        "failed job. Store the result with sitrep load. See docs/batch.md. Exit 3 only when nothing could be read.",
    )
    p.add_argument("paths", nargs="+", metavar="INPUT", help="file, folder, glob or http(s) URL (- with --engine local)")
    p.add_argument("--out", required=True, metavar="DIR", help="folder for the Parquet tables (replaced if there)")
    p.add_argument("--engine", choices=("spark", "local"), default="spark", help="spark (default) or local (no Java)")
    p.add_argument("--master", default="local[2]", help="Spark master: local[N], local[*], spark://host:7077 (default local[2])")
    p.add_argument("--partitions", type=int, default=None, help="Spark partitions (default: two per local core, 8 on a cluster)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--extractor", default=None, help=argparse.SUPPRESS)  # module:function, for tests and benchmarks
    p.set_defaults(func=run_batch)
    q = sub.add_parser(
        "load",
        help="store the Parquet tables of sitrep batch in the incident database",
        description="Read DIR (written by sitrep batch) back in input order and store it as sitrep ingest does: "
        "the same de-duplication, merging of reports and batched transactions, under the same writer lock. The "
        "batch's errors are reported with the load's own. Exit 3 when DIR is no batch output or holds nothing.",
    )
    q.add_argument("dir", metavar="DIR", help="the --out folder of sitrep batch")
    q.add_argument("--db", default=None, help=DB_HELP)
    q.add_argument("--batch-size", type=int, default=32, help="articles per transaction (default 32)")
    q.add_argument("--json", action="store_true", help="print the report as JSON")
    q.set_defaults(func=run_load)


def run_batch(args: argparse.Namespace) -> int:
    from ..errors import InputError
    from ..ingest.pipeline import DEFAULT_EXTRACTOR
    from .run import batch

    report = batch(args.paths, args.out, engine=args.engine, master=args.master, partitions=args.partitions,
                   extractor=args.extractor or DEFAULT_EXTRACTOR)
    print(json.dumps(report.to_dict(), indent=2) if args.json else "\n".join(report.lines()))
    if report.articles == 0:
        reason = report.first_errors[0][1] if report.first_errors else "no input"
        raise InputError(f"nothing could be read ({report.errors} errors; first: {reason})")
    return 0


def run_load(args: argparse.Namespace) -> int:
    from ..errors import ConfigError, InputError
    from .load import load

    if args.batch_size < 1:
        raise ConfigError("--batch-size must be at least 1")
    report = load(args.dir, args.db, batch_size=args.batch_size)
    print(json.dumps(report.to_dict(), indent=2) if args.json else "\n".join(report.lines()))
    if report.read == 0:
        reason = report.failures[0].reason if report.failures else "no articles"
        raise InputError(f"{args.dir}: nothing to load ({report.failed} failed; first: {reason})")
    return 0
