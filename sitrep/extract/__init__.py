"""Extraction: article in, sourced incidents and summaries out."""
from .pipeline import Extractor, extract, extract_many, rules_version

__all__ = ["Extractor", "extract", "extract_many", "rules_version"]
