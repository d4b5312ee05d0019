"""Typed records that cross module boundaries.

Every stage of the one-way pipeline (ingest -> clean -> nlp -> extract -> reconcile -> store ->
serve/export) takes and returns these records, never bare dicts. ``to_dict`` gives the documented
JSON shape (see README, "Output format").
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any, Literal

#: ACLED event types and their sub-event types, exactly as ACLED's codebook names them.
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
#: Event types that ACLED counts as political violence (they may carry fatalities).
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})

#: confidence grades after Airwars' scale (``reconcile/grades.py`` says when each applies)
GRADES = ("Confirmed", "Fair", "Weak", "Contested", "Pending", "Discounted")

#: "shot": wounded by gunfire, fate not stated; counts toward injuries once the killed are subtracted
ClaimKind = Literal["killed", "injured", "shot", "missing", "abducted", "arrested"]
ActorRole = Literal["perpetrator", "target", "victim", "party", "other"]
ClaimStatus = Literal["claimed", "suspected", "denied"]


_FIELDS: dict[type, tuple[str, ...]] = {}


class DatePrecision(enum.IntEnum):
    """How precisely an event date is known, on UCDP GED's ``date_prec`` scale (the one sitrep stores).

    UCDP: 1 the exact day; 2 a range of 2-6 days; 3 only the week; 4 only the month (or 8-30 days);
    5 only the year (or 1-12 months). ACLED's ``time_precision`` has three steps (1 the day, 2 the
    week or a range within a week, 3 the month or anything coarser): ``to_acled``/``from_acled``
    convert, and each exporter says which scale it writes.
    """

    DAY = 1
    DAYS = 2
    WEEK = 3
    MONTH = 4
    YEAR = 5

    @classmethod
    def of(cls, value: Any) -> DatePrecision | None:
        """A UCDP date_prec from a stored or given value (None stays None); ValueError for anything else."""
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
            raise ValueError(f"date precision must be UCDP date_prec 1-5, not {value!r}")
        return cls(value)

    @classmethod
    def from_acled(cls, time_precision: int) -> DatePrecision:
        """ACLED time_precision 1 (day), 2 (week), 3 (month) on UCDP's scale."""
        try:
            return {1: cls.DAY, 2: cls.WEEK, 3: cls.MONTH}[time_precision]
        except (KeyError, TypeError):
            raise ValueError(f"ACLED time_precision must be 1-3, not {time_precision!r}") from None

    def to_ucdp(self) -> int:
        return int(self)

    def to_acled(self) -> int:
        """ACLED's time_precision: a year-precise date is as coarse as ACLED goes (3)."""
        return {1: 1, 2: 2, 3: 2, 4: 3, 5: 3}[int(self)]


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    cls = type(value)
    if cls in _SCALARS:  # the common case first: by exact type (an IntEnum is an int, but not exactly)
        return value
    if cls is list or cls is tuple:
        return [_plain(v) for v in value]
    names = _FIELDS.get(cls)
    if names is not None:
        return {n: _plain(getattr(value, n)) for n in names}
    if isinstance(value, enum.IntEnum):
        return int(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if dataclasses.is_dataclass(cls):
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
        return {n: _plain(getattr(value, n)) for n in names}
    return value


def date_or_none(value: Any) -> dt.date | None:
    """A date from a record's JSON (ISO string), a date or a datetime; None for empty. ValueError otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


class Record:
    """Mixin: JSON-ready dict of a dataclass record (dates as ISO strings)."""

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Article(Record):
    """One report as ingested. ``text`` is the raw text; cleaning yields a new Article."""

    id: str
    text: str
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    dateline: str | None = None


@dataclass(slots=True)
class Place(Record):
    """A toponym in a text and, if resolved, its GeoNames entry.

    ``precision`` is UCDP GED's where_prec: 1 the exact place, 2 within ~25 km of a known point,
    3 second-order admin area, 4 first-order admin area (admin1), 5 a part of a country too vague
    for admin1 (e.g. "northern Syria"), 6 only the country; 7 international waters/airspace.
    ``None`` when the name could not be resolved. ``admin2`` is the second-order area's name
    (district, county) where the gazetteer knows it.
    """

    text: str
    start: int | None = None
    end: int | None = None
    name: str | None = None
    geonameid: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    admin1: str | None = None
    country: str | None = None
    country_code: str | None = None
    feature: str | None = None
    population: int | None = None
    precision: int | None = None
    admin2: str | None = None


@dataclass(slots=True)
class Actor(Record):
    """A participant. ``name`` is the canonical name from the alias table when known."""

    name: str
    role: ActorRole
    mention: str | None = None
    actor_type: str | None = None
    claimed_responsibility: bool = False
    claim_status: ClaimStatus | None = None


@dataclass(slots=True)
class Claim(Record):
    """One reported figure, with who reported it and the quote it comes from.

    ``start``/``end`` are character offsets of ``quote`` in the cleaned article text.
    """

    kind: ClaimKind
    min: int
    max: int | None
    qualifier: str | None
    source: str | None
    quote: str
    start: int
    end: int
    victims: str | None = None
    hedge: str | None = None
    article_id: str | None = None
    reported: dt.date | None = None


@dataclass(slots=True)
class Range(Record):
    """UCDP-style low/best/high for one kind of casualty."""

    low: int | None = None
    best: int | None = None
    high: int | None = None


@dataclass(slots=True)
class Evidence(Record):
    """A sentence that evidences an incident, by offsets into the cleaned text."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Incident(Record):
    id: str
    event_type: str
    sub_event_type: str
    cameo: str | None = None
    event_date: dt.date | None = None
    date_precision: DatePrecision | None = None  # UCDP date_prec; ints given are checked and converted
    location: Place | None = None
    actors: list[Actor] = field(default_factory=list)
    fatalities: Range = field(default_factory=Range)
    injuries: Range = field(default_factory=Range)
    toll_may_rise: bool = False
    claims: list[Claim] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    article_id: str | None = None
    rules_version: str | None = None

    def __post_init__(self) -> None:
        self.date_precision = DatePrecision.of(self.date_precision)


@dataclass(slots=True)
class Summary(Record):
    """A figure that covers several incidents (a headline total): never an incident itself."""

    kind: ClaimKind
    min: int
    max: int | None
    qualifier: str | None
    source: str | None
    quote: str
    start: int
    end: int
    covers: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Extraction(Record):
    """What one article yields: the cleaned article, its incidents and its summaries."""

    article: Article
    incidents: list[Incident] = field(default_factory=list)
    summaries: list[Summary] = field(default_factory=list)
