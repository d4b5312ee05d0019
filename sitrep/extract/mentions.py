"""What extraction hands to reconciliation: one article's mentions, sentence by sentence.

A ``Mention`` is one sentence that may tell an event: its triggers, figures, places, date, source
and flags (background, headline). ``ArticleMentions`` holds them with what the whole article says
(its places, its country, the actors of each sentence). Extraction finds these; incidents are
built from them in ``sitrep.reconcile`` and nowhere else, so the split and merge decisions have
one home and data flows one way: clean -> extract -> reconcile -> store.

The sentence-level readings here (history, a past year, a place that is part of a street's name)
are properties of one sentence and its place names, read before any incident exists.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources

from ..models import Actor, Article, Place
from .casualties import Figure
from .dates import DateMention
from .events import Trigger, dominant

_SERIES = re.compile(r"\b(?:a|the)\s+(?:recent\s+)?(?:series|spate|wave|string|rash|succession)\s+of\b", re.I)
_BACKGROUND = re.compile(
    r"\bhas (?:recently )?been (?:rocked|hit|struck|targeted|plagued)\b"
    r"|\bin recent (?:days|weeks|months|years)\b|\bsince the (?:start|beginning)\b|\bepicent(?:er|re)s?\b|\buprising\b"
    r"|\bmost of which\b|\bhas (?:long )?been accused\b|\bhistory of\b|\bthe past (?:decade|year)\b",
    re.I,
)
# a year, not a clock time written as one ("around 1900", "at 2000 hours", as GTD writes them)
_YEAR = re.compile(r"(?<!\bat )(?<!\baround )(?<!\babout )(?<!\bapproximately )(?<!\bby )(?<!\buntil )(?<!\bbefore )"
                   r"(?<!\bafter )(?<!\band )(?<!\bbetween )(?<!\bto )\b(19\d\d|20\d\d)\b(?!\s*(?:hours|hrs|h\b|gmt|utc|local))", re.I)


# a quantifier before a number makes it a count ("more than 2000 workers"), not a year
_COUNT_BEFORE = re.compile(r"\b(?:than|over|some|nearly|almost|roughly|least|estimated)\s+$", re.I)


@functools.lru_cache(maxsize=1)
def _rules() -> tuple[re.Pattern[str], re.Pattern[str], str]:
    raw = tomllib.loads(resources.files("sitrep.extract").joinpath("data/mentions.toml").read_text("utf-8"))
    return re.compile(raw["name_part"]), re.compile(raw["address_before"], re.I), raw["version"]


@functools.lru_cache(maxsize=1)
def _counted() -> re.Pattern[str]:
    raw = tomllib.loads(resources.files("sitrep.extract").joinpath("data/mentions.toml").read_text("utf-8"))
    return re.compile(raw["counted"], re.I)


def version() -> str:
    return _rules()[2]


@dataclass
class Mention:
    """One sentence of an article that may tell an event, as extraction read it."""

    sentence: int
    start: int
    end: int
    text: str
    triggers: list[Trigger]
    figures: list[Figure]
    place: Place | None
    places: list[Place]
    date: object | None
    background: bool
    source: str | None
    rise: bool
    headline: bool = False  # the article's headline: evidence for its main incident, never one of its own

    @property
    def trigger(self) -> Trigger | None:
        return max(self.triggers, key=lambda t: (t.priority, -t.start)) if self.triggers else None

    @property
    def group(self) -> str | None:
        t = self.trigger
        if t is None:
            return None
        if t.violent or t.sub_event_type == "Excessive force against protesters":
            return "violent"
        if any(x.violent for x in self.triggers) and any(f.kind in ("killed", "injured") and f.min > 0 for f in self.figures):
            return "violent"  # "police found the bomb after the blast killed five": the blast is the event
        if t.event_type == "Protests":
            # "protested ... The police intervened": one protest, typed by its most specific trigger
            return "Protests"
        return t.sub_event_type

    def anchor(self) -> tuple[int, int]:
        """The article offsets of the sentence's dominant trigger (the whole sentence without one):
        where the event is told, for choosing the event's place among the article's."""
        t = dominant(self.triggers)
        return (self.start + t.start, self.start + t.end) if t else (self.start, self.end)


@dataclass
class SentenceActors:
    """The actors one sentence names, and the claims or denials of responsibility it reports."""

    actors: list[Actor] = field(default_factory=list)
    responsibility: list = field(default_factory=list)  # actors.Responsibility


@dataclass
class ArticleMentions:
    """Everything extraction read in one cleaned article."""

    article: Article
    mentions: list[Mention]
    places: list[Place]  # every resolved place of the text, in order
    actors: dict[int, SentenceActors]  # by sentence index
    anchor_date: object | None  # the first dated violent mention (dates.DateMention)
    country_code: str | None  # the country most of the article's places are in
    country: str | None


def is_background(sentence: str, has_figures: bool = False) -> bool:
    """History or context, not the event: "a popular uprising that erupted in 2011", "a series of
    attacks" (a series with its own toll in the sentence is the event: "a string of airstrikes
    injured four")."""
    return bool(_BACKGROUND.search(sentence)) or (not has_figures and bool(_SERIES.search(sentence)))


def is_past(sentence: str, published: dt.date | None) -> bool:
    """A sentence that names a year two or more years before publication ("In 1996, I covered the
    murder of ...", "the 1998 slaying remains unsolved") tells history, not the event."""
    if published is None:
        return False
    return any(y <= published.year - 2 for y in years(sentence))


_FULL_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_OPENING = 48  # "Property destruction: On 7 May 2020," / "As reported on 28 April 2020,"


def opens_dated_now(found_dates: list[DateMention], published: dt.date | None) -> bool:
    """Does the sentence open with its own full date, near publication ("On 5 May 2020, forces
    shelled ... July 7 neighbourhood", "On 4 May 2020, a demonstration was staged to commemorate
    the massacres of 1937")? Then it tells that day's event: the older dates and years it names
    later, and its context phrases ("since the start of the outbreak"), are references inside it,
    not its time. ``found_dates`` are the sentence's dates (``dates.find_dates``)."""
    if published is None or not found_dates:
        return False
    first = min(found_dates, key=lambda d: d.start)
    return (first.start <= _OPENING and bool(_FULL_YEAR.search(first.text))
            and abs((published - first.date).days) <= 45)


def years(sentence: str) -> list[int]:
    """The years a sentence names; a count written like one is none ("more than 2000 workers held
    a protest", "some 1500 residents", "1000 migrant labourers": ``counted`` in mentions.toml)."""
    return [int(m.group(1)) for m in _YEAR.finditer(sentence) if not _counted().match(sentence, m.end())
            and not _COUNT_BEFORE.search(sentence, max(0, m.start() - 12), m.start())]


def names_a_site(text: str, p: Place) -> bool:
    """"East Madison Street", "Mount Sinai Hospital": the place name is part of a street's or a
    building's name, not a place of its own."""
    if p.start is None or p.end is None:
        return False
    name_part, address_before, _ = _rules()
    return bool(name_part.match(text, p.end)) or bool(address_before.search(text[max(0, p.start - 40):p.start]))
