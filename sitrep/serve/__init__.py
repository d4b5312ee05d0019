"""serve: the FastAPI app (REST API, web map, offline OpenAPI docs) over the store.

Nothing heavy loads at import; ``create_app`` builds the app and ``serve`` runs it.
"""
from __future__ import annotations

from .config import ServeConfig

__all__ = ["ServeConfig", "create_app", "serve"]


def create_app(config: ServeConfig | None = None):  # type: ignore[no-untyped-def]
    from .app import create_app as _create

    return _create(config)


def serve(**kw):  # type: ignore[no-untyped-def]
    from .server import serve as _serve

    return _serve(**kw)
