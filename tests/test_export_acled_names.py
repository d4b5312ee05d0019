"""Actors as ACLED names them in its export (issue 11.5): a state's forces with the years of the
government in power on the event's day, the alias table's ACLED name where ACLED names a group
otherwise than the group does, and forces named by the nationality written before them."""
from __future__ import annotations

import datetime as dt

import pytest

from geo_fixtures import gazetteer, geoparser  # noqa: F401
from sitrep.export import countries
from sitrep.export.acled import acled_name
from sitrep.extract.actors import find_actors


@pytest.mark.parametrize("name,day,expected", [
    ("Police Forces of Nigeria", "2020-05-09", "Police Forces of Nigeria (2015-2023)"),
    ("Police Forces of Nigeria", "2023-06-01", "Police Forces of Nigeria (2023-)"),
    ("Military Forces of Afghanistan", "2021-08-14", "Military Forces of Afghanistan (2004-2021)"),
    ("Military Forces of Afghanistan", "2021-08-15", "Military Forces of Afghanistan (2021-)"),
    ("Military Forces of Ukraine", "2020-05-09", "Military Forces of Ukraine (2019-)"),
    # the alias table's ACLED name, then the period of its state
    ("Government of Syria", "2020-05-09", "Military Forces of Syria (2000-2024)"),
    ("Houthis", "2020-05-09", "Military Forces of Yemen (2016-) Supreme Political Council"),
    # a country the periods do not hold, a day before any period, a group: the name as it is
    ("Military Forces of Turkey", "2020-05-09", "Military Forces of Turkey"),
    ("Military Forces of Nigeria", "1999-01-01", "Military Forces of Nigeria"),
    ("Protesters (Nigeria)", "2020-05-09", "Protesters (Nigeria)"),
    ("Islamic State", "2020-05-09", "Islamic State"),
])
def test_acled_names(name, day, expected):
    assert acled_name(name, dt.date.fromisoformat(day)) == expected


def test_an_undated_incident_keeps_the_plain_name():
    assert acled_name("Police Forces of Nigeria", None) == "Police Forces of Nigeria"


def test_the_periods_do_not_overlap_and_name_known_countries():
    for code, periods in countries._periods().items():
        assert countries.name(code), code
        ordered = sorted(periods)
        for (start, end), (later, _) in zip(ordered, ordered[1:]):
            assert end is not None and end <= later, code
        assert all(end is None or start < end for start, end in periods), code


@pytest.mark.parametrize("sentence,expected", [
    ("On 9 May 2020, Turkish forces shelled SDF positions near Tall Rifaat.", "Military Forces of Turkey"),
    ("On 9 May 2020, Armenian military forces fired on positions near Tovuz.", "Military Forces of Armenia"),
    ("Israeli police arrested three men in Hebron on Monday.", "Police Forces of Israel"),
    # no nationality right before the forces: the article's country's
    ("On 9 May 2020, government forces shelled Kafr Nabl.", "Military Forces of Syria"),
    ("On 9 May 2020, pro-Turkish forces clashed with SDF fighters near Manbij.", "Military Forces of Syria"),
    ("Residents said Kurdish forces had withdrawn from the town.", "Military Forces of Syria"),
])
def test_forces_serve_the_nationality_written_before_them(geoparser, sentence, expected):
    forces = [a for a in find_actors(sentence, dt.date(2020, 5, 9), "Syria", geoparser.nationality) if a.actor_type == "State forces"]
    assert [a.name for a in forces] == [expected]


@pytest.mark.parametrize("sentence,expected", [
    # a group's own name before lowercase "forces"
    ("On 9 May 2020, anti-Houthi National Resistance forces fired machine guns at positions in Hays.",
     [("National Resistance Forces", "Rebel group")]),
    ("On 9 May 2020, Southern Resistance forces clashed with IS fighters near Lawdar.",
     [("Southern Resistance Forces", "Rebel group"), ("Islamic State", "Rebel group")]),
    # a named group's own fighters: no second, state actor
    ("On 9 May 2020, the NAF rebel forces fired 82mm mortars at positions near Pisky, Donetsk.",
     [("Donetsk People's Republic", "Rebel group")]),
    ("Taliban forces attacked a checkpoint in Kunduz on Monday.", [("Taliban", "Rebel group")]),
    # ... but a state's forces told after a group's name and "and" are the state's
    ("Taliban and government forces clashed in Kunduz.", [("Taliban", "Rebel group"), ("Military Forces of Syria", "State forces")]),
    # the Saudi-led coalition, named as ACLED names its operation in the export
    ("On 9 May 2020, 8 Saudi-led coalition airstrikes reportedly targeted areas in Qaatabah district.",
     [("Saudi-led coalition", "External/Other forces")]),
])
def test_groups_and_their_forces(sentence, expected):
    assert [(a.name, a.actor_type) for a in find_actors(sentence, dt.date(2020, 5, 9), "Syria")] == expected


def test_the_coalition_is_named_as_acled_names_its_operation():
    assert acled_name("Saudi-led coalition", dt.date(2020, 5, 9)) == "Operation Restoring Hope"


@pytest.mark.parametrize("sentence,expected", [
    ("US forces struck a target near Kabul on Monday.", "Military Forces of the United States (2017-2021)"),
    ("Russian troops shelled the village on Monday.", "Military Forces of Russia (2000-)"),
])
def test_a_states_forces_named_by_the_table(sentence, expected):
    (actor,) = find_actors(sentence, dt.date(2020, 5, 9), "Afghanistan")
    assert acled_name(actor.name, dt.date(2020, 5, 9)) == expected
