"""Incident filters: one validation for every filter, shared by ``sitrep export`` and the API.

    since, until        dates YYYY-MM-DD (since <= until)
    country             an ISO 3166 alpha-2 code or a country name (GeoNames)
    admin1, admin2,     free text, at most 200 characters, no control characters (admin2: the
    actor               district or county, as the gazetteer names it)
    event_type          an ACLED event type; sub_event_type an ACLED sub-event type (of event_type)
    min_fatalities      a whole number 0 .. 10,000,000
    bbox                west,south,east,north in degrees
    q                   words over the incidents' articles; ``word*`` is a prefix
    grades              confidence grades, comma-separated (``fair,confirmed``): Confirmed, Fair,
                        Weak, Contested, Pending, Discounted (``reconcile/grades.py``)

A filter that cannot match anything by construction ("yesterday", "Narnia", "Bombing") is refused
with a :class:`FilterError` instead of answering with nothing. The CLI prints its message and exits 2;
the API answers 400 with the same message. Nothing here imports a web framework.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from .errors import ConfigError
from .models import ACLED_TYPES, GRADES

FILTERS = ("since", "until", "country", "admin1", "admin2", "event_type", "sub_event_type", "actor",
           "min_fatalities", "bbox", "q", "grades")
MAX_TEXT = 200
MAX_FATALITIES = 10_000_000
_TOKEN = re.compile(r"\w+\*?", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


class FilterError(ConfigError):
    """A filter value that means nothing; ``param`` names the filter, ``problem`` says why."""

    def __init__(self, param: str, problem: str):
        super().__init__(f"invalid parameter {param!r}: {problem}")
        self.param = param
        self.problem = problem


@dataclass(slots=True, frozen=True)
class IncidentFilters:
    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    min_fatalities: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None
    grades: tuple[str, ...] | None = None

    def _given(self) -> dict[str, Any]:
        """The filters set, dates as ISO strings."""
        out = {k: v for k, v in asdict(self).items() if v is not None}
        for key in ("since", "until"):
            if key in out:
                out[key] = out[key].isoformat()
        return out

    def store_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``Store.query_incidents`` / ``iter_incidents`` / ``stats``."""
        out = self._given()
        if "q" in out:
            out["q"] = fts_query(out["q"])
        return out

    def echo(self) -> dict[str, Any]:
        """The filters as they were understood, JSON-ready (the API's responses repeat them)."""
        out = self._given()
        for key in ("bbox", "grades"):
            if key in out:
                out[key] = list(out[key])
        return out


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
        raise FilterError("q", "no searchable words")
    return " ".join(terms[:20])


def _text(name: str, value: str) -> str:
    value = value.strip()
    if not value:
        raise FilterError(name, "empty")
    if len(value) > MAX_TEXT:
        raise FilterError(name, f"longer than {MAX_TEXT} characters")
    if _CONTROL.search(value):
        raise FilterError(name, "contains control characters")
    if _SURROGATE.search(value):
        raise FilterError(name, "not valid Unicode text")
    return value


def parse_date(name: str, value: str) -> dt.date:
    value = value.strip()
    # fromisoformat also takes 20160221 and 2016-W07: accept only the documented form
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise FilterError(name, "not a date (YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FilterError(name, "not a date (YYYY-MM-DD)") from None


def parse_int(name: str, value: str, lo: int, hi: int) -> int:
    """A whole number in [lo, hi] written in plain digits (no sign, exponent or underscores)."""
    if not re.fullmatch(r"\s*\d{1,9}\s*", value):
        raise FilterError(name, f"not a whole number between {lo} and {hi}")
    n = int(value)
    if not lo <= n <= hi:
        raise FilterError(name, f"must be between {lo} and {hi}")
    return n


def _bbox(value: str) -> tuple[float, float, float, float]:
    parts = value.split(",")
    if len(parts) != 4:
        raise FilterError("bbox", "expected west,south,east,north")
    try:
        w, s, e, n = (float(p) for p in parts)
    except ValueError:
        raise FilterError("bbox", "expected four numbers: west,south,east,north") from None
    if not all(math.isfinite(x) for x in (w, s, e, n)):
        raise FilterError("bbox", "numbers must be finite")
    if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= 90 and -90 <= n <= 90):
        raise FilterError("bbox", "longitude must be in [-180, 180] and latitude in [-90, 90]")
    if w > e or s > n:
        raise FilterError("bbox", "west must not exceed east, nor south north")
    return (w, s, e, n)


