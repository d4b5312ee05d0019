"""``sitrep ingest``: files, folders, globs, feeds, WARC archives and URLs into the incident database."""
from __future__ import annotations

import argparse
import json
import os
import sys


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "ingest",
        help="read articles into the incident database (extract, de-duplicate, merge reports)",
        description="Read .txt, .html, .jsonl, RSS/Atom feeds and WARC(.gz) archives (files, folders, globs or "
        "URLs), extract their incidents and store them, merging reports of the same incident. Re-ingesting is "
        "a no-op; an interrupted run resumes where it stopped. Exit 3 only when nothing could be read.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, glob, http(s) URL, or - for standard input")
    p.add_argument("--db", default=None, help="database file (default: settings store.db, ./sitrep.db)")
    p.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1), help="extraction processes (default 2)")
    p.add_argument("--batch-size", type=int, default=32, help="articles per batch and per transaction (default 32)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--extractor", default=None, help=argparse.SUPPRESS)  # module:function, for tests and benchmarks
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import ConfigError, InputError
    from .pipeline import DEFAULT_EXTRACTOR, ingest

    if args.workers < 1 or args.batch_size < 1:
        raise ConfigError("--workers and --batch-size must be at least 1")
    report = ingest(args.paths, args.db, workers=args.workers, batch_size=args.batch_size,
                    extractor=args.extractor or DEFAULT_EXTRACTOR, progress=False if args.no_progress else None)
    if args.json:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print("\n".join(report.lines()))
    if report.read == 0:
        reason = report.failures[0].reason if report.failures else "no input"
        raise InputError(f"nothing could be read ({report.failed} failed; first: {reason})")
    sys.stdout.flush()
    return 0
