"""Shared helpers for the event-type tests."""
from __future__ import annotations

from sitrep.extract.events import dominant, find_triggers, retype


def typed(sentence: str, article: str = ""):
    """The sentence's dominant trigger, typed by the codebook rules in its sentence (and article)."""
    t = dominant(find_triggers(sentence))
    assert t is not None
    return retype(t, sentence, sentence, article) if article else retype(t, sentence, sentence)
