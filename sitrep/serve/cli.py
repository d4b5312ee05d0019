"""``sitrep serve``: the API and the web map on one machine. Imports nothing heavy until run."""
from __future__ import annotations

import argparse

from ..settings import DB_HELP


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = subparsers.add_parser(
        "serve",
        help="serve the database: REST API, web map, OpenAPI docs (offline)",
        description="Serve the incident database: web map at /, API under /api, OpenAPI docs at /docs. "
        "Review (write) endpoints need SITREP_TOKEN (or SITREP_TOKENS=user:token,...) in the environment; "
        "reads are open unless SITREP_READ_TOKEN is set. CORS is off unless SITREP_CORS_ORIGINS is set. "
        "SITREP_READERS: database reads in worker threads at once, per process (default four per CPU core, at least 8).",
    )
    p.add_argument("--db", default=None, help=DB_HELP)
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 picks a free one)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="processes answering, each on its own socket of the port (default 1; more pay where cores are free)")
    p.add_argument("--log-level", default="warning", choices=("critical", "error", "warning", "info", "debug"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from .server import serve

    return serve(db=args.db, host=args.host, port=args.port, log_level=args.log_level, workers=args.workers)
