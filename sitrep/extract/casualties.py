"""Finding casualty figures in a sentence: count + fate ("57 people ... were killed", "killing 83").

Find, then write: ``find_figures(sentence)`` returns candidate figures with their spans; the
caller attaches each to an incident and adds the source and quote. Vocabulary lives in
``data/casualties.toml``; number readings in ``numbers.py``; shares, parts, totals and
background figures in ``groups.py``; deaths the act implies (a suicide bomber) in ``implied.py``; one
victim as an active verb's only object ("gunmen shot and killed <name>") in ``objects.py``; the
``Figure`` record in ``figure.py``.
"""
from __future__ import annotations

import functools
import re

from .another import find_another
from .another import kind_of as _another_kind
from .clause_victim import clause_victims
from .coordinated import Coordinated, find_as_was, find_companions, find_coordinated, find_found_dead
from .figure import Figure, vocab, version  # noqa: F401 (version: the rules' version, read by the pipeline)
from .groups import (also_added, background, both_after, counted_share, fatal_shares, fate_unknown, group_of_share, groups_of_shares,
                     is_share, others_added, own_group, parts_dropped, parts_of_total, shared_across)
from .implied import attacker_added, shooter_death, shooter_suicide, suicide_bombers
from .numbers import ORDINAL, Number, find_numbers, is_date_or_age, parse_int, parse_ordinal
from .objects import lone_object

KINDS = ("killed", "injured", "shot", "missing", "abducted", "arrested")
_AUX = {"were", "was", "have", "has", "had", "been", "are", "is", "being", "be", "reportedly", "also", "all", "later",
        "subsequently", "allegedly", "confirmed", "now", "so", "far", "believed", "feared", "thought", "to", "have",
        "reported", "said", "already", "either", "each", "both", "seriously", "critically", "badly", "slightly",
        "fatally", "mortally", "mainly", "mostly", "most", "many", "including", "among", "them", "whom", "of",
        "who", "were", "the"}
# A dataset's own coding note: "Unknown fatalities coded as 10", "Fatalities are split across 2
# events (3)", "Fatalities coded as 0 (VoJ reported 1)". The coder's figure stands for the event.
_CODED = re.compile(
    r"\bfatalit(?:y|ies|ie)\s+(?:\w+\s+){0,3}?coded\s+as\s+(?P<n>\d+)"
    r"|\bfatalities\s+(?:are\s+|were\s+)?split\s+(?:up\s+)?(?:across|between|among)\s+\d+\s+events?\s*\((?P<n2>\d+)\)"
    r"|\b(?P<n3>\d+)\s+fatalities\s+(?=(?:are\s+|were\s+)?(?:split|spread))"
    # a closing note that is only the count: "2 fatalities.", "1 fatality, 5 injured", "Fatalities 2 and 1 injured."
    r"|^\W*(?:total\s+)?(?:at\s+least\s+)?(?P<n4>\d+)\s+fatalit(?:y|ies)\b(?=\s*(?:[,.;\[]|and\b|$))|^\W*fatalities:?\s+(?P<n5>\d+)\b(?=\s*(?:[,.;\[]|and\b|$))",
    re.I,
)
# "coded as 10, split between three locations", "20 fatalities split up between 3 events": the
# coder shares the figure out, and each event gets its part, rounded down (ACLED's practice)
_SPLIT = re.compile(
    r"\s*,?\s*(?:and\s+)?(?:are\s+|were\s+)?(?:split|spread)\s+(?:up\s+)?(?:across|between|among|over)\s+(?P<k>\d+|two|three|four|five|six|seven|eight|nine|ten)"
    r"\s+(?:\w+\s+)?(?:events?|locations?|places|areas|districts|incidents|attacks|days)\b(?!\s*\()",
    re.I,
)
_FATES = {"killed", "dead", "injured", "wounded", "hurt", "missing", "arrested", "abducted", "kidnapped"}
#: a count right after a verb with a fate of its own: "1 killed 3 injured" (two tallies, not a subject and its object)
_OWN_FATE = re.compile(r",?\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:killed|dead|injured|wounded|hurt|missing|arrested)\b(?=\s*(?:[,.;\[]|and\b|\d|$))", re.I)
_THEN_KILLED = re.compile(r"\s+and\s+(?:later\s+|then\s+|subsequently\s+|eventually\s+)?(?:killed|executed|murdered|beheaded|shot dead)\b", re.I)
_TO_DEATH = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?to\s+death\b", re.I)
_NP_PREP_START = re.compile(r"\s*(?:[\w'’-]+\s+){1,2}(?:from|of)\s", re.I)
_PASSIVE_AUX = {"was", "were", "been", "are", "is", "being", "be"}
_ACTIVE_OBJECT = re.compile(
    r"\s+(?:a|an|the|his|her|their|its|him|them|at least|more than|\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"several|dozens|many|scores|hundreds)\b|\s+(?-i:[A-Z])",
    re.I,
)
_SINGLE_VERBS = (
    r"shot,? (?:and )?killed|shot and killed|fatally (?:shot|stabbed|wounded|injured|struck)|shot dead|shot to death|killed|murdered|found dead|"
    r"pronounced (?:dead|deceased)|died|dies|gunned down|stabbed to death|beaten to death|burned to death|shot and (?:critically |seriously |gravely )?(?:wounded|injured)|"
    r"slain|executed|beheaded|lynched|(?:critically |seriously |gravely )?(?:wounded|injured|hurt)|kidnapped|abducted|arrested|detained|"
    r"(?:taken|rushed|transported) to (?:a |the )?(?:local |(?-i:[A-Z])[\w'’.-]+ ){0,3}[Hh]ospital"
)
_APPOSITIVE = re.compile(
    r",\s*(?:who|which)\s+(?:were|was|are|is)\b[^;()]{0,100}?,(?=\s*(?:were|was|had|have|are|is)\b)"  # ", which were his wife, mother, and brother, were"
    r"|,\s*(?:identified as|named)\s+[^;()]{0,200}?,(?=\s*(?:were|was|had been|have been)\b)"  # ", identified as A, B, and C, were killed"
    r"|,\s*(?:identified as|named|aged|an?|the|both|excluding|except|besides)\b[^,;]{0,80},"
    # "two men suspected of robberies in the area were fatally assaulted": a reduced relative clause
    r"|\s+(?:suspected|accused)\s+of\s+[^,;()]{1,120}?(?=\s+(?:were|was|had been|have been)\s)"
    # "two children who were in the area were killed": a relative clause without commas
    r"|\s+(?:who|that)\s+(?:were|was|had been|are|is)\s+(?!(?:killed|shot|wounded|injured|hurt|dead)\b)[^,;()]{1,50}?(?=\s+(?:were|was|had been|have been)\s)"
    r"|,\s*(?:who|whom)\b[^,;()]{0,100},"  # "Two bus drivers, who were sleeping in a bus, were burned to death"
    r"|,\s*(?-i:[A-Z][\w'’.-]*)(?:\s+(?:and\s+)?(?-i:[A-Z][\w'’.-]*)){0,7}(?=,)"  # "two candidates, Jhon Londoño and Brindan Bustamente, were"
    # (never across a clause: "three suspects, including two teens, after a clerk was shot" is the clerk's)
    r"|,?\s*(?:including|among them|which|who|of whom|two of whom|most of them)\b"
    r"(?:(?!\b(?:after|when|before|while|because|since|but)\b)[^;]){0,140}?(?:,\s*|\s+)(?=(?:were|was|had|have|are|is)\b)",
    re.I,
)
# Bounded looks keep the reading linear in the sentence: a verb phrase before its count is far
# shorter than _BEFORE_LOOK, and a count more than _AFTER_LOOK characters before its verb has
# more than ten words between them, which the reading rejects anyway.
_BEFORE_LOOK = 200
_AFTER_LOOK = 1000
#: "members of one family", "of the same tribe": a number inside "of ... <group>" counts no people
_OF_ONE_GROUP = re.compile(r"\bof\s+$", re.I)
_ONE_GROUP = re.compile(r"\s+(?:[\w'’-]+\s+)?(?:family|household|clan|tribe|village|neighbou?rhood)\b", re.I)
_NEGATED = re.compile(r"\b(?:no|not|nor)\s+$", re.I)
_SUBSET_OF = re.compile(r"\s+of\s+(?:the|those|them|these|whom|us|its|their|his|her)\b", re.I)
_SUBSET = re.compile(r"\s+of\s+(?:them|whom|those|the)\b", re.I)
_LEFT_TAIL = re.compile(r"[^,.;]{0,40}?\b(dead|injured|wounded|hurt)\b", re.I)
_SHARED_VERB = re.compile(r"[\s,]*(?:and|as well as)?\s*")
_NP = re.compile(r"[^,.;:()\"“”]{0,60}")
#: prepositions that may stay inside a victims' noun phrase once it has named people
_NP_PREPS = {"from", "in", "of", "at", "on", "near", "inside"}
_BOUNDARY = {"when", "after", "before", "while", "as", "because", "but", "which", "that", "said", "says", "in", "at",
             "on", "by", "near", "from", "with", "and", "or", "than", "since", "during", "into", "for", "if", "where",
             "told", "according", "than"}


