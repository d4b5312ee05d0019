"""Generic forces followed by the country they serve ("the military forces of Armenia") are that
country's, whatever country the article's places lie in; the forces of two countries ("military
forces of India and Pakistan") are left to the article's country. Sentences are our own."""
from __future__ import annotations

import pytest

from geo_fixtures import gazetteer, geoparser  # noqa: F401
from sitrep.extract.actors import find_actors


@pytest.mark.parametrize("sentence, country, names", [
    ("On 3 March 2021, the military forces of Armenia shelled the positions of the military forces of Azerbaijan "
     "located at Dashbulaqli, Tovuz.", "Azerbaijan", ["Military Forces of Armenia", "Military Forces of Azerbaijan"]),
    ("On 3 March 2021, police forces of Chile dispersed students in Valparaiso.", "Argentina", ["Police Forces of Chile"]),
    # a nationality before the forces still decides
    ("On 3 March 2021, Turkish troops shelled a village near Afrin.", "Syria", ["Military Forces of Turkey"]),
    # the forces of two: the article's country
    ("On 3 March 2021, military forces of India and Pakistan exchanged fire across the LoC.", "Pakistan",
     ["Military Forces of Pakistan"]),
])
def test_forces_of_a_country(geoparser, sentence, country, names):
    assert [a.name for a in find_actors(sentence, None, country, geoparser.nationality)][:len(names)] == names


def test_a_country_name_is_its_own_nationality(geoparser):
    assert geoparser.nationality("Armenia") == "Armenia"
    assert geoparser.nationality("Armenian") == "Armenia"
    assert geoparser.nationality("Dashbulaqli") is None
