""""another" as a second victim in one sentence: "one police officer was killed and another was
wounded", "killing one and wounding another", "opened fire, killing a teacher and wounding
another man". Find only: ``find_another(sentence)`` returns each (verb, start, end);
``casualties.find_figures`` writes one person of the verb's kind where the sentence has no figure
of that kind. Vocabulary: ``[another]`` in ``data/casualties.toml``.
"""
from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    v = tomllib.loads(resources.files("sitrep.extract").joinpath("data/casualties.toml").read_text("utf-8"))
    a, person = v["another"], v["person_nouns"]
    noun = rf"(?:\s+(?:[\w'’-]+\s+){{0,2}}?(?:{person})\b)"
    return {
        # "... and wounding another", "wounded another man": the verb takes it as its object
        "after": re.compile(rf"\b(?P<kw>{a['after']})\s+another(?:{noun}|(?={a['tail']}))", re.I),
        # "... was killed and another was wounded", "one civilian was killed, another wounded"
        "before": re.compile(rf"(?:\band|,)\s+another{noun}?\s+(?P<kw>{a['before']})\b", re.I),
    }


def find_another(sentence: str) -> list[tuple[str, int, int]]:
    """Each lone "another" victim: (the fate verb, start, end of the phrase), sentence-relative."""
    out: list[tuple[str, int, int]] = []
    if "another" not in sentence.lower():
        return out  # the patterns are costly; most sentences have no "another"
    for pat in _patterns().values():
        for m in pat.finditer(sentence):
            verb = m.group("kw").lower().split()[-1]
            out.append((verb, m.start(), m.end()))
    return sorted(out, key=lambda t: t[1])


def kind_of(verb: str) -> str:
    """The claim kind of a fate verb: killed, injured, or shot (fate open)."""
    if verb.startswith(("kill", "died")):
        return "killed"
    if verb.startswith("shot") or verb.startswith("shooting"):
        return "shot"
    return "injured"