@functools.lru_cache(maxsize=1)
def _compiled() -> dict[str, object]:
    v = vocab()
    single = v["single"]
    before = {k: re.compile(rf"\b(?:{v['kinds'][k]['before']})\b", re.I) for k in KINDS if v["kinds"][k]["before"]}
    # "who shot at an unmarked police vehicle": firing at a target is no wound
    before["shot"] = re.compile(rf"\b(?:{v['kinds']['shot']['before']})\b(?!{single['shot_at']})", re.I)
    verbs = rf"(?:{single['wounded']})|(?:{_SINGLE_VERBS})|shot(?! himself| herself| dead| and killed| to death)(?!{single['shot_at']})"
    after = {
        k: re.compile(rf"\b(?:{v['kinds'][k]['after']})(?:\s+(?:his|her|their|its|the|all|all of the|all of their|the remaining|the other|the last|(?:a|an|the|his|her|their)\s+family\s+of))?\s+$", re.I)
        for k in KINDS
        if v["kinds"][k]["after"]
    }
    return {
        "before": before,
        "after": after,
        "person": re.compile(rf"^(?:{v['person_nouns']})$", re.I),
        "thing": re.compile(rf"^(?:{v['thing_nouns']})$", re.I),
        "none": re.compile(v["no_casualties"], re.I),
        "hedge": re.compile(rf"\b(?:{v['hedges']})\b", re.I),
        "rise": re.compile(v["toll_may_rise"], re.I),
        "single": re.compile(
            rf"(?:\b(?P<det>a|an|one|the|another)\s+|(?:^|[|:]\s*))(?:[\w'’-]+\s+){{0,3}}?(?P<noun>{v['person_nouns']}|\d+-year-old)(?:,\s*[^,]{{1,100}},)?(?:\s+in\s+(?:his|her)\s+(?:early\s+|late\s+|mid-)?\d0[’']?s)?"
            rf"\s+(?:who\s+)?(?:(?:was|has|had|is)\s+(?:been\s+)?)?(?:later\s+|also\s+|then\s+|reportedly\s+|allegedly\s+|(?!fatally|critically|seriously|gravely)\w+ly\s+)?(?:found\s+|confirmed\s+)?(?P<kw>{verbs})\b"
            rf"|\b(?P<akw>fatally (?:shooting|shot|stabbing|stabbed)|shooting and killing|shot and killed|murdering|murdered|gunning down"
            rf"|killing|killed|wounding|wounded|injuring|injured|shooting|shot|kidnapped|kidnapping|abducted|arrested|arresting|left)\s+(?:a|an|one|his|her|(?<=killing\s)the|(?<=killed\s)the|(?<=wounding\s)(?:the|its)|(?<=injuring\s)(?:the|its)|(?<=killing\s)its|(?<=injured\s)the|(?<=wounded\s)the)\s+(?:[\w-]+\s+){{0,2}}?(?P<anoun>{v['person_nouns']})\b(?(akw)(?:(?<=left\s)|))"
            rf"|\b(?P<pkw>killing|killed|shot and killed|shot dead|murdered|wounding|injuring|shot(?=\s+(?:him|her)\b(?!\s+(?:dead|to death|and killed)\b)))\s+(?:him|her)\b"
            rf"|\b(?:the|a)\s+victim\s+(?:later\s+)?(?P<vkw>died|was pronounced dead|succumbed)"
            rf"|\b(?:left|leaves|leaving)\s+(?:a|an|one|the)\s+(?:[\w'’-]+\s+){{0,2}}?(?P<cnoun>{v['person_nouns']})\s+in\s+(?P<ckw>critical|serious|grave|stable|fair)\s+condition",
            re.I,
        ),
        "wounded": re.compile(rf"^(?:{single['wounded']})$", re.I),
        "and_one": re.compile(rf"\s+(?:[\w'’-]+\s+){{0,2}}?(?:{v['person_nouns']})\s*,?\s+and\s+(?P<one>a|an|one)\s+(?:[\w'’-]+\s+){{0,2}}?"
                             rf"(?P<noun>{v['person_nouns']})\b(?!\s+(?:was|were|is|are|who)\b)", re.I),
        "them": re.compile(single["them"], re.I),
        "object": re.compile(rf"\s+(?P<who>(?:a|an|one|the|his|her)\s+(?:[\w'’-]+\s+){{0,2}}?(?:{v['person_nouns']}|\d+-year-old)\b"
                             rf"|(?!(?:In|On|At|The|By|For|Near|After|Before|During|Outside|Inside)\b)(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){{0,2}})(?![\w'’.-])"
                             rf"(?!\s+(?:[\w'’-]+\s+)?(?:{v['person_nouns']})\b)"
                             r"|(?:him|her)(?![\w'’-])(?!\s+(?:dead|to death)\b))", re.I),
        "died_after": re.compile(single["died_after"], re.I),
        "pronoun_death": re.compile(single["pronoun_death"], re.I),
        "pronoun_wound": re.compile(single["pronoun_wound"], re.I),
        "unharmed": re.compile(single["unharmed"], re.I),
        "fired_before": re.compile(rf"(?:{single['fired_before']})", re.I),
        "found_body": re.compile(single["found_body"].replace("{person}", v["person_nouns"]), re.I),
        "homicide": re.compile(single["homicide"].replace("{person}", v["person_nouns"]), re.I),
        "named": re.compile(
            rf"\b(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}}(?:\s+(?:Jr|Sr)\.?)?)(?:,\s+[^,]{{1,50}},)?\s+(?:(?:was|has|had|is)\s+(?:been\s+)?)?(?:later\s+|also\s+|accidentally\s+|subsequently\s+)?(?P<kw>{verbs}|assassinated)\b"
        ),
    }


_KIND_OF = {
    "shot, killed": "killed", "shot, and killed": "killed", "slain": "killed",
    "fatally shot": "killed", "fatally stabbed": "killed", "fatally shooting": "killed", "fatally stabbing": "killed",
    "shooting and killing": "killed", "murdering": "killed", "gunning down": "killed", "fatally wounded": "killed", "fatally injured": "killed",
    "fatally struck": "killed", "found dead": "killed", "pronounced dead": "killed", "pronounced deceased": "killed", "died": "killed", "dies": "killed",
    "shot to death": "killed", "burned to death": "killed", "shot and wounded": "injured", "shot and injured": "injured",
    "killed": "killed", "shot dead": "killed", "shot and killed": "killed", "gunned down": "killed", "murdered": "killed",
    "stabbed to death": "killed", "shot to death": "killed", "burned to death": "killed", "hacked to death": "killed", "beaten to death": "killed", "assassinated": "killed", "killing": "killed",
    "executed": "killed", "beheaded": "killed", "lynched": "killed",
    "wounded": "injured", "injured": "injured", "hurt": "injured", "wounding": "injured", "injuring": "injured",
    "kidnapped": "abducted", "abducted": "abducted", "kidnapping": "abducted", "shot": "shot", "shooting": "shot",
    "arrested": "arrested", "detained": "arrested", "arresting": "arrested",
}


