"""``sitrep ingest``: files, folders, globs, feeds, WARC archives and URLs into the incident database."""
from __future__ import annotations

import argparse
import json
import os
import sys

from ..settings import DB_HELP


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "ingest",
        help="read articles into the incident database (extract, de-duplicate, merge reports)",
        description="Read .txt, .html, .jsonl, RSS/Atom feeds and WARC(.gz) archives (files, folders, globs or "
        "URLs), extract their incidents and store them, merging reports of the same incident. Re-ingesting is "
        "a no-op; an interrupted run resumes where it stopped. Exit 3 only when nothing could be read.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, glob, http(s) URL, or - for standard input")
    p.add_argument("--db", default=None, help=DB_HELP)
    p.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1), help="extraction processes (default 2)")
    p.add_argument("--batch-size", type=int, default=32, help="articles per batch and per transaction (default 32)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--extractor", default=None, help=argparse.SUPPRESS)  # module:function, for tests and benchmarks
    p.set_defaults(func=run)
    w = sub.add_parser(
        "watch",
        help="poll feeds and pages, ingest what is new, report each new alert once",
        description="Every --every, fetch each URL with a conditional request (ETag / Last-Modified), ingest what "
        "changed, evaluate the alert rules (sitrep alerts) and report each alert not reported before: a JSON line "
        "on stdout, --exec COMMAND with the line on its standard input, a POST to --webhook. A feed that is down "
        "or malformed is reported and skipped; SIGINT/SIGTERM stop after the current round. State (validators, "
        "alerts reported) is kept in DB.watch.json.",
    )
    w.add_argument("urls", nargs="+", metavar="URL", help="RSS/Atom feed or page (http or https)")
    w.add_argument("--db", default=None, help=DB_HELP)
    w.add_argument("--every", default="15m", help="time between rounds: 30s, 15m, 1h (default 15m)")
    w.add_argument("--rounds", type=int, default=None, help="stop after this many rounds (default: until a signal)")
    w.add_argument("--exec", dest="run_command", default=None, metavar="COMMAND",
                   help="run COMMAND (a shell command) for each new alert, the alert's JSON line on its stdin")
    w.add_argument("--webhook", default=None, metavar="URL", help="POST each new alert's JSON to URL")
    w.add_argument("--extractor", default=None, help=argparse.SUPPRESS)  # module:function, for tests
    w.set_defaults(func=run_watch)


def run_watch(args: argparse.Namespace) -> int:
    from ..errors import ConfigError
    from ..store import database_path
    from .sources import is_url
    from .watch import Watch, install_signal_handlers, parse_every

    every = parse_every(args.every)
    bad = [u for u in args.urls if not is_url(u)]
    if bad:
        raise ConfigError(f"{bad[0]}: not an http(s) URL (sitrep watch polls URLs; use sitrep ingest for files)")
    if args.rounds is not None and args.rounds < 1:
        raise ConfigError("--rounds must be at least 1")
    if args.webhook and not is_url(args.webhook):
        raise ConfigError(f"--webhook {args.webhook}: not an http(s) URL")
    watch = Watch(args.urls, database_path(args.db), extractor=args.extractor, run=args.run_command, webhook=args.webhook)
    install_signal_handlers(watch)
    return watch.loop(every, args.rounds)


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
