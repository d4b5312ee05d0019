"""Document geography first, towns inside it: datelines, state abbreviations, demonyms, and the
rule that a town leaves the document's country only on strong evidence."""
from __future__ import annotations

import pytest

from geo_fixtures import gazetteer, geoparser  # noqa: F401
from sitrep.geo import context
from sitrep.geo.gazetteer import Candidate


@pytest.mark.parametrize("text,expected", [
    ("Police said the shooting happened in Reno, Nev., late Friday.", ["Nevada"]),
    ("He was taken to a hospital in Columbia, S.C., where he died.", ["South Carolina"]),
    ("Goldsboro Daily News – Goldsboro News, NC", ["North Carolina"]),
    ("Officers in Phoenix, Ariz. and St. Paul, Minn. said", ["Arizona", "Minnesota"]),
    ("The man, 34, was shot. Police did not say more.", []),
])
def test_state_abbreviations(text, expected):
    assert [s for _, _, s in context.find_state_abbreviations(text)] == expected


@pytest.mark.parametrize("dateline,text,expected", [
    ("STOCKTON, Calif. (KCRA)", "A Stockton man was shot.", ("STOCKTON", "Calif.")),
    ("KABUL (Reuters)", "A bomb exploded.", ("KABUL", None)),
    (None, "DAYTON, Ohio — Two men were shot on Friday.", ("DAYTON", "Ohio")),
    (None, "KABUL (Reuters) - A suicide bomber struck.", ("KABUL", None)),
    (None, "Two men were shot on Friday in Dayton.", None),
])
def test_find_dateline(dateline, text, expected):
    assert context.find_dateline(dateline, text) == expected


@pytest.mark.parametrize("text,dateline,country,admin1", [
    ("Two people were injured during an armed robbery in Belpre.", "BELPRE, Ohio (WTAP)", "US", "Ohio"),
    ("A person was shot on South Hartley Street in York.", "YORK, Pa.", "US", "Pennsylvania"),
    ("A suicide bomber killed 12 people, Pakistani police said. Pakistan condemned it.", None, "PK", None),
    ("A suicide car bomb exploded near a NATO convoy.", "KABUL (Reuters)", "AF", "Kabul"),
])
def test_document_geography(geoparser, text, dateline, country, admin1):
    doc = geoparser.explain_places(text, dateline=dateline)["document"]
    assert doc["country"] == country and doc["admin1"] == admin1


@pytest.mark.parametrize("text,dateline,name,admin1,cc", [
    # a town is read inside the dateline's state: York, Pennsylvania, not York, England
    ("A person was shot on South Hartley Street in York at 8 p.m.", "YORK, Pa.", "York", "Pennsylvania", "US"),
    ("Victim of Christmas Day shooting in Aurora identified.", "AURORA, Colo. (CBS4)", "Aurora", "Colorado", "US"),
    ("A woman shot and killed her abductor near Birmingham.", "BIRMINGHAM, Alabama", "Birmingham", "Alabama", "US"),
])
def test_towns_inside_the_dateline(geoparser, text, dateline, name, admin1, cc):
    p = next(p for p in geoparser.find_places(text, dateline=dateline) if p.text == name)
    assert (p.admin1, p.country_code) == (admin1, cc)


def test_north_west_frontier_province_is_no_south_african_province(geoparser):
    # regression: "North-West Frontier Province" matched as North-West, South Africa
    places = geoparser.find_places("A bomb killed 12 in the North-West Frontier Province of Pakistan, police said.")
    assert [(p.text, p.country_code, p.admin1) for p in places] == [
        ("North-West Frontier Province", "PK", "Khyber Pakhtunkhwa"), ("Pakistan", "PK", None)]  # its former name


def test_foreign_namesake_without_evidence_is_dropped(geoparser):
    # regression: "Mile", "East", "Ha" pinned in Ethiopia, Cameroon, Bhutan inside American stories
    text = "Ha!!! Police said a man was shot on Mile Road in Belpre. Officers from the East precinct came."
    places = geoparser.find_places(text, dateline="BELPRE, Ohio (WTAP)")
    assert all(p.country_code == "US" for p in places if p.precision is not None)


def _cand(cc: str, pop: int = 1000, q: int = 0, fcode: str = "PPL") -> Candidate:
    return Candidate(1, "X", 0.0, 0.0, cc, None, "P", fcode, pop, q)


@pytest.mark.parametrize("cand,stated,allowed", [
    (_cand("US"), False, True),                     # inside
    (_cand("TR", q=3), False, False),               # a near spelling abroad: never without other evidence
    (_cand("TR", q=3), True, True),                 # ... unless the text says so ("X, Turkey")
    (_cand("FR", pop=2_000_000), False, True),      # Paris in a Texan story
    (_cand("IT", pop=20_000), False, False),        # Tivoli, Italy in an American story
    (_cand("MX", pop=20_000), False, True),         # Mexico is named in the text too
])
def test_leaves_document(cand, stated, allowed):
    doc = context.DocumentGeography()
    doc.add("dateline", "US", "Texas")
    doc.add("country", "MX", what="Mexico")
    why = context.leaves_document(cand, doc, stated=stated, min_population=1_000_000)
    assert (why is not None) == allowed
