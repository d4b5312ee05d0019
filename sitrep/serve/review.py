"""Review endpoints: correct a field, merge, split, mark a claim not credible, undo.

Each needs ``Authorization: Bearer <token>``; each writes one audit row through the store (who,
when, before, after) and answers with the audit id and the incident as it now stands. Writes are
serialized: the server is the database's one writer.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from ..errors import ConfigError, StoreError
from ..models import ACLED_TYPES, GRADES, DatePrecision
from ..store.review import FIELDS as REVIEWABLE
from .app import json_response
from .auth import require_reviewer
from .errors import ApiError, bad_param, responses

# every review route can answer these, each in the one error shape
router = APIRouter(prefix="/api", tags=["review"], responses=responses(400, 401, 403, 404, 409, 413))
Id = Annotated[str, Path(min_length=1, max_length=128, pattern=r"^[\w\-.:]+$")]
IdStr = Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[\w\-.:]+$")]
FIELDS = REVIEWABLE  # the store's list of reviewable fields
#: a corrected location's keys and what each may hold (None always allowed): the store binds some
#: of them as SQL parameters, so a list or an object must be refused here, not crash there
PLACE_TEXT = {"name": 200, "admin1": 200, "country": 200, "text": 500, "feature": 16}
PLACE_INTS = {"geonameid": (0, 2**53), "population": (0, 10**11), "precision": (1, 7)}
PLACE_KEYS = {*PLACE_TEXT, *PLACE_INTS, "country_code", "latitude", "longitude"}
ROLES = ("perpetrator", "target", "victim", "party", "other")
CLAIM_STATUSES = ("claimed", "suspected", "denied")
ACTOR_KEYS = {"name", "role", "mention", "actor_type", "claimed_responsibility", "claim_status"}


_OPT_STR = {"type": ["string", "null"]}
_OPT_INT = {"type": ["integer", "null"]}
#: what a correction's value may look like, by field (documentation; check_value decides)
VALUE_SCHEMAS: list[dict[str, Any]] = [
    {"type": "null"}, {"type": "boolean"}, {"type": "integer"}, {"type": "string"},
    {"type": "object", "additionalProperties": False,  # fatalities, injuries
     "properties": {k: {"type": ["integer", "null"], "minimum": 0} for k in ("low", "best", "high")}},
    {"type": "object", "additionalProperties": False,  # location
     "properties": {**{k: _OPT_STR for k in PLACE_TEXT}, **{k: _OPT_INT for k in PLACE_INTS},
                    "country_code": {"type": ["string", "null"], "pattern": "^[A-Za-z]{2}$"},
                    "latitude": {"type": ["number", "null"], "minimum": -90, "maximum": 90},
                    "longitude": {"type": ["number", "null"], "minimum": -180, "maximum": 180}}},
    {"type": "array", "maxItems": 50, "items": {  # actors
        "type": "object", "required": ["name", "role"], "additionalProperties": False,
        "properties": {"name": {"type": "string"}, "role": {"enum": list(ROLES)}, "mention": _OPT_STR,
                       "actor_type": _OPT_STR, "claimed_responsibility": {"type": "boolean"},
                       "claim_status": {"enum": [*CLAIM_STATUSES, None]}}}},
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Correction(Strict):
    # enum as documentation only: check_value refuses other fields with its own message
    field: str = Field(description="one of " + ", ".join(FIELDS), json_schema_extra={"enum": list(FIELDS)})
    value: Any = Field(description="the corrected value (null clears a correction's value)",
                       json_schema_extra={"anyOf": VALUE_SCHEMAS})


class Merge(Strict):
    ids: list[IdStr] = Field(min_length=2, max_length=50)


class Split(Strict):
    claim_ids: list[IdStr] = Field(min_length=1, max_length=200)


class Credibility(Strict):
    credible: bool


def _range(field: str, value: Any) -> dict[str, int | None]:
    if not isinstance(value, dict) or not set(value) <= {"low", "best", "high"}:
        raise bad_param(field, "an object with low, best, high")
    out: dict[str, int | None] = {}
    for k in ("low", "best", "high"):
        v = value.get(k)
        if v is not None and (isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= 10_000_000):
            raise bad_param(field, f"{k} must be a whole number >= 0 or null")
        out[k] = v
    nums = [out[k] for k in ("low", "best", "high") if out[k] is not None]
    if nums != sorted(nums):
        raise bad_param(field, "needs low <= best <= high")
    return out


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _location(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict) or not set(value) <= PLACE_KEYS:
        raise bad_param("value", "an object with keys among " + ", ".join(sorted(PLACE_KEYS)))
    for k, limit in PLACE_TEXT.items():
        v = value.get(k)
        if v is not None and (not isinstance(v, str) or len(v) > limit):
            raise bad_param("value", f"location {k} must be a string of at most {limit} characters or null")
    for k, (lo, hi) in PLACE_INTS.items():
        v = value.get(k)
        if v is not None and (not _is_int(v) or not lo <= v <= hi):
            raise bad_param("value", f"location {k} must be a whole number from {lo} to {hi} or null")
    code = value.get("country_code")
    if code is not None and (not isinstance(code, str) or not re.fullmatch(r"[A-Za-z]{2}", code)):
        raise bad_param("value", "location country_code must be an ISO 3166 alpha-2 code or null")
    for k in ("latitude", "longitude"):
        v = value.get(k)
        bound = 90 if k == "latitude" else 180
        if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float)) or not -bound <= v <= bound):
            raise bad_param("value", f"location {k} must be a number in [-{bound}, {bound}] or null")
    return value


def _actors(value: Any) -> list[dict[str, Any]]:
    problem = "a list of at most 50 {name, role} objects"
    if not isinstance(value, list) or len(value) > 50:
        raise bad_param("value", problem)
    for a in value:
        if (not isinstance(a, dict) or not set(a) <= ACTOR_KEYS or not isinstance(a.get("name"), str)
                or not 0 < len(a["name"]) <= 200 or a.get("role") not in ROLES):
            raise bad_param("value", problem + "; keys among " + ", ".join(sorted(ACTOR_KEYS)))
        for k in ("mention", "actor_type"):
            if a.get(k) is not None and (not isinstance(a[k], str) or len(a[k]) > 200):
                raise bad_param("value", f"actor {k} must be a string of at most 200 characters or null")
        if not isinstance(a.get("claimed_responsibility", False), bool):
            raise bad_param("value", "actor claimed_responsibility must be true or false")
        if a.get("claim_status") is not None and a["claim_status"] not in CLAIM_STATUSES:
            raise bad_param("value", "actor claim_status must be one of " + ", ".join(CLAIM_STATUSES) + " or null")
    return value


def check_value(field: str, value: Any) -> Any:
    """Validate a correction by field; the store receives only well-formed values."""
    if field not in FIELDS:
        raise bad_param("field", "one of " + ", ".join(FIELDS))
    if field == "event_type":
        if not isinstance(value, str) or value not in ACLED_TYPES:
            raise bad_param("value", "not an ACLED event type")
    elif field == "sub_event_type":
        if not isinstance(value, str) or not any(value in subs for subs in ACLED_TYPES.values()):
            raise bad_param("value", "not an ACLED sub-event type")
    elif field == "event_date":
        try:
            if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError(value)
            value = dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise bad_param("value", "a date YYYY-MM-DD") from None
    elif field == "date_precision":
        try:
            value = DatePrecision.of(value)
        except ValueError:
            raise bad_param("value", "UCDP date_prec: 1 (day), 2 (2-6 days), 3 (week), 4 (month) or 5 (year)") from None
    elif field in ("fatalities", "injuries"):
        value = _range("value", value)
    elif field == "toll_may_rise":
        if not isinstance(value, bool):
            raise bad_param("value", "true or false")
    elif field == "grade":
        if value not in GRADES:
            raise bad_param("value", "a grade: " + ", ".join(GRADES) + " (Discounted sets the incident aside; say why in notes)")
    elif field in ("cameo", "notes"):
        limit = 8 if field == "cameo" else 2000
        if value is not None and (not isinstance(value, str) or len(value) > limit):
            raise bad_param("value", f"a string of at most {limit} characters")
    elif field == "location":
        value = _location(value)
    elif field == "actors":
        value = _actors(value)
    return value


@contextlib.contextmanager
def _stale_after(pool: Any) -> Iterator[None]:
    """After a change through this process, the generation its kept answers are served at is not
    known until read or announced again (``StorePool.generation_watch``: PostgreSQL)."""
    try:
        yield
    finally:
        watch = pool.generation_watch()
        if watch is not None:
            watch.stale()


def _write(request: Request, action: Any) -> Any:
    user = require_reviewer(request, request.app.state.config)
    pool = request.app.state.pool
    reviewer = request.app.state.config.reviewer or _incidents
    with pool.write_lock, _stale_after(pool):
        try:
            store = pool.get()
            return action(store, reviewer(store), user)
        except LookupError as e:
            raise ApiError(404, str(e).strip("'\"") or "not found") from None
        except ConfigError as e:
            raise ApiError(400, str(e), code="invalid_parameter") from None
        except (StoreError, ValueError) as e:
            # the store says "no incident/claim/audit entry ..." for unknown ids
            if str(e).startswith("no "):
                raise ApiError(404, str(e)) from None
            raise ApiError(409, str(e) or "the store refused this change", code="conflict") from None


def _incidents(store: Any) -> Any:
    """Review actions on a SQLite store: the cross-article stage re-clusters what they change."""
    from ..reconcile.across import Incidents

    return Incidents(store)


def _need_incident(store: Any, incident_id: str) -> None:
    if store.get_incident(incident_id) is None:
        raise ApiError(404, f"no incident {incident_id!r}")


@router.post("/incidents/{incident_id}/corrections", summary="Correct one field of an incident")
def correct(request: Request, incident_id: Id, body: Correction) -> Response:
    value = check_value(body.field, body.value)

    def act(store: Any, edit: Any, user: str) -> dict[str, Any]:
        _need_incident(store, incident_id)
        audit_id = edit.correct_field(incident_id, body.field, value, user)
        return {"audit_id": audit_id, "incident": store.get_incident(incident_id)}

    return json_response(_write(request, act))


@router.post("/incidents/merge", summary="Merge incidents (their reports are must-linked)")
def merge(request: Request, body: Merge) -> Response:
    if len(set(body.ids)) != len(body.ids):
        raise bad_param("ids", "repeated id")

    def act(store: Any, edit: Any, user: str) -> dict[str, Any]:
        for i in body.ids:
            _need_incident(store, i)
        return _created(store, edit.merge_incidents(list(body.ids), user))

    return json_response(_write(request, act))


@router.post("/incidents/{incident_id}/split", summary="Move claims out into a new incident")
def split(request: Request, incident_id: Id, body: Split) -> Response:
    def act(store: Any, edit: Any, user: str) -> dict[str, Any]:
        incident = store.get_incident(incident_id)
        if incident is None:
            raise ApiError(404, f"no incident {incident_id!r}")
        known = {str(c.get("id")) for c in incident.get("claims") or []}
        wanted = [str(c) for c in body.claim_ids]
        unknown = [c for c in wanted if c not in known]
        if unknown:
            raise bad_param("claim_ids", f"not claims of this incident: {', '.join(unknown[:5])}")
        if len(set(wanted)) == len(known):
            raise bad_param("claim_ids", "a split must leave at least one claim behind")
        return _created(store, edit.split_incident(incident_id, wanted, user))

    return json_response(_write(request, act))


@router.post("/claims/{claim_id}/credibility", summary="Mark a claim credible or not credible")
def credibility(request: Request, claim_id: Id, body: Credibility) -> Response:
    def act(store: Any, edit: Any, user: str) -> dict[str, Any]:
        audit_id = edit.mark_claim(claim_id, body.credible, user)
        return {"audit_id": audit_id}

    return json_response(_write(request, act))


@router.post("/audit/{audit_id}/undo", summary="Undo one review action (itself audited)")
def undo(request: Request, audit_id: Annotated[int, Path(ge=1, le=2**62)]) -> Response:
    def act(store: Any, edit: Any, user: str) -> dict[str, Any]:
        return {"audit_id": edit.undo(audit_id, user)}

    return json_response(_write(request, act))


def _created(store: Any, new_id: str) -> dict[str, Any]:
    """The reply to a merge or split: the incident it made and the audit row that records it."""
    return {"incident_id": new_id, "incident": store.get_incident(new_id), "audit_id": _latest_audit(store, new_id)}


def _latest_audit(store: Any, incident_id: str) -> int | None:
    log = store.audit_log(incident_id=incident_id)
    return log[0]["id"] if log else None
