"""How the server is configured: one typed record, filled from flags and the environment.

Reads are open unless a read token is set; writes (review) always need a token. Tokens come
from the environment, never from flags, so they do not show up in ``ps``.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError

#: environment variables read by :meth:`ServeConfig.from_env`
ENV_TOKEN = "SITREP_TOKEN"  # one shared review token; the reviewer names themself (X-Sitrep-User)
ENV_TOKENS = "SITREP_TOKENS"  # named review tokens: "alice:tok1,bob:tok2"
ENV_READ_TOKEN = "SITREP_READ_TOKEN"  # when set, reads need it (or a review token) too
ENV_CORS = "SITREP_CORS_ORIGINS"  # comma-separated origins; CORS is off when unset
ENV_READERS = "SITREP_READERS"  # database reads in worker threads at once, per server process


def default_readers() -> int:
    """Four reads in threads per CPU core, at least eight: on PostgreSQL at 100,000 incidents and 50
    clients, one worker on the two cores that also ran the server's backends and the load
    (``bench/bench_serve.py``, 2026-12-03, three runs each), 8 reads at a time answered the filtered
    list at p95 72-81 ms, 4 at 71-95 ms, 16 at 75-89 ms, and 40 (anyio's default) at 110-127 ms:
    forty reads at once share the cores with forty backends and each waits for all of them."""
    return max(8, 4 * (os.cpu_count() or 1))


def _readers(value: str | None) -> int:
    if value is None or not value.strip():
        return default_readers()
    if not value.strip().isdigit() or not 1 <= int(value) <= 256:
        raise ConfigError(f"{ENV_READERS} must be a whole number from 1 to 256, not {value!r}")
    return int(value)


@dataclass(slots=True)
class ServeConfig:
    db: Path | str | None = None  # a file path or a postgresql:// URL
    #: token -> user name for review endpoints; empty means review is disabled
    tokens: dict[str, str] = field(default_factory=dict)
    read_token: str | None = None
    cors_origins: list[str] = field(default_factory=list)
    max_body_bytes: int = 64 * 1024
    max_page_size: int = 500
    #: database reads in worker threads at once (lists that run long, stats, roll-ups; every read on PostgreSQL)
    readers: int = field(default_factory=default_readers)
    #: how the app opens a store (one per worker thread); defaults to ``Store.open(db)``
    store_factory: Callable[[], Any] | None = None
    #: what carries out review actions on an opened store; defaults to ``reconcile.across.Incidents(store)``
    reviewer: Callable[[Any], Any] | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **kw: Any) -> ServeConfig:
        env = os.environ if env is None else env
        tokens: dict[str, str] = {}
        if env.get(ENV_TOKEN):
            tokens[env[ENV_TOKEN]] = ""  # "" = take the name from the X-Sitrep-User header
        for pair in filter(None, (p.strip() for p in env.get(ENV_TOKENS, "").split(","))):
            user, sep, token = pair.partition(":")
            if sep and user and token:
                tokens[token] = user
        cors = [o.strip() for o in env.get(ENV_CORS, "").split(",") if o.strip()]
        kw.setdefault("readers", _readers(env.get(ENV_READERS)))
        return cls(tokens=tokens, read_token=env.get(ENV_READ_TOKEN) or None, cors_origins=cors, **kw)
