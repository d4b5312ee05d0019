"""Run the app under uvicorn, printing the address once the socket is bound."""
from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from typing import TextIO

from ..errors import ConfigError, StoreError
from .config import ServeConfig


def check_db(db: Path | str | None) -> str:
    from ..store import Store, database_exists, database_path, redacted

    where = database_path(db)  # a URL of another scheme is a usage error (exit 2), not "no database here"
    if not database_exists(where):
        raise StoreError(f"{redacted(where)}: no sitrep database here"
                         " (build one with 'sitrep ingest', or pass --db)")
    Store.open(where).close()  # fail now, with exit 5, rather than on the first request
    return where


def listen(host: str, port: int) -> socket.socket:
    """The listening socket, made as asyncio expects a TCP socket to be.

    ``IPPROTO_TCP`` named explicitly: the accepted connections inherit the listener's ``proto``, and
    asyncio sets TCP_NODELAY only on sockets whose proto says TCP. With ``proto`` 0 Nagle's
    algorithm stayed on, and each keep-alive response waited ~40 ms for the client's delayed ACK.
    TCP_NODELAY on the listener as well: Linux copies it to the sockets it accepts.
    """
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)  # listening before the address is printed: a client may connect at once
    except OSError as e:
        sock.close()
        raise ConfigError(f"cannot listen on {host}:{port}: {e.strerror}") from None
    return sock


def serve(*, db: Path | str | None = None, host: str = "127.0.0.1", port: int = 8000, log_level: str = "warning",
          out: TextIO | None = None, workers: int = 1) -> int:
    """Serve the database until stopped. ``workers`` > 1: that many processes answer on the one
    socket (uvicorn's supervisor restarts one that dies, and stops them all on SIGINT or SIGTERM),
    each with its own store connections and answer cache; the API reads, so they never wait on each
    other, and a reviewer's write is one transaction whichever answers it."""
    import uvicorn

    from ..store import redacted
    from .app import create_app

    if workers < 1:
        raise ConfigError(f"--workers must be 1 or more, not {workers}")
    out = out or sys.stdout
    path = check_db(db)
    config = ServeConfig.from_env(db=path)
    sock = listen(host, port)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    review = "on (token set)" if config.tokens else "off (set SITREP_TOKEN to enable)"
    procs = f", {workers} worker processes" if workers > 1 else ""
    print(f"sitrep: serving {redacted(path)} at http://{shown}:{bound}/  (API /api, docs /docs, review {review}{procs})",
          file=out, flush=True)
    if workers == 1:
        server = uvicorn.Server(uvicorn.Config(create_app(config), log_level=log_level, access_log=False,
                                               timeout_graceful_shutdown=3))
        server.run(sockets=[sock])
        return 0
    from uvicorn.supervisors import Multiprocess

    os.environ["SITREP_DB"] = path  # each worker process makes its app from the environment (create_app)
    multi = uvicorn.Config("sitrep.serve.app:create_app", factory=True, workers=workers, log_level=log_level,
                           access_log=False, timeout_graceful_shutdown=3)
    Multiprocess(multi, sockets=[sock]).run()
    return 0
