"""Whom a count counts, past the sentence's plain reading: a share of a group ("two of the
injured"), the parts of a total ("20 people including four children"), people besides those told
elsewhere ("several other insurgents"), background figures (an earlier attack, a running total),
and people named without a count ("killed both perpetrators").
Vocabulary: ``data/casualties.toml`` (``[single]`` background, since)."""
from __future__ import annotations

import functools
import re

from .figure import BACKGROUND, RUNNING_TOTAL, Figure, vocab
from .numbers import Number, is_date_or_age, parse_int


@functools.lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    v = vocab()
    single = v["single"]
    return {
        "own_group": re.compile(rf"\s+of\s+(?:{v['own_group']})\s+(?:[\w'’-]+\s+){{0,2}}?(?:{v['person_nouns']})\b", re.I),
        "background": re.compile(single["background"], re.I),
        "since": re.compile(single["since"], re.I),
        "summary": re.compile(single["summary"], re.I),
        "shared_across": re.compile(single["shared_across"], re.I),
        "both": re.compile(rf"\b(?P<kw>killing|killed|shot dead|gunned down|executed|murdered|wounding|wounded|injuring|injured)\s+"
                           rf"(?:both\s+(?:of\s+)?(?:the\s+|their\s+)?(?:[\w'’-]+\s+)?(?P<noun>{v['person_nouns']})\b|(?P<them>them both|both of them)\b)", re.I),
    }


_SHARE_OF = re.compile(r"\s+of\s+(the\s+|those\s+|these\s+)?", re.I)
_COUNTED_GROUP = re.compile(r"\s+of\s+(?:the|those|these)\s+(?:(?:other|remaining|seriously|critically|badly|gunshot)\s+)?(?:dead|injured|wounded|hurt|victims?|casualties|"
                            r"killed|deceased|fatalities)\b|\s+of\s+(?:whom|us)\b"
                            r"|\s+of\s+(?:the|those|these)\s+(?:(?!(?:were|was)\b)[\w'’-]+\s+)?(?:killed|injured|wounded|hurt|dead|shot)\b", re.I)
_PART_CUE = re.compile(r"[\s,]*\b(?:including|among them|among whom|among the dead|of whom|of them)\s+"
                       r"(?:(?:(?!\b(?:were|was|are|is|killed|died|injured|wounded|hurt)\b)[^.;:()\d]){0,40}?(?:,\s*|\s)and\s+)?(?:at least\s+)?$", re.I)
_OTHERS_AFTER = re.compile(r"\s+(?:other|others|more)\b", re.I)
_NAMED_PART = re.compile(r"\s+(?:identified|named)\b|\s+of\s+(?:them|whom)\b", re.I)
_PART_JOIN = re.compile(r"\s+[\w'’-]+(?:\s+[\w'’-]+){0,2}?(?:\s*,\s*|\s+)(?:and\s+)?$", re.I)


def own_group(sentence: str, end: int) -> bool:
    """Does the count ending at ``end`` count someone's own people ("two of his body guards were
    wounded", "three of their children")? They are people counted here, not a share of a group
    counted already ("two of the injured")."""
    return bool(_patterns()["own_group"].match(sentence, end))


def is_share(sentence: str, n: Number, numbers: list[Number]) -> bool:
    """Is the count a share of a group counted right after it ("one of two women fatally shot",
    "one of three men wounded")? The group's count is the figure, the share is not added to it.
    A group told before ("five of the 10 hostages were killed") is the other way round: the
    share is the figure (``groups_of_shares``)."""
    m = _SHARE_OF.match(sentence, n.end)
    return bool(m) and not m.group(1) and any(o.start == m.end() for o in numbers)


def groups_of_shares(sentence: str, numbers: list[Number]) -> set[int]:
    """Starts of counts that name a group told before, whose share is the figure: "five of the 10
    hostages were shot and killed" is five killed."""
    out = set()
    for n in numbers:
        m = _SHARE_OF.match(sentence, n.end)
        if m and m.group(1):
            out.update(o.start for o in numbers if o.start == m.end())
    return out


def group_of_share(sentence: str, n: Number, numbers: list[Number]) -> Number | None:
    """The count of a group told before whose share ``n`` is ("five of the 10 hostages": 10)."""
    m = _SHARE_OF.match(sentence, n.end)
    if not m or not m.group(1):
        return None
    return next((o for o in numbers if o.start == m.end()), None)


