"""Who reported a figure: the attribution chain a sentence gives ("SANA, quoting the governor of Homs")."""
from __future__ import annotations

import re

_VERBS = r"(?:say|says|said|reported|reports|report|told|tell|confirmed|confirms|announced|announces|stated|states|added|claimed|quoted|estimated|estimates|put|puts)"
_QUOTED = re.compile(r"(?P<a>[A-Z][^.;]{1,90}?)\s*,?\s*(?:[^,]{0,20},\s*)?quot(?:ed|ing|es)\s+(?P<b>[^,.;]{2,80}?)\s+as\s+(?:saying|stating|telling)", re.U)
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<a>[^,.;]{2,80}?)(?=\s*(?:,|\.|;|$|\s+(?:who|which|at least|more than|\d)))", re.I)
_START = re.compile(rf"^(?:(?:Meanwhile|However|But|And|Earlier|Later|Separately|Officially)\s*,?\s+)?(?P<a>[^,;]{{2,70}}?)\s+(?:has |have |had )?{_VERBS}\b(?!\s+responsibility)\s*(?:on\s+\w+\s*)?,?\s*(?:that\s+)?")
_END = re.compile(rf",?\s*(?P<a>[^,;]{{2,70}}?)\s+(?:has |have |had )?{_VERBS}(?:\s+(?:on\s+)?\w+day)?\s*\.?[\"'”’]?\s*$")
_END_INV = re.compile(rf",?\s*{_VERBS}\s+(?P<a>[^,;]{{2,70}}?)\s*\.?[\"'”’]?\s*$")
_ANY_VERB = re.compile(_VERBS)  # what _START, _END and _END_INV all need somewhere
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|you|this|that|there|which|who|the report|reports)$", re.I)
_NOT_SOURCE = re.compile(r"\b(?:killed|died|injured|wounded|attack|bomb|blast|explosion|people|struck|claimed responsibility)\b", re.I)


def _ok(a: str) -> str | None:
    a = a.strip(" ,\"'“”‘’")
    a = re.sub(r"^(?:for its part|however|meanwhile)\s*,?\s*", "", a, flags=re.I)
    if not a or _PRONOUN.match(a) or len(a.split()) > 12:
        return None
    return a


def source_of(sentence: str) -> str | None:
    """The attribution chain of a sentence, or None when the sentence attributes nothing."""
    # each pattern is tried only where the word it needs is written: the lazy spans of _QUOTED and
    # _END are tried from every position, and most sentences hold no reporting verb (the whole
    # extraction spent 4% of its time here)
    m = _QUOTED.search(sentence) if "quot" in sentence else None
    if m:
        a = re.sub(r",?\s*for its part\s*,?", "", m.group("a")).strip(" ,")
        return f"{a}, quoting {m.group('b').strip()}"
    m = _ACCORDING.search(sentence) if "accord" in sentence.lower() else None
    if m and _ok(m.group("a")):
        return _ok(m.group("a"))
    if not _ANY_VERB.search(sentence):
        return None
    m = _START.match(sentence)
    if m:
        a = _ok(m.group("a"))
        if a and not _NOT_SOURCE.search(a):
            return a
    for pat in (_END, _END_INV):
        m = pat.search(sentence)
        if m:
            a = _ok(m.group("a"))
            if a and not _NOT_SOURCE.search(a):
                return a
    return None
