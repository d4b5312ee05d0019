"""One article's mentions in, its incidents and summaries out.

``incidents_of`` is where an article's incidents are made: the mentions are split into drafts
(``incidents.segment``: which sentences tell one event), and each draft becomes an ``Incident``:
its type from its dominant trigger, its claims from its figures, its place and date, its actors
and any claim of responsibility, its toll reconciled (``tolls``). Extraction only reads; this
module and ``incidents`` decide.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from typing import TYPE_CHECKING

from ..extract import dates, events
from ..extract.mentions import ArticleMentions
from ..geo.context import wire_dateline
from ..geo.event import city_zone, lies_in, names_street
from ..models import Actor, Claim, Evidence, Extraction, Incident, Place, Summary
from . import incidents as seg
from .tolls import injuries, reconcile

if TYPE_CHECKING:
    from ..geo.resolve import Geoparser

_PLURAL_REF = re.compile(r"\b(?:both|all|the two|twin)\b|\b(?:attacks|bombings|blasts|explosions)\b", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?(?:\w+\s+and\s+)?$", re.I)
_ARMED = {"State forces", "Rebel group", "Political militia", "Identity militia", "External/Other forces"}
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
#: the non-violent events that are an attack all the same: property burnt, a bomb planted and
#: defused (GTD codes both, with their claims and suspects)
_ATTEMPTED = ("Looting/property destruction", "Disrupted weapons use")


def incidents_of(read: ArticleMentions, geo: Geoparser, rules_version: str) -> Extraction:
    """The article's incidents and summaries, each incident stamped with ``rules_version``."""
    drafts, summary_drafts = seg.segment(read.mentions, read.article.text)
    releases = release_dates(read.article.text, read.article.published, read.article.dateline)
    incidents: list[Incident] = []
    by_draft: dict[int, Incident] = {}  # keyed per draft: a draft that makes no incident leaves a gap
    for d in drafts:
        inc = _incident(read, d, geo, rules_version, releases)
        if inc is not None:
            incidents.append(inc)
            by_draft[id(d)] = inc
    _responsibility(incidents, read)
    summaries = [_summary(s, by_draft) for s in summary_drafts]
    return Extraction(read.article, incidents, summaries)


def event_type_of(d: seg.Draft, article: str = "") -> events.Trigger | None:
    """The trigger that types the draft's incident: its dominant one, except that killings make a
    violent trigger win over an arrest or a seizure, and an arrest told as an attack's aftermath
    does not type the attack; then retyped by the draft's words (``events.retype``; ``article``, the
    whole text, for a victim's record told in a sentence of its own)."""
    trig = events.dominant(d.triggers)
    if trig is None:
        return None
    if trig.event_type == "Strategic developments" and any(m.figures and any(f.kind == "killed" and f.min > 0 for f in m.figures) for m in d.mentions):
        # people were killed: the violence is the event, not the arrest or the seized weapons
        violent = [t for t in d.triggers if t.violent]
        trig = events.dominant(violent) or trig
    elif d.group == "violent" and not trig.violent and trig.sub_event_type != "Excessive force against protesters":
        # an arrest or a seized weapon told as the attack's aftermath does not type the attack
        trig = events.dominant([t for t in d.triggers if t.violent]) or trig
    words = " ".join(m.text for m in d.mentions)
    home = next((m.text for m in d.mentions if trig in m.triggers), "")
    typed = events.retype(trig, words, home, article)
    if trig.violent and not typed.violent:
        # "The attack caused $223,278 in damages", "the attack" retyped as the property destroyed:
        # where the attackers also beat or shot people, the violence types the event
        other = events.dominant([t for t in d.triggers if t.violent and t is not trig])
        if other is not None:
            again = events.retype(other, words, next((m.text for m in d.mentions if other in m.triggers), ""), article)
            if again.violent:
                return again
    return typed


