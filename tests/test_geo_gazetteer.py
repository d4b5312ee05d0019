"""The index: normalisation, lookups, corrupt/old files, importing a GeoNames dump."""
from __future__ import annotations

import shutil
import sqlite3
import zipfile

import pytest

from geo_fixtures import gazetteer  # noqa: F401
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