@functools.lru_cache(maxsize=1)
def _country_names() -> tuple[frozenset[str], frozenset[str]]:
    """(alpha-2 codes, lower-cased names) from GeoNames; empty sets when the table is absent."""
    from .export.countries import _countries

    table = _countries()
    codes = frozenset(code.upper() for code in table)
    names = frozenset(str(c.get("name") or "").lower() for c in table.values()) - {""}
    return codes, names


def _country(value: str) -> str:
    value = _text("country", value)
    codes, names = _country_names()
    if not codes:  # no country table: cannot tell, let the store decide
        return value
    if len(value) == 2:
        if value.upper() not in codes:
            raise FilterError("country", "not an ISO 3166 alpha-2 country code")
        return value.upper()
    if value.lower() not in names:
        raise FilterError("country", "not an ISO 3166 alpha-2 code nor a country name")
    return value


def parse_filters(raw: Mapping[str, str | None]) -> IncidentFilters:
    """Validate filter values given as text (query parameters, command-line options).

    Keys outside :data:`FILTERS` and ``None`` values are ignored: the caller decides which names
    it accepts (the API refuses unknown ones before calling this).
    """
    given = {k: v for k, v in raw.items() if k in FILTERS and v is not None}
    for key, value in given.items():
        if not isinstance(value, str):
            raise FilterError(key, "not text")
    kw: dict[str, Any] = {}
    for key in ("admin1", "admin2", "actor", "q"):
        if key in given:
            kw[key] = _text(key, given[key])
    if "country" in given:
        kw["country"] = _country(given["country"])
    for key in ("since", "until"):
        if key in given:
            kw[key] = parse_date(key, given[key])
    if "since" in kw and "until" in kw and kw["since"] > kw["until"]:
        raise FilterError("until", "is before since")
    if "event_type" in given:
        value = given["event_type"].strip()
        if value not in ACLED_TYPES:
            raise FilterError("event_type", "not an ACLED event type: " + "; ".join(ACLED_TYPES))
        kw["event_type"] = value
    if "sub_event_type" in given:
        value = given["sub_event_type"].strip()
        parents = [t for t, subs in ACLED_TYPES.items() if value in subs]
        if not parents:
            raise FilterError("sub_event_type", "not an ACLED sub-event type")
        if "event_type" in kw and kw["event_type"] not in parents:
            raise FilterError("sub_event_type", f"not a sub-event type of {kw['event_type']!r}")
        kw["sub_event_type"] = value
    if "min_fatalities" in given:
        kw["min_fatalities"] = parse_int("min_fatalities", given["min_fatalities"], 0, MAX_FATALITIES)
    if "bbox" in given:
        kw["bbox"] = _bbox(given["bbox"])
    if "grades" in given:
        kw["grades"] = _grades(given["grades"])
    if "q" in kw:
        fts_query(kw["q"])  # refuse a query with no words now, not in the store
    return IncidentFilters(**kw)


def _grades(value: str) -> tuple[str, ...]:
    """``fair,confirmed`` (any case, spaces allowed) as grade names, each once, in GRADES order."""
    by_lower = {g.lower(): g for g in GRADES}
    words = [w.strip().lower() for w in value.split(",")]
    if not any(words):
        raise FilterError("grades", "empty")
    unknown = [w for w in words if w not in by_lower]
    if unknown:
        raise FilterError("grades", f"not a grade: {unknown[0][:40]!r} (grades: {', '.join(GRADES)})")
    return tuple(g for g in GRADES if g.lower() in words)


__all__ = ["FILTERS", "FilterError", "IncidentFilters", "fts_query", "parse_date", "parse_filters", "parse_int"]