def release_dates(text: str, published: dt.date | None, dateline: str | None = None) -> list[tuple[int, dt.date | None]]:
    """Where each release of a text that compiles news releases begins, and its date: the text
    holds two or more release datelines of different dates ("KABUL, Afghanistan (Aug. 19, 2012)"
    ... "KABUL, Afghanistan (Aug. 20, 2012)": a release and its update). Text before the first
    one belongs to the first release, unless cleaning cut a dateline off the text's start (then to
    the release of that dateline, dated by it or by publication). Empty for any other text: its
    figures are all reported when it was published."""
    found: list[tuple[int, dt.date]] = []
    for m in seg.pattern("release_dateline").finditer(text):
        d = dates.best(dates.find_dates(m.group("when"), published))
        if d is not None and d.explicit:
            found.append((m.start(), d.date))
    if len({d for _, d in found}) < 2:
        return []
    if dateline:
        lead = dates.best(dates.find_dates(dateline, published))
        first = lead.date if lead is not None and lead.explicit else published
    else:
        first = found[0][1]
    return [(0, first), *found]


def reported_on(releases: list[tuple[int, dt.date | None]], start: int, published: dt.date | None) -> dt.date | None:
    """The date a figure at ``start`` was reported: its release's (``release_dates``), else publication."""
    return next((d for pos, d in reversed(releases) if pos <= start), published) if releases else published


def _incident(read: ArticleMentions, d: seg.Draft, geo: Geoparser, rules_version: str,
              releases: list[tuple[int, dt.date | None]] | None = None) -> Incident | None:
    article, text = read.article, read.article.text
    trig = event_type_of(d, text)
    if trig is None:
        return None
    event_type, sub, cameo = trig.event_type, trig.sub_event_type, trig.cameo
    claims: list[Claim] = []
    for m in d.mentions:
        if d.group != "violent" and d.group != "Arrests":
            continue
        for f in m.figures:
            if d.group == "Arrests" and f.kind != "arrested":
                continue
            claims.append(Claim(f.kind, f.min, f.max, f.qualifier, m.source, m.text, m.start, m.end,
                                victims=f.victims, hedge=f.hedge, article_id=article.id,
                                reported=reported_on(releases or [], m.start, article.published)))
    location = d.place
    # a street's name ("West Polk Street", "Murree road in Rawalpindi") is no place of its own:
    # the whole text's event place leaves it out, as the sentences' do
    places = [p for p in read.places if not names_street(text, p)]
    if location is None:
        location = geo.event_place(text, places, d.mentions[0].anchor())
    if location is not None and location.precision is None:
        location = resolved_near(text, location, places) or geo.in_country(text, location, read.places, article.dateline)
    elif location is not None and (location.precision or 0) >= 3 and not geo.names_entry(location):
        # a village the gazetteer lacks, placed at its country or area ("Hajin village, Bandipore,
        # Jammu and Kashmir"): the finer place written right after it in its address
        near = resolved_near(text, location, places)
        if near is not None and (near.precision or 6) < location.precision and near.country_code == location.country_code:
            location = dataclasses.replace(near, text=location.text, start=location.start, end=location.end)
    if location is not None and location.precision in (3, 4) and geo.names_entry(location) and any(
            p.start == location.start and p.precision is not None for p in places):
        # "youths of Okpanam (Oshimili North LGA, Delta)": the area chosen by its own name is the
        # address of a village the gazetteer lacks, written right before it: the village, placed
        # at the area (not where the area already stands for a name, "Mohmand Agency")
        village = max((q for q in places if q.precision is None and q.end is not None and q.end <= location.start
                       and _addressed_at(text, q, location, places)), key=lambda q: q.end or 0, default=None)
        if village is not None:
            location = dataclasses.replace(location, text=village.text, start=village.start, end=village.end)
    if location is not None and event_type != "Strategic developments":
        # an area or a country, where the text names a town inside it: the more specific place (not
        # for agreements, ceasefires and the like, which a country or an area may be the place of:
        # the seed's nationwide ceasefire is not in Homs because its headline names Homs)
        location = geo.town_in_text(text, location, places) or location
    if location is not None:
        location = geo.neighbourhood_town(text, location, places) or location
        location = city_zone(text, location) or location
    location = dateline_town(text, location, geo, article.dateline) or newspaper_town(text, location, geo) or location
    if location is None:
        # only the country is known: say so (where_prec 6), never a centroid posing as a town
        location = geo.country_fallback(text, read.places, article.dateline)  # a street still tells its country
        if location is not None and event_type != "Strategic developments":
            # "a Conroe police officer was shot": the country, where the text names a town in it
            location = geo.town_in_text(text, location, places) or location
    date_m = next((m.date for m in d.mentions if m.date is not None), None) or read.anchor_date
    event_date, precision = (date_m.date, date_m.precision) if date_m else (article.published, 2 if article.published else None)
    actors = _actors(d, read)
    if event_type == "Violence against civilians" and sub == "Attack" and armed_both_sides(actors) and not abducts(d) and not names_civilians(d):
        event_type, sub, cameo = "Battles", "Armed clash", "190"
    evidence = [Evidence(m.start, m.end, m.text) for m in d.mentions]
    first = d.mentions[0]
    iid = hashlib.sha1(f"{article.id}|{first.start}|{sub}".encode()).hexdigest()[:16]
    inc = Incident(
        id=iid, event_type=event_type, sub_event_type=sub, cameo=cameo, event_date=event_date,
        date_precision=precision, location=location, actors=actors, toll_may_rise=any(m.rise for m in d.mentions),
        claims=claims, evidence=evidence, article_id=article.id, rules_version=rules_version,
    )
    inc.fatalities = reconcile(claims, "killed")
    inc.injuries = injuries(claims, inc.fatalities)
    return inc


