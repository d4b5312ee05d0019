"""Deaths the act itself implies, not a count: "Two suicide bombers detonated vests full of
explosives" (the two bombers are dead; GTD counts perpetrators among the killed). Find only:
``suicide_bombers(sentence)`` returns the figures, qualifier ``IMPLIED``; the tolls count them
only where no claim of their kind gives a number (an article that counts "23 people were killed
when a suicide bomber ..." may count the bomber already). Vocabulary: ``[implied]`` in
``data/casualties.toml``.
"""
from __future__ import annotations

import functools
import re

from .figure import IMPLIED, Figure, vocab
from .numbers import parse_int


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile(vocab()["implied"]["suicide"], re.I)


def suicide_bombers(sentence: str, hedge: str | None = None) -> list[Figure]:
    """The bombers of a suicide attack, one each unless counted: "a suicide bomber blew himself up"
    (1), "Two suicide bombers detonated vests" (2), "a militant detonated her suicide vest" (1)."""
    if "suicide" not in sentence.lower():
        return []  # a cheap look first
    m = _pattern().search(sentence)
    if not m:
        return []
    n = parse_int(m.group("n")) if m.group("n") else 1
    if not n:
        return []
    return [Figure("killed", n, n, IMPLIED, m.start(), m.end(), "suicide bombers" if n > 1 else "suicide bomber", hedge)]
