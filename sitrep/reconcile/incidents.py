"""Splitting one article into its incidents, and telling incidents from summaries and background.

Input: per-sentence event mentions (trigger, figures, place, date, actors). Rules:
- a mention in a background sentence (history, "a series of attacks", a date long before
  publication) makes no incident;
- a mention naming a place joins the incident at that place (same GeoNames id, compatible type),
  else opens a new one; a mention naming no place joins the most recent compatible incident
  ("the twin blasts", "the death toll");
- a figure in a sentence that lists two or more places joined by "and" ("blasts in Homs and
  Damascus left 140 dead") is a summary when those places hold incidents of their own; where
  they hold none, the sentence is read in its place as any other (``told``);
- an earlier attack told after an incident as the record of the one it targeted (figures read as
  background, or a calendar date days before the incident's told as someone's deed) is no part
  of it and no incident of its own (``tells_record``);
- agreements told twice are one agreement: a new agreement mention joins an earlier one;
- protesters arrested after a protest is told are the protest's intervention, not an arrest event
  of their own (``arrests_at_protest``).
"""
from __future__ import annotations

import functools
import math
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources

from ..extract.events import Trigger, holds_protesters, retype
from ..extract.mentions import Mention
from ..geo.index import great_circle_km
from ..models import Place

_LIST_JOIN = re.compile(r"^\s*(?:,|and|,\s*and|&)\s*$")
AFTERMATH = ("Arrests", "Disrupted weapons use")
#: events an article may go on to call "the attack" (a facility set on fire by militants, as GTD codes it)
TOLD_AS_ATTACK = ("Looting/property destruction",)


