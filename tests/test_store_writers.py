"""Writers: one ingest at a time (SQLite), concurrent writers (PostgreSQL), concurrent openers, copies
found across writers, no database URLs but PostgreSQL's."""
from __future__ import annotations

import json
import multiprocessing
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitrep import settings
from sitrep.cli import main
from sitrep.errors import ConfigError
from sitrep.ingest.pipeline import ingest
from sitrep.reconcile.across import Incidents
from sitrep.store import Store, database_path, writer_lock
from sitrep.store.migrations import MIGRATIONS
from store_fixtures import extraction, marked_corpus

TESTS = str(Path(__file__).parent)
ENV = {**os.environ, "PYTHONPATH": TESTS + os.pathsep + os.environ.get("PYTHONPATH", "")}
FAKE = "store_fixtures:fake_extract_many"

WIRE = ("Bomb blasts in the Syrian cities of Homs and Damascus have left at least 140 people dead. Monitors and state "
        "media say at least four blasts struck the southern Damascus suburb of Sayyida Zeinab, killing at least 83 "
        "people. Earlier in Homs, 57 people, mainly civilians, were reportedly killed in a double car bombing.")


# -- a database is a file path or a postgresql:// URL -------------------------------------------------

URLS = ["sqlite:///tmp/sitrep.db", "mysql://sitrep:secret@h/db", "mongodb+srv://sitrep:secret@cluster0/db"]


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("command", [["ingest", "corpus.jsonl"], ["export"], ["serve"]])
def test_a_database_url_is_a_usage_error(tmp_path, monkeypatch, capsys, command, url):
    # regression: --db postgresql://... silently made a folder "postgresql:" with an SQLite file in it
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus.jsonl").write_text(json.dumps(marked_corpus(1)[0]) + "\n")
    assert main([*command, "--db", url]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not one sitrep can open" in err and "Traceback" not in err
    assert "secret" not in err  # the rest of the URL may hold a password
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus.jsonl"]  # nothing created


def test_a_url_in_the_settings_file_is_a_usage_error_too(tmp_path, monkeypatch, capsys):
    (tmp_path / "sitrep.toml").write_text('[store]\ndb = "mysql://localhost/sitrep"\n')
    monkeypatch.setenv("SITREP_SETTINGS", str(tmp_path / "sitrep.toml"))
    settings.load.cache_clear()
    try:
        assert main(["export"]) == 2
        with pytest.raises(ConfigError):
            Store.open()
    finally:
        settings.load.cache_clear()
    assert "is not one sitrep can open" in capsys.readouterr().err


def test_an_unreachable_postgresql_server_is_one_line_and_exit_5(tmp_path, capsys):
    url = f"postgresql://sitrep:secret@/sitrep?host={tmp_path}&port=1"  # no server on that socket
    assert main(["export", "--db", url]) == 5
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot open database" in err and "secret" not in err and "Traceback" not in err


@pytest.mark.parametrize("path", ["sitrep.db", "data/sitrep.db", "/var/lib/sitrep/sitrep.db", "C:/sitrep/sitrep.db",
                                  "incidents:2016.db", ":memory:"])
def test_file_paths_are_kept(path):
    assert database_path(path) == path


# -- opening a new database from many processes at once ----------------------------------------------

def _open_at(path: str, start: float, out: multiprocessing.Queue) -> None:
    while time.time() < start:
        pass
    try:
        with Store.open(path) as s:
            sql = "SELECT version FROM sitrep_schema" if s.backend == "postgresql" else "PRAGMA user_version"
            out.put(s.db.execute(sql).fetchone()[0])
    except Exception as e:  # noqa: BLE001 - reported to the test
        out.put(f"{type(e).__name__}: {e}")


@pytest.mark.parametrize("trial", range(3))
def test_openers_of_a_new_database_at_once_all_succeed(new_db, trial):
    # regression: "migration 1 failed: table meta already exists" when two openers raced
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    start = time.time() + 0.3
    where = new_db()
    procs = [ctx.Process(target=_open_at, args=(where, start, out)) for _ in range(6)]
    for p in procs:
        p.start()
    results = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join()
    assert results == [len(MIGRATIONS)] * 6


# -- copies are found whoever stored the original ----------------------------------------------------

def test_a_store_sees_the_articles_another_store_added(new_db):
    # regression: each writer kept its copy-detection index from when it was first used
    path = new_db()
    with Store.open(path) as first, Store.open(path) as second:
        one, two = Incidents(first), Incidents(second)
        assert two.add(extraction("unrelated")) == "new"  # builds two's index
        assert one.add(extraction("orig", text=WIRE, published="2016-02-22")) == "new"
        assert two.add(extraction("copy", text="(Reuters) " + WIRE, published="2016-02-23")) == "copy"
        assert second.get_article("copy")["copy_of"] == "orig"


# -- two ingests at once ------------------------------------------------------------------------------

def _records(n: int = 60) -> list[dict]:
    """Marked articles long enough for copy detection, and wire copies of some (published a day later)."""
    base = marked_corpus(n)
    for k, r in enumerate(base):
        r["text"] += " " + " ".join(f"w{(k * 7 + i * 13) % 1009}" for i in range(60)) + "."
    copies = {}
    for k in (2, 5, 12, 30, 33, 41, 55):
        day = int(base[k]["published"][-2:]) + 1
        copies[k] = {"id": f"wire{k:03d}", "published": base[k]["published"][:-2] + f"{day:02d}",
                     "text": "(Reuters) - " + base[k]["text"] + " Reporting by staff."}
    return base + [copies[k] for k in sorted(copies)]


def _write(path: Path, records: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return str(path)


def _overlapping(tmp_path):
    records = _records()
    ids = {r["id"]: r for r in records}
    a = [ids[f"m{k:03d}"] for k in range(0, 40)] + [ids[f"wire{k:03d}"] for k in (2, 5, 30)]
    # b holds copies whose original only a has (wire012), and originals of a's copy (m030)
    b = [ids[f"m{k:03d}"] for k in range(25, 60)] + [ids[f"wire{k:03d}"] for k in (5, 12, 33, 41, 55)]
    return _write(tmp_path / "a.jsonl", a), _write(tmp_path / "b.jsonl", b)


def _dump(db):
    with Store.open(db) as s:
        return s.dump()


def _ingest_cmd(corpus: str, db: Path, extractor: str = "store_fixtures:slow_extract_many") -> list[str]:
    return [sys.executable, "-m", "sitrep.cli", "ingest", corpus, "--db", str(db), "--workers", "1",
            "--batch-size", "4", "--no-progress", "--extractor", extractor]


def test_two_ingests_started_together_give_the_database_of_one_after_the_other(tmp_path):
    # regression: both exited 0 but marked copies as originals (each had its own copy index), and on
    # a new database one exited 5 about half the time ("database is locked", "migration 1 failed")
    a, b = _overlapping(tmp_path)
    one_by_one = tmp_path / "sequential.db"
    first = ingest([a], one_by_one, workers=1, extractor=FAKE, progress=False)
    second = ingest([b], one_by_one, workers=1, extractor=FAKE, progress=False)
    assert first.copy == 3 and second.copy == 4 and second.duplicate == 16
    expected = _dump(one_by_one)

    together = tmp_path / "together.db"
    procs = [subprocess.Popen(_ingest_cmd(c, together), env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for c in (a, b)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [o[1].decode() for o in outs]
    assert _dump(together) == expected
    copies = [r for r in expected["articles"] if r[-1] is not None]
    assert sorted(r[0] for r in copies) == ["wire002", "wire005", "wire012", "wire030", "wire033", "wire041", "wire055"]


def test_a_second_writer_says_it_waits_then_runs_on_the_current_database(tmp_path):
    a, _ = _overlapping(tmp_path)
    db = tmp_path / "x.db"
    with writer_lock(str(db)):
        proc = subprocess.Popen(_ingest_cmd(a, db, FAKE), env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        ready, _, _ = select.select([proc.stderr], [], [], 60)
        line = proc.stderr.readline().decode() if ready else ""
        assert "waiting for another writer" in line and str(os.getpid()) in line
        assert proc.poll() is None and not db.exists()  # nothing done before its turn
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode()
    assert "new 40, copies 3" in out.decode()


def test_an_ingest_into_a_new_folder_makes_it(tmp_path):
    a, _ = _overlapping(tmp_path)
    db = tmp_path / "new" / "folder" / "x.db"
    assert ingest([a], db, workers=1, extractor=FAKE, progress=False).new == 40
    assert (db.parent / "x.db.lock").is_file()


# -- several writers at once on PostgreSQL ------------------------------------------------------------

def test_four_postgresql_ingests_at_once_lose_and_double_nothing(tmp_path, pg_cluster):
    # no lock file: each batch's transaction takes the write lock; every article is checked against
    # what is stored inside the transaction that stores it (four inputs sharing articles and copies)
    records = _records()
    parts = [records[k::4] + records[(k + 1) % 4::8] for k in range(4)]  # each shares articles with another
    corpora = [_write(tmp_path / f"part{k}.jsonl", part) for k, part in enumerate(parts)]
    one_by_one = pg_cluster.new_database()
    for corpus in corpora:
        ingest([corpus], one_by_one, workers=1, extractor=FAKE, progress=False)
    expected = _dump(one_by_one)

    together = pg_cluster.new_database()
    procs = [subprocess.Popen(_ingest_cmd(c, together), env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for c in corpora]
    outs = [p.communicate(timeout=180) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], [o[1].decode() for o in outs]
    got = _dump(together)
    assert [r[0] for r in got["articles"]] == sorted(r["id"] for r in records)  # none lost, none twice
    for table in ("articles", "reports", "claims", "incidents"):
        assert got[table] == expected[table], table
