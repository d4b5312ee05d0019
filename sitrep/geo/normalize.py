"""Name normalisation shared by the gazetteer build and the resolver.

Two keys per name:

* ``norm``: ASCII-folded, lower-cased, punctuation as spaces ("Deir ez-Zor" -> "deir ez zor").
  Exact lookups use it. Names in non-Latin scripts keep their script (lower-cased, spaces collapsed),
  so "دمشق" still finds Damascus through its GeoNames alternate name.
* ``skeleton``: a transliteration-tolerant key for Arabic/Persian/Pashto-style romanisations, where
  vowels, the article and final -h vary between sources but the consonants do not
  ("Deir ez-Zor", "Dayr az Zawr", "Deir al-Zour" -> "dr zr"; "Sayyida Zeinab", "Sayyidah Zaynab"
  -> "sd znb"). Fuzzy string ratios score these pairs too low; consonant skeletons agree exactly.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from unidecode import unidecode

_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u02bb`'\u00b4]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")
#: Arabic article forms and other particles that romanisations attach or drop at will.
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "ez", "es", "an", "ul", "ud", "ed", "et", "the"})
_VOWELS = re.compile(r"[aeiouyw]")
_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("sh", "s"), ("dh", "d"), ("th", "t"), ("ph", "f"), ("q", "k"), ("c", "k"), ("z", "z"))


#: names repeat (every capitalised word of a text is looked up, and the same places recur across
#: articles): both keys are pure functions of the string, so they are kept
_CACHE = 1 << 16


def is_latin(text: str) -> bool:
    """True if every letter is Latin (Basic Latin through Latin Extended)."""
    for ch in text:
        if ch.isalpha() and ord(ch) > 0x24F and not ("\u1e00" <= ch <= "\u1eff"):
            return False
    return True


@functools.lru_cache(maxsize=_CACHE)
def norm(name: str) -> str:
    """The exact-lookup key of a place name."""
    if not name:
        return ""
    name = unicodedata.normalize("NFC", name)
    if is_latin(name):
        folded = unidecode(_APOSTROPHES.sub("", name)).lower()
        return _NON_WORD.sub(" ", folded).strip()
    return _SPACES.sub(" ", name.lower()).strip()


@functools.lru_cache(maxsize=_CACHE)
def skeleton(key: str) -> str:
    """Consonant skeleton of a ``norm`` key; "" when too short to be distinctive."""
    if not key or not key.isascii():
        return ""
    parts = []
    for tok in key.split():
        if tok in _ARTICLES:
            continue
        if tok.startswith("al") and len(tok) > 5 and tok[2] == tok[3]:
            tok = tok[2:]  # "alsham", "assad"-style assimilated article written solid
        if len(tok) > 2 and tok.endswith("h") and tok[-2] in "aeiou":
            tok = tok[:-1]
        for a, b in _DIGRAPHS:
            tok = tok.replace(a, b)
        tok = _VOWELS.sub("", tok)
        tok = re.sub(r"(.)\1+", r"\1", tok)
        if tok:
            parts.append(tok)
    out = " ".join(parts)
    return out if len(out.replace(" ", "")) >= 4 else ""
