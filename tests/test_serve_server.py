"""``sitrep serve``'s own socket: accepted connections get TCP_NODELAY, as on uvicorn's own sockets.

Regression: the listening socket was made with ``proto`` 0, so asyncio (which sets TCP_NODELAY
only on sockets whose proto is TCP) left Nagle's algorithm on, and every keep-alive request waited
~43 ms for a delayed ACK. The latency itself is measured in bench/bench_serve.py (``--keepalive``).
"""
from __future__ import annotations

import asyncio
import io
import socket

import pytest
import uvicorn

from sitrep.serve.server import serve
from sitrep.store import Store


def _has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
    except OSError:
        return False
    return True


async def _accepted_nodelay(sock: socket.socket) -> int:
    """Serve ``sock`` as uvicorn does with ``sockets=[...]`` and read TCP_NODELAY of one accepted connection."""
    loop = asyncio.get_running_loop()
    accepted: asyncio.Future[int] = loop.create_future()

    class Probe(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            conn = transport.get_extra_info("socket")
            accepted.set_result(conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    server = await loop.create_server(Probe, sock=sock)
    try:
        _, writer = await asyncio.open_connection(*sock.getsockname()[:2])
        value = await asyncio.wait_for(accepted, 10)
        writer.close()
        return value
    finally:
        server.close()
        await server.wait_closed()


@pytest.mark.parametrize("host", ["127.0.0.1", pytest.param("::1", marks=pytest.mark.skipif(
    not _has_ipv6_loopback(), reason="no IPv6 loopback"))])
def test_served_connections_get_tcp_nodelay(tmp_path, monkeypatch, host):
    Store.open(tmp_path / "x.db").close()
    handed: list[socket.socket] = []
    monkeypatch.setattr(uvicorn.Server, "run", lambda self, sockets=None: handed.extend(sockets or []))
    out = io.StringIO()
    assert serve(db=tmp_path / "x.db", host=host, port=0, out=out) == 0
    (sock,) = handed
    try:
        assert f":{sock.getsockname()[1]}/" in out.getvalue()  # the address printed is the one bound
        assert sock.proto == socket.IPPROTO_TCP
        assert asyncio.run(_accepted_nodelay(sock)) == 1
    finally:
        sock.close()


def _get_json(port: int, path: str, data: bytes | None = None, headers: dict | None = None) -> dict:
    import json
    import urllib.request

    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, headers=headers or {})
    with urllib.request.urlopen(req, timeout=10) as r:  # only ever 127.0.0.1
        return json.loads(r.read())


def test_several_worker_processes_answer_alike_and_stop_together(tmp_path):
    # `sitrep serve --workers 2`: two processes on one socket; a reviewer's correction made through
    # one is what both answer next (each keeps its answers by the store's generation), and SIGTERM
    # stops the supervisor and its workers
    import os
    import re
    import signal
    import subprocess
    import sys
    import time

    from serve_fixtures import TOKEN, build_seed_db

    db = build_seed_db(tmp_path / "w.db", pipeline=False)
    env = dict(os.environ, SITREP_TOKEN=TOKEN, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", str(db), "--port", "0", "--workers", "2"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        m = re.search(r"127\.0\.0\.1:(\d+)/.*2 worker processes", line)
        assert m, line
        port = int(m.group(1))
        deadline = time.monotonic() + 60
        while True:
            try:
                rows = _get_json(port, "/api/incidents")["incidents"]
                break
            except OSError:
                assert time.monotonic() < deadline, "no worker answered"
                time.sleep(0.2)
        assert len(rows) == 2
        workers = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
        assert len(workers) >= 2, workers
        iid = rows[0]["id"]
        auth = {"Authorization": f"Bearer {TOKEN}", "X-Sitrep-User": "ana", "Content-Type": "application/json"}
        _get_json(port, f"/api/incidents/{iid}/corrections", b'{"field": "grade", "value": "Discounted"}', auth)
        for _ in range(20):  # new connections: the kernel hands them to either worker
            graded = {r["id"]: r["grade"] for r in _get_json(port, "/api/incidents")["incidents"]}
            assert graded[iid] == "Discounted"
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) is not None
    for pid in workers:
        try:
            state = open(f"/proc/{pid}/status").read()
        except FileNotFoundError:
            continue
        cmd = open(f"/proc/{pid}/cmdline").read().replace("\0", " ")
        assert "State:\tZ" in state, (pid, cmd, state[:200])
