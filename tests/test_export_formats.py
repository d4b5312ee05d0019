"""Exports: ACLED and UCDP column sets, GeoJSON per RFC 7946, Parquet round trip, CLI."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq

from sitrep.cli import main
from sitrep.export.acled import COLUMNS as ACLED
from sitrep.export.acled import acled_row
from sitrep.export.ucdp import COLUMNS as UCDP
from sitrep.store import Store
from store_fixtures import ZEINAB, extraction, incident

ACLED_REQUIRED = {"event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
                  "assoc_actor_1", "actor2", "assoc_actor_2", "iso", "country", "admin1", "admin2", "location",
                  "latitude", "longitude", "geo_precision", "source", "notes", "fatalities", "fatalities_low",
                  "fatalities_best", "fatalities_high", "injuries_low", "injuries_best", "injuries_high", "cameo"}
UCDP_REQUIRED = {"id", "year", "type_of_violence", "conflict_name", "side_a", "side_b", "source_article", "source_original",
                 "where_prec", "where_coordinates", "adm_1", "country", "latitude", "longitude", "date_start", "date_end",
                 "date_prec", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
                 "number_of_sources"}


def _db(tmp_path):
    path = tmp_path / "x.db"
    with Store.open(path) as s:
        s.add(extraction("a", incidents=[incident(killed=25, high=57, injured=39), incident(place=ZEINAB, killed=83)]))
        s.add(extraction("b", published="2016-02-24", incidents=[incident(killed=64)]))
        s.add(extraction("c", incidents=[incident(place={}, killed=1, sub="Attack", perpetrator=None)]))
    return str(path)


def _run(capsys, *argv):
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_acled_row_columns():
    row = acled_row(incident(killed=25, high=57))
    assert set(row) == ACLED_REQUIRED == set(ACLED)
    assert row["fatalities"] == 25 and row["iso"] == 760 and row["event_id_cnty"].startswith("SYR")


def test_csv_exports_have_the_column_sets(tmp_path, capsys):
    db = _db(tmp_path)
    acled = list(csv.DictReader(io.StringIO(_run(capsys, "export", "--db", db, "--format", "acled"))))
    assert set(acled[0]) == ACLED_REQUIRED and len(acled) == 3
    ucdp = list(csv.DictReader(io.StringIO(_run(capsys, "export", "--db", db, "--format", "ucdp"))))
    assert UCDP_REQUIRED <= set(ucdp[0]) and set(ucdp[0]) == set(UCDP)
    homs = next(r for r in ucdp if r["where_coordinates"] == "Homs")
    assert (homs["low"], homs["best"], homs["high"], homs["number_of_sources"]) == ("25", "64", "64", "2")
    assert len(list(csv.DictReader(io.StringIO(_run(capsys, "export", "--db", db, "-f", "acled", "--min-fatalities", "80"))))) == 1


def test_geojson_follows_rfc7946(tmp_path, capsys):
    doc = json.loads(_run(capsys, "export", "--db", _db(tmp_path), "--format", "geojson"))
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    assert len(doc["features"]) == 3
    for f in doc["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        g = f["geometry"]
        if g is None:
            continue
        assert g["type"] == "Point" and len(g["coordinates"]) == 2
        lon, lat = g["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert (lat, lon) == (f["properties"]["latitude"], f["properties"]["longitude"])  # [lon, lat] order
    assert sum(f["geometry"] is None for f in doc["features"]) == 1


def test_jsonl_parquet_and_table(tmp_path, capsys):
    db = _db(tmp_path)
    lines = [json.loads(x) for x in _run(capsys, "export", "--db", db, "-f", "jsonl").splitlines()]
    homs = next(x for x in lines if x["location"] and x["location"]["name"] == "Homs")
    assert homs["n_sources"] == 2 and [v["min"] for v in homs["revisions"] if v["kind"] == "killed"] == [25, 64]
    assert main(["export", "--db", db, "-f", "parquet", "-o", str(tmp_path / "x.parquet")]) == 0
    table = pq.read_table(tmp_path / "x.parquet")
    assert table.num_rows == 3 and "fatalities_best" in table.column_names
    out = _run(capsys, "export", "--db", db, "-f", "table")
    assert "Homs" in out and "25-64" in out
    assert main(["export", "--db", str(tmp_path / "none.db")]) == 5
