"""Run the app under uvicorn, printing the address once the socket is bound."""
from __future__ import annotations

import socket
import sys
from pathlib import Path
from typing import TextIO

from ..errors import ConfigError, StoreError
from .config import ServeConfig


def check_db(db: Path | None) -> Path:
    from .. import settings

    path = Path(db) if db is not None else Path(str(settings.get("store", "db")))
    if not path.is_file():
        raise StoreError(f"{path}: no database here (build one with 'sitrep ingest', or pass --db)")
    from ..store import Store

    Store.open(path).close()  # fail now, with exit 5, rather than on the first request
    return path


def serve(*, db: Path | None = None, host: str = "127.0.0.1", port: int = 8000, log_level: str = "warning",
          out: TextIO | None = None) -> int:
    import uvicorn

    from .app import create_app

    out = out or sys.stdout
    path = check_db(db)
    config = ServeConfig.from_env(db=path)
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)  # listening before the address is printed: a client may connect at once
    except OSError as e:
        raise ConfigError(f"cannot listen on {host}:{port}: {e.strerror}") from None
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    review = "on (token set)" if config.tokens else "off (set SITREP_TOKEN to enable)"
    print(f"sitrep: serving {path} at http://{shown}:{bound}/  (API /api, docs /docs, review {review})",
          file=out, flush=True)
    server = uvicorn.Server(uvicorn.Config(create_app(config), log_level=log_level, access_log=False,
                                           timeout_graceful_shutdown=3))
    server.run(sockets=[sock])
    return 0
