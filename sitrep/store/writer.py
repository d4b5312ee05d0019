"""The writer lock: one ``sitrep ingest`` at a time on a database; the next one waits its turn.

SQLite already serializes transactions, but an ingest is many transactions with state kept between
them (which inputs are stored already, decided before extraction): two ingests interleaved on one
database do not give the database the same two give one after the other. So an ingest holds an OS
lock on ``DB.lock`` (beside the database) for its whole run, and a second one says it is waiting,
then runs on the database as the first left it.

``fcntl.lockf`` (a POSIX record lock), not ``flock``: it belongs to the process, so the extraction
workers forked while it is held do not hold it too, and it goes when the process goes, however it
ends (``kill -9`` included): there is never a stale lock to clear by hand. Readers (``sitrep
serve``, ``export``) and the review API never take it; their writes are single transactions.
The file itself stays (removing it would race with the next writer opening it).

A PostgreSQL database has no lock file: its writers take a lock per transaction (store/postgres.py).
"""
from __future__ import annotations

import contextlib
import errno
import os
import threading
from collections.abc import Callable, Iterator

from ..errors import StoreError
from .sqlite import is_url

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: SQLite's own locking is all there is
    fcntl = None  # type: ignore[assignment]

_in_process: dict[str, threading.Lock] = {}  # POSIX locks do not exclude threads of one process
_guard = threading.Lock()


def lock_path(where: str) -> str:
    return where + ".lock"


@contextlib.contextmanager
def writer_lock(where: str, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the writer lock of the database file ``where`` (a no-op for ``:memory:``).

    Blocks until the lock is free; ``on_wait`` is called once, with a message, when it has to.
    """
    if where == ":memory:" or fcntl is None or is_url(where):  # a server database serializes its own writers
        yield
        return
    path = os.path.abspath(lock_path(where))
    with _guard:
        local = _in_process.setdefault(path, threading.Lock())
    if not local.acquire(blocking=False):
        if on_wait is not None:
            on_wait(f"waiting for another writer of {where} (in this process)...")
        local.acquire()
    try:
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)  # as Store.open does for the database
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except OSError as e:
            raise StoreError(f"{where}: cannot create the writer lock {path}: {e.strerror}") from e
        try:
            _lock(fd, where, on_wait)
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
            yield
        finally:
            os.close(fd)  # releases the lock
    finally:
        local.release()


def _lock(fd: int, where: str, on_wait: Callable[[str], None] | None) -> None:
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except OSError as e:
        if not isinstance(e, BlockingIOError) and e.errno not in (errno.EACCES, errno.EAGAIN):  # held by another
            raise StoreError(f"{where}: cannot take the writer lock: {e.strerror}") from e
    if on_wait is not None:
        holder = _holder(fd)
        on_wait(f"waiting for another writer of {where}{f' (pid {holder})' if holder else ''}...")
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX)
    except OSError as e:
        raise StoreError(f"{where}: cannot take the writer lock: {e.strerror}") from e


def _holder(fd: int) -> str:
    """The pid the holder wrote into the lock file, or "" (it may be mid-write, or gone)."""
    try:
        text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return text if text.isdigit() else ""
