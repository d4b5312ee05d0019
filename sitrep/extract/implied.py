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


@functools.lru_cache(maxsize=1)
def _self_killed() -> re.Pattern[str]:
    return re.compile(vocab()["implied"]["self_killed"], re.I)


_SELF_WORDS = ("himself", "herself", "own life", "suicide", "self-inflicted")

def _told_of_self(sentence: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """``pattern``'s match in a sentence that tells of someone's own death, after a cheap look for
    the words such a sentence needs."""
    low = sentence.lower()
    return pattern.search(sentence) if any(w in low for w in _SELF_WORDS) else None


#: the qualifier of the shooter's own death told apart from the victims' (tolls.py adds it to them)
SHOOTER = "shooter"


@functools.lru_cache(maxsize=1)
def _shooter_death() -> re.Pattern[str]:
    return re.compile(vocab()["implied"]["shooter_death"], re.I)


def shooter_death(sentence: str, figures: list[Figure], hedge: str | None = None) -> list[Figure]:
    """The shooter's own death in a sentence that counts no victims: "The gunman then took his own
    life" and "The suspect was found dead from a self-inflicted gunshot wound" are one killed with
    the qualifier ``SHOOTER``, a person apart from the victims the article counts elsewhere (the
    tolls add the two). It replaces the plain one-person reading of the same subject ("The suspect
    was found dead" read as one killed). A sentence with any other figure is left as it is
    (``shooter_suicide`` reads "shot his wife before turning the gun on himself")."""
    m = _told_of_self(sentence, _shooter_death())
    if m is None:
        return figures
    own = [f for f in figures if f.kind == "killed" and f.min == 1 and f.max == 1 and f.start < m.end() and m.start() < f.end]
    if any(f not in own and f.min > 0 for f in figures):
        return figures
    rest = [f for f in figures if f not in own]
    return sorted(rest + [Figure("killed", 1, 1, SHOOTER, m.start(), m.end(), "the shooter", hedge)], key=lambda f: f.start)


def shooter_suicide(sentence: str, figures: list[Figure], hedge: str | None = None) -> list[Figure]:
    """The shooter's own death told after the victims in one sentence: "shot and killed his wife
    and daughter before turning the gun on himself" is 3 killed, "wounded three people and then
    took his own life" 1 killed (GVDB and GTD count a perpetrator who dies among the killed).
    The killed figure before it grows by one; with none, a wounded or shot figure before it gets
    one killed beside it. A sentence with no victims' figure before the clause is left as it is."""
    m = _told_of_self(sentence, _self_killed())
    if m is None:
        return figures
    before = [f for f in figures if f.start < m.start() and f.min > 0 and f.qualifier not in (IMPLIED, "coded as", SHOOTER)]
    killed = [f for f in before if f.kind == "killed"]
    if killed:
        f = killed[-1]
        if any(o.kind == "killed" and o.start > f.start for o in figures):
            return figures  # a later count ("killing himself and two others") is read as it stands
        grown = Figure("killed", f.min + 1, None if f.max is None else f.max + 1, f.qualifier, f.start, m.end(),
                       ", ".join(v for v in (f.victims, "the shooter") if v), f.hedge)
        return [grown if o is f else o for o in figures]
    if any(f.kind in ("injured", "shot") for f in before) and not any(f.kind == "killed" for f in figures):
        return sorted(figures + [Figure("killed", 1, 1, None, m.start(), m.end(), "the shooter", hedge)], key=lambda o: o.start)
    return figures


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


#: "killing nine people and the bomber": the attacker told after the victims' count, as one more
_AND_ATTACKER = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:and|as well as)\s+(?:the|a|an|one)\s+(?:suicide\s+|lone\s+|would-be\s+)?"
    r"(?:bomber|attacker|gunman|assailant|shooter|perpetrator)\b(?![\w'’-])(?!\s+(?:was|were|is|had|has|who|fled|escaped|managed)\b)",
    re.I,
)


def attacker_added(sentence: str, figures: list[Figure]) -> list[Figure]:
    """"The blast killed nine people and the bomber" is 10 killed: the attacker named after the
    victims' count shares their fate (GTD's nkill includes the perpetrators)."""
    out = []
    for f in figures:
        m = _AND_ATTACKER.match(sentence, f.end) if f.kind == "killed" and f.min > 0 else None
        if m and not re.search(r"[.;:,]", sentence[f.end:m.start() + 1]):
            f = Figure(f.kind, f.min + 1, None if f.max is None else f.max + 1, f.qualifier, f.start, m.end(),
                       ", ".join(v for v in (f.victims, "the attacker") if v), f.hedge)
        out.append(f)
    return out
