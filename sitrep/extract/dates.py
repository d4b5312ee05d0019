"""Resolving event dates against the publication date, with UCDP GED's date_prec.

date_prec: 1 exact day; 2 within 2-6 days; 3 only the week; 4 only the month (or 8-30 days);
5 only the year (or 1-12 months). Written here rather than with dateparser, which leaves
"on Saturday night", "the previous day" and "earlier this month" unresolved and reads
"killed 25" in "Feb. 25 killed 25" as part of a date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WD = "|".join(_WEEKDAYS)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(rf"\b(?P<mon>{_MON})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I)),
    ("dmy", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})\.?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.I)),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<day>\d\d)\b")),
    ("my", re.compile(rf"\b(?:in|since|during|of|early|late|mid-?)\s+(?P<mon>{_MON})\.?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I)),
    ("year", re.compile(r"\b(?:in|since|during|of|from|until|by)\s+(?P<year>(?:19|20)\d\d)\b")),
    ("yesterday", re.compile(r"\byesterday(?:['’]s)?\b|\blast night\b|\bovernight\b", re.I)),
    ("today", re.compile(r"\btoday(?:['’]s)?\b|\bthis (?:morning|afternoon|evening)\b|\btonight\b|\bearlier today\b", re.I)),
    ("weekday", re.compile(rf"\b(?:on\s+|last\s+|early\s+|late\s+)?(?P<wd>{_WD})(?:['’]s)?(?:\s+(?:night|morning|afternoon|evening))?\b", re.I)),
    ("previous", re.compile(r"\b(?:the\s+(?:previous|preceding)\s+day|the\s+day\s+before|a\s+day\s+(?:earlier|before))\b", re.I)),
    ("lastweek", re.compile(r"\blast\s+week(?:end)?\b|\bearlier\s+this\s+week\b|\bthis\s+week\b|\bthe\s+past\s+(?:few|several)\s+days\b", re.I)),
    ("month", re.compile(r"\b(?:earlier\s+this|this|last|earlier\s+last)\s+month\b", re.I)),
    ("year_rel", re.compile(r"\b(?:earlier\s+this|this|last)\s+year\b", re.I)),
]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    date: dt.date
    precision: int
    explicit: bool = False


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(sentence: str, published: dt.date | None, previous: dt.date | None = None) -> list[DateMention]:
    """Date expressions in ``sentence`` resolved against ``published`` (and ``previous``, the last
    date the text established, for "the previous day")."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pat in _PATTERNS:
        for m in pat.finditer(sentence):
            if any(m.start() < e and m.end() > s for s, e in taken):
                continue
            try:
                got = _resolve(kind, m, published, previous)
            except (OverflowError, ValueError):  # "yesterday" from 0001-01-01, "last year" from year 1: no date
                got = None
            if got is None:
                continue
            date, prec = got
            taken.append((m.start(), m.end()))
            out.append(DateMention(m.start(), m.end(), m.group(0), date, prec, kind in ("mdy", "dmy", "iso")))
    out.sort(key=lambda d: d.start)
    # "Tuesday, Jan. 27": the calendar date rules the weekday beside it
    return [d for d in out if d.explicit or not any(e.explicit and 0 <= e.start - d.end <= 3 for e in out)]


def best(mentions: list[DateMention]) -> DateMention | None:
    """The date that fixes an event: a calendar date if the text gives one, else the first."""
    if not mentions:
        return None
    explicit = [m for m in mentions if m.explicit]
    return (explicit or mentions)[0]


def _resolve(kind: str, m: re.Match[str], pub: dt.date | None, previous: dt.date | None) -> tuple[dt.date, int] | None:
    g = m.groupdict()
    if kind in ("mdy", "dmy", "iso"):
        month = int(g["m"]) if kind == "iso" else _MONTHS[g["mon"].lower().rstrip(".")]
        day = int(g["day"])
        if g.get("year"):
            d = _safe(int(g["year"]), month, day)
        elif pub:
            d = _safe(pub.year, month, day)
            if d and d > pub + dt.timedelta(days=2):
                d = _safe(pub.year - 1, month, day)
        else:
            return None
        return (d, 1) if d else None
    if kind == "my":
        d = _safe(int(g["year"]), _MONTHS[g["mon"].lower().rstrip(".")], 1)
        return (d, 4) if d else None
    if kind == "year":
        return dt.date(int(g["year"]), 1, 1), 5
    if pub is None:
        if kind == "previous" and previous:
            return previous - dt.timedelta(days=1), 1
        return None
    if kind == "yesterday":
        return pub - dt.timedelta(days=1), 1
    if kind == "today":
        return pub, 1
    if kind == "weekday":
        target = _WEEKDAYS.index(g["wd"].lower())
        back = (pub.weekday() - target) % 7
        if m.group(0).lower().startswith("last") and back == 0:
            back = 7
        return pub - dt.timedelta(days=back), 1
    if kind == "previous":
        base = previous or pub
        return base - dt.timedelta(days=1), 1
    if kind == "lastweek":
        text = m.group(0).lower()
        if text.startswith("last week"):
            return pub - dt.timedelta(days=7), 3
        return pub - dt.timedelta(days=3), 2
    if kind == "month":
        if m.group(0).lower().startswith(("last", "earlier last")):
            first = pub.replace(day=1) - dt.timedelta(days=1)
            return first.replace(day=1), 4
        return pub.replace(day=1), 4
    if kind == "year_rel":
        if m.group(0).lower().startswith("last"):
            return dt.date(pub.year - 1, 1, 1), 5
        return dt.date(pub.year, 1, 1), 5
    return None


def is_background(mention: DateMention, published: dt.date | None) -> bool:
    """A date well before publication marks history, not the reported event."""
    return published is not None and (published - mention.date).days > 45