#: the qualifier of a revised toll; "revised, at least" keeps the number's own qualifier
REVISED = "revised"


def is_revision(qualifier: str | None) -> bool:
    """Does a figure's qualifier mark it as a revised toll ("has risen to 31")?"""
    return bool(qualifier) and qualifier.split(",")[0] == REVISED  # type: ignore[union-attr]


def _revised(qualifier: str | None) -> str:
    return REVISED if not qualifier else f"{REVISED}, {qualifier}"


@functools.lru_cache(maxsize=1)
def _revision_patterns() -> dict[str, re.Pattern[str]]:
    r = vocab()["revisions"]
    person = vocab()["person_nouns"]
    verb = rf"\b(?:{r['verb']})"
    return {
        "killed": re.compile(rf"\b(?:{r['subject_killed']})\b[^.;:!?]{{0,90}}?{verb}\s+$|\b(?:{r['near_killed']})\s+{verb}\s+$|\b(?:{r['bringing']})\s+$", re.I),
        "injured": re.compile(rf"\b(?:{r['subject_injured']})\b[^.;:!?]{{0,90}}?{verb}\s+$|\b(?:{r['near_injured']})\s+{verb}\s+$", re.I),
        "now_dead": re.compile(rf"(?:{r['now_dead']})\b", re.I),
        "ordinal": re.compile(
            rf"\b(?:a|one)\s+(?P<ord>{ORDINAL})\s+(?:[\w'’-]+\s+){{0,2}}?(?:{person})\b"
            rf"(?:\s*,[^,.;]{{1,80}},|\s+(?:who\s+(?:was|had\s+been)\s+|wounded\b|injured\b|hurt\b|shot\b)[^,.;]{{0,60}}?)?"
            rf"\s+(?:also\s+|later\s+|subsequently\s+)?(?:{r['ordinal_death']})\b", re.I),
        "wounds": re.compile(
            rf"(?:\b(?:a|an|the|one)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{person})\b(?:(?!\s(?:and|or|but|were|was)\s)[^.;,]){{0,80}}?)?"
            rf"\b(?P<verb>{r['died_of_wounds']})\b", re.I),
        # "two of the wounded died from their injuries": the count before the verb
        "share": re.compile(r"\b(?P<n>[\w-]+)\s+of\s+(?:the|those|them)(?:\s+(?:wounded|injured|victims|hurt))?\s+(?:later\s+)?$", re.I),
    }


def find_revisions(sentence: str) -> list[Figure]:
    """Revised tolls in a follow-up: the totals (``revised_totals``), else one of the wounded now
    dead (``deaths_of_wounded``). Each figure's qualifier is "revised" (or "revised, <the number's
    qualifier>")."""
    totals = revised_totals(sentence)
    return totals if any(f.kind == "killed" for f in totals) else totals + deaths_of_wounded(sentence)


def revised_totals(sentence: str) -> list[Figure]:
    """"the death toll from Friday's market bombing has risen to 31", "bringing the toll to 58",
    "five people are now dead", "a third victim died in hospital" (killed at least 3)."""
    pats = _revision_patterns()
    c = _compiled()
    out: list[Figure] = []
    for n in find_numbers(sentence):
        if is_date_or_age(sentence, n):
            continue
        look = max(0, n.start - _BEFORE_LOOK)
        words, np_text = _np_after(sentence, n.end)
        kind = next((k for k in ("killed", "injured") if pats[k].search(sentence, look, n.start)), None)
        if kind is None and pats["now_dead"].match(sentence, n.end):
            kind = "killed"
        if kind is None or not _accepts_after(words, c["person"], c["thing"]):
            continue
        out.append(Figure(kind, n.min, n.max, _revised(n.qualifier), n.start, n.end, np_text or None, hedge_in(sentence)))
    if not any(f.kind == "killed" for f in out):
        m = pats["ordinal"].search(sentence)
        value = parse_ordinal(m.group("ord")) if m else None
        if m and value and value > 1:
            out.append(Figure("killed", value, None, _revised("at least"), m.start(), m.end(), None, hedge_in(sentence)))
    return out


def deaths_of_wounded(sentence: str) -> list[Figure]:
    """"a policeman wounded in the attack died of his wounds": one killed (not one injured);
    "two of the wounded died from their injuries": two."""
    pats = _revision_patterns()
    w = pats["wounds"].search(sentence)
    if w is None:
        return []
    share = pats["share"].search(sentence, max(0, w.start("verb") - 60), w.start("verb"))
    value = (parse_int(share.group("n")) if share else None) or 1
    return [Figure("killed", value, value, REVISED, w.start(), w.end(), None, hedge_in(sentence))]


def _with_revisions(figures: list[Figure], revisions: list[Figure]) -> list[Figure]:
    """A revision replaces the plain reading of the same count, and any figure it covers
    ("a policeman wounded ... died of his wounds" is one killed, not one injured)."""
    if not revisions:
        return figures
    kept = [f for f in figures if not any(r.start <= f.start < r.end or f.start <= r.start < f.end for r in revisions)]
    # a killed revision stands for the killed figure of the sentence; one plain figure of that kind is the same count
    kinds = {r.kind for r in revisions}
    kept = [f for f in kept if f.kind not in kinds or f.qualifier == "another"]
    return sorted(kept + revisions, key=lambda f: f.start)


_WORD = re.compile(r"[A-Za-z][\w'’.-]*|%|\d+(?:st|nd|rd|th)\b|\d+")  # "5th Brigade": an ordinal is a word, no count


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def _np_after(sentence: str, pos: int) -> tuple[list[str], str]:
    """Words right after a count, up to punctuation or a clause word; and their text."""
    m = _NP.match(sentence, pos)
    words = []
    for w in _words(m.group(0) if m else ""):
        if w.lower() in _BOUNDARY or w.lower() in _AUX:
            break
        words.append(w)
        if len(words) == 4:
            break
    return words, " ".join(words)


def _new_fate(sentence: str, n: Number, raw: list[tuple[str, Number, int, str | None]]) -> bool:
    """Does a share ("three of them", "one of the men") tell a fate the group's own count was not
    given in this sentence ("Five people were shot and three of them died": three killed)?"""
    c = _compiled()
    group = _SHARE_GROUP.match(sentence, n.end)  # the group's own words ("of the injured") tell no fate
    if group and _FATE_GROUP.search(group.group(0)):
        return False  # "two of the wounded later died": a revision of a counted group, read elsewhere
    start = group.end() if group else n.end
    verb = min(((m.start(), kind) for kind, pat in c["before"].items() if (m := pat.search(sentence, start, n.end + _AFTER_LOOK))),
               default=None)
    if verb is None:
        return False
    return not any(kind == verb[1] for kind, o, _, _ in raw if o.start < n.start)


def _word_end(text: str, i: int) -> int:
    """Where the i-th word of ``_words(text)`` ends in ``text``."""
    ms = list(_WORD.finditer(text))
    return ms[i].end() if i < len(ms) else len(text)


