"""The export columns sitrep computes: ACLED's disorder type, actor types, interaction, civilian
targeting and region; UCDP's Gleditsch-Ward numbers, region, PRIO-GRID cell and WKT point.

Incidents are built by hand from sentences of the bundled corpus (Wikinews, VOA; /work/shared/corpus),
named by article id, so these tests need no spaCy model.
"""
from __future__ import annotations

import datetime as dt

import pytest

from sitrep.export import codes, countries
from sitrep.export.acled import acled_row
from sitrep.export.ucdp import priogrid_gid, ucdp_row, wkt_point
from sitrep.models import Actor, Claim, Incident, Place, Range


@pytest.mark.parametrize("code, gw", [("SY", 652), ("IQ", 645), ("US", 2), ("GB", 200), ("NG", 475), ("IN", 750),
                                      ("RU", 365), ("so", 520), ("PS", None), ("XX", None), (None, None)])
def test_gleditsch_ward_numbers(code, gw):
    assert countries.gwno(code) == gw


@pytest.mark.parametrize("code, acled, ucdp", [
    ("SY", "Middle East", "Middle East"), ("EG", "Northern Africa", "Middle East"), ("IR", "Middle East", "Middle East"),
    ("ML", "Western Africa", "Africa"), ("SO", "Eastern Africa", "Africa"), ("CD", "Middle Africa", "Africa"),
    ("AF", "South Asia", "Asia"), ("IN", "South Asia", "Asia"), ("PH", "Southeast Asia", "Asia"),
    ("KZ", "Caucasus and Central Asia", "Asia"), ("GE", "Caucasus and Central Asia", "Europe"),
    ("RU", "Europe", "Europe"), ("GB", "Europe", "Europe"), ("US", "North America", "Americas"),
    ("MX", "Central America", "Americas"), ("HT", "Caribbean", "Americas"), ("CO", "South America", "Americas"),
    ("PG", "Oceania", "Asia"), (None, None, None),
])
def test_regions(code, acled, ucdp):
    assert (countries.acled_region(code), countries.ucdp_region(code)) == (acled, ucdp)


@pytest.mark.parametrize("lat, lon, gid", [
    (-90, -180, 1),  # PRIO-GRID v2: cell 1 is the south-west corner
    (-89.9, -179.6, 1),
    (-89.9, -179.4, 2),  # the next cell east
    (-89.4, -180, 721),  # the next row north: 720 cells a row
    (89.99, 179.99, 259200),  # the last of 360 x 720
    (90, 180, 259200),
    (34.7268, 36.7234, 249 * 720 + 433 + 1),  # Homs: row 249, column 433
    (None, 36.7, None), (95.0, 0.0, None),
])
def test_priogrid_cell(lat, lon, gid):
    assert priogrid_gid(lat, lon) == gid


def test_wkt_point_is_longitude_first():
    assert wkt_point(34.7268, 36.7234) == "POINT (36.7234 34.7268)"
    assert wkt_point(None, 1.0) is None


