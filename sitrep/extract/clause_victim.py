"""One victim told inside a clause, the way US local news goes on about a shooting after its lead:
"Rodriguez was walking down the street when he was shot" (shot), "Burge was taken to Hartford
Hospital where he died" (killed), "EMS personnel pronounced the victim dead" (killed), "He is
listed in stable condition" (injured; killed when the sentence tells a death after it),
"Officers found Juwan Small, who was pronounced dead" (killed).

Find only: ``clause_victims(sentence, taken)`` returns one-person figures of kinds the sentence has
not counted (``taken``); ``casualties.find_figures`` adds them. A redundant telling of a victim
counted elsewhere is one more vote for one, never a second person: the tolls take the figure told
most often. Vocabulary: ``[clause_victim]`` in ``data/casualties.toml``.
"""
from __future__ import annotations

import functools
import re

from .figure import Figure, vocab

#: the verbs of the clause pronoun and their kinds; a bare "shot" leaves the fate open
_KIND = {"shot and killed": "killed", "shot to death": "killed", "shot dead": "killed", "gunned down": "killed",
         "killed": "killed", "shot": "shot", "wounded": "injured", "injured": "injured"}


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    v = vocab()["clause_victim"]
    died_after = vocab()["single"]["died_after"]
    pats = {k: re.compile(v[k], re.I) for k in ("pronoun", "where_died", "pronounced", "condition", "found_shot", "who_died")}
    pats["died_after"] = re.compile(rf"{died_after}|{v['and_died']}", re.I)
    return pats


def clause_victims(sentence: str, taken: set[str], hedge: str | None = None) -> list[Figure]:
    """One-person figures told inside a clause, at most one per kind, none of a kind in ``taken``
    (nor injured or shot where the sentence counts someone wounded already)."""
    p = _patterns()
    out: list[Figure] = []
    for kind, m in _readings(sentence, p):
        wounded = {"injured", "shot"}
        if kind in taken or (kind in wounded and taken & wounded) or any(f.kind == kind for f in out):
            continue
        out.append(Figure(kind, 1, 1, None, m.start(), m.end(), None, hedge))
        taken = taken | {kind}
    return out


def _readings(sentence: str, p: dict[str, re.Pattern[str]]) -> list[tuple[str, re.Match[str]]]:
    found: list[tuple[str, re.Match[str]]] = []
    for key in ("where_died", "pronounced", "who_died"):
        m = p[key].search(sentence)
        if m:
            found.append(("killed", m))
    m = p["pronoun"].search(sentence)
    if m:
        kind = "killed" if m.group("fatal") else _KIND[m.group("kw").lower()]
        if kind != "killed" and p["died_after"].search(sentence, m.end()):
            kind = "killed"  # "when he was shot, and later died at the hospital"
        found.append((kind, m))
    m = p["condition"].search(sentence)
    if m:
        found.append(("killed" if p["died_after"].search(sentence, m.end()) else "injured", m))
    m = p["found_shot"].search(sentence)
    if m:
        found.append(("killed" if p["died_after"].search(sentence, m.end()) else "shot", m))
    return found
