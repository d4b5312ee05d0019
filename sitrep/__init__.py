"""sitrep: news reports of violence in, sourced incidents out.

The public API is listed in ``__all__``; a test keeps it from drifting. Nothing heavy loads at
import: the spaCy model and the gazetteer open on first use.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .errors import SitrepError
from .models import Actor, Article, Claim, Evidence, Extraction, Incident, Place, Range, Summary

__all__ = [
    "__version__",
    "Actor",
    "Article",
    "Claim",
    "Evidence",
    "Extraction",
    "Incident",
    "Place",
    "Range",
    "SitrepError",
    "Summary",
]