@functools.lru_cache(maxsize=1)
def _raw() -> dict:
    return tomllib.loads(resources.files("sitrep.reconcile").joinpath("data/within.toml").read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def _within() -> tuple[re.Pattern[str], re.Pattern[str], str, re.Pattern[str], re.Pattern[str]]:
    raw = _raw()
    return (re.compile(raw["new_event"], re.I), re.compile(raw["political_arrest"], re.I), raw["version"],
            re.compile(raw["anaphor"], re.I), re.compile(raw["record"], re.I))


@functools.lru_cache(maxsize=None)
def pattern(name: str) -> re.Pattern[str]:
    """A case-sensitive regex of ``data/within.toml`` by its key (``release_dateline``)."""
    return re.compile(_raw()[name])


def version() -> str:
    return _within()[2]


def refers_back(m: Mention) -> bool:
    """"The shooting happened at ...": the mention's violence word refers to the event being told."""
    t = m.trigger
    return t is not None and bool(_within()[3].search(m.text[max(0, t.start - 30):t.start]))


def same_attackers(m: Mention) -> bool:
    """"The militants also set fire to a jeep": the attackers of the event being told go on with it,
    in a sentence that turns to no other event (``data/within.toml`` same_attackers)."""
    return bool(_same_attackers().search(m.text)) and not tells_another_event(m.text)


@functools.lru_cache(maxsize=1)
def _same_attackers() -> re.Pattern[str]:
    return re.compile(_raw()["same_attackers"], re.I)


def tells_another_event(sentence: str) -> bool:
    """"Earlier in Homs, ...", "in a separate incident": the sentence turns to another event."""
    return bool(_within()[0].search(sentence))


def is_aside(m: Mention) -> bool:
    """"The attack came in retaliation to a rocket fired from Gaza earlier": another event named in
    passing, with no date and no toll of its own, is no incident (and never one dated today)."""
    return tells_another_event(m.text) and m.date is None and not m.figures


#: days before the incident being told from which a dated attack in its telling is an earlier one
_RECORD_DAYS = 3


def _day(d: object | None):
    return getattr(d, "date", d)


def tells_record(cur: Draft | None, m: Mention) -> bool:
    """Whether a violent mention, told after the incident ``cur``, is the record of the one that
    incident is about, not a part of it: an earlier attack whose every figure extraction read as
    background ("Yasir ... was involved in the Aug. 8 suicide attack in Asadabad district, which
    killed three U.S. soldiers"), or one written with a calendar date days before the incident's
    and told as someone's deed ("He openly claimed responsibility for the July 2 vehicle-borne IED
    attack ... which killed two civilians"). Such a sentence opens no incident, adds nothing to
    ``cur``, and leaves ``cur`` the incident being told: "Several other insurgents were also killed
    in the operation" goes on telling the operation."""
    if cur is None or cur.group != "violent" or m.group != "violent" or not m.figures:
        return False
    if all(f.qualifier == "background" for f in m.figures):
        return True
    when, told = m.date, next((x.date for x in cur.mentions if x.date is not None), None)
    if not getattr(when, "explicit", False) or _day(told) is None or (_day(told) - _day(when)).days <= _RECORD_DAYS:
        return False
    t = m.trigger
    return t is not None and bool(_within()[4].search(m.text, 0, t.start))


def is_aftermath(m: Mention) -> bool:
    """An arrest or a weapon seized after an attack, not itself a politically significant event."""
    return m.group in AFTERMATH and not _within()[1].search(m.text)


@dataclass
class Draft:
    group: str
    mentions: list[Mention] = field(default_factory=list)
    place: Place | None = None

    @property
    def triggers(self) -> list[Trigger]:
        return [t for m in self.mentions for t in m.triggers]


@dataclass
class SummaryDraft:
    mention: Mention
    places: list[Place]
    covers: list[Draft] = field(default_factory=list)


def listed_places(text: str, places: list[Place]) -> list[Place]:
    """Places in one sentence written as a list ("Homs and Damascus"), distinct and resolved."""
    # towns only, and an "and" in the run: "Tucson, Arizona" is an address, "Homs and Damascus" a list
    ps = sorted((p for p in places if p.geonameid and p.precision and p.precision <= 2), key=lambda p: p.start or 0)
    best: list[Place] = []
    run: list[Place] = []
    for p in ps:
        if run and _LIST_JOIN.match(text[run[-1].end:p.start]) and p.geonameid != run[-1].geonameid:
            run.append(p)
        else:
            run = [p]
        joined_by_and = any(re.search(r"\band\b|&", text[a.end:b.start]) for a, b in zip(run, run[1:]))
        if len(run) > len(best) and joined_by_and:
            best = list(run)
    return best if len(best) >= 2 else []


def km(a: Place, b: Place) -> float:
    if None in (a.latitude, b.latitude, a.longitude, b.longitude):
        return math.inf
    return great_circle_km(a.latitude, a.longitude, b.latitude, b.longitude)


def resolved(p: Place | None) -> Place | None:
    """The place if the gazetteer knows where it is, else None: a name it could not resolve (a
    person's name taken for a town, "Hikmat Jasim Zaidan") says nothing of where the event is, so it
    neither opens an incident at another place nor stops a mention joining the one being told."""
    if p is None or (p.geonameid is None and p.latitude is None and p.precision is None):
        return None
    return p


def _same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return False
    if a.geonameid and a.geonameid == b.geonameid:
        return True
    return bool(a.name and a.name == b.name and a.country_code == b.country_code)


def attach_headline(heads: list[Mention], drafts: list[Draft]) -> bool:
    """A headline names the article's main incident, the first violent one the body tells: its
    figures and words join that incident. False when the body tells no violent incident."""
    main = next((d for d in drafts if d.group == "violent"), None)
    if main is None:
        return False
    main.mentions.extend(m for m in heads if not m.background and (m.triggers or m.figures))
    if main.place is None:
        main.place = next((m.place for m in heads if m.place is not None), None)
    return True


def contains(outer: Place, inner: Place) -> bool:
    """Whether the admin area ``outer`` holds ``inner`` (the state, the county around the town)."""
    if outer.country_code is None or outer.country_code != inner.country_code:
        return False
    prec = outer.precision or 6
    if prec >= 6:
        return True
    if prec >= 4:
        return bool(outer.admin1) and outer.admin1 in (inner.admin1, inner.name)
    if prec == 3:
        # the county the town's own entry names ("Pima County" of Tucson, whose centroid lies 81 km
        # off), else a county whose point is near enough
        return bool(outer.admin1) and outer.admin1 == inner.admin1 and (
            bool(outer.admin2) and outer.admin2 == inner.admin2 or km(outer, inner) <= 80)
    return False


def _kinds(d: Draft) -> set[str]:
    return {f.kind for m in d.mentions for f in m.figures}


def continues(cur: Draft, m: Mention) -> bool:
    """Whether a violent mention naming another place than ``cur``'s goes on telling ``cur``: the
    place holds or lies in ``cur``'s (the town, the county, the state), or lies within 40 km and
    brings no second toll of a kind ``cur`` already has; never when the sentence turns to
    another event."""
    a, b = cur.place, m.place
    if a is None or b is None or tells_another_event(m.text):
        return False
    if contains(a, b) or contains(b, a):
        return True
    return km(a, b) <= 40 and not ({f.kind for f in m.figures} & _kinds(cur))


def tells_on(cur: Draft, m: Mention) -> bool:
    """Whether a violent or protest mention at a place apart from ``cur``'s, bringing nothing of its
    own, tells ``cur`` on: no toll but one already told (or the first toll of an incident told
    without one), no date but the incident's, no word of another event. "East Hartford police say a
    man who had been shot arrived at a pizza restaurant", after the shooting in Windsor. A second
    event needs evidence of its own to be one; a place name alone (often a misread person's or
    street's name) is none."""
    told_tolls = [g for x in cur.mentions for g in x.figures]
    if tells_another_event(m.text) or (told_tolls and not all(
            any(g.kind == f.kind and g.min == f.min for g in told_tolls) for f in m.figures)):
        return False  # a second toll; "a man who had been shot" retells the one victim
    told = next((x.date for x in cur.mentions if x.date is not None), None)
    return m.date is None or told is None or getattr(m.date, "date", m.date) == getattr(told, "date", told)


_DEMONSTRATION = ("Violent demonstration", "Excessive force against protesters", "Protest with intervention", "Peaceful protest")


def is_demonstration(m: Mention) -> bool:
    """A protest, a protest met by force, or a demonstration turned violent (a riot), a clash that
    its own sentence tells as demonstrators' included ("others clashed with police", "police
    intervened in the demonstration, which started a clash": Violent demonstration by ``retype``)."""
    t = m.trigger
    return t is not None and (t.sub_event_type in _DEMONSTRATION
                              or t.sub_event_type == "Armed clash" and retype(t, m.text, m.text).sub_event_type in _DEMONSTRATION)


def _within_reach(p: Place | None, q: Place | None) -> bool:
    """Whether two places may be one demonstration's: either unknown, the same, one holding the
    other, or within 40 km."""
    a, b = resolved(p), resolved(q)
    return a is None or b is None or _same_place(a, b) or contains(a, b) or contains(b, a) or km(a, b) <= 40


def one_demonstration(d: Draft | None, m: Mention) -> bool:
    """Whether a demonstration mention tells on the demonstration ``d`` of the other group (a
    peaceful protest is "Protests", a riot or force against it "violent"): "protesters blocked the
    highway ... A reason for the demonstration was not provided", "residents demonstrated against
    the curfew ... Security forces responded by firing teargas". ACLED codes one demonstration that
    turns violent as one event, typed by its most violent part; a place apart that brings a toll
    or a date of its own (``tells_on``), or a sentence that turns to another event, keeps them apart."""
    if d is None or not is_demonstration(m) or not all(is_demonstration(x) for x in d.mentions if x.trigger is not None):
        return False
    if tells_another_event(m.text):
        return False
    return _within_reach(d.place, m.place) or tells_on(d, m)


def arrests_at_protest(d: Draft | None, m: Mention) -> bool:
    """Whether an arrest mention tells the protesters of the protest ``d`` (the incident being told)
    held: "Around 30 nurses protested outside the hospital. Police dispersed the group and detained 6
    nurses." ACLED codes the arrests as the protest's intervention (Protest with intervention,
    Codebook 2019 p. 14), one event; a sentence that turns to another event, a place apart or a day
    of its own keeps them apart."""
    if d is None or d.group != "Protests" or m.group != "Arrests" or not holds_protesters(m.text):
        return False
    if tells_another_event(m.text):
        return False
    told = next((x.date for x in d.mentions if x.date is not None), None)
    if m.date is not None and told is not None and _day(m.date) != _day(told):
        return False
    return _within_reach(d.place, m.place)


def segment(mentions: list[Mention], text: str) -> tuple[list[Draft], list[SummaryDraft]]:
    heads = [m for m in mentions if m.headline]
    drafts, summaries = _segment([m for m in mentions if not m.headline], text)
    if heads and not attach_headline(heads, drafts):
        # a body that tells no violence of its own: the headline is all there is to read
        drafts, summaries = _segment(mentions, text)
    return drafts, summaries


def joins_attack(held: list[Mention], drafts: list[Draft]) -> Draft | None:
    """The attack that the arrests or seizures opening an article follow: the first violent incident
    told after them, when each of them is at its place (or at none, or one holding or near it).
    A seizure follows only an attack that killed or hurt someone (it may be the event itself:
    "Special Forces destroyed large caches of IEDs"). None leaves them to be read as told."""
    attack = next((d for d in drafts if d.group == "violent"), None)
    if attack is None:
        return None
    if any(m.group != "Arrests" for m in held) and not any(f.kind in ("killed", "injured") and f.min > 0 for f in
                                                           (f for x in attack.mentions for f in x.figures)):
        return None
    for m in held:
        p, a = m.place, attack.place
        if p is None or a is None or _same_place(p, a) or contains(p, a) or contains(a, p) or km(p, a) <= 40:
            continue
        return None
    return attack


def _segment(mentions: list[Mention], text: str, hold: bool = True,
             told: frozenset[int] = frozenset()) -> tuple[list[Draft], list[SummaryDraft]]:
    """The drafts and summaries of ``mentions``; ``told``: the sentences that list places but were
    found to sum up no incidents, read this time as any other sentence."""
    drafts: list[Draft] = []
    summaries: list[SummaryDraft] = []
    pending: list[Mention] = []  # figures before any incident
    held: list[Mention] = []  # arrests told before the attack they follow
    last: dict[str, Draft] = {}
    last_any: Draft | None = None
    for m in mentions:
        if m.background or (drafts and is_aside(m)) or tells_record(last.get("violent"), m):
            continue
        group = m.group
        if group is None:
            # a figure or hedge with no trigger: it belongs to the incident being told
            if m.figures or m.rise:
                target = last.get("violent")
                if target is not None:
                    target.mentions.append(m)
                elif m.figures:
                    pending.append(m)
            continue
        listed = listed_places(text, m.places)
        if listed and m.figures and group == "violent" and m.sentence not in told:
            summaries.append(SummaryDraft(m, listed))
            continue
        if last_any is not None and arrests_at_protest(last_any, m):
            # "Police dispersed the group and detained 11 protesters": the protest's intervention
            last_any.mentions.append(m)
            continue
        if is_aftermath(m) and last.get("violent") is not None:
            # "police arrested the suspect", "a weapon was recovered": the attack's aftermath
            last["violent"].mentions.append(m)
            continue
        if hold and is_aftermath(m) and (held or not drafts):
            # "Police arrested a suspect Friday in a December homicide. ... police were called to a
            # report of a person shot": the arrest that opens the story follows the attack told after it
            held.append(m)
            continue
        other = {"Protests": "violent", "violent": "Protests"}.get(group)
        demo = last.get(other) if other and last.get(group) is None else None
        if demo is not None and one_demonstration(demo, m):
            # the protest and the riot it turned into are one demonstration: one incident, violent
            # once any of it is
            if group == "violent":
                demo.group = "violent"
                last.pop("Protests", None)
            group = demo.group
        else:
            demo = None
        target = demo
        if target is None and last_any is not None and last_any.group in ("violent", *TOLD_AS_ATTACK) and same_attackers(m) and (
                resolved(m.place) is None or _same_place(last_any.place, m.place) or tells_on(last_any, m)):
            # "unidentified militants shot and killed a quarry owner ... The militants also set fire
            # to a jeep": what the attackers go on to do is the same attack, violent once any of it is
            target = last_any
            if group == "violent":
                target.group = "violent"
        if target is not None:
            pass
        elif group == "Agreement":
            target = last.get("Agreement")
        elif resolved(m.place) is not None:
            target = next((d for d in reversed(drafts) if d.group == group and _same_place(d.place, m.place)), None)
            cur = last.get(group)
            if target is None and cur is not None:
                if group == "violent" and refers_back(m) and not tells_another_event(m.text) and not (
                        {f.kind for f in m.figures} & _kinds(cur)):
                    # "The shooting happened at Marvin's Barber Shop ...": the event told on
                    target = cur
                elif resolved(cur.place) is None and cur is last_any:
                    # an incident first told without a place takes the first place named for it
                    target = cur
                elif (m.place.precision or 6) >= 4 and cur.place is not None and cur.place.country_code == m.place.country_code:
                    # a country or province named in passing ("Syria's official news agency") is no new place
                    target = cur
                elif group == "violent" and continues(cur, m):
                    # the county around the town, a district of the city: the same incident told on
                    target = cur
                    if cur.place is not None and (m.place.precision or 6) < (cur.place.precision or 6) and contains(cur.place, m.place):
                        cur.place = m.place  # "Utah police officer ... in the suburb of Holladay": the finer place
                elif group in ("violent", "Protests") and tells_on(cur, m):
                    target = cur
                elif cur.place is not None and km(cur.place, m.place) <= 40 and not m.figures:
                    target = cur
        else:
            target = last.get(group)
            if (target is None and group == "violent" and last_any is not None and last_any.group in TOLD_AS_ATTACK
                    and refers_back(m) and not tells_another_event(m.text)):
                # "militants set fire to a party office. The attack caused ... damage": the property
                # destruction told on as "the attack", and the violence told after it, are that event
                target = last_any
        if target is None:
            target = Draft(group)
            drafts.append(target)
        if resolved(target.place) is None and m.place is not None and (target.place is None or resolved(m.place)):
            target.place = m.place
        target.mentions.append(m)
        last[group] = target
        last_any = target
        if pending and group == "violent":
            target.mentions[:0] = pending
            pending = []
    if held:
        attack = joins_attack(held, drafts)
        if attack is None:
            return _segment(mentions, text, hold=False, told=told)
        attack.mentions[:0] = held
        if attack.place is None:  # the place named with the arrest is the attack's
            attack.place = next((m.place for m in held if m.place is not None), None)
    for s in summaries:
        s.covers = [d for d in drafts if d.group == "violent" and d.place is not None
                    and any(_same_place(d.place, p) or km(d.place, p) <= 30 for p in s.places)]
    lone = frozenset(s.mention.sentence for s in summaries if not s.covers)
    if lone:
        # "In Almar and Qaisar districts, Faryab province a ... security force killed four
        # insurgents": places listed where no incident is told sum up nothing; the sentence tells
        # the event the text goes on with ("... resulting in four insurgents killed"), so it is read
        # in its place, as any other
        return _segment(mentions, text, hold, told | lone)
    for s in summaries:
        if len(s.covers) == 1:
            # not a summary after all: the figure belongs to the one incident
            s.covers[0].mentions.append(s.mention)
    summaries = [s for s in summaries if len(s.covers) >= 2]
    return drafts, summaries