_SHARE_GROUP = re.compile(r"\s+of\s+(?:them|whom|us|(?:the|those|these|its|their|his|her)(?:\s+[\w'’-]+){1,2}?(?=\s+(?:were|was|are|is|had|have|who|died)\b))", re.I)
_FATE_GROUP = re.compile(r"\b(?:dead|injured|wounded|hurt|killed|victims?|casualties|deceased|fatalities|shot)\b", re.I)
_AND_SHARE = re.compile(r"\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+of\s+(?:the|them|those|these)\b", re.I)


#: thing nouns that name no time or measure, and so may modify a person noun right after them
#: ("three coal truck drivers", "Three village elders"): ``modifier_things`` in casualties.toml
@functools.lru_cache(maxsize=1)
def _modifier_thing() -> re.Pattern[str]:
    return re.compile(rf"^(?:{vocab()['modifier_things']})$", re.I)


def _is_thing(words: list[str], i: int, person: re.Pattern[str], thing: re.Pattern[str]) -> bool:
    """Is the i-th word a thing the count counts? Not when it modifies the person noun right after
    it ("three coal truck drivers", "Three village elders were killed")."""
    if not thing.match(words[i]):
        return False
    return not (i + 1 < len(words) and _modifier_thing().match(words[i]) and person.match(words[i + 1]))


def _accepts_after(words: list[str], person: re.Pattern[str], thing: re.Pattern[str]) -> bool:
    for i, w in enumerate(words[:3]):
        if _is_thing(words, i, person, thing):
            return False
        if person.match(w):
            return True
    return True


def find_figures(sentence: str) -> list[Figure]:
    """Casualty figures in one sentence, each with kind, reading, span and victims."""
    c = _compiled()
    person, thing = c["person"], c["thing"]
    hedge_m = c["hedge"].search(sentence)
    hedge = hedge_m.group(0).lower() if hedge_m else None
    raw: list[tuple[str, Number, int, str | None]] = []  # kind, number, anchor (verb start), victims
    prev_after: tuple[str, int, int] | None = None  # kind, anchor, end of its noun phrase
    numbers = find_numbers(sentence)
    parts = parts_of_total(sentence, numbers) | groups_of_shares(sentence, numbers)
    for n in numbers:
        if is_date_or_age(sentence, n) or is_share(sentence, n, numbers) or n.start in parts:
            continue
        if _NEGATED.search(sentence, max(0, n.start - 5), n.start):
            continue  # "no one was injured" is a zero claim, read below
        if _OF_ONE_GROUP.search(sentence, max(0, n.start - 4), n.start) and _ONE_GROUP.match(sentence, n.end):
            continue  # "five members of one family": the family is no count of people
        look = max(0, n.start - _BEFORE_LOOK)
        subset_of = _SUBSET_OF.match(sentence, n.end)
        if (subset_of and not own_group(sentence, n.end) and counted_share(sentence, n, numbers)
                and not any(p.search(sentence, look, n.start) for p in c["after"].values())
                and not _new_fate(sentence, n, raw)):
            continue  # "many of the injured", "two of whom were women": a share of a group already counted
        words, np_text = _np_after(sentence, n.end)
        # 1. count after a verb: "killing at least 83 people", "left 140 people dead"
        matched = False
        for kind, pat in c["after"].items():
            m = pat.search(sentence, look, n.start)
            if not m:
                continue
            verb = m.group(0).strip().lower()
            if verb in ("left", "leaving"):
                tail = _LEFT_TAIL.match(sentence, n.end)
                if not tail:
                    continue
                kind = "killed" if tail.group(1).lower() == "dead" else "injured"
            elif words and words[0].lower() in _FATES and not (len(words) > 1 and person.match(words[1])):
                continue  # "1 killed 3 injured": the count has its own fate word, it is no object ("two abducted teachers" is one)
            if kind == "shot" and _TO_DEATH.match(sentence, n.end):
                kind = "killed"  # "shot two men to death"
            if _accepts_after(words, person, thing):
                raw.append((kind, n, m.start(), np_text or None))
                prev_after = (kind, m.start(), n.end + len(np_text) + 1)
                matched = True
                one = c["and_one"].match(sentence, n.end)
                if one and not any(o.start > n.end and o.start < one.end() for o in numbers):
                    raw.append((kind, Number(one.start("one"), one.end(), one.group("one"), 1, 1, None, True), m.start(), one.group("noun")))
            break
        if matched:
            continue
        # 1b. "killing two soldiers and three civilians": the second count shares the verb
        subset = _SUBSET.match(sentence, n.end)
        if prev_after and not subset and prev_after[2] <= n.start and _SHARED_VERB.fullmatch(sentence, prev_after[2], n.start):
            if _accepts_after(words, person, thing):
                fate = next((w.lower() for w in words if w.lower() in ("dead", "injured", "wounded", "hurt")), None)
                kind = prev_after[0] if fate is None else ("killed" if fate == "dead" else "injured")
                raw.append((kind, n, prev_after[1], np_text or None))
                prev_after = (kind, prev_after[1], n.end + len(np_text) + 1)
                continue
        # 2. count before its verb: "57 people, mainly civilians, were reportedly killed", "39 injured"
        best: tuple[int, str, int] | None = None
        for kind, pat in c["before"].items():
            m = pat.search(sentence, n.end, n.end + _AFTER_LOOK)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), kind, m.end())
        if best is None:
            continue
        if best[1] == "shot" and best[0] - n.end <= 1 and counts_bullets(sentence, n.start):
            continue  # "fired at least one shot at officers": bullets, not victims
        group = group_of_share(sentence, n, numbers)  # "five of the 10 hostages were killed": no second count
        gap_from = group.end if group else n.end
        gap = _APPOSITIVE.sub(" ", re.sub(r"\([^()]{0,60}\)", " ", sentence[gap_from:best[0]]))
        gap_words = _words(gap)
        # "nine fighters from the Guardians of the Republic's 5th Brigade were reported killed": a
        # phrase inside the noun phrase may make it longer
        if len(gap_words) > (14 if _NP_PREP_START.match(gap) else 10) or re.search(r"[;:()]", gap):
            continue
        ok, saw_person = True, not gap_words
        i, content, verbs_after_person = 0, 0, 0
        while i < len(gap_words):
            w = gap_words[i].lower()
            if w.isdigit() and not (i > 0 and gap_words[i - 1].lower() == "and"):
                ok = False
                break
            if _is_thing(gap_words, i, person, thing):
                ok = False
                break
            if saw_person and not person.match(w) and w not in _AUX and w not in _BOUNDARY and w not in _NP_PREPS:
                verbs_after_person += 1  # words after the noun that are no part of it ("managed to flee")
            if person.match(w):
                saw_person = True
            elif w in _NP_PREPS and saw_person and i + 1 < len(gap_words):
                pass  # "two soldiers from the United States were killed": a phrase inside the noun phrase
            elif w in _BOUNDARY:
                # "two soldiers and three civilians were killed": 'and' may join counts
                if w == "and" and _AND_SHARE.match(gap, _word_end(gap, i)):
                    ok = False  # "two suspects and one of the suspects was shot": the one is a share, counted on its own
                    break
                if w == "and" and re.search(r"\band\s+(?:\S+\s+)?\d|\band\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\w+teen|twenty|thirty|forty|fifty)\b", gap, re.I):
                    if verbs_after_person >= 2:
                        ok = False  # "Three suspects managed to flee and one was killed": the first count has a clause of its own
                        break
                    i += 1
                    continue
                ok = False
                break
            elif w not in _AUX and not saw_person and (content >= 2 or (any(g.lower() in _PASSIVE_AUX for g in gap_words[:i])
                                                                      and "and" in (g.lower() for g in gap_words[i:]))):
                ok = False  # "Three were later released and one ... was killed": a clause of its own
                break
            content += w not in _AUX
            i += 1
        if not ok:
            continue
        if gap_words and not saw_person and content > 2:
            continue  # "two explosive technicians were killed": two words of a noun phrase may name people
        if (_ACTIVE_OBJECT.match(sentence, best[2]) and not any(w.lower() in _PASSIVE_AUX for w in gap_words)
                and not _OWN_FATE.match(sentence, best[2])):
            continue  # "three militants shot and killed two officers": the count is the attackers
        victims = _victims(gap)
        raw.append((best[1], n, best[0], victims))
        if best[1] in ("abducted", "arrested") and _THEN_KILLED.match(sentence, best[2]):
            raw.append(("killed", n, best[0], victims))  # "3 civilians were kidnapped and killed": both fates
    figures = _with_revisions(_merge_coordinated(raw, hedge), revised_totals(sentence))
    if not any(f.kind == "killed" for f in figures):
        # "two were killed and a third died of his wounds" is counted by its numbers already
        figures = _with_revisions(figures, deaths_of_wounded(sentence))
    coded = _CODED.search(sentence)
    if coded:
        value = int(next(g for g in coded.group("n", "n2", "n3", "n4", "n5") if g))
        split = None if coded.group("n2") else _SPLIT.match(sentence, coded.end())
        if split and (parse_int(split.group("k")) or 0) > 1:
            value //= parse_int(split.group("k")) or 1
        figures = [f for f in figures if f.kind != "killed"]
        figures.append(Figure("killed", value, value, "coded as", coded.start(), coded.end(), None, None))
    both = both_after(sentence, hedge)
    if not any(f.kind == "killed" for f in figures):
        figures += (enumerated_victims(sentence, hedge) or killed_them(sentence, numbers, hedge)
                    or [f for f in both if f.kind == "killed"])
    if not any(f.kind == "injured" for f in figures):
        figures += enumerated_victims(sentence, hedge, "injured") or [f for f in both if f.kind == "injured"]
    figures = with_coordinated(figures, find_coordinated(sentence), hedge)
    figures = joined_second(sentence, figures + _single_victims(sentence, figures, hedge))
    figures = with_companions(figures, find_companions(sentence) + find_as_was(sentence), sentence)
    figures += another_victim(sentence, figures, hedge)
    figures = shooter_death(sentence, fatal_shares(sentence, figures, hedge), hedge)
    figures = shooter_suicide(sentence, attacker_added(sentence, figures), hedge)
    figures += possessive_victim(sentence, figures, hedge) + struck_by_gunfire(sentence, figures, hedge)
    figures += clause_victims(sentence, {f.kind for f in figures}, hedge)
    if not any(f.kind == "killed" for f in figures):
        figures += (found_body(sentence, hedge) or found_dead_figures(sentence, hedge) or homicide_victim(sentence, hedge)
                    or lone_object(sentence, hedge))
    # the bombers of a suicide attack, also beside the count of their victims ("a suicide bomber blew
    # himself up ..., killing 36 people" is 37 killed, GTD's nkill); the tolls decide (tolls.py)
    figures += suicide_bombers(sentence, hedge)
    figures += _zero_claims(sentence, figures)
    figures = fate_unknown(also_added(others_added(parts_dropped(figures)), sentence), sentence)
    return background(sentence, shared_across(figures, sentence))