def counted_share(sentence: str, n: Number, numbers: list[Number]) -> bool:
    """Is "N of the ..." a share of people counted already ("two of the injured", "three of them"
    after "five people were shot")? "Two of the pilgrims were killed", with no count of the
    pilgrims before it, counts two."""
    if _COUNTED_GROUP.match(sentence, n.end):
        return True
    return any(o.end <= n.start and not is_date_or_age(sentence, o) for o in numbers)


def parts_of_total(sentence: str, numbers: list[Number]) -> set[int]:
    """Starts of counts that break down a total named before them: "20 people including four
    children and two soldiers were killed" is 20, not 26. A part follows its total after
    "including" / "among them", or follows another part joined by a comma or "and"."""
    parts: set[int] = set()
    for prev, n in zip(numbers, numbers[1:]):
        between = sentence[prev.end:n.start]
        if prev.start in parts:
            if _PART_JOIN.fullmatch(between) and not re.search(r"\b(?:were|was|killed|died|injured|wounded)\b", between, re.I):
                parts.add(n.start)
        else:
            cue = _PART_CUE.search(between)  # "20 people including four ...": a noun phrase, then the cue
            if (cue and re.fullmatch(r"(?:\s+[\w'’-]+){1,5}", between[:cue.start()])
                    and not (cue.group(0).rstrip().endswith("and") and _OTHERS_AFTER.match(sentence, n.end))):
                parts.add(n.start)  # "five members of a family, including three children", "three others, including his wife and two children"
            elif re.fullmatch(r"(?:\s+[\w'’-]+){1,3}\s*,\s*", between) and _NAMED_PART.match(sentence, n.end):
                parts.add(n.start)  # "injuring two others, one identified as Mohammad Saleem"
    return parts


def background(sentence: str, figures: list[Figure]) -> list[Figure]:
    """Figures told as background: "the commander is linked to an IED attack that killed four US
    soldiers" (qualifier "background": another event, which tolls leave out; so is a release's
    summary of "separate clearing operations", no one event's figure), "forces have killed
    more than 80 Haqqani leaders since January" (qualifier "running total": many events, which
    tolls read only where the text counts nothing else)."""
    c = _patterns()
    out = []
    for f in figures:
        if f.qualifier in (None, "at least", "more than") or (f.qualifier or "") in _vague_words():
            if c["background"].search(sentence, 0, f.start) or c["summary"].search(sentence):
                f = Figure(f.kind, f.min, f.max, BACKGROUND, f.start, f.end, f.victims, f.hedge)
            elif c["since"].match(sentence, f.end):
                f = Figure(f.kind, f.min, f.max, RUNNING_TOTAL, f.start, f.end, f.victims, f.hedge)
        out.append(f)
    return out


def parts_dropped(figures: list[Figure]) -> list[Figure]:
    """A vague count after a stated one of its kind is part of it: "Another 17 people were hurt --
    many wounded by bullets, some injured in the panic" is 17."""
    out: list[Figure] = []
    for f in figures:
        vague = f.qualifier is not None and f.qualifier in _vague_words()
        if vague and any(o.kind == f.kind and o.start < f.start and o.qualifier not in _vague_words() and o.min > 0 for o in out):
            continue
        out.append(f)
    return out


def others_added(figures: list[Figure]) -> list[Figure]:
    """"Several other insurgents were killed in the strike": people besides those counted in
    another sentence, so the figure adds to theirs (qualifier "another"), where nothing in its
    own sentence comes before it ("one killed and two others wounded" counts the two as they are)."""
    out = []
    for f in figures:
        if (f.qualifier is None or f.qualifier in _vague_words()) and f.victims and _OTHERS.match(f.victims) \
                and not any(o.start < f.start for o in figures if o is not f):
            f = Figure(f.kind, f.min, f.max, "another", f.start, f.end, f.victims, f.hedge)
        out.append(f)
    return out


_OTHERS = re.compile(r"^others?\b", re.I)
_ALSO = re.compile(r"(?:(?!\b(?:and|but|while|when|after)\b)[^,.;:]){0,60}?\b(?:(?:were|was|have been|had been|has been)\s+also|also\s+(?:were|was|died))\b", re.I)


def also_added(figures: list[Figure], sentence: str) -> list[Figure]:
    """"Local authorities reported that 4 Taliban militants were also killed": people besides
    those counted in another sentence ("3 policemen were killed"), so the figure adds to theirs
    (qualifier "another"), where nothing in its own sentence comes before it ("three civilians
    were killed and two soldiers were also wounded" counts the two as they are)."""
    out = []
    for f in figures:
        # a count only: "Ke'Arre Stewart was also killed" names one of the people counted already
        if (f.qualifier is None and f.min > 0 and parse_int(sentence[f.start:f.end]) and _ALSO.match(sentence, f.start)
                and not any(o.start < f.start for o in figures if o is not f)):
            f = Figure(f.kind, f.min, f.max, "another", f.start, f.end, f.victims, f.hedge)
        out.append(f)
    return out


