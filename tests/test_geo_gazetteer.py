"""The index: normalisation, lookups, corrupt/old files, importing a GeoNames dump."""
from __future__ import annotations

import shutil
import sqlite3
import zipfile

import pytest

from geo_fixtures import gazetteer, geoparser  # noqa: F401
from sitrep.errors import GazetteerError
from sitrep.geo.gazetteer import Gazetteer, import_geonames_dump
from sitrep.geo.normalize import norm, skeleton


@pytest.mark.parametrize("a,b", [
    ("Deir ez-Zor", "Dayr az Zawr"), ("Deir ez-Zor", "Deir al-Zour"), ("Sayyida Zeinab", "Sayyidah Zaynab"),
    ("Ar-Raqqah", "Al Raqqa"), ("Sana'a", "Sanaa"),
])
def test_transliterations_share_a_skeleton(a, b):
    assert skeleton(norm(a)) == skeleton(norm(b)) or norm(a) == norm(b)


@pytest.mark.parametrize("name,key", [("Deir ez-Zor", "deir ez zor"), ("São Paulo", "sao paulo"), ("U.S.", "u s"), ("", "")])
def test_norm(name, key):
    assert norm(name) == key


def test_lookups(gazetteer):
    assert any(c.gid == 169577 for c in gazetteer.lookup("homs"))
    assert gazetteer.lookup("syria")[0].fcode == "PCLI"
    assert any(c.fcode == "ADM1" and c.cc == "SY" for c in gazetteer.lookup("rif dimashq"))
    assert any("Zaynab" in c.name for c in gazetteer.lookup("sayyida zeinab"))
    info = gazetteer.info()
    assert info["places"] > 200_000 and info["countries"] > 200


def test_missing_index_reported_in_one_line(tmp_path):
    with pytest.raises(GazetteerError, match="no gazetteer index"):
        Gazetteer.open(tmp_path / "nope.sqlite", build_missing=False)


