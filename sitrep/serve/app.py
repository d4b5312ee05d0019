"""The FastAPI application: API under /api, web pages at / and /incidents/{id}, docs at /docs.

``create_app(config)`` builds it; nothing opens until the first request. Each worker thread opens
its own store (SQLite connections belong to one thread); review writes are serialized by a lock,
so the server is still one writer.
"""
from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import AsyncIterator, Callable
from importlib import resources
from pathlib import Path
from typing import Any

import anyio
from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from . import errors
from .cache import ResponseCache
from .config import ServeConfig

STATIC_DIR = Path(str(resources.files("sitrep.serve").joinpath("static")))


def json_body(obj: Any) -> bytes:
    # json.dumps directly: FastAPI's jsonable_encoder walk costs more than the query on big pages
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def json_response(obj: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(json_body(obj), status_code=status, media_type="application/json", headers=headers)


class StorePool:
    """One store per thread, opened on first use; a lock for the single writer."""

    def __init__(self, factory: Callable[[], Any]):
        self._factory = factory
        self._local = threading.local()
        self._all: list[Any] = []
        self._guard = threading.Lock()
        self.write_lock = threading.Lock()
        self._watch: Any = False  # not asked yet

    def get(self) -> Any:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._factory()
            self._local.store = store
            with self._guard:
                self._all.append(store)
        return store

    def generation_watch(self) -> Any:
        """The store's announced generation (store/postgres.py ``GenerationWatch``), started on first
        use, where the store announces it (PostgreSQL); else None: the store is read for it."""
        if self._watch is False:
            make = getattr(self.get(), "generation_watch", None)
            with self._guard:
                if self._watch is False:
                    self._watch = make() if make is not None else None
        return self._watch

    def close(self) -> None:
        with self._guard:
            watch, self._watch = self._watch, False
        if watch:
            watch.close()
        with self._guard:
            stores, self._all = self._all, []
        for s in stores:
            close = getattr(s, "close", None)
            if close is not None:
                try:
                    close()
                except Exception:  # noqa: BLE001 - closing another thread's connection may refuse
                    pass


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes (413) before any handler reads them."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                if not value.isdigit() or int(value) > self.limit:
                    await self._refuse(send)
                    return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._refuse(send)
                return
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        body = errors.error_body(413, "payload_too_large", f"request body over {self.limit} bytes")
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def _default_factory(db: Path | None) -> Callable[[], Any]:
    def open_store() -> Any:
        from ..store import Store  # heavy-ish: only when the first request needs it

        return Store.open(db if db is not None else _settings_db())

    return open_store


def _settings_db() -> str:
    """The database when none is given: ``$SITREP_DB``, else the ``store.db`` setting."""
    from ..store import database_path

    return database_path(None)


def create_app(config: ServeConfig | None = None) -> FastAPI:
    from fastapi.staticfiles import StaticFiles

    from . import api, pages, review

    config = config or ServeConfig.from_env()
    pool = StorePool(config.store_factory or _default_factory(config.db))

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        lifespan=lifespan,
        title="sitrep",
        version=__version__,
        description="Sourced incidents from news reports of violence. Reads are open unless the server "
        "sets SITREP_READ_TOKEN; review endpoints need `Authorization: Bearer <SITREP_TOKEN>`. "
        "Every error has the shape `{\"error\": {status, code, message, details}}`.",
        docs_url=None,  # FastAPI's /docs loads Swagger UI from a CDN; pages.py serves it offline
        redoc_url=None,
        swagger_ui_oauth2_redirect_url=None,
    )
    app.state.config = config
    app.state.pool = pool
    app.state.cache = ResponseCache()
    app.state.readers = anyio.CapacityLimiter(config.readers)  # api._in_thread
    errors.install(app)
    app.include_router(api.router)
    app.include_router(review.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(BodyLimit, limit=config.max_body_bytes)
    if config.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=config.cors_origins,
                           allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type",
                                                                         "X-Sitrep-User"])

    _declare_errors(app)
    return app


def _declare_errors(app: FastAPI) -> None:
    """FastAPI documents a 422 for every route with parameters; errors.install answers those as 400
    in the one error shape, so the document drops the 422 that is never sent, and declares every
    error answer as JSON in that shape."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            spec = build()
            error_ref = {"$ref": "#/components/schemas/ErrorBody"}
            for ops in spec.get("paths", {}).values():
                for op in ops.values():
                    if not isinstance(op, dict):
                        continue
                    answers = op.get("responses", {})
                    answers.pop("422", None)
                    for status, answer in answers.items():
                        # errors are JSON even on the CSV/GeoJSON routes (FastAPI gives them the route's type)
                        if status.isdigit() and int(status) >= 400 and "content" in answer:
                            answer["content"] = {"application/json": {"schema": error_ref}}
            for name in ("HTTPValidationError", "ValidationError"):
                spec.get("components", {}).get("schemas", {}).pop(name, None)
            app.openapi_schema = spec
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
