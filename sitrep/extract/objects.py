"""Victims told as the object of an active verb, with no count of their own.

``lone_object(sentence)``: one person named or described after a killing verb: "unknown gunmen
shot and killed Jamal Haidar, a district official" (1), "militants shot and killed an interpreter
working for a U.S. company" (1). ``casualties.find_figures`` reads it only where the sentence
counts no one killed otherwise; a list of several objects is ``enumerated_victims``'s.
Vocabulary: ``[objects]`` in ``data/casualties.toml``.
"""
from __future__ import annotations

import functools
import re

from .figure import Figure, vocab


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    v = vocab()
    o = v["objects"]
    return {
        "verb": re.compile(rf"\b(?:{o['verb']})\s+(?!(?:{o['not_object']})\b)", re.I),
        "passive": re.compile(r"\b(?:was|were|been|is|are|be|being)\s+(?:\w+ly\s+)?(?:\w+\s+and\s+)?$", re.I),
        "end": re.compile(o["end"], re.I),
        # after a comma or "and", another item of a list: a noun phrase, a count, a bare person noun
        "item": re.compile(rf"\s*(?:(?:a|an|the|his|her|their|its|one|two|three|four|five|six|seven|eight|nine|ten|another)\b|(?-i:[A-Z])"
                           rf"|(?=(?-i:[a-z]))(?:{v['person_nouns']})\b)", re.I),
        "name": re.compile(rf"^(?!(?:{o['not_name']})\b)(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){{0,5}}$"),
        "described": re.compile(r"^(?:a|an|the|his|her|its|one)\s+(?:[\w'’-]+\s+){0,5}?(?P<noun>[\w'’-]+)$", re.I),
        "person": re.compile(rf"^(?:{v['person_nouns']})$", re.I),
        "thing": re.compile(rf"^(?:{v['thing_nouns']}|{o['not_person']})$", re.I),
    }


def _is_one(item: str) -> bool:
    """Does the object name exactly one person: a name ("Jamal Haidar", "Colonel Serkot Jabbari")
    or a singular noun phrase ("a rubber tapper", "the mayor")? A plural ("Taliban fighters",
    "the villagers") or a count ("the three guards") is no lone victim."""
    p = _patterns()
    words = item.split()
    if not words or any(re.fullmatch(r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|some|both|all", w, re.I) for w in words[1:]):
        return False
    last = re.sub(r"[’']s$", "", words[-1])
    plural = bool(re.search(r"(?:[^s’'u]s|people|men|women|children|police|personnel|staff|troops)$", last, re.I))
    if p["name"].match(item):
        return not (plural and p["person"].match(last))
    m = p["described"].match(item)
    if not m or plural or p["thing"].match(m.group("noun")):
        return False
    return True


def _continues_list(sentence: str, end: re.Match[str], p: dict[str, re.Pattern[str]]) -> bool:
    """Does another object follow the first ("killed the driver and his son", "killed his wife,
    daughter and son")? Not a clause ("killed the official, and wounded his driver") nor an
    apposition after a comma ("killed Karim Haidar, a district official")."""
    sep = end.group(0).strip().lower()
    rest = sentence[end.end():]
    if sep == "and":
        return bool(p["item"].match(rest))
    if sep != ",":
        return False
    after_and = re.match(r"\s*and\s+", rest)
    if after_and:
        return bool(p["item"].match(rest, after_and.end()))
    return bool(re.match(rf"\s*(?:(?:two|three|four|five|six|seven|eight|nine|ten)\s|(?=(?-i:[a-z]))(?:{vocab()['person_nouns']})\s*(?:[,.;]|and\b))", rest, re.I))


def lone_object(sentence: str, hedge: str | None = None) -> list[Figure]:
    """One person killed, told as the active verb's only object: "gunmen fired upon and killed
    Alhaji Isa Marbuba, a party leader, at his home" (1). The object ends at a comma, a clause
    word or a preposition; a passive verb ("was shot and killed Sunday") has no object."""
    p = _patterns()
    for m in p["verb"].finditer(sentence):
        if p["passive"].search(sentence, max(0, m.start() - 30), m.start()):
            continue
        end = p["end"].search(sentence, m.end())
        item = sentence[m.end():end.start() if end else len(sentence)].strip()
        if end and _continues_list(sentence, end, p):
            continue  # "killed the driver and his son", "killed his wife, daughter, ...": a list, counted by enumerated_victims
        if _is_one(item):
            return [Figure("killed", 1, 1, None, m.end(), m.end() + len(item), item, hedge)]
    return []
