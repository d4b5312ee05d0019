"""Across-article identity, third pass (issue 9, items 3-4): a merge needs content evidence beyond
type, town and week; people who say "two incidents" rule a pair out; a revised toll joins its event.

Sentences are written like local news reports of shootings (the GVDB kind) and wire follow-ups;
names and streets are made up."""
from __future__ import annotations

import datetime as dt

import pytest

from sitrep.models import Actor, Claim, Evidence, Incident
from sitrep.reconcile import content
from sitrep.reconcile.content import Features
from sitrep.reconcile.merge import across_countries, event_day, generic, match, same_people, signature
from store_fixtures import incident

CITY = dict(name="Milwaukee", admin1="Wisconsin", country="United States", country_code="US", geonameid=5263045,
            latitude=43.0389, longitude=-87.9065)


def _inc(evidence: list[str], date: str = "2016-01-24", event_type: str = "Violence against civilians",
         sub: str = "Attack", perpetrator: str | None = None, killed: int = 1) -> Incident:
    inc = incident(place=CITY, date=date, killed=killed, perpetrator=None)
    inc.event_type, inc.sub_event_type = event_type, sub
    inc.evidence = [Evidence(10 * i, 10 * i + len(t), t) for i, t in enumerate(evidence)]
    if perpetrator:
        inc.actors = [Actor(perpetrator, "perpetrator")]
    return inc


def _sig(rid: str, inc: Incident, published: str = "2016-01-25", body: str | None = None):
    return signature(rid, f"a-{rid}", inc, dt.date.fromisoformat(published), body)


def test_names_do_not_run_across_a_line_break():
    """Regression: the Homicide Report's headline line ("... Los Angeles Times") above "Jose
    Guadalupe Gonzalez" made a "Times Gonzalez" shared by every victim of the report."""
    text = "Jose Guadalupe Gonzalez, 21 - The Homicide Report - Los Angeles Times\nJose Guadalupe Gonzalez, a 21-year-old Latino male, died"
    assert content.find_names(text) == {"jose gonzalez"}


@pytest.mark.parametrize("text, sites", [
    ("He was shot at the Lincoln Avenue Popeyes on Sunday.", {"lincoln avenue"}),
    ("It happened near the intersection of South Hartley and West Hope Avenue.", {"hartley&hope", "west hope avenue"}),
])
def test_sites_are_read_inside_longer_names_and_past_directions(text, sites):
    assert content.find_sites(text) == sites


@pytest.mark.parametrize("sites, streets", [
    ({"south hartley street"}, {"hartley"}),
    ({"hartley&hope"}, {"hartley", "hope"}),
    ({"cumberland express mart"}, set()),
])
def test_streets_are_compared_by_their_name(sites, streets):
    assert content.streets(sites) == streets


@pytest.mark.parametrize("actor, is_generic", [
    ("police forces of united states", True),
    ("unidentified armed group (united states)", True),
    ("herschel jones", False),
])
def test_the_police_who_investigate_every_shooting_say_nothing_of_which(actor, is_generic):
    assert generic(actor) is is_generic


