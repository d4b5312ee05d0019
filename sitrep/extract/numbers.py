"""Reading numbers in text: digits, number words, vague quantities and their qualifiers.

``find_numbers(text)`` returns every number phrase with its span, its min/max reading and the
qualifier ("at least", "more than", "up to", "nearly", "about", "between"). The readings of vague
words live in ``data/vague_numbers.toml``.
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True, slots=True)
class Number:
    start: int
    end: int
    text: str
    min: int
    max: int | None  # None: open-ended or unknown
    qualifier: str | None
    exact: bool  # a stated number, not a vague word


@functools.lru_cache(maxsize=1)
def lexicon() -> dict:
    raw = resources.files("sitrep.extract").joinpath("data/vague_numbers.toml").read_text("utf-8")
    return tomllib.loads(raw)


def version() -> str:
    return lexicon()["version"]


# qualifier phrase -> (normalised qualifier, effect): "min" keeps the number as minimum and leaves
# max open; "max" makes the number the maximum; "approx" keeps it as both; "gt"/"lt" exclusive bounds.
_QUALIFIERS = [
    (r"at\s+least", "at least", "min"),
    (r"no\s+(?:fewer|less)\s+than", "at least", "min"),
    (r"a\s+minimum\s+of", "at least", "min"),
    (r"more\s+than", "more than", "gt"),
    (r"over", "more than", "gt"),
    (r"upwards\s+of", "more than", "gt"),
    (r"in\s+excess\s+of", "more than", "gt"),
    (r"as\s+many\s+as", "up to", "max"),
    (r"up\s+to", "up to", "max"),
    (r"at\s+most", "up to", "max"),
    (r"no\s+more\s+than", "up to", "max"),
    (r"fewer\s+than", "less than", "lt"),
    (r"less\s+than", "less than", "lt"),
    (r"under", "less than", "lt"),
    (r"nearly", "nearly", "lt"),
    (r"almost", "nearly", "lt"),
    (r"close\s+to", "nearly", "lt"),
    (r"about", "about", "approx"),
    (r"around", "about", "approx"),
    (r"approximately", "about", "approx"),
    (r"roughly", "about", "approx"),
    (r"some", "about", "approx"),
    (r"an\s+estimated", "about", "approx"),
    (r"estimated", "about", "approx"),
    (r"a\s+total\s+of", None, "exact"),
    (r"another", "another", "exact"),
    (r"a\s+further", "another", "exact"),
    (r"an\s+additional", "another", "exact"),
]
_QUAL_RE = "|".join(f"(?:{p})" for p, _, _ in _QUALIFIERS)


@functools.lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], dict[str, tuple[str | None, str]]]:
    lex = lexicon()
    words = sorted(lex["words"], key=len, reverse=True)
    mult = sorted(lex["multipliers"], key=len, reverse=True)
    vague = sorted(lex["vague"], key=len, reverse=True)
    unit = r"(?:" + "|".join(w for w in words if w not in ("a", "an", "no", "none", "both", "pair", "couple", "single", "lone")) + r")"
    # "twenty-five", "one hundred and twenty", "two dozen", "1,200", "3.5 million"
    word_num = rf"{unit}(?:[\s-]+{unit})*(?:\s+(?:{'|'.join(mult)})s?(?:\s+(?:and\s+)?{unit}(?:[\s-]+{unit})*)?)?"
    digit_num = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+(?:million|thousand|hundred))?"
    article_mult = rf"(?:a|one)\s+(?:{'|'.join(mult)})"
    vague_re = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in vague)
    core = rf"(?P<num>{digit_num}|{article_mult}(?:\s+(?:and\s+)?(?:{unit}|\d+))?|{word_num}|(?P<vague>{vague_re}))"
    between = rf"(?:between\s+(?P<lo>{digit_num}|{word_num})\s+(?:and|to)\s+(?P<hi>{digit_num}|{word_num}))"
    ranged = (
        rf"(?:(?P<lo2>{digit_num})\s*(?:-|–|to|or)\s*(?P<hi2>{digit_num})"
        rf"|(?P<lo3>{word_num})\s+(?:to|or)\s+(?P<hi3>{word_num}))(?=\s+[a-z])"
    )
    pattern = (
        rf"(?<![\w.,:$£€/-])(?:(?P<qual>{_QUAL_RE})\s+)?(?:{between}|{ranged}|{core})"
        r"(?![\w-]|[:.,/]\d|\s*(?:%|percent|per\s+cent))"
    )
    quals = {}
    for p, name, effect in _QUALIFIERS:
        quals[p] = (name, effect)
    return re.compile(pattern, re.IGNORECASE), quals


def _qualifier(text: str) -> tuple[str | None, str]:
    _, quals = _patterns()
    for p, (name, effect) in quals.items():
        if re.fullmatch(p, text, re.IGNORECASE):
            return name, effect
    return None, "exact"


def parse_int(text: str) -> int | None:
    """The integer a number phrase names: "1,200" -> 1200, "twenty-five" -> 25, "two dozen" -> 24."""
    lex = lexicon()
    t = text.lower().replace(",", "").strip()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(million|thousand|hundred))?", t)
    if m:
        value = float(m.group(1)) * (lex["multipliers"][m.group(2)] if m.group(2) else 1)
        return int(value)
    total, current = 0, 0
    tokens = [w for w in re.split(r"[\s-]+", t) if w and w != "and"]
    if not tokens:
        return None
    for tok in tokens:
        if tok.isdigit():
            current += int(tok)
        elif tok in lex["words"]:
            current += lex["words"][tok]
        elif tok.rstrip("s") in lex["multipliers"]:
            factor = lex["multipliers"][tok.rstrip("s")]
            current = max(current, 1) * factor
            if factor >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


def _vague_reading(text: str) -> tuple[int, int | None]:
    key = re.sub(r"\s+", " ", text.lower())
    lo, hi = lexicon()["vague"][key]
    return lo, (hi or None)


_HOW = re.compile(r"\bhow\s+$", re.I)


def find_numbers(text: str) -> list[Number]:
    """Every number phrase in ``text``, left to right, with its reading."""
    pattern, _ = _patterns()
    out: list[Number] = []
    for m in pattern.finditer(text):
        qual_text = m.group("qual")
        qualifier, effect = _qualifier(qual_text) if qual_text else (None, "exact")
        if m.group("lo") or m.group("lo2") or m.group("lo3"):
            lo = parse_int(m.group("lo") or m.group("lo2") or m.group("lo3"))
            hi = parse_int(m.group("hi") or m.group("hi2") or m.group("hi3"))
            if lo is None or hi is None or hi < lo:
                continue
            out.append(Number(m.start(), m.end(), m.group(0), lo, hi, qualifier or "between", True))
            continue
        if m.group("vague"):
            if qual_text and effect == "approx" and qual_text.lower() == "some":
                continue
            if _HOW.search(text, max(0, m.start() - 8), m.start()):
                continue  # "it is unclear how many people were killed": a question, no count
            lo, hi = _vague_reading(m.group("vague"))
            out.append(Number(m.start(), m.end(), m.group(0), lo, hi, qualifier or m.group("vague").lower(), False))
            continue
        value = parse_int(m.group("num"))
        if value is None:
            continue
        lo, hi = value, value
        if effect == "min":
            hi = None
        elif effect == "gt":
            hi = None  # "more than 20": the reported figure 20 is the minimum on record (ACLED codes 20)
        elif effect == "max":
            lo = 0 if qualifier == "up to" else value
        elif effect == "lt" and qualifier == "less than":
            lo, hi = 0, max(value - 1, 0)
        # "nearly 40", "about 40": 40 is the reported figure; min = max = 40, the qualifier says how firm
        out.append(Number(m.start(), m.end(), m.group(0), lo, hi, qualifier, True))
    return out


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
#: an ordinal word or figure, for patterns: "third", "4th"
ORDINAL = "|".join(_ORDINALS) + r"|\d+(?:st|nd|rd|th)"


def parse_ordinal(text: str) -> int | None:
    """The count an ordinal names: "third" -> 3, "4th" -> 4; None for anything else."""
    t = text.lower().strip()
    if t in _ORDINALS:
        return _ORDINALS[t]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", t)
    return int(m.group(1)) if m else None


_MONTHS = r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"


def is_date_or_age(sentence: str, n: Number) -> bool:
    """Is the number a date, a year, a time of day, a person's age or a parent's children, not a
    count of people?"""
    before = sentence[max(0, n.start - 12):n.start].lower()
    after = sentence[n.end:n.end + 12].lower()
    if re.search(rf"\b(?:{_MONTHS})\.?\s*$", before) or re.match(rf"\s*(?:{_MONTHS})\b", after):
        return True
    if n.exact and n.min == n.max and 1900 <= n.min <= 2100 and re.fullmatch(r"\d{4}", n.text):
        return True
    if re.search(r"\b(?:aged|age|ages)\s+$", before):
        return True  # "Giffords, aged 40"
    if re.fullmatch(r"[1-9]0", n.text) and re.match(r"[’']?s\b", after):
        return True  # "a woman in her 20’s": a decade of age
    if is_age_after_noun(sentence, n):
        return True  # "Tennessee boy, 7, killed inside a parked car"
    if counts_children(sentence, n):
        return True  # "A young mother of three is dead": one death, not three
    if re.fullmatch(r"\d{1,2}", n.text) and re.search(r"[A-Z][\w.'’-]*,\s*$", sentence[max(0, n.start - 30):n.start]) and after.startswith(","):
        return True  # "Paul J. Rayer, 51, ...": an age in apposition
    if re.fullmatch(r"\d{4}", n.text) and re.search(r"\b(?:at|around|about|approximately|by|after|before|until)\s+$", before):
        return True  # "at 1500": a 24-hour time
    return bool(re.match(r"\s*(?:-year|years?[- ]old|yrs?\b|am\b|pm\b|a\.m|p\.m|hours? ago|o.clock|hrs\b|hours\b(?! of))", after))


_AGE_NOUN = re.compile(r"\b(?:boy|girl|man|woman|teen|teenager|child|toddler|baby|infant|son|daughter|father|mother|"
                       r"brother|sister|student|officer|victim|suspect|driver|mom|dad|grandmother|grandfather)\s*,\s*$", re.I)


#: a parent noun, then "of": the count after it is the parent's children ("a mother of three")
_PARENT_OF = re.compile(r"\b(?:mother|father|mom|dad|mum|parent|grandmother|grandfather|grandparent)s?\s+of\s+$", re.I)


def counts_children(sentence: str, n: Number) -> bool:
    """Does the count tell how many children a parent has ("A young mother of three is dead",
    "the father of two was shot")? It counts no victims; "the mother of two of the victims" does
    not match (the count is followed by "of")."""
    if _PARENT_OF.search(sentence, max(0, n.start - 20), n.start) is None:
        return False
    return re.match(r"\s+of\b", sentence[n.end:]) is None


def is_age_after_noun(sentence: str, n: Number) -> bool:
    """A one- or two-digit count set off by commas right after a person noun is an age:
    "Boy, 9, accidentally shot in head", "Tennessee boy, 7, killed"."""
    return (re.fullmatch(r"\d{1,2}", n.text) is not None and sentence[n.end:n.end + 1] == ","
            and _AGE_NOUN.search(sentence, max(0, n.start - 20), n.start) is not None)