@functools.lru_cache(maxsize=1)
def _second_clause() -> dict[str, re.Pattern[str]]:
    person = vocab()["person_nouns"]
    return {
        # "A woman was killed and her boyfriend was wounded": a second victim named by a possessive
        "possessive": re.compile(
            rf"\b(?:and|while|but)\s+(?:his|her|their)\s+(?:[\w'’-]+\s+){{0,2}}?(?P<noun>{person})\s+(?:was|has been|had been)\s+"
            r"(?:also\s+)?(?:critically\s+|seriously\s+|badly\s+|slightly\s+)?(?P<kw>wounded|injured|hurt|shot|killed)\b"
            r"(?!\s+(?:dead|to death|and killed|at\b|by police|in (?:19|20)\d\d))", re.I),
        # "A stray bullet hit a woman", "opened fire, striking two officers": gunfire that struck people
        "struck": re.compile(
            r"\b(?:(?:stray\s+|errant\s+)?(?:bullets?|gunfire|gunshots?|rounds?|pellets?|shots?)\s+(?:\w+\s+){0,2}?(?:struck|hit|strikes|hits)"
            r"|(?:opened\s+fire|fired\s+(?:[\w-]+\s+){0,3}?(?:shots?|rounds?|bullets?)|fired)(?:\s+[^,.;]{0,60}?)?,?\s+(?:striking|hitting))\s+"
            rf"(?:(?P<n>at least \w+|two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}})\s+(?:[\w'’-]+\s+){{0,2}}?(?:{person})"
            rf"|(?:a|an|one|the|his|her)\s+(?:[\w'’-]+\s+){{0,3}}?(?P<noun>{person}))\b", re.I),
    }


def possessive_victim(sentence: str, figures: list[Figure], hedge: str | None = None) -> list[Figure]:
    """One more victim named by a possessive in a clause of its own, of a kind the sentence has not
    counted: "A woman was killed and her boyfriend was wounded" (one injured besides the dead)."""
    if not any(f.kind in ("killed", "injured", "shot") for f in figures):
        return []  # the second clause of a sentence that told a first victim
    m = _second_clause()["possessive"].search(sentence)
    if m is None or re.search(r"[^s’']s$", m.group("noun").lower()) or m.group("noun").lower() in ("people", "children", "men", "women"):
        return []
    kind = _KIND_OF[m.group("kw").lower()]
    taken = {f.kind for f in figures}
    if kind in taken or (kind == "shot" and "injured" in taken) or not any(f.start < m.start() for f in figures):
        return []
    return [Figure(kind, 1, 1, None, m.start("noun"), m.end(), m.group("noun"), hedge)]


def struck_by_gunfire(sentence: str, figures: list[Figure], hedge: str | None = None) -> list[Figure]:
    """People gunfire struck, their fate open (GVDB counts each victim shot): "A stray bullet hit a
    woman inside her apartment" (1 shot), "The suspect opened fire, striking two officers" (2).
    Read where the sentence counts no one shot or injured otherwise."""
    if any(f.kind in ("shot", "injured") for f in figures):
        return []
    low = sentence.lower()
    if not any(w in low for w in ("struck", "hit", "strik")):
        return []  # a cheap look first
    m = _second_clause()["struck"].search(sentence)
    if m is None:
        return []
    if m.group("n"):
        nums = find_numbers(m.group("n"))
        if not nums:
            return []
        n = nums[0]
        return [Figure("shot", n.min, n.max, n.qualifier, m.start("n"), m.end(), None, hedge)]
    if re.search(r"[^s’']s$", m.group("noun").lower()):
        return []  # "hitting the officers": a group with no count
    return [Figure("shot", 1, 1, None, m.start("noun"), m.end(), m.group("noun"), hedge)]


def killed_them(sentence: str, numbers: list[Number], hedge: str | None = None) -> list[Figure]:
    """"abducted three youths and subsequently killed them": the people counted before the pronoun
    are the dead."""
    c = _compiled()
    m = c["them"].search(sentence)
    if m is None:
        return []
    for n in reversed([n for n in numbers if n.end <= m.start()]):
        if is_date_or_age(sentence, n):
            continue
        words, np_text = _np_after(sentence, n.end)
        if any(c["person"].match(w) for w in words[:3]):
            return [Figure("killed", n.min, n.max, n.qualifier, n.start, n.end, np_text or None, hedge)]
        break
    return []


_ENUM_VERB = re.compile(r"\b(?:killing|killed|shot and killed|shot dead|fatally shot|fatally shooting|murdered|murdering)\s+", re.I)
#: the verbs of a list of wounded: "fired on and wounded the deputy governor, a tribal leader and two others"
_ENUM_WOUND = re.compile(r"\b(?:wounding|wounded|injuring|injured|shot and wounded|shot and injured)\s+(?=(?:the|a|an|his|her|their|its)\s)", re.I)
#: where a list of objects ends: punctuation, a clause word, or the finite verb of the clause the
#: list sits in ("the officer who fatally shot a teenage man and his neighbor is suing ...")
_ENUM_END = re.compile(r"[.;:()\"“”]|\s(?:when|while|as|after|before|in|at|on|near|during|with|by|who|which|inside|outside|and then|then"
                       r"|is|are|was|were|has|have|had|says|said|for)\s", re.I)
