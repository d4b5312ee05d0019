"""A mission's areas (issue 10): the OSCE Special Monitoring Mission reports ceasefire violations in
Donetsk and Luhansk oblasts only (``document.toml`` [actor_areas]), so a village its note names is
one of those areas' namesakes, and a name the gazetteer places only elsewhere in Ukraine, or not at
all, is written as named and placed as the area, not at a namesake across the country or at
Ukraine itself. A note that places the village otherwise, or names no such mission, is left alone.
Sentences are our own, in the shape of ACLED notes; "Bilokamianka" is made up."""
from __future__ import annotations

import pytest

from geo_fixtures import gazetteer, geoparser  # noqa: F401
from sitrep.geo import context

_AREAS = ("Donetsk", "Luhansk")


def _place(geoparser, text: str, name: str):
    return next(p for p in geoparser.find_places(text) if p.text == name)


def test_the_mission_names_its_areas():
    text = "On 12 March 2021, the OSCE SMM recorded 14 explosions near Kalynove."
    assert context.actor_areas(text, context.find_actors(text)) == [("UA", "Donetsk"), ("UA", "Luhansk")]
    text = "On 12 March 2021, pro-Houthi forces shelled Hays."
    assert context.actor_areas(text, context.find_actors(text)) == []


def test_a_namesake_inside_the_missions_areas_ranks_first(geoparser):
    # Kalynove: a larger village near Kyiv, smaller ones in Donetsk and Luhansk oblasts
    p = _place(geoparser, "On 12 March 2021, the OSCE SMM recorded 14 explosions near Kalynove.", "Kalynove")
    assert p.country_code == "UA" and p.admin1 in _AREAS and p.precision == 1


@pytest.mark.parametrize("name", ["Rozdolne", "Bilokamianka"])
def test_a_village_known_only_elsewhere_or_not_at_all_is_placed_as_the_area(geoparser, name):
    # Rozdolne: the gazetteer's are in Crimea and Kherson; Bilokamianka: no gazetteer knows it
    text = f"On 12 March 2021, the OSCE SMM recorded 6 shots involving small arms near {name}, Donetsk region."
    p = _place(geoparser, text, name)
    assert (p.country_code, p.admin1, p.precision) == ("UA", "Donetsk", 4)


def test_which_area_is_not_guessed(geoparser):
    # a note that names neither area: the village is not put in one of them by the mission alone
    p = _place(geoparser, "On 12 March 2021, the OSCE SMM recorded 6 shots involving small arms near Bilokamianka.", "Bilokamianka")
    assert not (p.admin1 in _AREAS and p.precision == 4)


def test_the_area_the_text_names_is_the_one(geoparser):
    text = ("On 12 March 2021, the OSCE SMM recorded 6 shots involving small arms near Rozdolne. "
            "The mission's patrols in Luhansk oblast were restricted.")
    p = _place(geoparser, text, "Rozdolne")
    assert (p.admin1, p.precision) == ("Luhansk", 4)


def test_a_village_written_with_its_own_oblast_stays_there(geoparser):
    text = "On 12 March 2021, the OSCE SMM observed a gathering of 40 people near Rozdolne, Kherson region."
    p = _place(geoparser, text, "Rozdolne")
    assert (p.country_code, p.admin1) == ("UA", "Kherson")


def test_without_the_mission_a_village_keeps_its_reading(geoparser):
    p = _place(geoparser, "On 12 March 2021, about 40 residents protested in Rozdolne against the closure of a school.", "Rozdolne")
    assert p.admin1 not in _AREAS
