"""Across-article identity, second pass (issue 9, item 3): what a story says anywhere about its lead
incident, people named the way outlets name them, and the content that vouches for a pair when
extraction codes its type, perpetrator or place differently.

Sentences are written like local news reports of shootings (the GVDB kind); names and streets are
made up."""
from __future__ import annotations

import datetime as dt

import pytest

from sitrep.models import Evidence, Incident, Place
from sitrep.reconcile import content
from sitrep.reconcile.cluster import candidate_pairs
from sitrep.reconcile.merge import RULES_VERSION, lead, lead_story, match, merged_rules_version, signature
from sitrep.store import Store
from sitrep.reconcile.across import Incidents
from store_fixtures import extraction, incident

CITY = dict(name="Milwaukee", admin1="Wisconsin", country="United States", country_code="US", geonameid=5263045,
            latitude=43.0389, longitude=-87.9065)
# the same story's town read as a namesake in another state (a resolver's error, not another event)
NAMESAKE = dict(name="Milwaukee", admin1="Virginia", country="United States", country_code="US", geonameid=4745934,
                latitude=37.0, longitude=-76.4)


@pytest.mark.parametrize("text, names", [
    ("The father of 19-year-old Darius Mayfield filed a wrongful death suit on Monday.", {"darius mayfield"}),
    ("He is charged in the slaying of 34-year-old Danville Officer Thomas Kettering.", {"thomas kettering"}),
    ("Marcus Lee Whitfield, a 22-year-old former college student, was charged.", {"marcus whitfield"}),
    ("Marcus Lee Whitfield, aged 22, is accused of opening fire on the crowd.", {"marcus whitfield"}),
    ("Herschel Ray Dunmore III was shot by an officer.", {"herschel dunmore"}),  # middle name and "III" dropped
    # who speaks for the police is named in every report of a town's shootings
    ("Officer Dana Pruitt, a police spokeswoman, said Rickole Rogers, 24, died.", {"rickole rogers"}),
    ("Tavon Goff, 21, was shot in Boyle Heights, police said.", {"tavon goff"}),
])
def test_people_are_named_the_way_outlets_name_them(text, names):
    assert content.find_names(text) == names


@pytest.mark.parametrize("text, victims", [
    ("Jonathan Mabry ran from the car. Mabry, 32, died at the scene.", {"mabry:32"}),
    ("The other was identified as 19-year-old Quinton Laird.", {"laird:19"}),
    # the Homicide Report's "Latino, 26," is no surname: the story names nobody "Latino" in full
    ("Juan Torrez, a Latino, 26, was shot on Whitley Avenue.", set()),
    # one surname with two ages is two people
    ("Jose Gonzalez, 21, died Monday; Joel Gonzalez, 26, was killed Tuesday.", {"gonzalez:21", "gonzalez:26"}),
])
def test_victims_are_surname_and_age(text, victims):
    assert content.find_victims(text)[0] == victims


@pytest.mark.parametrize("text, sites", [
    ("He was taken to Froedtert Hospital, where he died.", set()),  # where every town's wounded go
    ("He was rushed to University Medical Center in critical condition.", set()),
    ("A memorial was held at Arizona's McKale Center.", {"mckale center"}),
])
def test_sites_are_where_it_happened(text, sites):
    assert content.find_sites(text) == sites


def _inc(evidence: list[str], event_type: str = "Violence against civilians", sub: str = "Attack",
         date: str | None = "2016-01-24", place: dict | None = CITY, start: int = 0) -> Incident:
    inc = incident(place=place, date=date, killed=1, perpetrator=None)
    inc.event_type, inc.sub_event_type = event_type, sub
    inc.evidence = [Evidence(start + 10 * i, start + 10 * i + len(t), t) for i, t in enumerate(evidence)]
    return inc


def test_the_lead_incident_is_the_first_violent_one_told():
    first, later = _inc(["A man was shot near 6th and Wright."], start=0), _inc(["A second man was shot."], start=500)
    arrest = _inc(["A teen was arrested."], event_type="Strategic developments", sub="Arrests", start=0)
    assert lead([later, arrest, first]) is first
    assert lead([arrest]) is None


