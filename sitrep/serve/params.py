"""Query parameters of the read API: parsed once, strictly, into a typed record.

Every parameter is checked here (type, range, length) and an unknown or repeated parameter is
refused, so a typo in a shared URL shows up as an error rather than as silently unfiltered data.
The store receives only validated values; it binds them as SQL parameters.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from starlette.datastructures import QueryParams

from ..models import ACLED_TYPES
from .errors import ApiError, bad_param

SORTS = ("-event_date", "event_date", "-fatalities", "fatalities", "id")
FILTER_PARAMS = ("since", "until", "country", "admin1", "event_type", "sub_event_type", "actor",
                 "min_fatalities", "bbox", "q")
PAGE_PARAMS = ("sort", "cursor", "limit")
MAX_TEXT = 200
_TOKEN = re.compile(r"\w+\*?", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(slots=True, frozen=True)
class IncidentFilters:
    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    min_fatalities: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None

    def store_kwargs(self) -> dict[str, Any]:
        out = {k: v for k, v in asdict(self).items() if v is not None}
        for key in ("since", "until"):
            if key in out:
                out[key] = out[key].isoformat()
        if "q" in out:
            out["q"] = fts_query(out["q"])
        return out

    def echo(self) -> dict[str, Any]:
        """The filters as they were understood, JSON-ready (the response repeats them)."""
        out = {k: v for k, v in asdict(self).items() if v is not None}
        for key in ("since", "until"):
            if key in out:
                out[key] = out[key].isoformat()
        if "bbox" in out:
            out["bbox"] = list(out["bbox"])
        return out


@dataclass(slots=True, frozen=True)
class Page:
    sort: str = "-event_date"
    cursor: str | None = None
    limit: int = 50


def fts_query(text: str) -> str:
    """A user's words as a safe FTS5 query: every word quoted, all required, ``word*`` a prefix.

    FTS5 has its own syntax (NEAR, column filters, quotes); passing user text through raw would
    turn a stray quote into a database error, so operators are not exposed.
    """
    terms = []
    for tok in _TOKEN.findall(text):
        star = tok.endswith("*")
        word = tok.rstrip("*")
        if word:
            terms.append(f'"{word}"' + ("*" if star else ""))
    if not terms:
        raise bad_param("q", "no searchable words")
    return " ".join(terms[:20])


def _single(params: QueryParams, allowed: Iterable[str]) -> dict[str, str]:
    allowed = tuple(allowed)
    out: dict[str, str] = {}
    for key, value in params.multi_items():
        if key not in allowed:
            raise ApiError(400, f"unknown parameter {key!r}", code="invalid_parameter",
                           details=[{"param": key, "problem": "unknown; allowed: " + ", ".join(allowed)}])
        if key in out:
            raise bad_param(key, "given more than once")
        out[key] = value
    return out


def _text(name: str, value: str) -> str:
    value = value.strip()
    if not value:
        raise bad_param(name, "empty")
    if len(value) > MAX_TEXT:
        raise bad_param(name, f"longer than {MAX_TEXT} characters")
    if _CONTROL.search(value):
        raise bad_param(name, "contains control characters")
    return value


def _date(name: str, value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise bad_param(name, "not a date (YYYY-MM-DD)") from None


def _int(name: str, value: str, lo: int, hi: int) -> int:
    if not re.fullmatch(r"\s*\d{1,9}\s*", value):
        raise bad_param(name, f"not a whole number between {lo} and {hi}")
    n = int(value)
    if not lo <= n <= hi:
        raise bad_param(name, f"must be between {lo} and {hi}")
    return n


def _bbox(value: str) -> tuple[float, float, float, float]:
    parts = value.split(",")
    if len(parts) != 4:
        raise bad_param("bbox", "expected west,south,east,north")
    try:
        w, s, e, n = (float(p) for p in parts)
    except ValueError:
        raise bad_param("bbox", "expected four numbers: west,south,east,north") from None
    if not all(math.isfinite(x) for x in (w, s, e, n)):
        raise bad_param("bbox", "numbers must be finite")
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= 90 and -90 <= n <= 90):
        raise bad_param("bbox", "longitude must be in [-180, 180] and latitude in [-90, 90]")
    if w > e or s > n:
        raise bad_param("bbox", "west must not exceed east, nor south north")
    return (w, s, e, n)


def parse_filters(raw: dict[str, str]) -> IncidentFilters:
    kw: dict[str, Any] = {}
    for key in ("country", "admin1", "actor", "q"):
        if key in raw:
            kw[key] = _text(key, raw[key])
    for key in ("since", "until"):
        if key in raw:
            kw[key] = _date(key, raw[key])
    if "since" in kw and "until" in kw and kw["since"] > kw["until"]:
        raise bad_param("until", "is before since")
    if "event_type" in raw:
        value = raw["event_type"].strip()
        if value not in ACLED_TYPES:
            raise bad_param("event_type", "not an ACLED event type: " + "; ".join(ACLED_TYPES))
        kw["event_type"] = value
    if "sub_event_type" in raw:
        value = raw["sub_event_type"].strip()
        parents = [t for t, subs in ACLED_TYPES.items() if value in subs]
        if not parents:
            raise bad_param("sub_event_type", "not an ACLED sub-event type")
        if "event_type" in kw and kw["event_type"] not in parents:
            raise bad_param("sub_event_type", f"not a sub-event type of {kw['event_type']!r}")
        kw["sub_event_type"] = value
    if "min_fatalities" in raw:
        kw["min_fatalities"] = _int("min_fatalities", raw["min_fatalities"], 0, 10_000_000)
    if "bbox" in raw:
        kw["bbox"] = _bbox(raw["bbox"])
    if "q" in kw:
        fts_query(kw["q"])  # refuse a query with no words now, not in the store
    return IncidentFilters(**kw)


def parse_page(raw: dict[str, str], max_limit: int) -> Page:
    kw: dict[str, Any] = {}
    if "sort" in raw:
        if raw["sort"] not in SORTS:
            raise bad_param("sort", "one of " + ", ".join(SORTS))
        kw["sort"] = raw["sort"]
    if "cursor" in raw:
        cursor = raw["cursor"].strip()
        if not cursor or len(cursor) > 500 or not re.fullmatch(r"[\x21-\x7e]+", cursor):
            raise bad_param("cursor", "not a cursor returned by this API")
        kw["cursor"] = cursor
    if "limit" in raw:
        kw["limit"] = _int("limit", raw["limit"], 1, max_limit)
    return Page(**kw)


def incident_query(params: QueryParams, max_limit: int, *, paged: bool = True,
                   extra: tuple[str, ...] = ()) -> tuple[IncidentFilters, Page, dict[str, str]]:
    raw = _single(params, FILTER_PARAMS + (PAGE_PARAMS if paged else ()) + extra)
    return parse_filters(raw), parse_page(raw, max_limit) if paged else Page(), raw


def no_params(params: QueryParams, allowed: tuple[str, ...] = ()) -> dict[str, str]:
    return _single(params, allowed)