def test_corrupt_index_reported(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(GazetteerError, match="unusable gazetteer index"):
        Gazetteer.open(bad, build_missing=False)


def test_old_version_reported(tmp_path, gazetteer):
    old = tmp_path / "old.sqlite"
    shutil.copy(gazetteer.path, old)
    con = sqlite3.connect(old)
    con.execute("UPDATE meta SET value='1' WHERE key='version'")
    con.commit()
    con.close()
    with pytest.raises(GazetteerError, match="version 1"):
        Gazetteer.open(old, build_missing=False)


def _dump_row(gid, name, alts, lat, lon, fclass, fcode, cc, a1, pop):
    cols = [str(gid), name, name, ",".join(alts), str(lat), str(lon), fclass, fcode, cc, "", a1, "", "", "", str(pop),
            "", "100", "Asia/Damascus", "2024-01-01"]
    return "\t".join(cols) + "\n"


def test_import_small_dump(tmp_path, gazetteer):
    index = tmp_path / "gaz.sqlite"
    shutil.copy(gazetteer.path, index)
    rows = [
        _dump_row(9990001, "Tall Qarah Test", ["Tal Qara Test"], 35.1, 36.9, "P", "PPLX", "SY", "11", 0),
        _dump_row(169575, "Homs Governorate", ["Muhafazat Hims"], 34.5, 38.0, "A", "ADM1", "SY", "11", 1_500_000),
        _dump_row(9990002, "Test Camp Sitrep", [], 36.0, 37.0, "S", "CMP", "SY", "09", 0),
        _dump_row(9990003, "Some Stream", [], 36.0, 37.0, "H", "STM", "SY", "09", 0),
    ]
    dump = tmp_path / "SY.zip"
    with zipfile.ZipFile(dump, "w") as zf:
        zf.writestr("SY.txt", "".join(rows))
        zf.writestr("readme.txt", "not data")
    assert import_geonames_dump(dump, index) == 3  # the stream (class H) is skipped
    g = Gazetteer.open(index, build_missing=False)
    hit = g.lookup(norm("Tal Qara Test"))
    assert hit and hit[0].gid == 9990001 and hit[0].fcode == "PPLX" and hit[0].admin1 == "Homs"
    assert g.lookup(norm("Test Camp Sitrep"))[0].fcode == "CMP"
    assert any(c.gid == 169575 and c.fcode == "ADM1" for c in g.lookup("muhafazat hims"))
    assert g.lookup("some stream") == ()


def test_import_rejects_non_dump(tmp_path, gazetteer):
    index = tmp_path / "gaz.sqlite"
    shutil.copy(gazetteer.path, index)
    bad = tmp_path / "bad.txt"
    bad.write_text("just\tsome\ttabs\n")
    with pytest.raises(GazetteerError, match="GeoNames format"):
        import_geonames_dump(bad, index)


# admin2 (issue 10 item 4): towns carry their district or county from the shipped sources
@pytest.mark.parametrize("name,cc,admin1,admin2", [
    ("Dayton", "US", "Ohio", "Montgomery County"),
    ("Ferguson", "US", "Missouri", "Saint Louis County"),
    ("Charleston", "US", "South Carolina", "Charleston County"),
    ("Srinagar", "IN", "Kashmir", "Srinagar"),
    ("Birmingham", "GB", "England", "City and Borough of Birmingham"),
])
def test_towns_carry_admin2(gazetteer, name, cc, admin1, admin2):
    town = max((c for c in gazetteer.lookup(norm(name)) if c.cc == cc and c.fcode.startswith("PPL")), key=lambda c: c.pop)
    assert (town.admin1, town.admin2) == (admin1, admin2)


def test_admin2_areas_and_bigger_areas(gazetteer):
    areas = [c for c in gazetteer.lookup("culiacan") if c.fcode == "ADM2"]
    assert areas and areas[0].admin2 == areas[0].name == "Culiacan"
    assert gazetteer.lookup("ohio")[0].admin2 is None  # an admin1 area has no admin2
    assert gazetteer.countries()["PK"].admin2 is None


@pytest.mark.parametrize("text,mention,admin2", [
    ("Police said two men were shot and killed in Ferguson, Missouri, late on Sunday.", "Ferguson", "Saint Louis County"),
    ("DAYTON, Ohio - A gunman opened fire outside a bar in the Oregon District early Sunday.", "DAYTON", "Montgomery County"),
    ("Militants attacked a police post in Srinagar, the summer capital of Jammu and Kashmir.", "Srinagar", "Srinagar"),
])
def test_resolved_town_carries_admin2(geoparser, text, mention, admin2):
    hit = [p for p in geoparser.find_places(text) if p.text == mention]
    assert hit and hit[0].admin2 == admin2


def _dump_row2(gid, name, lat, lon, fclass, fcode, cc, a1, a2, pop):
    cols = [str(gid), name, name, "", str(lat), str(lon), fclass, fcode, cc, "", a1, a2, "", "", str(pop),
            "", "300", "Asia/Karachi", "2024-01-01"]
    return "\t".join(cols) + "\n"


# a Pakistani district from a user's GeoNames dump: the index's own sources have none for Pakistan
PK_ROWS = [
    _dump_row2(9990011, "Takht Bhai Test", 34.286, 71.946, "P", "PPL", "PK", "03", "9990012", 0),
    _dump_row2(9990012, "Mardan District", 34.25, 72.0, "A", "ADM2", "PK", "03", "9990012", 0),
    _dump_row2(9990013, "Parachinar Test", 33.899, 70.1, "P", "PPL", "PK", "03", "9990099", 0),
    _dump_row2(9990014, "Chitral Test", 35.851, 71.786, "P", "PPL", "PK", "03", "", 0),
]


@pytest.mark.parametrize("with_codes,town_admin2", [(True, "Mardan District"), (False, "9990012")])
def test_import_dump_admin2(tmp_path, gazetteer, with_codes, town_admin2):
    index = tmp_path / "gaz.sqlite"
    shutil.copy(gazetteer.path, index)
    (tmp_path / "PK.txt").write_text("".join(PK_ROWS), encoding="utf-8")
    if with_codes:
        (tmp_path / "admin2Codes.txt").write_text("PK.03.9990012\tMardan District\tMardan District\t9990012\n", encoding="utf-8")
    assert import_geonames_dump(tmp_path / "PK.txt", index) == 4
    g = Gazetteer.open(index, build_missing=False)
    town = g.get(9990011)
    assert town is not None and (town.admin1, town.admin2) == ("Khyber Pakhtunkhwa", town_admin2)
    assert g.get(9990012).admin2 == "Mardan District"  # an ADM2 row is its own admin2
    assert g.get(9990013).admin2 == "9990099"  # a code the codes file lacks: the bare code
    assert g.get(9990014).admin2 is None


_RG = {("US", 39.76, -84.19): ("Ohio", "Montgomery County"), ("PK", 34.2, 72.03): ("Khyber Pakhtunkhwa", "")}
_NAMED = {("US", "Kettering"): [(39.6895, -84.1688, "Montgomery County")]}


@pytest.mark.parametrize("city,admin2", [
    (dict(countrycode="US", name="Dayton", latitude=39.7589, longitude=-84.1916), "Montgomery County"),  # same point
    (dict(countrycode="US", name="Kettering", latitude=39.71, longitude=-84.15), "Montgomery County"),  # point moved
    (dict(countrycode="US", name="Kettering", latitude=39.9, longitude=-84.15), None),  # a namesake too far away
    (dict(countrycode="US", name="Oakwood", latitude=39.72, longitude=-84.17), None),  # no guess from neighbours
    (dict(countrycode="PK", name="Mardan", latitude=34.2012, longitude=72.0258), None),  # the CSV names none
])
def test_town_admin2(city, admin2):
    from sitrep.geo.gazetteer import _town_admin2

    assert _town_admin2(city, _RG, _NAMED) == admin2


@pytest.mark.parametrize("row,admin2", [
    (_dump_row2(1, "Takht Bhai", 34.3, 71.9, "P", "PPL", "PK", "03", "9990012", 0), "Mardan District"),
    (_dump_row2(2, "Mardan District", 34.2, 72.0, "A", "ADM2", "PK", "03", "", 0), "Mardan District"),
    (_dump_row2(3, "Parachinar", 33.9, 70.1, "P", "PPL", "PK", "03", "777", 0), "777"),
    (_dump_row2(4, "Chitral", 35.8, 71.8, "P", "PPL", "PK", "03", "", 0), None),
])
def test_dump_admin2(row, admin2):
    from sitrep.geo.gazetteer import dump_admin2

    assert dump_admin2(row.rstrip("\n").split("\t"), {"PK.03.9990012": "Mardan District"}) == admin2