_ENUM_ITEM = re.compile(r"^(?:(?P<pron>him|her)|(?P<det>the|a|an|his|her|their|its)\s+[\w'’-]+(?:\s+[\w'’-]+){0,4}|(?P<name>(?-i:[A-Z])[\w'’.-]*(?:\s+[\w'’.-]+){0,4}))$", re.I)


#: an identification in apposition inside a list: "killing a five-year-old girl, identified as Ana
#: Ruiz, and a local official, identified as Pedro Gomez" (blanked, so the list reads on)
_IDENTIFIED = re.compile(r",\s*(?:identified as|named|known as)\s+[^,;.()]{1,60}?(?=,)", re.I)
_POSSESSIVE_ITEM = re.compile(r"^(?:his|her|their|its|the\s+[\w'’-]+[’']s)\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+$", re.I)

#: "his two sons": a count after a possessive is the item's count
_POSSESSIVE_BEFORE = re.compile(r"(?:his|her|their|its)\s+", re.I)


def _shares_possessive(first: str, item: str) -> bool:
    """Does a bare noun in a list share the possessive of the list's first item ("his wife and
    daughter", "her mother and sister")? Then it is one more person."""
    return bool(_POSSESSIVE_ITEM.match(first)) and bool(re.fullmatch(r"(?-i:[a-z])[\w'’-]*(?:\s+[\w'’-]+)?", item))


def enumerated_victims(sentence: str, hedge: str | None = None, kind: str = "killed") -> list[Figure]:
    """Victims listed after one verb, each counted: "killing the director, two body guards and one
    civilian" is 4, "fatally shot Quintonio LeGrier, 19, and his neighbor Bettie Jones, 55" is 2;
    with ``kind`` "injured", the wounded: "wounding its driver, fireman, two passengers" is 4.
    Ages in apposition are not items; the list stops at the first item that is no person."""
    c = _compiled()
    if kind == "injured" and not any(w in sentence.lower() for w in ("wound", "injur")):
        return []  # a cheap look first
    told = sentence
    sentence = _IDENTIFIED.sub(lambda a: " " * len(a.group(0)), sentence)  # same offsets
    for m in (_ENUM_WOUND if kind == "injured" else _ENUM_VERB).finditer(sentence):
        if re.search(r"\b(?:was|were|been|is|are|be|being)\s+(?:\w+ly\s+)?$", sentence[max(0, m.start() - 20):m.start()]):
            continue  # "was shot and killed Sunday, June 14": passive, no list of objects
        end = _ENUM_END.search(sentence, m.end())
        span = sentence[m.end():end.start() if end else len(sentence)]
        pieces = re.split(r"(\s*,\s*(?:and\s+)?|\s+and\s+)", span)
        items: list[str] = []
        for k in range(0, len(pieces), 2):
            item = pieces[k]
            if not item or re.fullmatch(r"\d{1,2}", item):
                continue  # an age in apposition
            if k and "and" not in pieces[k - 1] and item[0].isupper() and items and not items[-1].split()[-1][0].isupper():
                continue  # "LeGrier's neighbor, Bettie Jones": the name of the person just counted
            if k and "and" not in pieces[k - 1] and re.match(r"(?:a|an)\s", item, re.I) and items and items[-1][0].isupper():
                continue  # "Khagen Das Adhikary, a party supporter": what the person just named is
            items.append(item)
        total, count, people = 0, 0, 0
        for item in items:
            nums = [n for n in find_numbers(item) if n.start == 0 or _POSSESSIVE_BEFORE.fullmatch(item, 0, n.start)]
            last = _words(item)[-1] if _words(item) else ""
            is_person = bool(c["person"].match(last))
            if nums and is_person:
                total += nums[0].min  # "two body guards"
            elif is_person and items.index(item) > 0 and _shares_possessive(items[0], item):
                total += 1  # "his wife and daughter": the item shares the first one's possessive
            elif nums or not _ENUM_ITEM.match(item):
                break
            else:
                total += 1  # "the director", "Quintonio LeGrier"
            people += is_person or item[0].isupper() or item.lower() in ("him", "her")
            count += 1
        if count >= 2 and people:
            return [Figure(kind, total, total, None, m.end(), m.end() + len(span), told[m.end():m.end() + len(span)].strip(), hedge)]
    return []


def with_coordinated(figures: list[Figure], found: list[Coordinated], hedge: str | None) -> list[Figure]:
    """A coordinated subject counts its people ("A woman and her two children were killed" is 3,
    not 2): it replaces the figures read inside it, and stands only when the sentence has no
    other figure of its kind."""
    for co in found:
        kind = _KIND_OF.get(co.verb) or _KIND_OF.get(co.verb.split()[-1]) or ("injured" if "hospital" in co.verb else None)
        if kind is None:
            continue
        inside = [f for f in figures if f.kind == kind and co.start <= f.start < co.end]
        if any(f.kind == kind and f not in inside for f in figures):
            continue
        figures = [f for f in figures if f not in inside]
        figures.append(Figure(kind, co.count, co.count, None, co.start, co.end, co.subject, hedge))
    return sorted(figures, key=lambda f: f.start)


def with_companions(figures: list[Figure], found: list[Coordinated], sentence: str) -> list[Figure]:
    """Companions add to the subject who shares their fate ("Officer Garrett Swasey died along with
    two civilian victims" is 3): the subject's figure is the last of the verb's kind before them,
    else one person when the verb is singular ("was killed along with ...")."""
    for co in found:
        kind = _KIND_OF.get(co.verb) or _KIND_OF.get(co.verb.split()[-1])
        before = [f for f in figures if f.kind == kind and f.start < co.start]
        if kind is None or any(f.kind == kind and f.start >= co.start for f in figures):
            continue
        if not before and re.search(r"\b(?:were|have been|had been)\s+(?:\w+\s+){0,3}$", sentence[max(0, co.start - 60):co.start]):
            continue  # a plural subject with no count: how many it adds to is unknown
        subject = before[-1] if before else Figure(kind, 1, 1, None, co.start, co.end, None, None)
        hi = None if subject.max is None else subject.max + co.count
        merged = Figure(kind, subject.min + co.count, hi, subject.qualifier, subject.start, co.end,
                        ", ".join(v for v in (subject.victims, co.subject) if v), subject.hedge)
        figures = sorted([f for f in figures if f is not subject] + [merged], key=lambda f: f.start)
    return figures


def another_victim(sentence: str, figures: list[Figure], hedge: str | None) -> list[Figure]:
    """"one police officer was killed and another was wounded": one injured (and "killing two and
    wounding another" one injured), where the sentence has no figure of that kind already."""
    out: list[Figure] = []
    taken = {f.kind for f in figures}
    for verb, start, end in find_another(sentence):
        kind = _another_kind(verb)
        if kind not in taken:
            out.append(Figure(kind, 1, 1, None, start, end, "another", hedge))
            taken.add(kind)
    return out


def _victims(gap: str) -> str | None:
    words = gap.strip(" ,").split()
    while words and words[-1].lower().strip(",") in _AUX:
        words.pop()
    text = " ".join(words).strip(" ,")
    return text or None


