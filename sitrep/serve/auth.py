"""Bearer tokens for the review endpoints (and, when configured, for reads).

Tokens are compared with :func:`hmac.compare_digest` against every configured token, so the time
taken does not tell how much of a guess was right, nor which token it resembled.
"""
from __future__ import annotations

import hmac
import re

from starlette.requests import Request

from .config import ServeConfig
from .errors import ApiError

_USER = re.compile(r"[\w .@\-]{1,64}")


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


def _match(token: str, candidates: dict[str, str]) -> str | None:
    found = None
    given = token.encode("utf-8")
    for known, user in candidates.items():
        if hmac.compare_digest(given, known.encode("utf-8")) and found is None:
            found = user
    return found


def require_reviewer(request: Request, config: ServeConfig) -> str:
    """The reviewer's name for the audit log, or an error (401 no/wrong token, 403 review off)."""
    if not config.tokens:
        raise ApiError(403, "review is disabled on this server: start it with SITREP_TOKEN set")
    token = _bearer(request)
    challenge = {"WWW-Authenticate": 'Bearer realm="sitrep review"'}
    if token is None:
        raise ApiError(401, "review needs a token: send 'Authorization: Bearer <SITREP_TOKEN>'",
                       headers=challenge)
    user = _match(token, config.tokens)
    if user is None:
        raise ApiError(401, "wrong token", headers=challenge)
    if user:
        return user
    named = request.headers.get("x-sitrep-user", "").strip()
    if named and not _USER.fullmatch(named):
        raise ApiError(400, "X-Sitrep-User: 1-64 letters, digits, spaces or .@-",
                       code="invalid_parameter", details=[{"param": "X-Sitrep-User", "problem": "invalid"}])
    return named or "reviewer"


def check_read(request: Request, config: ServeConfig) -> None:
    if config.read_token is None:
        return
    token = _bearer(request)
    allowed = dict(config.tokens)
    allowed[config.read_token] = "reader"
    if token is None or _match(token, allowed) is None:
        raise ApiError(401, "this server needs a token for reads: send 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": 'Bearer realm="sitrep"'})
