"""The ``sitrep`` command: parse arguments, call the library, print, exit.

Each stage registers its own subcommands (``register(subparsers)`` in its ``cli`` module); those
modules import nothing heavy at top level, so ``sitrep --help`` is instant. Exit codes are the
``exit_code`` of the error raised (see ``sitrep.errors``); 130 on Ctrl-C.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from . import __version__
from .errors import SitrepError

#: modules that register subcommands, in the order ``--help`` lists them
COMMAND_MODULES = (
    "sitrep.extract.cli",
    "sitrep.geo.cli",
    "sitrep.ingest.cli",
    "sitrep.batch.cli",
    "sitrep.export.cli",
    "sitrep.brief.cli",
    "sitrep.serve.cli",
    "sitrep.store.cli",
    "sitrep.evaluate.cli",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitrep",
        description="Turn news reports of violence into a sourced incident database (offline).",
        epilog="Exit codes: 0 ok, 1 error, 2 usage/config, 3 bad input, 4 missing/corrupt data, 5 database, 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"sitrep {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        code = args.func(args)
    except SitrepError as e:
        print(f"sitrep: error: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        print("sitrep: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return int(code or 0)


def entry() -> None:
    sys.exit(main())


if __name__ == "__main__":
    entry()