@pytest.mark.parametrize("first, second, days, same", [
    # the same town, day and coded perpetrator (the police investigating), two corners: two shootings
    ("A 23-year-old man was shot near Richards and Meinecke on Thursday afternoon, police said.",
     "One person was shot near 35th and Hampton on Thursday night, police said.", 0, False),
    # one street told as a block and as a corner, the same evening: one shooting
    ("A man was shot near the intersection of South Hartley and West Hope Avenue on Sunday night.",
     "A person was shot on South Hartley Street at 8:30 p.m. Sunday.", 0, True),
    # a street of a shooting the day before is not yet its corner
    ("Police were also investigating scenes at 10th and Walker streets and on Highland Avenue.",
     "An 18-year-old man was shot and killed near N. 20th and Highland on Friday.", 1, False),
    # a roundup's background victim is no shared victim: the story is about Michael Schafrik
    ("Police say 40-year-old Michael Schafrik was shot and killed. The first homicide in 2016 came Sunday. "
     "45-year-old Deondrick Byrd was shot and killed near 6th and Wright.",
     "Police say a man, identified as 45-year-old Deondrick Byrd, was shot near 6th and Wright.", 2, False),
    # the lead victim is not named in the other report, but both name the two shooters: one attack
    ("Among the dead was 45-year-old Dana Whitfield. Police named the shooters as Omar Haddad, 28, and "
     "Lena Brandt, 27, who died in a shootout with officers.",
     "The shooters, Omar Haddad, 28, and Lena Brandt, 27, were killed by police hours after the attack.", 0, True),
    # a local outlet's formula for two shootings six days apart (GVDB, Fox 59, Indianapolis): not one story
    ("When they arrived on scene, police found a person shot in the leg.",
     "When they arrived on scene, officers found a man shot in the leg.", 6, False),
    # ... the same words told of the same day are one story told twice
    ("When they arrived on scene, police found a person shot in the leg.",
     "When they arrived on scene, officers found a man shot in the leg.", 0, True),
])
def test_a_merge_needs_content_evidence(first, second, days, same):
    police = "Police Forces of United States"
    a = _sig("r1", _inc([first], perpetrator=police))
    day = dt.date(2016, 1, 24) + dt.timedelta(days=days)  # each told the day after it happened
    b = _sig("r2", _inc([second], date=day.isoformat(), perpetrator=police), published=(day + dt.timedelta(days=1)).isoformat())
    assert (match(a, b) is not None) is same


def test_arrests_join_only_a_report_that_names_one_of_their_people():
    shooting = _sig("r1", _inc(["A 19-year-old man was shot and wounded near 12th and Vliet on Saturday."]))
    arrest = _inc(["Police arrested a 19-year-old man on Saturday after a traffic stop."], event_type="Strategic developments",
                  sub="Arrests")
    assert match(shooting, _sig("r2", arrest)) is None


@pytest.mark.parametrize("new, old, revises", [
    (Features(killed=(64, 64), revised=True), Features(killed=(25, 57)), True),  # "has risen to 64"
    (Features(killed=(10, 10), revised=True), Features(killed=(25, 57)), False),  # a toll does not fall
    (Features(killed=(64, 64)), Features(killed=(25, 57)), False),  # no revision told
])
def test_a_revised_toll_is_a_follow_up_of_the_count(new, old, revises):
    assert content.revises(new, old) is revises
    assert content.revises(old, new) is revises


def test_a_one_sentence_revision_joins_the_same_days_event_in_the_same_town():
    first = _inc(["Two car bombs exploded in a Milwaukee square on Sunday, killing 25 people."], killed=25)
    line = "The death toll from Sunday's twin car bombings has risen to 64, the monitor said."
    follow = _inc([line], killed=64)
    follow.claims = [Claim("killed", 64, 64, "revised", "the monitor", line, 0, len(line))]
    assert match(_sig("r1", first), _sig("r2", follow, "2016-01-27")) is not None
    follow.claims = [Claim("killed", 64, 64, None, "the monitor", line, 0, len(line))]
    assert match(_sig("r1", first), _sig("r2", follow, "2016-01-27")) is None


# --- merge-7: aftermath that names its victim, places read in two countries, the same people ---

@pytest.mark.parametrize("text, names", [
    # Wikinews, 2020-01-09: an affiliation and a role between the cue and the name
    ("During the funeral of Iranian commander General Qasem Soleimani on Tuesday, a stampede erupted.",
     {"qasem soleimani"}),
    ("Iran issued arrest warrants for 36 people believed to have been involved in the assassination of the "
     "general Qasem Soleimani in January.", {"qasem soleimani"}),
    ("A vigil for Tavon Marsh was held Sunday outside the store.", {"tavon marsh"}),
    ("Hundreds attended the memorial for Officer Dana Pruitt at the arena.", {"dana pruitt"}),
    # a town after the cue is no person
    ("The funeral of the girl shot in Los Angeles will be held Friday.", set()),
])
def test_funerals_memorials_and_vigils_name_their_victim(text, names):
    assert content.find_names(text) == names


KINGSTON = dict(name="Kingston", admin1="Kingston", country="Jamaica", country_code="JM", geonameid=3489854,
                latitude=17.997, longitude=-76.793)
