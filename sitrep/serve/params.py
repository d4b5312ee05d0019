"""Query parameters of the read API: the HTTP side of parsing them into typed records.

The filters themselves (since, country, bbox ...) are validated by :mod:`sitrep.filters`, the one
validation ``sitrep export`` shares; here are only what is HTTP's own: an unknown or repeated
parameter is refused (so a typo in a shared URL shows up as an error rather than as silently
unfiltered data), paging (sort, cursor, limit), and turning a :class:`FilterError` into a 400.
The store receives only validated values; it binds them as SQL parameters.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import QueryParams

from ..filters import FILTERS, FilterError, IncidentFilters, fts_query, parse_int
from ..filters import parse_filters as _parse_filters
from .errors import ApiError, bad_param

SORTS = ("-event_date", "event_date", "-fatalities", "fatalities", "id")
FILTER_PARAMS = FILTERS
PAGE_PARAMS = ("sort", "cursor", "limit")


@dataclass(slots=True, frozen=True)
class Page:
    sort: str = "-event_date"
    cursor: str | None = None
    limit: int = 50


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


def parse_filters(raw: dict[str, str]) -> IncidentFilters:
    try:
        return _parse_filters(raw)
    except FilterError as e:
        raise bad_param(e.param, e.problem) from None


def _int(name: str, value: str, lo: int, hi: int) -> int:
    try:
        return parse_int(name, value, lo, hi)
    except FilterError as e:
        raise bad_param(e.param, e.problem) from None


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


__all__ = ["IncidentFilters", "Page", "SORTS", "fts_query", "incident_query", "no_params", "parse_filters",
           "parse_page"]