def _actors(d: seg.Draft, read: ArticleMentions) -> list[Actor]:
    out: dict[tuple[str, str], Actor] = {}
    for m in d.mentions:
        info = read.actors.get(m.sentence)
        if not info:
            continue
        trig = m.trigger
        for a in info.actors:
            if d.group == "Agreement":
                if a.actor_type in ("State forces", "External/Other forces", "Rebel group", "Political militia"):
                    out.setdefault((a.name, "party"), Actor(a.name, "party", a.text, a.actor_type))
                continue
            if trig is None:
                continue
            if a.actor_type in ("Civilians", "Protesters"):
                role = "victim" if a.actor_type == "Civilians" else "other"
            elif a.actor_type == "State forces" and _SITE_AFTER.match(m.text, a.end):
                role = "target"  # "at a military base", "the police station": the place attacked, no one acting
            elif a.actor_type == "State forces" and _DEFUSES.match(m.text, a.end):
                # "police discovered and safely defused a bomb": who stopped the attack, not who made
                # it (GTD's perpetrator is who planted it); still ACLED's first actor of the
                # disrupted weapons use (ACLED Codebook 2019 p. 12), as a party to it
                role = "party"
            elif _FOR_BEFORE.search(m.text, max(0, a.start - 30), a.start):
                role = "other"  # "killed ... for allegedly spying for the United States": no party to the attack
            elif re.search(r"\bby\s+(?:the\s+)?$", m.text[max(0, a.start - 12):a.start]):
                role = "perpetrator"
            elif not a.name.startswith("Unidentified") and a.actor_type != "State forces" and (
                    _by_before(m.text, a.start) or _does(m.text, a.end)):
                # a named group as the agent or the subject of the violence ("beheaded by four
                # Lashkar-e-Tayyiba militants", "members of the MFDC ambushed the soldiers"); the
                # unnamed "gunmen" and the forces a generic word names ("gunmen disguised as
                # security forces shot") keep the role their place before or after the violence gives them
                role = "perpetrator"
            elif a.end <= trig.start and not _PASSIVE.search(m.text[:trig.start]):
                role = "perpetrator"
            else:
                role = "target"  # "soldiers were killed", "killed five soldiers"
            if role == "perpetrator" and a.name.startswith("Unidentified") and _DEFINITE.search(m.text, max(0, a.start - 8), a.start):
                a = _antecedent(read, m.sentence) or a  # "The militants" of the group the sentence before named
            out.setdefault((a.name, role), Actor(a.name, role, a.text, a.actor_type))
    # one actor, one role: a named group that is perpetrator somewhere is not also a target
    result: list[Actor] = []
    seen: set[str] = set()
    for a in sorted(out.values(), key=lambda a: ("perpetrator", "party", "target", "victim", "other").index(a.role)):
        if a.name in seen:
            continue
        seen.add(a.name)
        result.append(a)
    return result