def test_an_article_reporting_several_events_lends_no_story():
    """Regression: the seed's first bombing read the whole story, Sayyida Zeinab included, and took
    the Sayyida Zeinab follow-up for its own (tests/test_followups.py)."""
    text = "Two car bombs exploded in Homs. Bombs hit Sayyida Zeinab. The blasts killed 140 in all."
    homs = _inc(["Two car bombs exploded in Homs."], start=0)
    homs.location = Place(text="Homs", name="Homs", country_code="SY", latitude=34.73, longitude=36.72)
    zeinab = _inc(["Bombs hit Sayyida Zeinab."], start=32)
    zeinab.location = Place(text="Sayyida Zeinab", name="Sayyidah Zaynab", country_code="SY", latitude=33.44, longitude=36.34)
    assert lead_story([homs, zeinab], text, summaries=1) == (homs, None)  # a total over both: several events
    assert lead_story([homs, zeinab], text) == (homs, text)  # no total: maybe one event geocoded apart
    district = _inc(["A second blast hit the same district."], start=32)
    district.location = Place(text="Zahraa", name="Zahraa", country_code="SY", latitude=34.72, longitude=36.70)
    assert lead_story([homs, district], text, summaries=1) == (homs, text)  # near: one event split


FIRST = ["A 23-year-old man was found shot in the snow near Beale and Fond du Lac early Sunday and died."]
LAWSUIT_BODY = ("The family of a man shot in Milwaukee in January sued the city on Monday. "
                "The lawsuit says 23-year-old Demarre Lott was left in the snow for an hour.")


def _sig(rid, article, inc, published="2016-01-25", body=None):
    return signature(rid, article, inc, dt.date.fromisoformat(published), body)


def test_the_victim_named_outside_the_evidence_links_a_follow_up():
    first = _sig("r1", "a1", _inc(FIRST + ["Police identified him as Demarre Lott, 23."]))
    follow = _inc(["The family of a man shot in Milwaukee in January sued the city on Monday."], date="2016-03-07")
    assert match(first, _sig("r2", "a2", follow, "2016-03-08")) is None  # its own sentence names nobody
    assert match(first, _sig("r2", "a2", follow, "2016-03-08", body=LAWSUIT_BODY)) is not None


def test_content_that_names_one_person_vouches_for_another_coding_and_a_namesake_place():
    first = _sig("r1", "a1", _inc(FIRST + ["Police identified him as Demarre Lott, 23."]))
    clash = _inc(["Demarre Lott, 23, was shot near Beale and Fond du Lac on Sunday."], event_type="Battles",
                 sub="Armed clash", place=NAMESAKE)
    assert match(first, _sig("r2", "a2", clash)) is not None
    # the same coding and place without the person: a different shooting in that town stays apart
    other = _inc(["A 41-year-old woman was shot near 35th and Burleigh on Sunday."], event_type="Battles",
                 sub="Armed clash", place=NAMESAKE)
    assert match(first, _sig("r3", "a3", other)) is None


def test_one_person_in_common_outweighs_other_sites_and_ages():
    first = _sig("r1", "a1", _inc(["Rickole Rogers, 24, was shot near 65th and Thurston on Thursday."], date="2016-01-21"))
    trial = _inc(["Marcus Bell, 19, was charged at the Safety Building with killing Rickole Rogers, 24."],
                 date="2016-02-23")
    assert content.shared_people(first.features, _sig("r2", "a2", trial).features) == 1
    assert match(first, _sig("r2", "a2", trial, "2016-02-24")) is not None


def test_a_shared_surname_with_another_age_is_another_victim():
    a = _sig("r1", "a1", _inc(["Jose Gonzalez, 21, was shot and killed in Exposition Park."], date="2016-01-13"))
    b = _sig("r2", "a2", _inc(["Joel Gonzalez, 26, was shot and killed in Pacoima."], date="2016-01-14"))
    assert content.shared_people(a.features, b.features) == 0
    assert content.content_score(a.features, b.features) < 0
    assert match(a, b) is None


def test_reports_that_share_a_site_meet_across_the_blocking_grid():
    a = _sig("r1", "a1", _inc(FIRST))
    b = _sig("r2", "a2", _inc(["The man found near Beale and Fond du Lac, 23, died."], place=NAMESAKE))
    assert [(x.id, y.id) for x, y in candidate_pairs([a, b])] == [("r1", "r2")]
    assert match(a, b) is not None


