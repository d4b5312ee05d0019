"""Run the app under uvicorn, printing the address once the socket is bound."""
from __future__ import annotations

import multiprocessing as mp
import signal
import socket
import sys
import threading
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


def listen(host: str, port: int, reuse_port: bool = False) -> socket.socket:
    """The listening socket, made as asyncio expects a TCP socket to be.

    ``IPPROTO_TCP`` named explicitly: the accepted connections inherit the listener's ``proto``, and
    asyncio sets TCP_NODELAY only on sockets whose proto says TCP. With ``proto`` 0 Nagle's
    algorithm stayed on, and each keep-alive response waited ~40 ms for the client's delayed ACK.
    TCP_NODELAY on the listener as well: Linux copies it to the sockets it accepts. ``reuse_port``:
    one of several sockets on one port (SO_REUSEPORT), among which the kernel shares new connections.
    """
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)  # listening before the address is printed: a client may connect at once
    except OSError as e:
        sock.close()
        raise ConfigError(f"cannot listen on {host}:{port}: {e.strerror}") from None
    return sock


def serve(*, db: Path | str | None = None, host: str = "127.0.0.1", port: int = 8000, log_level: str = "warning",
          out: TextIO | None = None, workers: int = 1) -> int:
    """Serve the database until stopped; ``workers`` > 1: that many processes (``_supervise``)."""
    from ..store import redacted
    from .app import create_app

    if workers < 1:
        raise ConfigError(f"--workers must be 1 or more, not {workers}")
    several = workers > 1 and hasattr(socket, "SO_REUSEPORT") and "fork" in mp.get_all_start_methods()
    out = out or sys.stdout
    path = check_db(db)
    config = ServeConfig.from_env(db=path)
    socks = [listen(host, port, reuse_port=several)]
    bound = socks[0].getsockname()[1]
    if several:
        socks += [listen(host, bound, reuse_port=True) for _ in range(workers - 1)]
    shown = f"[{host}]" if ":" in host else host
    review = "on (token set)" if config.tokens else "off (set SITREP_TOKEN to enable)"
    procs = f", {workers} worker processes" if several else ""
    print(f"sitrep: serving {redacted(path)} at http://{shown}:{bound}/  (API /api, docs /docs, review {review}{procs})",
          file=out, flush=True)
    if not several:
        _run(create_app(config), socks[0], log_level)
        return 0
    return _supervise(socks, path, log_level)


def _run(app: object, sock: socket.socket, log_level: str) -> None:
    import uvicorn

    uvicorn.Server(uvicorn.Config(app, log_level=log_level, access_log=False, timeout_graceful_shutdown=3)).run(sockets=[sock])


def _worker(sock: socket.socket, path: str, log_level: str) -> None:
    """One worker process: its own app, store connections and answer cache, on its own socket."""
    from .app import create_app

    _run(create_app(ServeConfig.from_env(db=path)), sock, log_level)


def _supervise(socks: list[socket.socket], path: str, log_level: str) -> int:
    """Run one worker process per socket until SIGINT or SIGTERM, starting again one that dies.

    Each worker has a socket of its own on the one port (SO_REUSEPORT), so the kernel shares the
    connections out evenly: with one shared socket, 50 keep-alive clients were taken 40 by one worker
    and 10 by the other, and the busy one's queue made the list's p95 four times the one worker's.
    The workers only read (a reviewer's write is one transaction, whichever takes it), so they never
    wait on each other; each keeps answers by the store's generation, so a correction made through
    one is what every one answers next."""
    ctx = mp.get_context("fork")  # the workers inherit their sockets
    stop = threading.Event()

    def start(sock: socket.socket) -> mp.process.BaseProcess:
        proc = ctx.Process(target=_worker, args=(sock, path, log_level), daemon=True)
        proc.start()
        return proc

    def on_signal(signum: int, frame: object) -> None:
        stop.set()

    old = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    procs = [start(sock) for sock in socks]
    try:
        while not stop.wait(0.5):
            for i, proc in enumerate(procs):
                if not proc.is_alive():
                    print(f"sitrep: worker {proc.pid} ended (exit {proc.exitcode}); starting another", file=sys.stderr)
                    procs[i] = start(socks[i])
    finally:
        for proc in procs:
            proc.terminate()  # SIGTERM: each finishes its open requests (3 s at most)
        for proc in procs:
            proc.join(10)
            if proc.is_alive():
                proc.kill()
                proc.join()
        for sig, handler in old.items():
            signal.signal(sig, handler)
    return 0
