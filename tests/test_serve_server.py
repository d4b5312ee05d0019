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