@functools.lru_cache(maxsize=1)
def _vague_words() -> frozenset[str]:
    from .numbers import lexicon

    return frozenset(lexicon()["vague"])


_FATE_UNKNOWN = re.compile(r"\b(?:not\s+(?:immediately\s+)?(?:stated|known|clear|confirmed|reported)|unclear|unknown)\s+(?:if|whether)\b", re.I)
_CLAUSE_END = re.compile(r"[;.!?]|,?\s+but\b", re.I)


def fate_unknown(figures: list[Figure], sentence: str) -> list[Figure]:
    """"It is not stated if the former minister was wounded or killed": a fate left open is no
    figure; the figures of the clause after it ("..., but at least 7 were killed") stand."""
    m = _FATE_UNKNOWN.search(sentence)
    if not m:
        return figures
    end = _CLAUSE_END.search(sentence, m.end())
    stop = end.start() if end else len(sentence)
    return [f for f in figures if not (m.end() <= f.start < stop)]


def shared_across(figures: list[Figure], sentence: str) -> list[Figure]:
    """"At least 60 people were killed and another 100 injured across all ten incidents": a toll
    of several attacks together, shared out as the coders do (each event its part, rounded down, at
    least one): 6 killed and 10 injured here. Zero claims and a coder's own figure stand as they are."""
    m = _patterns()["shared_across"].search(sentence)
    k = parse_int(m.group("k")) if m else None
    if not k or k < 2:
        return figures
    out = []
    for f in figures:
        if f.kind in ("killed", "injured", "shot") and f.min > 0 and f.qualifier != "coded as":
            part = max(1, f.min // k)
            f = Figure(f.kind, part, None if f.max is None else max(part, f.max // k), f.qualifier, f.start, f.end, f.victims, f.hedge)
        out.append(f)
    return out


def both_after(sentence: str, hedge: str | None = None) -> list[Figure]:
    """"police killed both perpetrators", "wounding both of them": two, of the verb's kind."""
    out = []
    for m in _patterns()["both"].finditer(sentence):
        kind = "injured" if m.group("kw").lower().startswith(("wound", "injur")) else "killed"
        out.append(Figure(kind, 2, 2, None, m.start(), m.end(), m.group("noun") or m.group("them"), hedge))
    return out


_FATAL_SHARE = re.compile(
    r"\s*,\s*(?:and\s+)?(?P<n>one|two|three|four|five|six|\d{1,2})(?:\s+of\s+(?:them|whom|those|the\s+(?:[\w'’-]+\s+)?[\w'’-]+))?"
    r"\s+(?:fatally|mortally|(?:later\s+|has\s+|have\s+|had\s+|since\s+)*died|(?:was|were)\s+(?:later\s+)?(?:killed|pronounced dead)|(?:is|are)\s+dead)\b",
    re.I,
)
_SHARE_GAP = re.compile(r"[^.;:()\d]{0,60}?(?=\s*,)")


def fatal_shares(sentence: str, figures: list[Figure], hedge: str | None = None) -> list[Figure]:
    """"Two men were shot, one fatally", "three people were wounded, one of whom died": the share
    told after the verb died (GVDB counts a victim shot dead as killed, the others as injured).
    A "shot" count stays whole (the killed are subtracted from it when tolls are read); an "injured"
    count loses the dead. Read where the sentence tells no death otherwise."""
    if any(f.kind == "killed" for f in figures):
        return figures
    for f in figures:
        if f.kind not in ("shot", "injured") or f.min < 2:
            continue
        gap = _SHARE_GAP.match(sentence, f.end)
        m = _FATAL_SHARE.match(sentence, gap.end()) if gap else None
        n = parse_int(m.group("n")) if m else None
        if not n or n >= f.min:
            continue
        dead = Figure("killed", n, n, None, m.start("n"), m.end(), f.victims, hedge or f.hedge)
        if f.kind == "injured":
            rest = Figure("injured", f.min - n, None if f.max is None else f.max - n, f.qualifier, f.start, f.end, f.victims, f.hedge)
            figures = [rest if o is f else o for o in figures]
        return sorted(figures + [dead], key=lambda o: o.start)
    return figures
