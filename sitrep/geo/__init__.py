"""Places: the offline GeoNames gazetteer and the toponym resolver. See docs/geo.md.

``Geoparser().find_places(text)`` finds and resolves every place named in a text;
``Gazetteer.open()`` opens (building on first use) the offline index it looks names up in. Both
load on first use, so importing a light module of this package (``sitrep.geo.index``) stays light.
"""
from __future__ import annotations

from typing import Any

__all__ = ["Candidate", "Gazetteer", "Geoparser"]


def __getattr__(name: str) -> Any:
    if name in ("Candidate", "Gazetteer"):
        from . import gazetteer

        return getattr(gazetteer, name)
    if name == "Geoparser":
        from .resolve import Geoparser

        return Geoparser
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