def _merge_coordinated(raw: list[tuple[str, Number, int, str | None]], hedge: str | None) -> list[Figure]:
    """Counts that share one verb are one figure: "two soldiers and three civilians were killed" = 5."""
    groups: dict[tuple[str, int], list[tuple[Number, str | None]]] = {}
    for kind, n, anchor, victims in raw:
        groups.setdefault((kind, anchor), []).append((n, victims))
    out = []
    for (kind, _), items in groups.items():
        if len(items) == 1:
            n, victims = items[0]
            out.append(Figure(kind, n.min, n.max, n.qualifier, n.start, n.end, victims, hedge))
            continue
        lo = sum(n.min for n, _ in items)
        hi = None if any(n.max is None for n, _ in items) else sum(n.max for n, _ in items)  # type: ignore[misc]
        victims = ", ".join(v for _, v in items if v) or None
        out.append(Figure(kind, lo, hi, items[0][0].qualifier, items[0][0].start, items[-1][0].end, victims, hedge))
    out.sort(key=lambda f: f.start)
    return out


#: "No officers or anyone else at the Walmart was injured": the clause's subject is negated, so
#: the name right before the verb is a place in it, not a victim
_NEGATED_SUBJECT = re.compile(r"(?:^|[,;:]\s*|\b(?:and|but)\s+)(?:no|nobody|none|neither)\b(?:(?!\b(?:that|who|when|after)\b)[^,;:])*$", re.I)


def _single_victims(sentence: str, found: list[Figure], hedge: str | None) -> list[Figure]:
    c = _compiled()
    out = []
    taken = {f.kind for f in found}
    revised = [(f.start, f.end) for f in found if is_revision(f.qualifier)]

    def covered(m: re.Match[str]) -> bool:  # the person a revision already counts ("wounded ... died of his wounds")
        return any(s < m.end() and m.start() < e for s, e in revised)

    for m in c["single"].finditer(sentence):
        if covered(m):
            continue
        noun = m.group("noun") or m.group("anoun") or m.group("cnoun") or ("victim" if m.group("vkw") else "him/her")
        verb = (m.group("kw") or m.group("akw") or m.group("pkw") or ("injured" if m.group("ckw") else "died")).lower()
        if verb != "left":
            verb = _fate_of_one(verb, sentence, m.end()) or verb
        if verb == "left":
            if _DEAD.match(sentence, m.end()):
                verb = "killed"
            elif _CONDITION.match(sentence, m.end()) or _HURT.match(sentence, m.end()):
                verb = "injured"  # "left a man in critical condition", "left a man injured"
            else:
                continue
        kind = _KIND_OF.get(verb) or _KIND_OF.get(verb.split()[-1]) or ("injured" if "hospital" in verb else None)
        if kind == "injured" and _NAMED_HOSPITAL.search(m.group("kw") or ""):
            continue  # "taken to Froedtert Hospital" counts a hurt person only where the sentence tells no death after it
        if kind and kind in taken and _second_of_kind(sentence, m, out, kind):
            prev = next(f for f in reversed(out) if f.kind == kind)  # "a man was shot in the leg and a woman was shot in the arm"
            out[out.index(prev)] = Figure(kind, prev.min + 1, (prev.max or prev.min) + 1, prev.qualifier, prev.start, m.end(),
                                          f"{prev.victims}, {noun}", prev.hedge)
            continue
        if not kind or kind in taken or noun.lower().endswith(("people", "children", "men", "women", "troops", "personnel")):
            continue
        if noun.lower() in ("dead", "casualties", "lives", "bodies", "fatalities", "deaths", "injuries", "more", "of them", "of whom"):
            continue
        if m.group("kw") and _acts_on_object(sentence, m):
            # "the police officer who fatally shot a teenage man": the noun is the shooter, the object the victim
            obj = _object_victim(sentence, m.end())
            if obj:
                out.append(Figure(kind, 1, 1, None, m.start(), m.end() + len(obj.group(0)), obj.group("who"), hedge))
                taken.add(kind)
            continue
        if re.search(r"[^s’']s$", noun.lower()) and not re.match(r"one\s+of\b", m.group(0), re.I):
            continue  # "Teenagers shot in Columbus", "two of the victims had gunshot wounds": not one person
        if kind in ("injured", "shot") and c["unharmed"].search(m.group(0)):
            continue  # "The child, unharmed by the gunfire, was transported to a hospital"
        qualifier = "another" if (m.group("det") or "").lower() == "another" else None
        out.append(Figure(kind, 1, 1, qualifier, m.start(), m.end(), noun, hedge))
        taken.add(kind)
    for m in c["named"].finditer(sentence):
        if covered(m) or _NEGATED_SUBJECT.search(sentence, 0, m.start()):
            continue
        verb = _fate_of_one(m.group("kw").lower(), sentence, m.end()) or m.group("kw").lower()
        kind = _KIND_OF.get(verb) or _KIND_OF.get(verb.split()[-1]) or ("injured" if "hospital" in verb else None)
        if kind == "injured" and _NAMED_HOSPITAL.search(m.group("kw") or ""):
            continue  # "taken to Froedtert Hospital" counts a hurt person only where the sentence tells no death after it
        name = m.group("name")
        if not kind or kind in taken or name.split()[0] in ("The", "He", "She", "It", "This", "That", "Nobody", "No", "One", "Everyone", "Each"):
            continue
        if c["person"].match(name) and re.search(r"[^s’']s$", name.lower()):
            continue  # "Teenagers shot in Columbus": a plural noun, not a name
        if _acts_on_object(sentence, m):
            obj = _object_victim(sentence, m.end())  # "Rialmo fatally shot LeGrier": the name is the shooter
            if obj:
                out.append(Figure(kind, 1, 1, None, m.start(), m.end() + len(obj.group(0)), obj.group("who"), hedge))
                taken.add(kind)
            continue
        out.append(Figure(kind, 1, 1, None, m.start(), m.end(), name, hedge))
        taken.add(kind)
    if "killed" not in taken:
        p = c["pronoun_death"].search(sentence.lstrip())
        if p:  # "He died overnight.": the person the story is about
            offset = len(sentence) - len(sentence.lstrip())
            out.append(Figure("killed", 1, 1, None, p.start() + offset, p.end() + offset, p.group(0).split()[0], hedge))
    return out + pronoun_wound(sentence, taken | {f.kind for f in out}, hedge)


_AND_A = re.compile(r"\s*,?\s+and\s+(?:a|an)\s+$", re.I)


def _second_of_kind(sentence: str, m: re.Match[str], out: list[Figure], kind: str) -> bool:
    """Is the one-person match a second person of a kind this sentence's one-person reading counted
    already, joined to the first by "and a/an" ("A 19-year-old man was shot in the leg and a
    20-year-old woman was shot in the arm" is two shot)? An indefinite noun brings in someone new."""
    det = (m.group("det") or "").lower() if m.group("kw") else ""
    if det not in ("a", "an") or m.group("kw") is None or not m.group("noun") or re.search(r"[^s’']s$", m.group("noun").lower()):
        return False
    prev = [f for f in out if f.kind == kind and f.max == f.min and f.qualifier is None]
    if not prev or prev[-1].end > m.start():
        return False
    if _acts_on_object(sentence, m):
        return False
    return bool(_AND_A.search(sentence, prev[-1].end, m.start("det") + len(m.group("det")) + 1))


_AND_A_NOUN = re.compile(r"\s*,?\s+and\s+(?:a|an)\s+(?:[\w'’-]+\s+){0,2}?$", re.I)


