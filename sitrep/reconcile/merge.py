"""Reports of one incident: do two reports describe the same event, and what do they say together.

A *report* is one incident as one article tells it. ``match`` scores a pair of reports from their
``Signature`` (type, place, date, perpetrators); ``combine`` turns the reports of one cluster into
one incident with low/best/high over the independent sources and the toll's revision history.
Both are pure functions of their inputs, so merging cannot depend on arrival order.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..geo.index import great_circle_km
from ..models import Actor, Claim, Evidence, Incident, Place, Range, VIOLENT_TYPES
from .incidents import km
from . import content, tolls
from .content import Features

#: a pair must score at least ``[match] threshold`` of data/merge.toml: structure (same type 0.5,
#: same sub-type 0.5 or a differing one -0.5, shared perpetrator 0.5), place <= 1, date <= 1, and
#: content (``content.content_score``: names, sites, ages, figures, distinctive words; negative when
#: they contradict). Key fields alone (type, town, day) no longer make two shootings one.
THRESHOLD = float(content.rules()["match"]["threshold"])
RULES_VERSION = content.rules_version()
#: days between event dates that may still be one event (precise dates / dates read from publication)
WINDOW_DAYS = 7
LOOSE_WINDOW_DAYS = 14
#: blocking grid, degrees (~55 km): candidates come from the 3x3 cells around a report
CELL_DEG = 0.5
#: a place of this precision or coarser (UCDP where_prec 6, only the country) is no place below the country
COUNTRY_PRECISION = 6


def _hash(*parts: object) -> str:
    blob = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def report_id(article_id: str, incident: Incident) -> str:
    """Content hash of an article's incident (the extractor's own id is not trusted to be global)."""
    data = incident.to_dict()
    data.pop("id", None)
    return "r" + _hash(article_id, data)


def claim_id(report: str, index: int, claim: Claim) -> str:
    return "c" + _hash(report, index, claim.kind, claim.min, claim.max, claim.start, claim.quote)


@dataclass(slots=True)
class Signature:
    """What matching needs of a report, small enough to hold a million in memory."""

    id: str
    article_id: str
    event_type: str
    sub_event_type: str | None
    day: int | None  # proleptic ordinal of the event date (or of the publication date when loose)
    loose: bool  # the day is the publication date, not a read event date
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    country_code: str | None = None
    admin1: str | None = None
    precision: int | None = None
    perpetrators: frozenset[str] = frozenset()
    order: tuple[str, str] = ("", "")  # (published ISO date or "9999", id): the first report leads
    features: Features = field(default_factory=Features)  # what the evidence says (content.py)

    @property
    def published_day(self) -> int | None:
        return dt.date.fromisoformat(self.order[0]).toordinal() if self.order[0][:1].isdigit() else None

    @property
    def placed(self) -> bool:
        """Placed below the country: a point or an admin area, not the country alone (precision 6
        or 7 is a country's centroid, as "the United States" resolves: it says nothing of the town)."""
        return (self.lat is not None or bool(self.admin1)) and (self.precision or 1) < COUNTRY_PRECISION

    def block_keys(self) -> list[str]:
        """Keys this report is filed under: its place (grid cell, admin area), its type family
        (so that a report with no place still meets it), its evidence's LSH bands and its names."""
        keys = []
        if self.lat is not None and self.lon is not None:
            keys.append(f"g:{math.floor(self.lat / CELL_DEG)}:{math.floor(self.lon / CELL_DEG)}")
        if self.country_code and self.admin1:
            keys.append(f"a:{self.country_code}:{self.admin1.lower()}")
        elif self.country_code and self.lat is None:
            keys.append(f"c:{self.country_code}")
        keys.append(f"{'t' if self.placed else 'u'}:{self.event_type}")
        keys += [f"h:{b}" for b in content.bands(self.features.text)]
        keys += [f"n:{n}" for n in sorted(self.features.names)]
        keys += [f"v:{v}" for v in sorted(self.features.victims)]  # "legrier:19"
        keys += [f"s:{s}" for s in sorted(self.features.sites)]  # a namesake town's report still meets it
        return keys

    def lookup_keys(self) -> list[str]:
        """Keys under which candidates for this report are filed (neighbouring cells included).
        A report with no place looks up every same-type report (``t:`` and ``u:``, within
        ``window(key)`` days); a placed one looks up only the unplaced (``u:``)."""
        keys = []
        if self.lat is not None and self.lon is not None:
            i, j = math.floor(self.lat / CELL_DEG), math.floor(self.lon / CELL_DEG)
            keys += [f"g:{i + di}:{j + dj}" for di in (-1, 0, 1) for dj in (-1, 0, 1)]
        keys += [k for k in self.block_keys() if k[0] in "achnsuv"]
        for family in _family(self.event_type):
            keys.append(f"u:{family}")
            if not self.placed:
                keys.append(f"t:{family}")
        return sorted(set(keys))


def window(key: str) -> int:
    """Days either side of a report's day in which a block key's entries are candidates."""
    if key[0] in "tu":
        return 1  # type-only blocks are large: same or next day only
    if key[0] in "nv":
        return int(content.rules()["match"]["name_window_days"])
    return LOOSE_WINDOW_DAYS


MAX_WINDOW = max(LOOSE_WINDOW_DAYS, int(content.rules()["match"]["name_window_days"]))


def _family(event_type: str) -> list[str]:
    """The event type and the types compatible with it."""
    return sorted({event_type} | {t for pair in _compatible() if event_type in pair for t in pair})


@functools.cache
def _compatible() -> frozenset[frozenset[str]]:
    return frozenset(frozenset(p) for p in content.rules()["match"]["compatible_types"])


#: violent incidents of one article farther apart than this are other events (the seed's Homs and
#: Sayyida Zeinab), nearer ones may be one event the extractor split
LEAD_KM = 40.0


def lead(incidents: Sequence[Incident]) -> Incident | None:
    """The article's lead violent incident: the one told first (a news story opens with its event;
    background and aftermath come later). None when the article tells no violent incident."""
    violent = [i for i in incidents if i.event_type in VIOLENT_TYPES]
    if not violent:
        return None
    return min(violent, key=lambda i: (min((e.start for e in i.evidence), default=1 << 30), -len(i.evidence)))


def _apart(a: Incident, b: Incident) -> bool:
    p, q = a.location, b.location
    if p is None or q is None or p.latitude is None or q.latitude is None:
        return False
    return p.country_code != q.country_code or km(p, q) > LEAD_KM


def lead_story(incidents: Sequence[Incident], text: str, summaries: int = 0) -> tuple[Incident | None, str | None]:
    """The lead incident and the story it reads people, sites and words from (``text``), or no
    story when the article reports several events: a total over several incidents (a Summary, as
    the seed's "140 killed in Homs and Sayyida Zeinab") and violence at places apart. The seed's
    story is not the Homs bombing's alone, or it would look like the Sayyida Zeinab follow-up's
    first report. (An article whose one event the extractor split, at places apart by a wrong
    geocode, has no such total: it keeps its story.)"""
    first = lead(incidents)
    if first is None:
        return None, None
    if summaries and any(_apart(first, i) for i in incidents if i is not first and i.event_type in VIOLENT_TYPES):
        return first, None
    return first, text


def event_day(event_date: dt.date | None, published: dt.date | None) -> tuple[dt.date | None, bool]:
    """(the day a report is matched on, whether it is loose: the publication date, not a read event
    date). No article reports an event after it was published: an event date read later than the
    publication ("Sunday" resolved forward, a planned vigil's date) is a misreading, and the pair
    is compared on the publication date, loosely, instead of being parted by it."""
    if event_date is None or published is not None and event_date > published:
        return published, True
    return event_date, False


def signature(rid: str, article_id: str, incident: Incident, published: dt.date | None,
              body: str | None = None) -> Signature:
    """What matching needs of a report; ``body``, the article's text when ``incident`` is its
    ``lead``, lends the report the people, sites and words named anywhere in the story."""
    loc = incident.location or Place(text="")
    day_date, loose = event_day(incident.event_date, published)
    # an unnamed perpetrator ("Unidentified Armed Group (X)") says nothing against a named one
    perps = frozenset(a.name.lower() for a in incident.actors
                      if a.role == "perpetrator" and a.name and not a.name.lower().startswith("unidentified"))
    return Signature(
        id=rid,
        article_id=article_id,
        event_type=incident.event_type,
        sub_event_type=incident.sub_event_type or None,
        day=day_date.toordinal() if day_date else None,
        loose=loose,
        lat=loc.latitude,
        lon=loc.longitude,
        geonameid=loc.geonameid,
        country_code=loc.country_code,
        admin1=loc.admin1,
        precision=loc.precision,
        perpetrators=perps,
        order=(published.isoformat() if published else "9999", rid),
        features=content.features(incident, body),
    )


def _km(a: Signature, b: Signature) -> float:
    return great_circle_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


def _place_score(a: Signature, b: Signature, vouched: bool = False) -> float | None:
    """Place agreement (<= 1), ``[match] no_place`` when either has no place below the country,
    None when the places are apart, 0 when they are apart in one country but the content vouches
    for the pair (``vouched``: one named person, or one named site the same day): a town read as a
    namesake elsewhere ("Milwaukee" story placed in Virginia) must not part one event. Places read in
    two countries part the pair unless ``across_countries`` says the content outweighs them."""
    if a.country_code and b.country_code and a.country_code != b.country_code:
        if not (vouched and across_countries(a, b)):
            return None
        score = None
    else:
        score = _near(a, b)
    if score is None:
        if not vouched:
            return None
        score = 0.0
    # one store, school or corner named by both is one place, whatever the geocoder made of the town
    return max(score, 1.0) if content.shared_place(a.features, b.features) else score


def across_countries(a: Signature, b: Signature) -> bool:
    """Whether the content outweighs places read in two countries: a person named by both, or a site
    that is a place of its own (not a street) named by both and told of the same day. The geocoder
    reads a site's first word as a namesake town abroad ("Tivoli Gardens" of Kingston as Tivoli, New
    York) and a country from an actor ("US and UK forces join Libyan attack" placed in the United
    States); a funeral or a trial is held in another country than the killing."""
    if content.strong_identity(a.features, b.features):
        return True
    same_day = a.day is not None and b.day is not None and abs(a.day - b.day) <= 1
    return same_day and content.shared_place(a.features, b.features)


def _near(a: Signature, b: Signature) -> float | None:
    if not a.placed or not b.placed:
        return float(content.rules()["match"]["no_place"])
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 1.0
    if a.lat is not None and b.lat is not None:
        d = _km(a, b)
        coarse = (a.precision or 1) >= 3 or (b.precision or 1) >= 3
        if d <= 5:
            return 1.0
        if d <= 25:
            return 0.6
        if d <= 60 and coarse:
            return 0.3
        if coarse and a.admin1 and a.admin1 == b.admin1:
            return 0.3
        return None
    if a.admin1 and b.admin1:
        return 0.4 if a.admin1.lower() == b.admin1.lower() else None
    return 0.1


def _date_score(a: Signature, b: Signature, strong: bool = False) -> float | None:
    """Date agreement (<= 1); 0 when either has no date or, for reports that name the same person,
    when they are apart by up to ``[match] name_window_days``; None when too far apart."""
    if a.day is None or b.day is None:
        return 0.0
    delta = abs(a.day - b.day)
    score = None
    if a.loose or b.loose:
        score = 0.5 if delta <= LOOSE_WINDOW_DAYS else None
    elif delta == 0:
        score = 1.0
    elif delta == 1:
        score = 0.8
    elif delta <= 3:
        score = 0.5
    elif delta <= WINDOW_DAYS:
        score = 0.25
    if score is None and strong and delta <= int(content.rules()["match"]["name_window_days"]):
        score = 0.0
    return score


def structure_score(a: Signature, b: Signature, strong: bool = False) -> float | None:
    """Type, sub-type and perpetrator agreement; None when they rule the pair out.

    Sub-types are compared within one type only (across types they differ by definition). When the
    content is ``strong`` (a named person in common, or a named site), any two violent types may be
    one incident (one outlet's "Armed clash" is another's "Attack", a follow-up's "Abduction"), and
    perpetrators read differently ("Police Forces of the United States" / "United States") do not
    part them: extraction's coding varies more between outlets than the victims' names do."""
    w = content.rules()["weights"]
    if a.event_type == b.event_type:
        score = w["same_type"]
        if a.sub_event_type and b.sub_event_type:
            score += w["same_sub"] if a.sub_event_type == b.sub_event_type else w["other_sub"]
    elif frozenset({a.event_type, b.event_type}) in _compatible():
        score = w["compatible_type"]
    elif strong and a.event_type in VIOLENT_TYPES and b.event_type in VIOLENT_TYPES:
        score = w["compatible_type"]
    else:
        return None
    if a.perpetrators and b.perpetrators:
        if a.perpetrators & b.perpetrators:
            score += w["shared_perpetrator"]
        elif "unknown" not in a.perpetrators | b.perpetrators and not strong:
            return None
    return float(score)


def vouched(a: Signature, b: Signature) -> tuple[bool, bool]:
    """(strong, place_vouched): whether the content names one person or one site in common (enough to
    look past the coded type and perpetrators), and whether it is enough to look past a place read
    apart (one person, or one site told of the same day)."""
    person = content.strong_identity(a.features, b.features)
    site = bool(a.features.sites & b.features.sites)
    same_day = a.day is not None and b.day is not None and abs(a.day - b.day) <= 1
    return person or site, person or (site and same_day)


def _days_apart(a: Signature, b: Signature) -> int | None:
    pa, pb = a.published_day, b.published_day
    return None if pa is None or pb is None else abs(pa - pb)


def match(a: Signature, b: Signature) -> float | None:
    """Score that ``a`` and ``b`` report one event, or None. Symmetric."""
    if a.article_id == b.article_id:
        return None  # the extractor already split one article's incidents
    strong, placed = vouched(a, b)
    structure = structure_score(a, b, strong)
    if structure is None:
        return None
    place = _place_score(a, b, placed)
    if place is None:
        return None
    date = _date_score(a, b, content.strong_identity(a.features, b.features))
    if date is None:
        return None
    # a follow-up revising the toll of the same day's event in the same town ("has risen to 64")
    revision = revised_toll(a, b, place)
    if not revision and not evidenced(a, b):
        return None
    said = content.content_score(a.features, b.features, _days_apart(a, b))
    rules = content.rules()["match"]
    unknown = not (a.placed and b.placed) or a.day is None or b.day is None
    # with no place (or no date) to compare, only content can say "the same"; a named perpetrator
    # in common is content enough where both have place and date
    least = rules["no_place_min_content"] if unknown else 0.0 if vouching_perpetrators(a, b) or revision else rules["min_content"]
    if said < float(least):
        return None
    score = structure + place + date + said
    if revision or same_people(a, b):
        score = max(score, THRESHOLD)
    return round(score, 6) if score >= THRESHOLD else None


def generic(actor: str) -> bool:
    """A perpetrator coded for most reports of a country ("Police Forces of the United States", the
    police who investigate every shooting; "Unidentified Armed Group"): ``[words] generic_actors``."""
    return actor.startswith(tuple(content.rules()["words"]["generic_actors"]))


def named_perpetrators(a: Signature, b: Signature) -> set[str]:
    """The perpetrators both reports name that say which incident it is (not ``generic`` ones)."""
    return {p for p in a.perpetrators & b.perpetrators if not generic(p)}


def evidenced(a: Signature, b: Signature) -> bool:
    """Whether the content (not type, town and week) says the two are one incident
    (``content.evidence``, or a named perpetrator in common on the same day), and the people do not say "two"
    (``content.contradicts``). An arrest, a protest, a raid is told of many people in one town and
    week: a non-violent report joins only a report that names one of its people or sites."""
    f, g = a.features, b.features
    if content.contradicts(f, g):
        return False
    if a.event_type not in VIOLENT_TYPES or b.event_type not in VIOLENT_TYPES:
        return bool(content.shared_people(f, g) or f.sites & g.sites)
    same_day = a.day is not None and a.day == b.day
    days = None if a.day is None or b.day is None or a.loose or b.loose else abs(a.day - b.day)
    return content.evidence(f, g, same_day, days) or bool(vouching_perpetrators(a, b))


def vouching_perpetrators(a: Signature, b: Signature) -> set[str]:
    """The named perpetrators in common that say "one incident": only of the same event day (or
    when a day was not read but taken from publication). ACLED codes an event per day: the same
    group attacking the same town on two days is two events ("Jaysh al-Islam fired rockets at the
    shrine district" on Saturday, "Gunmen of Jaysh al-Islam attacked a checkpoint" on Sunday)."""
    if a.day is not None and b.day is not None and a.day != b.day and not (a.loose or b.loose):
        return set()
    return named_perpetrators(a, b)


def same_people(a: Signature, b: Signature) -> bool:
    """Whether the people named say "one incident" by themselves: two people named by both (the
    victim and the officer who shot her, told again seven weeks later), or one told of the same or
    next event day ("Danville Police Officer Thomas Cottrell", and the report of his killing read
    as a clash). People are named only beside a victim's or a suspect's cue, so a shared name is
    rarely a coincidence; ``match`` still needs type, place and date not to rule the pair out."""
    shared = content.shared_people(a.features, b.features)
    if shared >= 2:
        return True
    return shared == 1 and a.day is not None and b.day is not None and abs(a.day - b.day) <= 1


#: a revised toll joins the first report of an event in the same town (place score from this on)
REVISION_PLACE = 0.6


def revised_toll(a: Signature, b: Signature, place: float) -> bool:
    """Whether one report revises the other's toll (``content.revises``) for an event of the same
    type on the same (read, not published) day in the same town, with no person said otherwise."""
    return (a.event_type == b.event_type and place >= REVISION_PLACE and not (a.loose or b.loose)
            and a.day is not None and a.day == b.day and content.revises(a.features, b.features)
            and not content.contradicts(a.features, b.features))


def conflict(a: Signature, b: Signature) -> bool:
    """Whether ``a`` and ``b`` cannot be one incident, link or no link (a cluster's coherence)."""
    if content.contradicts(a.features, b.features):
        return True
    strong, placed = vouched(a, b)
    if a.article_id == b.article_id or structure_score(a, b, strong) is None or _place_score(a, b, placed) is None:
        return True
    if _date_score(a, b, content.strong_identity(a.features, b.features)) is None:
        return True
    return content.content_score(a.features, b.features, _days_apart(a, b)) < 0


def copy_partners(copy: Sequence[Signature], original: Sequence[Signature]) -> dict[str, str]:
    """Each report of a copy with the original's report of the same event, by the copy report's id.

    A copy's reports belong to its original's incidents, always: each goes with the original's
    report it resembles most (type, then evidence, then figures; ties by id), whatever the
    thresholds say. An original with no reports leaves the copy's reports alone (an empty dict)."""
    out: dict[str, str] = {}
    for c in copy:
        if not original:
            break

        def unlikeness(o: Signature) -> tuple[float, float, str]:
            kind = 1.0 if o.event_type == c.event_type else 0.5 if structure_score(o, c) is not None else 0.0
            return (-kind, -content.content_score(c.features, o.features), o.id)

        out[c.id] = min(original, key=unlikeness).id
    return out


# ----------------------------------------------------------------------------------------------
# Combining the reports of one cluster


@dataclass(slots=True)
class Report:
    """One article's incident, with what the store knows about its article."""

    id: str
    article_id: str
    incident: Incident
    published: dt.date | None = None
    outlet: str | None = None
    title: str | None = None
    independent: bool = True  # False when the article is a near-duplicate copy
    claim_ids: list[str] = field(default_factory=list)  # parallel to incident.claims
    credible: dict[str, bool] = field(default_factory=dict)  # reviewer marks by claim id


@dataclass(slots=True)
class Revision:
    """One reported figure of the toll, with its report's date."""

    reported: str | None
    kind: str
    min: int
    max: int | None
    qualifier: str | None
    article_id: str
    outlet: str | None
    quote: str
    independent: bool

    def to_dict(self) -> dict[str, object]:
        return {f: getattr(self, f) for f in self.__slots__}  # type: ignore[attr-defined]


@dataclass(slots=True)
class Merged:
    """A merged incident: an Incident plus what the cluster adds."""

    incident: Incident
    n_reports: int
    n_sources: int
    sources: list[str]
    revisions: list[Revision]
    report_ids: list[str]


def _report_range(report: Report, kind: str, own: Range) -> Range:
    """One report's figure; recomputed by the same rule as extraction when a reviewer marked
    some of its claims not credible."""
    ids = report.claim_ids or [""] * len(report.incident.claims)
    dropped = frozenset(i for i, cid in enumerate(ids) if not report.credible.get(cid, True))
    if not dropped:
        return own
    claims = report.incident.claims
    killed = tolls.reconcile(claims, "killed", dropped)
    return killed if kind == "killed" else tolls.injuries(claims, killed, dropped)


def _merge_range(reports: Sequence[Report], kind: str) -> Range:
    ranges = []
    for r in reports:
        own = r.incident.fatalities if kind == "killed" else r.incident.injuries
        rng = _report_range(r, kind, own)
        if rng.low is not None or rng.best is not None or rng.high is not None:
            ranges.append((r, rng))
    if not ranges:
        return Range()
    lows = [g.low for _, g in ranges if g.low is not None]
    highs = [g.high for _, g in ranges if g.high is not None]
    low = min(lows) if lows else None
    high = max(highs) if highs else None
    latest = max(ranges, key=lambda rg: (rg[0].published or dt.date.min, rg[0].id))
    best = latest[1].best if latest[1].best is not None else latest[1].low
    if best is not None:
        if low is not None:
            best = max(best, low)
        if high is not None:
            best = min(best, high)
    return Range(low=low, best=best, high=high)


def _first(reports: Sequence[Report]) -> list[Report]:
    return sorted(reports, key=lambda r: (r.published or dt.date.max, r.id))


def merged_rules_version(extraction: str | None) -> str:
    """The extraction rules of the lead report, and the merge rules that made the incident
    ("triggers-3+...+merge-5"): a stored incident says which rules produced it."""
    parts = [p for p in (extraction or "").split("+") if p and not p.startswith("merge-")]
    return "+".join([*parts, RULES_VERSION])


def combine(reports: Sequence[Report]) -> Merged:
    """One incident from the reports of one cluster (any order gives the same result)."""
    ordered = _first(reports)
    lead = ordered[0]
    independent = [r for r in ordered if r.independent] or ordered
    types = Counter(r.incident.event_type for r in ordered)
    first_seen = {t: i for i, t in reversed(list(enumerate(r.incident.event_type for r in ordered)))}
    event_type = max(types, key=lambda t: (types[t], t in VIOLENT_TYPES, -first_seen[t]))
    subs = Counter(r.incident.sub_event_type for r in ordered if r.incident.event_type == event_type)
    sub = max(subs, key=lambda s: (subs[s], s or ""))
    dated = [r for r in ordered if r.incident.event_date is not None]
    if dated:
        dr = min(dated, key=lambda r: (r.incident.date_precision or 9, r.published or dt.date.max, r.id))
        event_date, precision = dr.incident.event_date, dr.incident.date_precision
    else:
        event_date, precision = None, None
    placed = [r for r in ordered if r.incident.location is not None and r.incident.location.latitude is not None]
    placed = placed or [r for r in ordered if r.incident.location is not None]
    location = None
    if placed:
        pr = min(placed, key=lambda r: ((r.incident.location.precision or 9), r.published or dt.date.max, r.id))  # type: ignore[union-attr]
        location = pr.incident.location
    actors: dict[tuple[str, str], Actor] = {}
    for r in ordered:
        for a in r.incident.actors:
            key = (a.name, a.role)
            if key in actors:
                old = actors[key]
                old.claimed_responsibility = old.claimed_responsibility or a.claimed_responsibility
                old.claim_status = old.claim_status or a.claim_status
            else:
                actors[key] = Actor(a.name, a.role, a.mention, a.actor_type, a.claimed_responsibility, a.claim_status)
    claims: list[Claim] = []
    revisions: list[Revision] = []
    evidence: list[Evidence] = []
    told: set[str] = set()  # a sentence told by several reports (a copy's, a wire story's) is evidence once
    for r in ordered:
        ids = r.claim_ids or [""] * len(r.incident.claims)
        for cid, c in zip(ids, r.incident.claims):
            reported = c.reported or r.published
            claims.append(Claim(c.kind, c.min, c.max, c.qualifier, c.source, c.quote, c.start, c.end,
                                c.victims, c.hedge, c.article_id or r.article_id, reported))
            if r.credible.get(cid, True) and c.kind in ("killed", "injured"):
                revisions.append(Revision(reported.isoformat() if reported else None, c.kind, c.min, c.max,
                                          c.qualifier, r.article_id, r.outlet, c.quote, r.independent))
        evidence += [e for e in r.incident.evidence if e.text not in told and not told.add(e.text)]  # type: ignore[func-returns-value]
    revisions.sort(key=lambda v: (v.reported or "9999", v.kind, v.article_id, v.min, v.quote))
    latest = max(ordered, key=lambda r: (r.published or dt.date.min, r.id))
    incident = Incident(
        id=lead.id,
        event_type=event_type,
        sub_event_type=sub,
        cameo=next((r.incident.cameo for r in ordered if r.incident.cameo), None),
        event_date=event_date,
        date_precision=precision,
        location=location,
        actors=sorted(actors.values(), key=lambda a: (a.role, a.name)),
        fatalities=_merge_range(independent, "killed"),
        injuries=_merge_range(independent, "injured"),
        toll_may_rise=latest.incident.toll_may_rise,
        claims=claims,
        evidence=evidence,
        article_id=lead.article_id,
        rules_version=merged_rules_version(lead.incident.rules_version),
    )
    sources = sorted({r.outlet or r.article_id for r in independent if r.independent or len(independent) == len(ordered)})
    n_sources = len({r.article_id for r in ordered if r.independent}) or 1
    return Merged(incident, len(ordered), n_sources, sources, revisions, [r.id for r in ordered])