TIVOLI_NY = dict(name="Tivoli", admin1="New York", country="United States", country_code="US", geonameid=5140945,
                 latitude=42.058, longitude=-73.909)


def _abroad(rid: str, text: str, place: dict, date: str = "2010-05-24", published: str = "2010-05-24"):
    inc = _inc([text], date=date, event_type="Battles", sub="Armed clash", killed=None)
    inc.location = incident(place=place).location
    return _sig(rid, inc, published)


@pytest.mark.parametrize("second, date, same", [
    # Wikinews, 2010-05-26: the slum's name read as Tivoli, New York; the same site the same day
    ("Armed security forces stormed the Tivoli Gardens slum of western Kingston on Monday.", "2010-05-24", True),
    # the same site a week later is another day's fighting
    ("Armed security forces stormed the Tivoli Gardens slum of western Kingston again.", "2010-05-31", False),
    # a street of the same name is no place of its own
    ("Gunmen fired at police on Spanish Town Road in the capital.", "2010-05-24", False),
])
def test_a_site_named_by_both_outweighs_places_read_in_two_countries(second, date, same):
    first = _abroad("r1", "Gunmen fired at police stations near the Tivoli Gardens and on Spanish Town Road, "
                          "killing three officers.", KINGSTON)
    other = _abroad("r2", second + " Three officers were killed in the fighting.", TIVOLI_NY, date, date)
    assert (match(first, other) is not None) is same
    assert across_countries(first, other) is same


@pytest.mark.parametrize("first, second, days, same", [
    # one person named by both, told of the next day: the report of his killing read as a clash
    ("Police Officer Aaron Vickers was shot and killed Sunday while trying to stop a robbery.",
     "The suspect accused in the shooting death of Police Officer Aaron Vickers appeared in court.", 1, True),
    # one person named by both, a week apart: not by itself
    ("Police Officer Aaron Vickers was shot and killed Sunday while trying to stop a robbery.",
     "The suspect accused in the shooting death of Police Officer Aaron Vickers appeared in court.", 7, False),
    # two people named by both, seven weeks apart: the victim and the officer who shot her
    ("Officer Dale Rusk shot and killed 55-year-old Bettina Cole in the doorway, police said.",
     "Officer Dale Rusk was charged on Monday in the death of Bettina Cole, 55.", 50, True),
])
def test_the_same_people_say_one_incident(first, second, days, same):
    a = _sig("r1", _inc([first]))
    date = (dt.date(2016, 1, 24) + dt.timedelta(days=days)).isoformat()
    b = _sig("r2", _inc([second], date=date, event_type="Battles", sub="Armed clash"), date)
    assert same_people(a, b) is same


@pytest.mark.parametrize("event, published, day, loose", [
    ("2015-12-02", "2015-12-02", "2015-12-02", False),
    ("2015-11-29", "2015-12-02", "2015-11-29", False),  # "Sunday's shooting", told on Wednesday
    # regression: a San Bernardino report of 2 December read as of 6 December stood apart from its copies
    ("2015-12-06", "2015-12-02", "2015-12-02", True),
    (None, "2015-12-02", "2015-12-02", True),
])
def test_no_report_tells_of_a_day_after_its_publication(event, published, day, loose):
    iso = lambda d: dt.date.fromisoformat(d) if d else None  # noqa: E731
    assert event_day(iso(event), iso(published)) == (iso(day), loose)


@pytest.mark.parametrize("days, same", [(0, True), (1, False), (3, False)])
def test_one_group_in_one_town_on_two_days_is_two_events(days, same):
    # ACLED codes an event per day: the same named group attacking the same town on another day is
    # another event, though the group is named by both reports
    a = _sig("r1", _inc(["Jaysh al-Islam fired rockets at the shrine district, killing four."], perpetrator="Jaysh al-Islam"))
    date = (dt.date(2016, 1, 24) + dt.timedelta(days=days)).isoformat()
    b = _sig("r2", _inc(["Gunmen of Jaysh al-Islam attacked a checkpoint, killing four."], date=date,
                        perpetrator="Jaysh al-Islam"), date)
    assert (match(a, b) is not None) is same
