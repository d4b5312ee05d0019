"""Extraction: a cleaned article in, its mentions out (``Reader``); incidents are built from them in
``sitrep.reconcile``, and ``sitrep.pipeline`` runs the stages (``extract``, ``Extractor``)."""
from .mentions import ArticleMentions, Mention
from .reader import Reader

__all__ = ["ArticleMentions", "Mention", "Reader"]
