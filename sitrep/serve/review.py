"""Review endpoints: correct a field, merge, split, mark a claim not credible, undo.

Each needs ``Authorization: Bearer <token>``; each writes one audit row through the store (who,
when, before, after) and answers with the audit id and the incident as it now stands. Writes are
serialized: the server is the database's one writer.
"""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from ..errors import ConfigError, StoreError
from ..models import ACLED_TYPES, DatePrecision
from .app import json_response
from .auth import require_reviewer
from .errors import ApiError, bad_param

router = APIRouter(prefix="/api", tags=["review"])
Id = Annotated[str, Path(min_length=1, max_length=128, pattern=r"^[\w\-.:]+$")]
IdStr = Annotated[str, Field(min_length=1, max_length=128, pattern=r"^[\w\-.:]+$")]
FIELDS = ("event_type", "sub_event_type", "cameo", "event_date", "date_precision", "location", "actors",
          "fatalities", "injuries", "toll_may_rise", "notes")
PLACE_KEYS = {"name", "admin1", "country", "country_code", "geonameid", "latitude", "longitude", "precision",
              "text", "feature", "population"}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Correction(Strict):
    field: str = Field(description="one of " + ", ".join(FIELDS))
    value: Any = Field(description="the corrected value (null clears a correction's value)")


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


def check_value(field: str, value: Any) -> Any:
    """Validate a correction by field; the store receives only well-formed values."""
    if field not in FIELDS:
        raise bad_param("field", "one of " + ", ".join(FIELDS))
    if field == "event_type":
        if value not in ACLED_TYPES:
            raise bad_param("value", "not an ACLED event type")
    elif field == "sub_event_type":
        if not any(value in subs for subs in ACLED_TYPES.values()):
            raise bad_param("value", "not an ACLED sub-event type")
    elif field == "event_date":
        try:
            value = dt.date.fromisoformat(str(value)).isoformat()
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
    elif field in ("cameo", "notes"):
        limit = 8 if field == "cameo" else 2000
        if value is not None and (not isinstance(value, str) or len(value) > limit):
            raise bad_param("value", f"a string of at most {limit} characters")
    elif field == "location":
        if not isinstance(value, dict) or not set(value) <= PLACE_KEYS:
            raise bad_param("value", "an object with keys among " + ", ".join(sorted(PLACE_KEYS)))
        for k in ("latitude", "longitude"):
            v = value.get(k)
            bound = 90 if k == "latitude" else 180
            if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float)) or not -bound <= v <= bound):
                raise bad_param("value", f"{k} out of range")
    elif field == "actors":
        if not isinstance(value, list) or len(value) > 50 or not all(
                isinstance(a, dict) and isinstance(a.get("name"), str) and a.get("role") in
                ("perpetrator", "target", "victim", "party", "other") for a in value):
            raise bad_param("value", "a list of {name, role} objects")
    return value


def _write(request: Request, action: Any) -> Any:
    user = require_reviewer(request, request.app.state.config)
    pool = request.app.state.pool
    with pool.write_lock:
        try:
            return action(pool.get(), user)
        except LookupError as e:
            raise ApiError(404, str(e).strip("'\"") or "not found") from None
        except ConfigError as e:
            raise ApiError(400, str(e), code="invalid_parameter") from None
        except (StoreError, ValueError) as e:
            # the store says "no incident/claim/audit entry ..." for unknown ids
            if str(e).startswith("no "):
                raise ApiError(404, str(e)) from None
            raise ApiError(409, str(e) or "the store refused this change", code="conflict") from None


def _need_incident(store: Any, incident_id: str) -> None:
    if store.get_incident(incident_id) is None:
        raise ApiError(404, f"no incident {incident_id!r}")


@router.post("/incidents/{incident_id}/corrections", summary="Correct one field of an incident")
def correct(request: Request, incident_id: Id, body: Correction) -> Response:
    value = check_value(body.field, body.value)

    def act(store: Any, user: str) -> dict[str, Any]:
        _need_incident(store, incident_id)
        audit_id = store.correct_field(incident_id, body.field, value, user)
        return {"audit_id": audit_id, "incident": store.get_incident(incident_id)}

    return json_response(_write(request, act))


@router.post("/incidents/merge", summary="Merge incidents (their reports are must-linked)")
def merge(request: Request, body: Merge) -> Response:
    if len(set(body.ids)) != len(body.ids):
        raise bad_param("ids", "repeated id")

    def act(store: Any, user: str) -> dict[str, Any]:
        for i in body.ids:
            _need_incident(store, i)
        return _created(store, store.merge_incidents(list(body.ids), user))

    return json_response(_write(request, act))


@router.post("/incidents/{incident_id}/split", summary="Move claims out into a new incident")
def split(request: Request, incident_id: Id, body: Split) -> Response:
    def act(store: Any, user: str) -> dict[str, Any]:
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
        return _created(store, store.split_incident(incident_id, wanted, user))

    return json_response(_write(request, act))


@router.post("/claims/{claim_id}/credibility", summary="Mark a claim credible or not credible")
def credibility(request: Request, claim_id: Id, body: Credibility) -> Response:
    def act(store: Any, user: str) -> dict[str, Any]:
        audit_id = store.mark_claim(claim_id, body.credible, user)
        return {"audit_id": audit_id}

    return json_response(_write(request, act))


@router.post("/audit/{audit_id}/undo", summary="Undo one review action (itself audited)")
def undo(request: Request, audit_id: Annotated[int, Path(ge=1, le=2**62)]) -> Response:
    def act(store: Any, user: str) -> dict[str, Any]:
        return {"audit_id": store.undo(audit_id, user)}

    return json_response(_write(request, act))


def _created(store: Any, new_id: str) -> dict[str, Any]:
    """The reply to a merge or split: the incident it made and the audit row that records it."""
    return {"incident_id": new_id, "incident": store.get_incident(new_id), "audit_id": _latest_audit(store, new_id)}


def _latest_audit(store: Any, incident_id: str) -> int | None:
    log = store.audit_log(incident_id=incident_id)
    return log[0]["id"] if log else None
