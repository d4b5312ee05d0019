"""Names listed before a plural type word ("Barrow, Jackson and Madison counties", "Homs and Idlib
provinces"): each is an area of that type, as the last one is, whatever NER says of it.

The last name of the list already has its type word after it (``Geoparser._score_detection``); the
others get the same type and the detection bonus of ``cues.toml`` [listed] when the gazetteer knows
an area of that type by their name.
"""
from __future__ import annotations

import re

from .shapes import Mention

# what joins the names of a list: "Barrow, Jackson and Madison", "Cooke, Grayson, and Love"
_JOIN = re.compile(r"\s*(?:,\s*and|,\s*or|,|and|or|&)\s*")
_PLURAL = re.compile(r"\s+([a-z]+s)\b")


def listed_areas(text: str, found: list[Mention], type_words: dict[str, str], bonus: float) -> None:
    """Give each name listed before a plural area word ("counties", "provinces": a plural of
    ``type_words`` naming an admin area) that type and ``bonus``, when one of its entries is such an
    area; the list's last name, written right before the word, is left as it is."""
    for i, last in enumerate(found):
        word = _PLURAL.match(text, last.end)
        kind = type_words.get(word.group(1).lower()) if word else None
        if kind not in ("ADM1", "ADM2"):
            continue
        j = i
        while j > 0 and _JOIN.fullmatch(text, found[j - 1].end, found[j].start):
            j -= 1
            m = found[j]
            if any(c.fcode == kind and c.q <= 2 for c in m.cands):  # "Barrow" for Barrow County
                m.type_hint = kind
                m.score += bonus
