"""Ingest end to end: twice gives the same database; kill -9 mid-run resumes to the same database."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitrep.ingest.pipeline import ingest
from sitrep.store import Store
from store_fixtures import marked_corpus

TESTS = str(Path(__file__).parent)


def _corpus(tmp_path, n=60):
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in marked_corpus(n)))
    return path


def _slow_ingest(corpus, db, workers, batch_size):
    """``sitrep ingest`` in a subprocess with an extractor slow enough to be killed half-way."""
    env = {**os.environ, "PYTHONPATH": TESTS + os.pathsep + os.environ.get("PYTHONPATH", "")}
    cmd = [sys.executable, "-m", "sitrep.cli", "ingest", str(corpus), "--db", str(db), "--workers", str(workers),
           "--batch-size", str(batch_size), "--no-progress", "--extractor", "store_fixtures:slow_extract_many"]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _dump(db):
    with Store.open(db) as s:
        return s.dump()


def _count(db, sql):
    with Store.open(db) as s:
        return s.db.execute(sql).fetchone()[0]


def test_ingest_twice_gives_the_same_database(tmp_path, new_db):
    corpus = _corpus(tmp_path, 30)
    a_db = new_db()
    first = ingest([str(corpus)], a_db, workers=1, batch_size=7, extractor="store_fixtures:fake_extract_many", progress=False)
    assert (first.read, first.new, first.failed) == (30, 30, 0)
    before = _dump(a_db)
    again = ingest([str(corpus)], a_db, workers=1, extractor="store_fixtures:fake_extract_many", progress=False)
    assert (again.new, again.duplicate) == (0, 30)
    assert _dump(a_db) == before
    assert 0 < first.incidents < 30  # reports of the same event merged


def test_two_workers_give_the_same_database_as_one(tmp_path, new_db):
    corpus = _corpus(tmp_path, 30)
    one, two = new_db(), new_db()
    ingest([str(corpus)], one, workers=1, batch_size=4, extractor="store_fixtures:fake_extract_many", progress=False)
    ingest([str(corpus)], two, workers=2, batch_size=4, extractor="store_fixtures:fake_extract_many", progress=False)
    assert _dump(one) == _dump(two)


def test_killed_ingest_resumes_to_the_same_database(tmp_path, new_db):
    corpus = _corpus(tmp_path, 60)
    clean = new_db()
    ingest([str(corpus)], clean, workers=1, batch_size=5, extractor="store_fixtures:fake_extract_many", progress=False)

    killed = new_db()
    proc = _slow_ingest(corpus, killed, workers=1, batch_size=5)
    deadline = time.time() + 60
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            stored = _count(killed, "SELECT COUNT(*) FROM articles")
        except Exception:  # noqa: BLE001 - not created yet, or locked: look again
            continue
        if stored >= 15:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert 15 <= stored < 60, proc.stderr.read().decode() if proc.stderr else stored

    resumed = ingest([str(corpus)], killed, workers=1, batch_size=5, extractor="store_fixtures:fake_extract_many", progress=False)
    assert resumed.new + resumed.duplicate == 60 and resumed.failed == 0
    assert resumed.duplicate >= 15
    assert _dump(killed) == _dump(clean)


def _children(pid):
    """Live (not zombie) processes whose parent is ``pid``, read from /proc (psutil is not installed)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == pid and state != "Z":
            out.append(int(entry.name))
    return out


def _alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_killed_ingest_and_a_rerun_completes(tmp_path, new_db):
    # regression: after kill -9 of ingest its two worker processes stayed alive for a minute or more
    corpus = _corpus(tmp_path, 60)
    clean = new_db()
    ingest([str(corpus)], clean, workers=1, batch_size=3, extractor="store_fixtures:fake_extract_many", progress=False)
    killed = new_db()
    proc = _slow_ingest(corpus, killed, workers=2, batch_size=3)
    deadline = time.time() + 60
    workers = []
    while time.time() < deadline and proc.poll() is None and len(workers) < 2:
        time.sleep(0.05)
        workers = _children(proc.pid)
    assert len(workers) == 2, proc.stderr.read().decode() if proc.poll() is not None else workers
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 5
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.05)
    assert not [w for w in workers if _alive(w)]

    rerun = ingest([str(corpus)], killed, workers=2, batch_size=3, extractor="store_fixtures:fake_extract_many", progress=False)
    assert rerun.new + rerun.duplicate == 60 and rerun.failed == 0
    assert _dump(killed) == _dump(clean)


def test_an_article_the_store_cannot_take_fails_alone(tmp_path, new_db):
    """Regression (issue 8): one record the store choked on took its whole batch with it."""
    records = marked_corpus(12)
    records[5]["text"] += " UNSTORABLE"
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records))
    db = new_db()
    report = ingest([str(corpus)], db, workers=1, batch_size=12, extractor="store_fixtures:unstorable_extract_many",
                    progress=False)
    assert (report.new, report.failed) == (11, 1)
    assert report.failures[0].where == "m005" and "cannot store it" in report.failures[0].reason
    # nothing of the failed article is left half-written
    assert _count(db, "SELECT COUNT(*) FROM articles WHERE id = 'm005'") == 0
    assert _count(db, "SELECT COUNT(*) FROM reports WHERE article_id = 'm005'") == 0
    assert _count(db, "SELECT COUNT(*) FROM articles") == 11
    again = ingest([str(corpus)], db, workers=1, extractor="store_fixtures:unstorable_extract_many", progress=False)
    assert (again.new, again.duplicate, again.failed) == (0, 11, 1)
