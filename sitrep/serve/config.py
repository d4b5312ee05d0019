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

#: environment variables read by :meth:`ServeConfig.from_env`
ENV_TOKEN = "SITREP_TOKEN"  # one shared review token; the reviewer names themself (X-Sitrep-User)
ENV_TOKENS = "SITREP_TOKENS"  # named review tokens: "alice:tok1,bob:tok2"
ENV_READ_TOKEN = "SITREP_READ_TOKEN"  # when set, reads need it (or a review token) too
ENV_CORS = "SITREP_CORS_ORIGINS"  # comma-separated origins; CORS is off when unset


@dataclass(slots=True)
class ServeConfig:
    db: Path | str | None = None  # a file path or a postgresql:// URL
    #: token -> user name for review endpoints; empty means review is disabled
    tokens: dict[str, str] = field(default_factory=dict)
    read_token: str | None = None
    cors_origins: list[str] = field(default_factory=list)
    max_body_bytes: int = 64 * 1024
    max_page_size: int = 500
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
        return cls(tokens=tokens, read_token=env.get(ENV_READ_TOKEN) or None, cors_origins=cors, **kw)
