"""Places: the offline GeoNames gazetteer and the toponym resolver. See docs/geo.md.

``Geoparser().find_places(text)`` finds and resolves every place named in a text;
``Gazetteer.open()`` opens (building on first use) the offline index it looks names up in.
"""
from __future__ import annotations

from .gazetteer import Candidate, Gazetteer
from .resolve import Geoparser

__all__ = ["Candidate", "Gazetteer", "Geoparser"]