@pytest.mark.parametrize("event_type, sub, disorder", [
    ("Battles", "Armed clash", "Political violence"),
    ("Explosions/Remote violence", "Suicide bomb", "Political violence"),
    ("Violence against civilians", "Attack", "Political violence"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
    ("Riots", "Violent demonstration", "Demonstrations"),
    ("Riots", "Mob violence", "Political violence; Demonstrations"),
    ("Strategic developments", "Agreement", "Strategic developments"),
    ("Accident", "Other", None),
])
def test_disorder_type(event_type, sub, disorder):
    assert codes.disorder_type(event_type, sub) == disorder


@pytest.mark.parametrize("actor, kind", [
    (Actor("Military Forces of India", "target"), "State forces"),
    (Actor("Police Forces of Russia", "victim"), "State forces"),
    (Actor("Unidentified Armed Group (Yemen)", "perpetrator", actor_type="Rebel group"), "Political militia"),
    (Actor("African Union peacekeepers", "party"), "External/Other forces"),
    (Actor("Protesters (Yemen)", "target", actor_type="Protesters"), "Protesters"),
    (Actor("Civilians (Afghanistan)", "victim", actor_type="Civilians"), "Civilians"),
    (Actor("Maoist rebels", "perpetrator", actor_type="Rebel group"), "Rebel group"),
    (Actor("Islamic State", "perpetrator"), "Rebel group"),  # from the extractor's actor table
    (Actor("Usman Khan", "perpetrator"), None),
])
def test_actor_type(actor, kind):
    assert codes.actor_type(actor) == kind


@pytest.mark.parametrize("one, two, interaction", [
    ("State forces", "Rebel group", "State forces-Rebel group"),
    ("Rebel group", "State forces", "State forces-Rebel group"),
    ("External/Other forces", "Civilians", "External/Other forces-Civilians"),
    ("Civilians", "Political militia", "Political militia-Civilians"),
    ("Protesters", None, "Protesters only"),
    (None, "Civilians", None),
])
def test_interaction(one, two, interaction):
    assert codes.interaction(one, two) == interaction


def _incident(event_type, sub, actors, killed, victims=None, place=None):
    return Incident(id="x", event_type=event_type, sub_event_type=sub, event_date=dt.date(2011, 3, 18), date_precision=1,
                    location=Place(**place) if place else None, actors=actors, fatalities=Range(killed, killed, killed),
                    claims=[Claim("killed", killed, None, None, None, "q", 0, 1, victims=victims)])


KHOST = dict(text="central Afghanistan", name="Afghanistan", country="Afghanistan", country_code="AF", precision=6,
             latitude=33.0, longitude=65.0)
SANAA = dict(text="the city of Sana'a", name="Sanaa", admin1="Amanat al Asimah", country="Yemen", country_code="YE",
             precision=1, latitude=15.3547, longitude=44.2067)
CHHATTISGARH = dict(text="Chhattisgarh", name="Chhattisgarh", admin1="Chhattisgarh", admin2="Dantewada", country="India",
                    country_code="IN", precision=4, latitude=21.5, longitude=82.0)

ROWS = [
    # wn-m-0573: "Maoist rebels in India killed at least 70 soldiers in Chhattisgarh"
    (_incident("Battles", "Armed clash", [Actor("Maoist rebels", "perpetrator", actor_type="Rebel group"),
                                          Actor("Military Forces of India", "target", actor_type="State forces")], 70,
               "soldiers", CHHATTISGARH),
     ("Political violence", "Rebel group", "State forces", "State forces-Rebel group", None, "South Asia")),
    # wn-m-1848: "45 people have been killed in Yemen after gunmen fired on protesters in the city of Sana'a."
    (_incident("Protests", "Excessive force against protesters",
               [Actor("Unidentified Armed Group (Yemen)", "perpetrator", actor_type="Rebel group"),
                Actor("Protesters (Yemen)", "target", actor_type="Protesters")], 45, "people", SANAA),
     ("Political violence; Demonstrations", "Political militia", "Protesters", "Political militia-Protesters",
      "Civilian targeting", "Middle East")),
    # wn-m-0091: "A suicide bomber blew himself up in a central Afghanistan market earlier today, killing at least
    # sixteen civilians and a policeman"
    (_incident("Explosions/Remote violence", "Suicide bomb",
               [Actor("Unidentified Armed Group (Afghanistan)", "perpetrator", actor_type="Rebel group")], 16,
               "civilians", KHOST),
     ("Political violence", "Political militia", None, "Political militia only", "Civilian targeting", "South Asia")),
    # voa-002: "Fierce fighting between Somali insurgents and African Union peacekeepers killed at least twelve people"
    (_incident("Battles", "Armed clash", [Actor("Al Shabaab", "party", actor_type="Rebel group"),
                                          Actor("African Union peacekeepers", "party")], 12, "people"),
     ("Political violence", "Rebel group", "External/Other forces", "Rebel group-External/Other forces", None, None)),
]


@pytest.mark.parametrize("inc, expected", ROWS)
def test_acled_computed_columns(inc, expected):
    row = acled_row(inc, timestamp=0)
    assert (row["disorder_type"], row["inter1"], row["inter2"], row["interaction"], row["civilian_targeting"],
            row["region"]) == expected
    assert row["admin2"] == (inc.location.admin2 if inc.location else None)
    assert (row["admin3"], row["source_scale"], row["tags"], row["timestamp"]) == (None, None, None, 0)


def test_ucdp_state_forces_are_side_a_with_their_gw_number():
    row = ucdp_row(ROWS[0][0], articles=[{"id": "wn-m-0573", "outlet": "Wikinews", "published": "2010-04-06",
                                          "title": "Maoist rebels kill 70 Indian soldiers"}])
    assert (row["type_of_violence"], row["side_a"], row["side_b"]) == (1, "Military Forces of India", "Maoist rebels")
    assert (row["gwnoa"], row["gwnob"], row["country_id"], row["region"]) == (750, None, 750, "Asia")
    assert row["dyad_name"] == "Military Forces of India - Maoist rebels"
    assert (row["where_description"], row["adm_2"], row["source_date"], row["source_office"]) == (
        "Chhattisgarh", "Dantewada", "2010-04-06", "Wikinews")
    assert row["geom_wkt"] == "POINT (82 21.5)" and row["priogrid_gid"] == priogrid_gid(21.5, 82.0)


def test_ucdp_one_sided_violence_has_civilians_as_side_b():
    row = ucdp_row(ROWS[2][0])
    assert (row["type_of_violence"], row["side_b"], row["gwnoa"], row["deaths_civilians"]) == (
        3, "Civilians", None, 16)


KARACHI = dict(text="Karachi", name="Karachi", admin1="Sindh", country="Pakistan", country_code="PK", precision=1,
               latitude=24.86, longitude=67.01)


@pytest.mark.parametrize("inc, actor1, actor2, interaction", [
    # "Hundreds of traders protested in Karachi against a new tax" (no crowd named as an actor)
    (_incident("Protests", "Peaceful protest", [], 0, place=KARACHI), "Protesters (Pakistan)", None, "Protesters only"),
    # "Protesters clashed with police in Karachi"
    (_incident("Protests", "Protest with intervention",
               [Actor("Protesters (Pakistan)", "other", actor_type="Protesters"),
                Actor("Police Forces of Pakistan", "target", actor_type="State forces")], 0, place=KARACHI),
     "Protesters (Pakistan)", "Police Forces of Pakistan", "State forces-Protesters"),
    # "A mob torched shops in Karachi": a riot's crowd is Rioters
    (_incident("Riots", "Mob violence", [Actor("Protesters (Pakistan)", "other", actor_type="Protesters")], 0,
               place=KARACHI), "Rioters (Pakistan)", None, "Rioters only"),
    # "Gunmen shot dead a shopkeeper in Karachi": the attacker ACLED names when the report names none
    (_incident("Violence against civilians", "Attack", [Actor("Civilians (Pakistan)", "victim", actor_type="Civilians")], 1,
               "shopkeeper", KARACHI), "Unidentified Armed Group (Pakistan)", "Civilians (Pakistan)", None),
])
def test_acled_first_actor_of_a_crowd_or_an_unnamed_attacker(inc, actor1, actor2, interaction):
    row = acled_row(inc, timestamp=0)
    assert (row["actor1"], row["actor2"]) == (actor1, actor2)
    if interaction is not None:
        assert row["interaction"] == interaction
