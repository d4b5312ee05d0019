"""A throw-away PostgreSQL cluster for the tests, and a fresh database per test on either backend.

``make test`` installs Debian's postgresql (tools/setup-system.sh); the session starts one cluster
of its own (``initdb`` in a new temporary folder, a Unix socket there, a free port number, fsync
off) and stops it at the end. Without PostgreSQL or psycopg the PostgreSQL cases skip, saying why,
and every other test still runs.

``new_db()`` (the fixture of that name) gives a new, empty database location: a file path under
``tmp_path`` for ``sqlite``, a new database on the cluster for ``postgresql``. Modules run on both
by using the parametrized ``backend`` fixture: ``pytestmark = pytest.mark.usefixtures(...)`` is not
needed, ``new_db`` asks for it.
"""
from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

BACKENDS = ("sqlite", "postgresql")


@dataclass
class Cluster:
    socket_dir: str
    port: int
    _names: Iterator[int] = itertools.count()

    def url(self, dbname: str) -> str:
        return f"postgresql://sitrep@/{dbname}?host={self.socket_dir}&port={self.port}"

    def new_database(self) -> str:
        import psycopg

        name = f"t{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name}")
            conn.execute(f"CREATE DATABASE {name} TEMPLATE template0")
        return self.url(name)

    def drop(self, url: str) -> None:
        """Drop a database ``new_database`` made, closing the connections still open on it first (a
        test's app whose pool was never shut down): leaked, they added up over the suite to the
        server's max_connections ("too many clients already")."""
        import psycopg

        name = url.split("/")[3].split("?")[0]
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
            conn.execute(f"DROP DATABASE IF EXISTS {name}")


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    return versions[-1] if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_owner(cmd: list[str], owner: str | None) -> list[str]:
    """PostgreSQL refuses to run as root: run it as the ``postgres`` user then."""
    return ["runuser", "-u", owner, "--", *cmd] if owner else cmd


def _start() -> tuple[Cluster, Callable[[], None]] | str:
    """The running cluster and its stop function, or why there is none."""
    try:
        import psycopg  # noqa: F401 - the driver is what the store needs
    except ImportError:
        return "psycopg is not installed (pip install 'sitrep[postgresql]')"
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if not initdb or not pg_ctl:
        return "PostgreSQL is not installed (make test installs Debian's postgresql)"
    owner = None
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no postgres user to run the server as"
        owner = "postgres"
    home = tempfile.mkdtemp(prefix="sitrep-pg-")
    if owner:
        shutil.chown(home, owner)
    data, port = str(Path(home) / "data"), _free_port()
    run = dict(check=True, capture_output=True, text=True, timeout=120)
    try:
        subprocess.run(_as_owner([initdb, "-D", data, "-A", "trust", "-U", "sitrep", "-E", "UTF8", "--locale=C"], owner), **run)
        options = f"-k {home} -p {port} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        subprocess.run(_as_owner([pg_ctl, "-D", data, "-o", options, "-l", str(Path(home) / "log"), "-w", "start"], owner), **run)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
        shutil.rmtree(home, ignore_errors=True)
        return f"cannot start a PostgreSQL cluster: {getattr(e, 'stderr', '') or e}"

    def stop() -> None:
        subprocess.run(_as_owner([pg_ctl, "-D", data, "-m", "immediate", "stop"], owner), capture_output=True, timeout=60)
        shutil.rmtree(home, ignore_errors=True)

    return Cluster(home, port), stop


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    started = _start()
    if isinstance(started, str):
        pytest.skip(started)
    cluster, stop = started
    try:
        yield cluster
    finally:
        stop()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture()
def new_db(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Callable[[], str]]:
    """A factory of new, empty database locations on the test's backend; the PostgreSQL ones are
    dropped when the test ends."""
    names = itertools.count()
    if backend != "postgresql":
        yield lambda: str(tmp_path / f"db{next(names)}.db")
        return
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    made: list[str] = []

    def make() -> str:
        made.append(cluster.new_database())
        return made[-1]

    yield make
    for url in made:
        cluster.drop(url)
