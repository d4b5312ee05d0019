"""The API's one error shape, and the handlers that turn every failure into it.

    {"error": {"status": 400, "code": "invalid_parameter", "message": "...",
               "details": [{"param": "since", "problem": "not a date (YYYY-MM-DD)"}]}}

Bad input is always a 4xx in this shape (FastAPI's own validation errors included); only a
bug or a broken database gives a 5xx, and then without internals in the message.
"""
from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

log = logging.getLogger("sitrep.serve")

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_parameter",
    500: "internal_error",
    503: "unavailable",
}


class ErrorDetail(BaseModel):
    param: str
    problem: str


class ErrorInfo(BaseModel):
    status: int
    code: str
    message: str
    details: list[ErrorDetail]


class ErrorBody(BaseModel):
    """The one error shape, declared in the OpenAPI document for every 4xx/5xx a route can give."""

    error: ErrorInfo


_WHY = {
    400: "malformed request: unknown, repeated or invalid parameter or body",
    401: "no token, or a wrong one",
    403: "review is disabled on this server",
    404: "no such incident, article, claim or audit entry",
    409: "the store refused the change (e.g. an undo already undone)",
    413: "request body too large",
    500: "internal error",
}


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route: each status answered in the error shape (plus 500, always possible)."""
    return {s: {"model": ErrorBody, "description": _WHY.get(s, CODES.get(s, "error"))}
            for s in (*statuses, 500)}


class ApiError(Exception):
    """Raise anywhere in a handler to answer with the error shape."""

    def __init__(self, status: int, message: str, *, code: str | None = None,
                 details: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code or CODES.get(status, "error")
        self.message = message
        self.details = details or []
        self.headers = headers


def bad_param(param: str, problem: str) -> ApiError:
    return ApiError(400, f"invalid parameter {param!r}: {problem}", code="invalid_parameter",
                    details=[{"param": param, "problem": problem}])


def error_body(status: int, code: str, message: str, details: list[dict[str, Any]] | None = None) -> bytes:
    body = {"error": {"status": status, "code": code, "message": message, "details": details or []}}
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def error_response(status: int, code: str, message: str, details: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> Response:
    return Response(error_body(status, code, message, details), status_code=status,
                    media_type="application/json", headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        details = []
        for e in exc.errors():
            loc = [str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body")]
            details.append({"param": ".".join(loc) or "body", "problem": str(e.get("msg", "invalid"))})
        first = details[0] if details else {"param": "?", "problem": "invalid"}
        # 400, not FastAPI's 422: one status for "your request is malformed"
        return error_response(400, "invalid_parameter",
                              f"invalid parameter {first['param']!r}: {first['problem']}", details)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else CODES.get(exc.status_code, "error")
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        return error_response(exc.status_code, CODES.get(exc.status_code, "error"), message,
                              headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(500, "internal_error", "internal error (logged on the server)")