def _responsibility(incidents: list[Incident], read: ArticleMentions) -> None:
    # an arson or a bombing of property has a perpetrator too (GTD codes its claims and suspects)
    violent = [i for i in incidents if i.event_type in _VIOLENT or i.sub_event_type in _ATTEMPTED]
    if not violent:
        return
    for m in read.mentions:
        if m.background:
            continue
        info = read.actors.get(m.sentence)
        resp = info.responsibility if info else []
        if not resp:
            continue
        if _PLURAL_REF.search(m.text) and len(violent) > 1:
            targets = violent
        else:
            targets = _told_of(violent, m.start)
        for inc in targets:
            for r in resp:
                existing = next((a for a in inc.actors if a.name == r.name), None)
                role = "perpetrator" if r.status in ("claimed", "suspected") else "other"
                if existing is None:
                    existing = Actor(r.name, role, r.mention, r.actor_type)
                    inc.actors.insert(0, existing)
                existing.role = role if existing.role != "perpetrator" else existing.role
                existing.claim_status = r.status
                existing.claimed_responsibility = r.status == "claimed"
            if any(a.role == "perpetrator" and not a.name.startswith("Unidentified") for a in inc.actors):
                # the unnamed "gunmen" are the named group that claimed or is suspected
                inc.actors[:] = [a for a in inc.actors if not (a.role == "perpetrator" and a.name.startswith("Unidentified"))]


def _told_of(violent: list[Incident], start: int) -> list[Incident]:
    """The incidents a claim or suspicion told at ``start`` is about: the one that sentence is
    evidence of, and the one told before it when the sentence begins an incident of its own ("No
    group claimed responsibility, but it is suspected that the PCPA was responsible" after the
    attack it speaks of); else the latest one told before it."""
    before = max((i for i in violent if i.evidence[0].start < start), key=lambda i: i.evidence[0].start, default=None)
    own = [i for i in violent if any(e.start == start for e in i.evidence)]
    if not own:
        return [before or violent[0]]
    if before is not None and before not in own and all(i.evidence[0].start == start for i in own):
        return [before, *own]
    return own


def _summary(s: seg.SummaryDraft, by_draft: dict[int, Incident]) -> Summary:
    f = s.mention.figures[0]
    covers = [by_draft[id(d)].id for d in s.covers if id(d) in by_draft]
    return Summary(f.kind, f.min, f.max, f.qualifier, s.mention.source, s.mention.text, s.mention.start, s.mention.end, covers)


def dateline_town(text: str, location: Place | None, geo: Geoparser, dateline: str | None) -> Place | None:
    """The town of the article's dateline ("FAYETTEVILLE, N.C. -", "MILWAUKEE -") as the event's
    place, when the text gives no better one: local news is filed from the town it tells of, and
    the streets, neighbourhoods and suburbs it names there are parts of that town ("shot in the
    Poppleton neighborhood", "the Fort Bragg soldier"). The town replaces no place, an area or
    country it lies in, and a town of its own state; not a town inside a dateline's county
    ("JEFFERSON PARISH, La. - ... in Harvey"), nor, unless the dateline names its US state, a
    place of another country or state (a wire story from "KABUL" may tell of Kandahar); and a wire
    agency's dateline ("KABUL (Reuters) -": its bureau) never makes an area or a country its town.
    None when the dateline names no town."""
    town = geo.dateline_town(text, dateline, location)
    if town is None:
        return None
    if location is None or location.precision is None or location.latitude is None:
        return town
    if (town.feature or "").endswith("ADM2") and location.precision in (1, 2) and lies_in(location, town):
        return None
    local = not wire_dateline(dateline, text) or geo.dateline_names_state(text, dateline)
    if local and location.precision in (3, 4, 5, 6) and (
            lies_in(town, location) or location.precision == 6 and location.country_code == town.country_code):
        return town
    if location.country_code == town.country_code and location.admin1 == town.admin1 and location.precision in (1, 2, 3):
        return town
    if location.precision != 7 and geo.dateline_names_state(text, dateline) and (
            location.country_code != town.country_code or location.admin1 != town.admin1):
        return town
    return None


