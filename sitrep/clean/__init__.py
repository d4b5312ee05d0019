"""Cleaning: boilerplate lines, captions, datelines and repeated paragraphs, before any NLP."""
from .boilerplate import clean, clean_article

__all__ = ["clean", "clean_article"]
