"""An address bracketed after a country or after a name the gazetteer lacks (issue 10). ACLED notes
write "X area in western Yemen (District, Province)": the brackets are X's address, so a village the
gazetteer lacks stands at the district they name (not at Yemen's centroid), and a district written
before the country is the event's place rather than the province bracketed after the country.
"the village of X (Town, Province)": the village is the event's place as written, placed at the
town (where_prec 2). A bracket holding another name of the place ("X (Y) district", "X (Y), Area")
is no address. Sentences are our own, in the shape of ACLED notes; the village names are made up."""
from __future__ import annotations

import pytest

from geo_fixtures import event_place, geoparser, gazetteer, labelled_ents  # noqa: F401


@pytest.mark.parametrize("kind", ["area", "village"])
def test_a_village_in_western_yemen_stands_at_the_district_bracketed_after_the_country(geoparser, kind):
    text = (f"On 12 June 2021, pro-Houthi forces shelled farms in Wadi Qurmashah {kind} in western Yemen "
            f"(At Tuhayat, Al Hudaydah), with no report of fatalities.")
    ents = labelled_ents(text, [("Yemen", "GPE"), ("Al Hudaydah", "PERSON")])
    p = event_place(geoparser, text, ents)
    assert p.text == "Wadi Qurmashah"
    assert (p.name, p.country_code, p.precision) == ("At Tuhayat", "YE", 3)


def test_a_district_written_before_the_country_beats_the_province_bracketed_after_it(geoparser):
    text = ("On 12 June 2021, several villages of Hays district in western Yemen (Al Hudaydah) were shelled "
            "by anti-Houthi forces, with no report of fatalities.")
    ents = labelled_ents(text, [("Hays district", "LOC"), ("Yemen", "GPE"), ("Al Hudaydah", "PERSON")])
    p = event_place(geoparser, text, ents)
    assert (p.name, p.country_code, p.feature) == ("Hays", "YE", "A.ADM2")


def test_a_village_the_gazetteer_lacks_stands_at_the_town_of_its_address(geoparser):
    text = "On 2 July 2021, suspected militants abducted two herders in the village of Kollodiabou (Dori, Seno)."
    ents = labelled_ents(text, [("Kollodiabou", "GPE"), ("Dori", "GPE"), ("Seno", "GPE")])
    p = event_place(geoparser, text, ents)
    assert p.text == "Kollodiabou"
    assert (p.name, p.country_code, p.precision) == ("Dori", "BF", 2)


def test_a_bracket_holding_another_name_of_the_place_is_no_address(geoparser):
    # "Kahramankazan (Kazan), Ankara": Kazan is the district's other name, the town the note codes
    text = ("On 9 July 2021, unknown arsonists burned a paint warehouse in Saray neighbourhood of "
            "Kahramankazan (Kazan), Ankara.")
    ents = labelled_ents(text, [("Saray", "GPE"), ("Kahramankazan", "GPE"), ("Kazan", "GPE"), ("Ankara", "GPE")])
    p = event_place(geoparser, text, ents)
    assert (p.name, p.country_code) == ("Kazan", "TR")


def test_a_town_with_its_own_address_keeps_it(geoparser):
    # the town is known: its bracketed address stays its container, not the event's place
    text = "On 2 July 2021, suspected militants attacked a market in Djibo (Djibo, Soum)."
    p = event_place(geoparser, text, labelled_ents(text, [("Djibo", "GPE"), ("Soum", "GPE")]))
    assert (p.name, p.country_code, p.precision) == ("Djibo", "BF", 1)


# "X, Y" after "located at/near": Y is the area of a village the gazetteer lacks, where the text names Y's country
def _line(place: str) -> str:
    return (f"On 3 March 2021, the armed forces of Armenia fired machine guns at the positions of the armed forces "
            f"of Azerbaijan located at {place}.")


def test_the_area_after_an_unknown_village_is_accepted_in_a_country_the_text_names(geoparser):
    text = _line("Dashbulaqli, Tovuz")
    ents = labelled_ents(text, [("Armenia", "GPE"), ("Azerbaijan", "GPE"), ("Dashbulaqli", "ORG"), ("Tovuz", "PERSON")])
    p = event_place(geoparser, text, ents)
    assert p.text == "Dashbulaqli"
    assert (p.country_code, p.admin1, p.precision) == ("AZ", "Tovuz", 2)


def test_an_alternate_spelling_of_the_area_counts_too(geoparser):
    # NER found the village (GPE); "Fizuli" is an alternate name of Fuzuli
    text = _line("Yuxari Dashkand, Fizuli")
    ents = labelled_ents(text, [("Armenia", "GPE"), ("Azerbaijan", "GPE"), ("Yuxari Dashkand", "GPE"), ("Fizuli", "PERSON")])
    p = event_place(geoparser, text, ents)
    assert p.text == "Yuxari Dashkand"
    assert (p.name, p.country_code, p.precision) == ("Fuzuli", "AZ", 2)


def test_no_area_is_accepted_in_a_country_the_text_does_not_name(geoparser):
    text = "On 3 March 2021, the armed forces of Armenia shelled farmland located at Dashbulaqli, Fizuli."
    ents = labelled_ents(text, [("Armenia", "GPE"), ("Dashbulaqli", "ORG"), ("Fizuli", "PERSON")])
    assert "Fizuli" not in {p.text for p in geoparser.find_places(text, ents) if p.precision is not None}


# a town written with a district of another state than its namesake's: the district holds it
def test_a_namesake_in_another_state_gives_way_to_the_bracketed_district(geoparser):
    text = "On 4 June 2021, militants attacked a police party at Rampur town (Pulwama district, J&K), injuring two."
    p = event_place(geoparser, text, labelled_ents(text, [("Rampur", "GPE"), ("Pulwama", "GPE"), ("J&K", "ORG")]))
    assert p.text == "Rampur"
    assert (p.name, p.country_code, p.admin1, p.precision) == ("Pulwama", "IN", "Kashmir", 3)


def test_a_town_in_its_own_district_keeps_its_entry(geoparser):
    text = "On 4 June 2021, a mob attacked a police post in Bareilly town (Bareilly district, Uttar Pradesh)."
    ents = labelled_ents(text, [("Bareilly", "GPE"), ("Uttar Pradesh", "GPE")])
    p = event_place(geoparser, text, ents)
    assert (p.country_code, p.admin1, p.precision) == ("IN", "Uttar Pradesh", 1)


def test_an_lga_written_with_its_state_stays_in_that_state(geoparser):
    # "Donga LGA (Taraba)": Donga is also a department of Benin; the state written after the LGA holds it
    text = "On 2 June 2021, herders clashed with farmers in Donga LGA (Taraba). Two people were killed."
    p = event_place(geoparser, text, labelled_ents(text, [("Donga LGA", "ORG"), ("Taraba", "GPE")]))
    assert (p.country_code, p.admin1) == ("NG", "Taraba")