def newspaper_town(text: str, location: Place | None, geo: Geoparser) -> Place | None:
    """The city of the local newspaper the headline names ("The Homicide Report - Los Angeles
    Times") as the event's place, where the text gives only an area around that city ("according to
    Los Angeles County coroner's records") or a small town far away that bears the name of one of
    the city's neighbourhoods ("shot in Green Meadows": not Green Meadows, Ohio), or a name the
    gazetteer lacks standing at the country ("in the Little Village neighborhood ... « CBS Chicago").
    A local paper or station tells of its city; a town of the city's own area, or a larger one,
    stands. Never without a place."""
    if location is None or location.precision is None or location.latitude is None:
        return None
    town = geo.newspaper_town(text)
    if town is None or town.country_code != location.country_code:
        return None
    small = (location.population or 0) < geo.weights.neighbourhood_max_population
    # a name the gazetteer lacks, standing at its country ("in the Little Village neighborhood")
    stand_in = location.precision == 6 and bool(location.text) and location.text != location.name
    if not (location.precision in (3, 4) and lies_in(town, location) or stand_in
            or location.precision in (1, 2) and location.admin1 != town.admin1 and small):
        return None
    if location.precision in (3, 4) and location.name and location.text and location.name.startswith(location.text):
        return dataclasses.replace(town, precision=2)  # the area by its own name: the city as the paper writes it
    # a name written in the text ("in Exposition Park") stays written, at the paper's city (where_prec 2)
    return dataclasses.replace(town, text=location.text, start=location.start, end=location.end, precision=2)


def resolved_near(text: str, place: Place, places: list[Place]) -> Place | None:
    """An unresolved name ("Hawija, northern Baghdad") stands near the resolved place written right
    after it in the same address: that place, at where_prec 2 or coarser, under the name as
    written (as ``in_country`` keeps it: "Okpanam (Oshimili North LGA, Delta)" is Okpanam, placed
    at Delta state)."""
    after = [p for p in places if p.precision is not None and p.start is not None and place.end is not None
             and 0 <= p.start - place.end <= 60 and not re.search(r"[.;!?]", text[place.end:p.start])]
    if not after:
        return None
    p = min(after, key=lambda p: p.start)
    return dataclasses.replace(p, text=place.text, start=place.start, end=place.end, precision=max(p.precision or 2, 2))


def _addressed_at(text: str, village: Place, area: Place, places: list[Place]) -> bool:
    """Is ``area`` the first resolved place of the address written right after ``village``?"""
    near = resolved_near(text, village, places)
    return near is not None and (near.name, near.latitude, near.longitude) == (area.name, area.latitude, area.longitude)


#: "by the", "by four", "by suspected rebels of the", "by armed members of": the agent of a passive
#: verb named after a count, an adjective or a group word
_BY = re.compile(r"\bby\s+(?:(?:the|a|an|some|several|about|around|at least|more than|over|up to|\d+|one|two|three|four|five|six|seven|"
                 r"eight|nine|ten|dozens of|hundreds of|suspected|alleged|unidentified|unknown|armed|heavily armed|masked|"
                 r"rival|local|hardline)\s+){0,3}(?:(?:members?|militants|fighters|rebels|cadres|gunmen|men|elements|operatives)\s+"
                 r"(?:of|from)\s+(?:the\s+)?)?$", re.I)
