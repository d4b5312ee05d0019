"""Batch mode (issue 13, item 2): sitrep batch + sitrep load give the database sitrep ingest gives.

The real extractor on 20 articles of the bundled sample (Wikinews, CC BY 2.5), plus a line that is
not JSON (a read failure) and a repeated article (a duplicate within the run). The Spark engine runs
in ``local[2]`` and skips only where pyspark or Java is missing (``make test`` installs both).
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sitrep.batch import tables
from sitrep.batch.load import load
from sitrep.batch.run import Unit, batch, units_of
from sitrep.cli import main
from sitrep.ingest.pipeline import ingest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample" / "articles.jsonl"
BAD_LINE = "this line is not JSON"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    lines = SAMPLE.read_text("utf-8").splitlines()[:20]
    path = tmp_path_factory.mktemp("batch") / "articles.jsonl"
    path.write_text("\n".join([*lines[:10], BAD_LINE, *lines[10:], lines[3]]) + "\n", "utf-8")
    return path


def _export(db: Path, fmt: str, tmp: Path) -> bytes:
    out = tmp / f"{db.stem}.{fmt}"
    assert main(["export", "--db", str(db), "--format", fmt, "--output", str(out)]) == 0
    return out.read_bytes()


@pytest.fixture(scope="module")
def ingested(inputs, tmp_path_factory) -> tuple[Path, dict]:
    db = tmp_path_factory.mktemp("ingest") / "ingest.db"
    report = ingest([str(inputs)], db, workers=1, progress=False)
    return db, report.to_dict()


def _same_as_ingest(out: Path, ingested, tmp: Path) -> None:
    db, want = ingested
    got = load(out, tmp / "load.db").to_dict()
    for key in ("read", "new", "duplicate", "copy", "failed", "incidents"):
        assert got[key] == want[key], key
    assert [f["reason"] for f in got["failures"]] == [f["reason"] for f in want["failures"]]
    for fmt in ("jsonl", "acled", "ucdp"):
        assert _export(tmp / "load.db", fmt, tmp) == _export(db, fmt, tmp), fmt


def _bad_line_is_an_error(out: Path, inputs: Path) -> None:
    errors = tables.read_table(out, "errors")
    assert [(e["stage"], e["where"]) for e in errors] == [("read", f"{inputs}:11")]
    assert errors[0]["reason"].startswith("not JSON")


def test_local_batch_then_load_is_ingest(inputs, ingested, tmp_path):
    report = batch([str(inputs)], tmp_path / "out", engine="local")
    assert (report.articles, report.errors) == (21, 1)
    _bad_line_is_an_error(tmp_path / "out", inputs)
    seqs = [a["seq"] for a in tables.read_table(tmp_path / "out", "articles")]
    assert seqs == sorted(seqs) and len(set(seqs)) == 21
    _same_as_ingest(tmp_path / "out", ingested, tmp_path)


def test_loading_twice_stores_nothing_twice(inputs, tmp_path, new_db):
    batch([str(inputs)], tmp_path / "out", engine="local", extractor="store_fixtures:fake_extract_many")
    db = new_db()  # an SQLite file, and a PostgreSQL database
    first = load(tmp_path / "out", db)
    again = load(tmp_path / "out", db)
    assert (first.new, first.failed) == (20, 1) and (again.new, again.duplicate) == (0, 21)


def test_a_row_that_does_not_read_back_fails_its_article_and_the_rest_are_stored(inputs, tmp_path, new_db):
    # a batch output edited or truncated by hand: one article's cleaned JSON broken, one report's JSON
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    batch([str(inputs)], out, engine="local")
    for table, column, victim in (("articles", "cleaned", 2), ("reports", "json", 0)):
        rows = tables.read_table(out, table)
        rows[victim][column] = rows[victim][column][:40]
        shutil.rmtree(out / table)
        (out / table).mkdir()
        pq.write_table(pa.Table.from_pylist(rows, schema=tables.SCHEMAS[table]), out / table / "part-00000.parquet")
    report = load(out, new_db())
    assert report.failed == 3 and report.new == 18, report.failures
    reasons = [f.reason for f in report.failures if "cannot read its batch row back" in f.reason]
    assert len(reasons) == 2 and all("\n" not in r for r in reasons)
    (out / "errors" / "part-00000.parquet").write_bytes(b"junk")  # a file that is no Parquet: one line, exit 3
    assert main(["load", str(out), "--db", str(tmp_path / "y.db")]) == 3


def test_reports_and_claims_rows_follow_the_extraction(inputs, tmp_path):
    batch([str(inputs)], tmp_path / "out", engine="local")
    reports = tables.read_table(tmp_path / "out", "reports")
    claims = tables.read_table(tmp_path / "out", "claims")
    by_id = {r["report_id"]: json.loads(r["json"]) for r in reports}
    assert claims and all(c["report_id"] in by_id for c in claims)
    for c in claims:
        want = by_id[c["report_id"]]["claims"][c["position"]]
        assert (c["kind"], c["min"], c["max"], c["quote"], c["start"], c["end"]) == (
            want["kind"], want["min"], want["max"], want["quote"], want["start"], want["end"])


@pytest.mark.parametrize("inputs_n,partitions,slices", [(1, 4, 4), (3, 4, 2), (5, 4, 1), (2, 1, 1)])
def test_units_cover_each_input_in_slices(tmp_path, inputs_n, partitions, slices):
    for i in range(inputs_n):
        (tmp_path / f"{i}.txt").write_text("A bomb killed two people in Kabul.", "utf-8")
    units = units_of([str(tmp_path)], partitions)
    assert len(units) == inputs_n * slices
    assert {(u.index, u.k) for u in units} == {(i, k) for i in range(inputs_n) for k in range(slices)}


def test_seq_keeps_input_order():
    assert tables.seq_of(0, 5) < tables.seq_of(1, 0) < tables.seq_of(1, 1) < tables.seq_of(2, 0)
    assert Unit(3, "x", 1, 4).slices == 4


@pytest.mark.parametrize("argv,code,says", [
    (["batch", "x.jsonl", "--out", "{tmp}/o", "--engine", "local", "--partitions", "0"], 2, "--partitions"),
    (["batch", "{tmp}/missing.jsonl", "--out", "{tmp}/o", "--engine", "local"], 3, "nothing could be read"),
    (["load", "{tmp}/nothing-here", "--db", "{tmp}/x.db"], 3, "not a sitrep batch output"),
    (["load", "{tmp}", "--db", "{tmp}/x.db", "--batch-size", "0"], 2, "--batch-size"),
])
def test_bad_input_is_one_line_and_an_exit_code(tmp_path, capsys, argv, code, says):
    assert main([a.replace("{tmp}", str(tmp_path)) for a in argv]) == code
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and says in err[0]


def _spark_missing() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install 'sitrep[spark]'; make test installs it)"
    if shutil.which("java") is None:
        return "java is not installed (tools/setup-system.sh installs openjdk-17-jre-headless)"
    return None


@pytest.mark.slow
@pytest.mark.skipif(_spark_missing() is not None, reason=str(_spark_missing()))
def test_spark_batch_then_load_is_ingest(inputs, ingested, tmp_path):
    report = batch([str(inputs)], tmp_path / "out", engine="spark", master="local[2]", partitions=4,
                   tmp=str(tmp_path / "spark"))
    assert (report.articles, report.errors, report.units) == (21, 1, 4)
    # one model per Python worker, not per task or record: worker reuse is on
    assert 1 <= report.model_loads == report.workers <= 2
    _bad_line_is_an_error(tmp_path / "out", inputs)
    _same_as_ingest(tmp_path / "out", ingested, tmp_path)
