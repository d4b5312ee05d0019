"""Sentence splitting with character offsets, without a parser (fast, and good on news prose)."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "cpl", "pvt", "adm", "gov",
    "sen", "rep", "rev", "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue",
    "wed", "thu", "fri", "sat", "sun", "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m", "approx", "ave",
    "blvd", "rd", "mt", "ft", "fig", "al", "brig", "cmdr", "lieut", "supt", "insp", "det", "hon", "pres",
}
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+)|\n\s*\n|\n(?=[A-Z\"“])")
_WORD_BEFORE = re.compile(r"([\w.]+)\.[\"'”’)\]]*$")
# The word before a full stop is read from this many characters before it: longer runs of word
# characters are no abbreviation anyway, and a bounded look keeps the split linear in the text.
_LOOK_BACK = 64
# No real sentence is this long (the longest in the sample and gold texts is about 3,000
# characters, page furniture): a longer run is cut, so every later stage works on bounded spans.
MAX_CHARS = 4000
_SOFT_END = re.compile(r"[.!?;:][\"'”’)\]]*\s+")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def split(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if m.group(0).startswith("."):
            word = _WORD_BEFORE.search(text, max(start, end - _LOOK_BACK), end)
            if word and (word.group(1).lower() in _ABBREV or re.fullmatch(r"[A-Z]", word.group(1))):
                continue
        if m.group(0)[0] in ".!?":
            # a lowercase word after the mark goes on the sentence ("members of the party STREI! marched",
            # "Yahoo! reported", "a.m. on Monday")
            nxt = text[end:end + 3].lstrip()
            if nxt and nxt[0].islower():
                continue
        _add(out, text, start, end)
        start = end
    _add(out, text, start, len(text))
    return out


def _add(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_CHARS:
        cut = _cut(text, start)
        _add(out, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))


def _cut(text: str, start: int) -> int:
    """Where to end an overlong run: after its last punctuation mark in the second half of the
    allowed length, else at its last space there, else at the hard limit."""
    lo, hi = start + MAX_CHARS // 2, start + MAX_CHARS
    last = None
    for last in _SOFT_END.finditer(text, lo, hi):
        pass
    if last is not None:
        return last.end()
    space = text.rfind(" ", lo, hi)
    return space + 1 if space > 0 else hi