def joined_second(sentence: str, figures: list[Figure]) -> list[Figure]:
    """A second person joined by "and a/an" to one counted by a number, each with a verb of the
    same kind: "One man was shot in the back and a 29-year-old man was shot multiple times" is 2
    shot (``_second_of_kind`` does this where the first person has no number: "A man was shot ...
    and a woman was shot ...")."""
    c = _compiled()
    for f in figures:
        if f.min != 1 or f.max != 1 or f.qualifier is not None or f.kind not in ("killed", "injured", "shot"):
            continue
        m = next((m for m in c["single"].finditer(sentence, f.end) if m.group("kw")), None)
        if m is None or not m.group("noun") or re.search(r"[^s’']s$", m.group("noun").lower()):
            continue
        verb = m.group("kw").lower()
        kind = _fate_of_one(verb, sentence, m.end()) or _KIND_OF.get(verb) or _KIND_OF.get(verb.split()[-1])
        if kind != f.kind or _acts_on_object(sentence, m) or any(g.kind == kind and g is not f and g.start < m.end() and f.start < g.end for g in figures):
            continue
        if not _AND_A_NOUN.search(sentence, f.end, m.start("noun")):
            continue  # "and a 29-year-old man": an indefinite noun brings in someone new
        two = Figure(kind, 2, 2, None, f.start, m.end(), f"{f.victims}, {m.group('noun')}", f.hedge)
        return sorted([g for g in figures if g is not f] + [two], key=lambda g: g.start)
    return figures


def pronoun_wound(sentence: str, taken: set[str], hedge: str | None = None) -> list[Figure]:
    """One person wounded, told by a pronoun opening the sentence, where it counts no one else:
    "He was wounded in the thigh and taken to Mount Sinai Hospital." (injured, and so is "He was
    treated for non-life-threatening injuries at a local hospital."), "She was shot in
    the leg." (shot: the fate stays open, and the killed are subtracted from it), "He was shot and
    later died" (killed)."""
    if taken & {"killed", "injured", "shot"}:
        return []
    c = _compiled()
    offset = len(sentence) - len(sentence.lstrip())
    p = c["pronoun_wound"].search(sentence.lstrip())
    if not p:
        return []
    # "He was shot in the chest and later died at the hospital": the wound's fate is death
    kind = "killed" if c["died_after"].search(sentence, p.end() + offset) else "injured" if p.group("inj") or p.group("treated") else "shot"
    return [Figure(kind, 1, 1, None, p.start() + offset, p.end() + offset, p.group(0).split()[0], hedge)]


_NOT_NAME = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
             r"August|September|October|November|December|The|A|An|Afghan|Iraqi|Syrian|Pakistani|American|Israeli)")
_OBJECT = re.compile(r"\s+(?:a|an|the|his|her|their|its|him|them|two|three|four|five|several|(?-i:[A-Z])(?!(?:onday|uesday|ednesday|hursday|riday|aturday|unday)\b)\w+)\b", re.I)
_PASSIVE_IN = re.compile(r"\b(?:was|were|been|is|are|being|be|has|had|have)\b", re.I)


_NAMED_HOSPITAL = re.compile(r"\b(?-i:[A-Z])[\w'’.-]+ [Hh]ospital$")


def _object_victim(sentence: str, end: int) -> re.Match[str] | None:
    """The one person an active verb acts on: "a teenage man", "LeGrier"."""
    return _compiled()["object"].match(sentence, end)


def _acts_on_object(sentence: str, m: re.Match[str]) -> bool:
    """Is the verb of a one-person match active, with an object after it ("who fatally shot a
    teenage man", "Rialmo fatally shot LeGrier")? Then the person before it did it."""
    verb = m.group("kw").lower()
    if verb in ("died", "dies", "found dead", "pronounced dead", "pronounced deceased") or "hospital" in verb or verb.startswith(("critically", "seriously", "gravely")):
        return False
    if _PASSIVE_IN.search(sentence, m.start(), m.start("kw")):
        return False
    return bool(_OBJECT.match(sentence, m.end()))


def found_body(sentence: str, hedge: str | None = None) -> list[Figure]:
    """One body found is one death (read where the sentence counts no death otherwise): "a man's
    body is found in the backyard of a home", "a fisherman found the body of a man with a gunshot wound"."""
    m = _compiled()["found_body"].search(sentence)
    return [Figure("killed", 1, 1, None, m.start(), m.end(), "body", hedge)] if m else []


def found_dead_figures(sentence: str, hedge: str | None = None) -> list[Figure]:
    """People found dead, counted by the object of "found" ("officers found a male and female
    deceased inside the residence" is 2); read where the sentence counts no death otherwise."""
    return [Figure("killed", f.count, f.count, None, f.start, f.end, f.subject, hedge) for f in find_found_dead(sentence)]


def homicide_victim(sentence: str, hedge: str | None = None) -> list[Figure]:
    """One death named by its crime (read where the sentence counts no death otherwise): "a suspect
    is in custody for the murder of a female clerk", "the Trotwood homicide victim is Jason Alford",
    "The dead militant was identified as Negi Rawat"."""
    low = sentence.lower()
    if not any(w in low for w in ("murder", "killing", "slaying", "death of", "homicide", "shooting", "identified")):
        return []  # a cheap look first: the pattern is costly and most sentences name no crime
    m = _compiled()["homicide"].search(sentence)
    return [Figure("killed", 1, 1, None, m.start(), m.end(), "victim", hedge)] if m else []


def _fate_of_one(verb: str, sentence: str, end: int) -> str | None:
    """One person's fate read from a wound phrase: "with a gunshot wound" and "shot himself" are
    shot (fate open; the killed are subtracted), "grazed" or "hospitalized" is injured, and either is killed when the sentence tells a death after it ("was taken to
    the hospital, where he later died"). None when the verb is read as it stands."""
    c = _compiled()
    if c["wounded"].match(verb):
        # a wound alone leaves the fate open (the victim may be the one found dead): "shot"
        kind = "injured" if re.search(r"graze|hospitali|injuries", verb) else "shot"
    else:
        kind = _KIND_OF.get(verb) or _KIND_OF.get(verb.split()[-1]) or ("injured" if "hospital" in verb else None)
    if kind in ("injured", "shot") and c["died_after"].search(sentence, end):
        return "killed"
    return kind if c["wounded"].match(verb) else None


def counts_bullets(sentence: str, start: int) -> bool:
    """Does the count at ``start`` count shots fired ("fired at least one shot", "heard two shots")?"""
    return bool(_compiled()["fired_before"].search(sentence, max(0, start - 30), start))


_DEAD = re.compile(r"\s+dead\b")
_HURT = re.compile(r"\s+(?:injured|wounded|hurt)\b")
_CONDITION = re.compile(r"\s+(?:\w+\s+){0,3}?in\s+(?:critical|serious|grave|stable|fair)\s+condition")


#: the noun of "no <noun> were reported" that names one kind
_ZERO_NOUN = {"injuries": "injuries", "deaths": "deaths", "fatalities": "fatalities"}


def _zero_claims(sentence: str, found: list[Figure]) -> list[Figure]:
    c = _compiled()
    m = c["none"].search(sentence)
    if not m:
        return []
    word = (m.group("kind") or m.group("kind2") or m.group("kind3") or "").lower()
    if word in ("reported", "caused", "sustained", "suffered"):
        word = _ZERO_NOUN.get(m.group(0).split()[1].lower(), word)  # "no injuries were reported": the noun tells the kind
    if word in ("killed", "died", "lost", "deaths", "fatalities"):
        kinds = ["killed"]
    elif word in ("injured", "wounded", "hurt", "injuries"):
        kinds = ["injured"]
    else:  # "no casualties", "without incident", "no one was harmed"
        kinds = ["killed", "injured"]
    taken = {f.kind for f in found}
    # "No one else was injured": nobody besides the people told of (tolls: the shot still count)
    qualifier = "none else" if re.search(r"\b(?:else|other)\b", m.group(0), re.I) else "none"
    return [Figure(k, 0, 0, qualifier, m.start(), m.end(), None, None) for k in kinds if k not in taken]


def hedge_in(sentence: str) -> str | None:
    m = _compiled()["hedge"].search(sentence)
    return m.group(0).lower() if m else None


def toll_may_rise(sentence: str) -> bool:
    return bool(_compiled()["rise"].search(sentence))
