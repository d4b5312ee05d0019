"""Benchmark: the PostgreSQL store beside the SQLite one (issue 13).

    .venv/bin/python bench/bench_postgres.py [--n 1000] [--writers 4] [--url postgresql://...]

1. ``sitrep ingest`` of the same N articles (variants of the bundled corpus, as bench_ingest.py
   makes them) into a new SQLite file and into a new PostgreSQL database, with the real extractor
   and two workers: wall time of each and the ratio (target <= 1.3).
2. ``--writers`` ingests started at once into one new PostgreSQL database, on overlapping slices of
   the same articles (every article in two slices): articles lost (in some slice, not stored) and
   doubled (stored twice, under their id or their text) must both be 0; the wall time beside one
   ingest of all the articles.

Without ``--url`` it starts a throw-away cluster as the tests do (tests/pg_fixtures.py: initdb in
a temporary folder, fsync off, which flatters neither side: SQLite runs with synchronous=NORMAL).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT / "tests")]

from bench_ingest import OUT, variants  # noqa: E402


def _new_db(url: str | None, cluster: object, k: int) -> str:
    if cluster is not None:
        return cluster.new_database()  # type: ignore[attr-defined]
    import psycopg

    base, _, _ = url.rpartition("/")  # type: ignore[union-attr]
    name = f"sitrep_bench_{k}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name}")
        conn.execute(f"CREATE DATABASE {name} TEMPLATE template0")
    return f"{base}/{name}"


def _ingest(corpus: Path, db: str, workers: int) -> list[str]:
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    return [sitrep, "ingest", str(corpus), "--db", db, "--workers", str(workers), "--no-progress", "--json"]


def timed(cmd: list[str]) -> tuple[float, dict]:
    t = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - t, json.loads(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="articles (default 1000)")
    ap.add_argument("--workers", type=int, default=2, help="extraction workers per ingest (default 2)")
    ap.add_argument("--writers", type=int, default=4, help="concurrent PostgreSQL ingests (default 4)")
    ap.add_argument("--url", default=None, help="a PostgreSQL server to create the bench databases on "
                    "(postgresql://user@host/postgres); default: a throw-away cluster")
    args = ap.parse_args()
    cluster, stop = None, None
    if args.url is None:
        from pg_fixtures import _start

        started = _start()
        if isinstance(started, str):
            raise SystemExit(f"no PostgreSQL: {started}")
        cluster, stop = started
    try:
        OUT.mkdir(parents=True, exist_ok=True)
        records = variants(args.n)
        corpus = OUT / f"variants-{args.n}.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records))
        sqlite_db = OUT / "bench-postgres-sqlite.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_db}{suffix}").unlink(missing_ok=True)
        s_sqlite, r_sqlite = timed(_ingest(corpus, str(sqlite_db), args.workers))
        pg = _new_db(args.url, cluster, 0)
        s_pg, r_pg = timed(_ingest(corpus, pg, args.workers))
        print(f"articles {args.n:,}, {args.workers} workers per ingest")
        print(f"sitrep ingest, SQLite:      {s_sqlite:8.1f}s  {args.n / s_sqlite:6.1f} articles/s  "
              f"({r_sqlite['new']} new, {r_sqlite['copy']} copies, {r_sqlite['incidents']} incidents)")
        print(f"sitrep ingest, PostgreSQL:  {s_pg:8.1f}s  {args.n / s_pg:6.1f} articles/s  "
              f"({r_pg['new']} new, {r_pg['copy']} copies, {r_pg['incidents']} incidents)")
        print(f"PostgreSQL / SQLite ingest time: {s_pg / s_sqlite:.2f}  (target <= 1.3)")

        # several writers at once: every article in two of the slices
        w = args.writers
        slices = [[r for k, r in enumerate(records) if k % w in (i, (i + 1) % w)] for i in range(w)]
        files = []
        for i, part in enumerate(slices):
            path = OUT / f"bench-postgres-slice{i}.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in part))
            files.append(path)
        together = _new_db(args.url, cluster, 1)
        t = time.perf_counter()
        procs = [subprocess.Popen(_ingest(f, together, 1), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for f in files]
        outs = [p.communicate() for p in procs]
        s_together = time.perf_counter() - t
        failed = [o[1].strip().splitlines()[-1:] for p, o in zip(procs, outs) if p.returncode != 0]
        from sitrep.store import Store

        with Store.open(together) as s:
            stored = [r[0] for r in s.db.execute("SELECT id FROM articles")]
            hashes = [r[0] for r in s.db.execute("SELECT content_hash FROM articles")]
            incidents = s.incident_count()
        with Store.open(pg) as s:
            alone = s.incident_count()
        wanted = {r["id"] for r in records}
        texts = {}
        for r in records:
            texts.setdefault(r["text"], r["id"])
        lost = len(texts) - len(set(hashes))  # each distinct text must be stored once, under one of its ids
        doubled = (len(stored) - len(set(stored))) + (len(hashes) - len(set(hashes)))
        print(f"{w} PostgreSQL ingests at once ({sum(len(s) for s in slices):,} article inputs, each article in two): "
              f"{s_together:.1f}s; exit codes {[p.returncode for p in procs]}{' ' + str(failed) if failed else ''}")
        print(f"  articles stored {len(stored):,} of {len(wanted):,} ids ({len(texts):,} distinct texts): "
              f"lost {lost}, doubled {doubled}; incidents {incidents:,} (one ingest of all: {alone:,})")
    finally:
        if stop is not None:
            stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