def test_incidents_record_the_merge_rules():
    assert merged_rules_version("triggers-3+casualties-7") == f"triggers-3+casualties-7+{RULES_VERSION}"
    assert merged_rules_version("triggers-3+merge-1") == f"triggers-3+{RULES_VERSION}"
    with Store.open(":memory:") as s:
        Incidents(s).add(extraction("a1", incidents=[_inc(FIRST)]))
        (row,), _ = s.query_incidents()
        assert s.get_incident(row["id"])["rules_version"].endswith(RULES_VERSION)


def test_an_export_carries_current_ids_and_the_old_ids_they_replace():
    from sitrep.export import writers

    with Store.open(":memory:") as s:
        Incidents(s).add(extraction("later", published="2016-01-26", incidents=[_inc(FIRST + ["Police named him Demarre Lott, 23."])]))
        (old,), _ = s.query_incidents()
        Incidents(s).add(extraction("first", published="2016-01-25", incidents=[_inc(FIRST)]))  # an earlier report leads
        (new,), _ = s.query_incidents()
        assert new["id"] != old["id"]
        records = [writers.jsonl_record(inc, extra) for inc, extra in s.iter_incidents()]
        assert [r["id"] for r in records] == [new["id"]] and records[0]["aliases"] == [old["id"]]
        assert s.resolve_incident_id(old["id"]) == new["id"]


# -- third pass (merge-5): suspects are no victims; a country is no place; one store is one place --

@pytest.mark.parametrize("sentence, suspect", [
    ("Prosecutors believe 23-year-old Kiree Banks drove the getaway car.", True),
    ("Darnell Moss, 19, was arrested Tuesday and charged with first-degree murder.", True),
    ("The suspect, 31-year-old Lamont Price, surrendered to police on Friday.", True),
    ("Rickole Rogers, 24, was shot while seated in a vehicle near 65th and Thurston.", False),
    # a victim's cue in the sentence keeps the victim a victim, suspect words or not
    ("Police arrested a teen in the slaying of 34-year-old Thomas Kettering.", False),
])
def test_a_person_is_a_suspect_by_the_cues_of_the_sentence(sentence, suspect):
    assert content.is_suspect(sentence) is suspect


def test_a_suspect_named_with_an_age_is_no_victim():
    """Regression (GVDB dev, a store clerk's killing): one outlet named the clerk, another the
    23-year-old getaway driver, and the two "victims" ruled the pair out as two shootings."""
    text = ("Khushal Gill, 24, was shot and killed behind the counter of the Cumberland Express Mart. "
            "Prosecutors believe 23-year-old Kiree Banks drove the getaway car.")
    assert content.find_victims(text)[0] == {"gill:24"}


COUNTRY = dict(name="United States", country="United States", country_code="US", geonameid=6252001,
               latitude=39.76, longitude=-98.5)


def test_a_place_read_only_as_the_country_is_no_place_below_it():
    """Regression (GVDB dev, San Bernardino): a story placed at the country's centroid was read as
    2,000 km from the city and ruled out, though it named the Inland Regional Center too."""
    city = _sig("r1", "a1", _inc(["Two shooters killed 14 people at the Inland Regional Center."], date="2015-12-02"))
    told = _inc(["The couple opened fire at the Inland Regional Center, killing 14."], date="2015-12-02", place=COUNTRY)
    told.location.precision = 6  # only the country
    country = _sig("r2", "a2", told, "2015-12-03")
    assert not country.placed and city.placed
    assert match(city, country) is not None


def test_one_named_store_is_one_place_whatever_the_geocoder_read():
    first = _sig("r1", "a1", _inc(["A clerk was shot and killed at the Cumberland Express Mart on Sunday."]))
    other = _inc(["Three teens robbed the Cumberland Express Mart and shot the clerk Sunday night."], place=None)
    other.location = None
    unplaced = _sig("r2", "a2", other)
    assert content.shared_place(first.features, unplaced.features)
    assert match(first, unplaced) is not None
    # a street in common is not yet one place: a street runs through many blocks
    assert content.places({"hovey street", "cumberland express mart", "48th&hampton"}) == {"cumberland express mart", "48th&hampton"}