#: a violent verb in the active voice right after an actor's name ("members of the MFDC ambushed the
#: soldiers", "TTP militants killed an Afghan national"): the actor is its subject, the perpetrator
_DOES = re.compile(r"^(?:\s*\([^)]{1,15}\))?(?:\s+(?:militants|members|fighters|rebels|cadres|gunmen|insurgents|guerrillas))?"
                   r"(?:\s+(?:reportedly|allegedly|also|later|then|had|have|has))?\s+(?:ambushed|attacked|stormed|raided|abducted|"
                   r"kidnapped|killed|shot|opened fire|fired (?:on|at|upon)|beheaded|executed|bombed|torched|set fire|burned|"
                   r"detonated|planted|hurled|threw|assaulted|assassinated|massacred|looted|seized|hijacked)\b", re.I)


#: the place a force word names ("a military base", "the police station", "an army camp"), not the force
_SITE_AFTER = re.compile(r"\s+(?:base|camp|post|outpost|station|checkpoint|check\s+post|headquarters|barracks|academy|"
                         r"compound|garrison|installation|vehicle|convoy|patrol\s+vehicle)s?\b", re.I)
#: a defusing verb in the clause right after a force ("police discovered and safely defused",
#: "Police officers were able to defuse the bomb", "the army bomb squad disarmed")
_DEFUSES = re.compile(r"[^,.;:]{0,40}?\b(?:defused|defuse|defusing|diffused|diffuse|disarmed|disarm|disarming|neutrali[sz]ed|"
                      r"detonated\s+(?:it|the\s+\w+)\s+(?:under|in)\s+(?:a\s+)?controlled)\b", re.I)


_FOR_BEFORE = re.compile(r"\b(?:spying|spied|spies|working|worked|informing|informants?|collaborat\w+)\s+(?:\w+\s+)?(?:for|with)\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
_NAMED_BEFORE = re.compile(r"(?:[A-Z][\w'’`-]*\s+){1,6}\($")


def _by_before(text: str, pos: int) -> bool:
    """Whether the actor named at ``pos`` is the agent of a passive verb ("beheaded by four
    militants", "by four Lashkar-e-Tayyiba (LeT)": the acronym after a spelling of the name
    that the alias table lacks)."""
    named = _NAMED_BEFORE.search(text[max(0, pos - 80):pos])
    if named:
        pos -= len(named.group(0))
    return bool(_BY.search(text[max(0, pos - 60):pos]))


def _does(text: str, end: int) -> bool:
    """Whether the actor named up to ``end`` is the subject of a violent verb right after it."""
    return bool(_DOES.match(text[end:end + 60]))


#: "the militants", "these attackers": a generic word that refers back to an actor told before
_DEFINITE = re.compile(r"\b(?:the|these|those)\s+$", re.I)


def _antecedent(read: ArticleMentions, sentence: int):
    """The named armed group "the militants" refer back to: the last one named in the two sentences
    before, none of them a state's forces or an unnamed group ("around 100 CPI-Maoists used
    dynamite to destroy a school. The militants also held 30 villagers at gunpoint": the Maoists)."""
    for i in (sentence - 1, sentence - 2):
        info = read.actors.get(i)
        named = [a for a in (info.actors if info else []) if a.actor_type in _ARMED and a.actor_type != "State forces"
                 and not a.name.startswith("Unidentified")]
        if named:
            return named[-1]
    return None


def abducts(d: seg.Draft) -> bool:
    """Does the draft tell people abducted? Those taken and then killed are an Attack on them (ACLED
    Codebook 2019 p. 15, as GTD's hostage taking is violence against its victims), not a clash
    with them, whoever they were: the abduction took them, no fight did."""
    return any(t.sub_event_type == "Abduction/forced disappearance" for t in d.triggers)


def names_civilians(d: seg.Draft) -> bool:
    """Does the draft name civilians ("militants shot a civilian who was delivering water to military
    checkpoints")? An armed actor beside them is then the setting, not the target: the attack is on
    the unarmed (ACLED Codebook 2019 p. 15, Attack: "the target is unarmed")."""
    return any(events.names_civilians(m.text) for m in d.mentions)


def armed_both_sides(actors: list[Actor]) -> bool:
    """An armed actor on each side ("soldiers and militants exchanged fire"): a clash, not an
    attack on civilians."""
    roles = {a.role for a in actors if a.actor_type in _ARMED}
    return "perpetrator" in roles and "target" in roles
