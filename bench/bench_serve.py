"""Load benchmark for ``sitrep serve``: requests/s and p50/p95/p99 latency at N concurrent clients.

    .venv/bin/python bench/bench_serve.py                    # 100,000 incidents, 50 clients
    .venv/bin/python bench/bench_serve.py --incidents 5000 --requests 1000   # a quick run

1. Builds (once; cached in bench/out/) a database of synthetic incidents through the real
   ``Store.add`` (random places in 16 countries, 10 years of dates, all ACLED types, 1-3 incidents
   per article, article text for full-text search).
2. Starts ``sitrep serve`` on 127.0.0.1 (a free port) in a subprocess.
3. Sends a bounded number of requests (``--requests`` per scenario, and never for longer than
   ``--seconds``) from ``--clients`` keep-alive connections in one asyncio process, only ever to
   127.0.0.1, and reports requests/s and latency percentiles per scenario as a table and JSON.

Target (issue 5): p95 <= 100 ms at 50 clients on the 2-core dev machine ("filtered, each new": the
same requests, each one an answer the server has not kept); the same for
``/api/rollup`` (issue 12), measured twice: every request a new roll-up, and a dashboard's 24
roll-ups asked again and again (the API keeps an answer while the store's generation holds).

    .venv/bin/python bench/bench_serve.py --keepalive 20     # one client, 20 requests on one connection

``--keepalive N`` measures instead the latency of N requests one after the other on one keep-alive
connection, for ``sitrep serve`` and, beside it, the same app on a socket uvicorn made itself
(issue 8: sitrep's socket lacked TCP_NODELAY and each request waited ~43 ms for a delayed ACK).

    sitrep copy bench/out/serve-100000.db postgresql://me@/sitrep_bench
    .venv/bin/python bench/bench_serve.py --db postgresql://me@/sitrep_bench    # the same on PostgreSQL

``--db`` serves a database made elsewhere (issue 13: the list API on both backends); ``--workers N``
runs ``sitrep serve --workers N`` (N processes on the one socket).
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
HOST = "127.0.0.1"  # the only address this script ever talks to

COUNTRIES = [  # (name, ISO, lat, lon, admin1s)
    ("Syria", "SY", 35.0, 38.0, ["Homs", "Aleppo", "Idlib", "Rif Dimashq"]),
    ("Iraq", "IQ", 33.0, 44.0, ["Baghdad", "Nineveh", "Anbar"]),
    ("Yemen", "YE", 15.5, 47.5, ["Sanaa", "Taizz", "Marib"]),
    ("Nigeria", "NG", 9.0, 8.0, ["Borno", "Kaduna", "Zamfara"]),
    ("Mali", "ML", 17.0, -4.0, ["Mopti", "Gao", "Timbuktu"]),
    ("Somalia", "SO", 5.0, 46.0, ["Banaadir", "Lower Shabelle"]),
    ("Afghanistan", "AF", 34.0, 66.0, ["Kabul", "Helmand", "Kandahar"]),
    ("Ukraine", "UA", 49.0, 32.0, ["Donetsk", "Kharkiv", "Luhansk"]),
    ("Sudan", "SD", 15.0, 30.0, ["Khartoum", "North Darfur"]),
    ("Democratic Republic of Congo", "CD", -2.0, 23.0, ["North Kivu", "Ituri"]),
    ("Myanmar", "MM", 21.0, 96.0, ["Rakhine", "Sagaing"]),
    ("Mexico", "MX", 23.0, -102.0, ["Guerrero", "Michoacan"]),
    ("Burkina Faso", "BF", 12.0, -1.5, ["Sahel", "Est"]),
    ("Colombia", "CO", 4.0, -73.0, ["Cauca", "Antioquia"]),
    ("Pakistan", "PK", 30.0, 70.0, ["Khyber Pakhtunkhwa", "Balochistan"]),
    ("Libya", "LY", 27.0, 17.0, ["Tripoli", "Benghazi"]),
]
ACTORS = ["Islamic State", "Government forces", "Al-Shabaab", "Boko Haram", "Taliban", "RSF", "unidentified gunmen",
          "JNIM", "M23", "Houthis", "police", "protesters"]
WORDS = ("attack village market convoy checkpoint shelling clash bombing raid airstrike militants soldiers civilians "
         "killed wounded displaced town road base mosque school hospital protest police fighters").split()
# A Zipf-like vocabulary of made-up words, so that full-text queries are selective and the
# near-duplicate detector does not see every synthetic article as a copy of every other.
_SYL = ["ka", "lo", "mi", "ra", "ten", "du", "sa", "vor", "qi", "ne", "bal", "zu", "fi", "gor", "he", "ul"]
VOCAB = WORDS + [a + b + c for a in _SYL for b in _SYL for c in _SYL][:4000]
WEIGHTS = [1.0 / (i + 1) ** 0.9 for i in range(len(VOCAB))]


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choices(VOCAB, WEIGHTS, k=n))


def build(path: Path, n: int, seed: int = 7, on_chunk: Callable[[int, int, float], None] | None = None,
          chunk: int = 2000, batch: int = 32, order: str = "random") -> None:
    """Build the database at ``path``; ``on_chunk(incidents made, articles added, seconds)`` is
    told after every ``chunk`` articles how long that chunk took (``bench_store_add.py``). Articles
    are added ``batch`` to a transaction, as ``sitrep ingest`` adds them (its ``--batch-size``).
    ``order``: "random" spreads the dates over the 10 years from the start (so the incidents
    within any matching window grow with the database); "chronological" advances them with the
    build, a few days' jitter apart (a feed, or an archive read in date order: the density in a
    window stays the same as the database grows)."""
    sys.path.insert(0, str(ROOT))
    from sitrep.models import ACLED_TYPES, Actor, Article, Claim, Extraction, Incident, Place, Range
    from sitrep.store import Store
    from sitrep.reconcile.across import Incidents

    rng = random.Random(seed)
    types = [(t, s) for t, subs in ACLED_TYPES.items() for s in subs]
    start = dt.date(2014, 1, 1)
    tmp = path.with_suffix(".building")
    for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        p.unlink(missing_ok=True)
    t0 = t_chunk = time.time()
    made = a = 0
    with Store.open(tmp) as store:
        writer = Incidents(store)
        while made < n:
            with store.transaction():
                for _ in range(batch):
                    if made >= n:
                        break
                    country, iso, lat0, lon0, admins = rng.choice(COUNTRIES)
                    if order == "chronological":
                        day = start + dt.timedelta(days=min(3649, max(0, made * 3650 // n + rng.randrange(-3, 4))))
                    else:
                        day = start + dt.timedelta(days=rng.randrange(3650))
                    text = _text(rng, 80) + f" report {a} in {country}."
                    art = Article(id=f"bench-{a}", text=text, published=day + dt.timedelta(days=1), outlet=f"outlet {a % 97}",
                                  title=f"Report {a} from {country}")
                    incidents = []
                    for k in range(min(rng.choice((1, 1, 2, 3)), n - made)):
                        etype, sub = rng.choice(types)
                        f = int(rng.paretovariate(1.3)) - 1
                        incidents.append(Incident(
                            id=f"b{a}-{k}", event_type=etype, sub_event_type=sub, event_date=day - dt.timedelta(days=k),
                            date_precision=1,
                            location=Place(text=f"P{a}", name=f"Place {a}-{k}", latitude=lat0 + rng.uniform(-3, 3),
                                           longitude=lon0 + rng.uniform(-3, 3), admin1=rng.choice(admins), country=country,
                                           country_code=iso, precision=1),
                            actors=[Actor(name=rng.choice(ACTORS), role="perpetrator")],
                            fatalities=Range(f, f, f + rng.randrange(3)),
                            claims=[Claim(kind="killed", min=f, max=None, qualifier=None, source="officials",
                                          quote=text[:30], start=0, end=30, article_id=art.id, reported=art.published)]))
                    with store.transaction():
                        writer.add(Extraction(article=art, incidents=incidents))
                    made += len(incidents)
                    a += 1
                    if on_chunk is not None and a % chunk == 0:
                        now = time.time()
                        on_chunk(made, a, now - t_chunk)
                        t_chunk = now
                    if a % 2000 == 0:
                        rate = made / (time.time() - t0)
                        print(f"  built {made:,} incidents ({rate:,.0f}/s, ~{(n - made) / rate:,.0f} s left)", file=sys.stderr)
    for suffix in ("", "-wal", "-shm"):
        src = Path(str(tmp) + suffix)
        if src.exists():
            src.replace(Path(str(path) + suffix))
    print(f"  built {made:,} incidents from {a:,} articles in {time.time() - t0:,.0f} s", file=sys.stderr)


#: Indexes the store does not have (yet): proposed to its owner, measured here on a copy only.
SUGGESTED_INDEXES = (
    "CREATE INDEX IF NOT EXISTS bench_date_expr ON incidents(COALESCE(event_date, ''), id)",
    "CREATE INDEX IF NOT EXISTS bench_fat_expr ON incidents(COALESCE(fatalities_best, -1), id)",
    "CREATE INDEX IF NOT EXISTS bench_type_fat ON incidents(event_type, fatalities_best)",
    "CREATE INDEX IF NOT EXISTS bench_country_nc ON incidents(country_code COLLATE NOCASE, event_date)",
    "CREATE INDEX IF NOT EXISTS bench_admin1_nc ON incidents(admin1 COLLATE NOCASE)",
)


def with_suggested_indexes(db: Path) -> Path:
    import shutil
    import sqlite3

    copy = db.with_name(db.stem + "-indexed.db")
    if not copy.exists():
        src = sqlite3.connect(db)
        dst = sqlite3.connect(copy)
        src.backup(dst)
        src.close()
        for sql in SUGGESTED_INDEXES:
            dst.execute(sql)
        dst.execute("ANALYZE")
        dst.commit()
        dst.close()
    return copy


def database(n: int) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"serve-{n}.db"
    if not path.exists():
        print(f"building {path} ({n:,} incidents through Store.add; cached for later runs)", file=sys.stderr)
        build(path, n)
    return path


def start_server(db: Path | str, workers: int = 1) -> tuple[subprocess.Popen[str], int]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    env.pop("SITREP_READ_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "sitrep.cli", "serve", "--db", str(db), "--host", HOST,
                             "--port", "0", "--workers", str(workers)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not m:
        proc.kill()
        raise SystemExit(f"server did not start: {line!r}")
    return proc, int(m.group(1))


async def _get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, path: str) -> tuple[int, bytes]:
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: keep-alive\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    m = re.search(rb"(?i)content-length:\s*(\d+)", head)
    if not m:
        raise RuntimeError("response without Content-Length")
    body = await reader.readexactly(int(m.group(1)))
    return status, body


def start_reference(db: Path) -> tuple[subprocess.Popen[str], int]:
    """The same app served by ``uvicorn.run(host=..., port=...)``: uvicorn makes the socket itself."""
    import socket

    with socket.socket() as s:
        s.bind((HOST, 0))
        port = s.getsockname()[1]
    code = ("import sys, uvicorn; from pathlib import Path; from sitrep.serve.app import create_app;"
            " from sitrep.serve.config import ServeConfig;"
            f" uvicorn.run(create_app(ServeConfig.from_env(db=Path(sys.argv[1]))), host={HOST!r}, port={port},"
            " log_level='warning', access_log=False)")
    env = dict(os.environ)
    env.pop("SITREP_READ_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-c", code, str(db)], cwd=ROOT, env=env, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("reference server did not start")


async def keepalive(port: int, path: str, n: int) -> dict[str, Any]:
    """``n`` requests one after the other on one keep-alive connection (after one warm-up request)."""
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        await _get(reader, writer, path)
        ms = []
        for _ in range(n):
            t = time.perf_counter()
            status, _ = await _get(reader, writer, path)
            ms.append((time.perf_counter() - t) * 1000)
            if status != 200:
                raise SystemExit(f"{path}: HTTP {status}")
    finally:
        writer.close()
    return {"requests": n, "median_ms": round(statistics.median(ms), 2), "max_ms": round(max(ms), 2),
            "at_least_40ms": sum(x >= 40 for x in ms)}


def run_keepalive(n: int) -> int:
    db = database(2000)
    path = "/api/incidents?limit=5"
    results = {}
    for name, start in (("sitrep serve", start_server), ("uvicorn's own socket", start_reference)):
        proc, port = start(db)
        try:
            results[name] = asyncio.run(keepalive(port, path, n))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    print(f"{n} requests of {path} one after the other on one keep-alive connection (2,000 incidents)")
    print(f"{'server':<24}{'median ms':>10}{'max ms':>9}{'>= 40 ms':>10}")
    for name, r in results.items():
        print(f"{name:<24}{r['median_ms']:>10}{r['max_ms']:>9}{r['at_least_40ms']:>10}")
    return 0


async def load(port: int, paths: list[str], clients: int, seconds: float) -> dict[str, Any]:
    """Send ``paths`` (bounded list) from ``clients`` connections; stop early after ``seconds``."""
    latencies: list[float] = []
    errors = 0
    queue = list(reversed(paths))
    deadline = time.perf_counter() + seconds

    async def client() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(HOST, port)
        try:
            while queue and time.perf_counter() < deadline:
                path = queue.pop()
                t = time.perf_counter()
                status, _ = await _get(reader, writer, path)
                latencies.append(time.perf_counter() - t)
                errors += status != 200
        finally:
            writer.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    wall = time.perf_counter() - t0
    ms = sorted(x * 1000 for x in latencies)
    q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    return {"requests": len(ms), "errors": errors, "seconds": round(wall, 2),
            "rps": round(len(ms) / wall, 1), "p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1),
            "p99_ms": round(q[98], 1), "max_ms": round(ms[-1], 1)}


def filtered_paths(n: int, rng: random.Random, each_new: bool = False) -> list[str]:
    """``n`` filtered list requests of five kinds. The server keeps answers while the data holds
    (serve.cache), and three kinds here have few distinct values (9 type-and-killed pairs, 16
    boxes, ~40 admin1 areas): ``each_new`` gives every request a ``since`` of its own before the
    first incident (1990 on; it keeps every incident), so that every answer is computed anew."""
    out = []
    for i in range(n):
        _, iso, lat, lon, admins = rng.choice(COUNTRIES)
        since = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(3500))
        kind = rng.randrange(5)
        if kind == 0:
            p = {"country": iso, "since": since.isoformat(), "until": (since + dt.timedelta(days=90)).isoformat()}
        elif kind == 1:
            p = {"event_type": rng.choice(["Battles", "Explosions/Remote violence", "Violence against civilians"]),
                 "min_fatalities": str(rng.choice((1, 5, 20)))}
        elif kind == 2:
            p = {"bbox": f"{lon - 1.5:.2f},{lat - 1.5:.2f},{lon + 1.5:.2f},{lat + 1.5:.2f}"}
        elif kind == 3:
            p = {"country": iso, "admin1": rng.choice(admins), "sort": "-fatalities"}
        else:
            p = {"q": rng.choice(VOCAB[200:2000]), "country": iso}  # a word in ~0.5-5% of articles
        if each_new and "since" not in p:
            p["since"] = (dt.date(1990, 1, 1) + dt.timedelta(days=i)).isoformat()
        p["limit"] = "50"
        out.append("/api/incidents?" + urlencode(p))
    return out


def rollup_paths(n: int, rng: random.Random) -> list[str]:
    """Roll-ups as a dashboard asks for them, each period over a span it suits: days over 90 days,
    weeks over a year, months over the whole history; by country or admin1, for all areas or one
    country."""
    out = []
    for _ in range(n):
        _, iso, *_ = rng.choice(COUNTRIES)
        period = rng.choice(("day", "week", "month"))
        p = {"level": rng.choice(("country", "admin1")), "period": period}
        if rng.random() < 0.5:
            p["country"] = iso
        if period != "month":
            since = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randrange(3200))
            p.update(since=since.isoformat(), until=(since + dt.timedelta(days=89 if period == "day" else 364)).isoformat())
        out.append("/api/rollup?" + urlencode(p))
    return out


async def sample_ids(port: int, rng: random.Random) -> list[str]:
    reader, writer = await asyncio.open_connection(HOST, port)
    ids: list[str] = []
    for path in filtered_paths(40, rng):
        status, body = await _get(reader, writer, path.replace("limit=50", "limit=200"))
        if status == 200:
            ids += [r["id"] for r in json.loads(body)["incidents"]]
    writer.close()
    return ids


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--incidents", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--workers", type=int, default=1, help="sitrep serve --workers (processes answering)")
    ap.add_argument("--requests", type=int, default=3000, help="per scenario (bounded)")
    ap.add_argument("--seconds", type=float, default=60, help="per scenario, at most")
    ap.add_argument("--suggested-indexes", action="store_true",
                    help="run on a copy of the database with the indexes proposed to the store (SUGGESTED_INDEXES)")
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    ap.add_argument("--db", default=None, help="serve this database instead (an SQLite file or a postgresql:// URL, "
                    "e.g. the cached one copied with `sitrep copy bench/out/serve-100000.db postgresql://...`)")
    ap.add_argument("--keepalive", type=int, default=None, metavar="N",
                    help="only measure N requests in a row on one keep-alive connection, beside uvicorn's own socket")
    args = ap.parse_args(argv)
    if args.keepalive is not None:
        if not 1 <= args.keepalive <= 10_000:
            raise SystemExit("bounds: --keepalive 1-10000")
        return run_keepalive(args.keepalive)
    if not 1 <= args.clients <= 200 or not 1 <= args.requests <= 50_000 or not 0 < args.seconds <= 300:
        raise SystemExit("bounds: clients 1-200, requests 1-50000, seconds up to 300")
    db = args.db or database(args.incidents)
    if args.suggested_indexes:
        db = with_suggested_indexes(db)
    proc, port = start_server(db, args.workers)
    rng = random.Random(42)
    try:
        ids = asyncio.run(sample_ids(port, rng))
        scenarios = {
            "filtered /api/incidents": filtered_paths(args.requests, rng),
            "filtered, each new": filtered_paths(args.requests, rng, each_new=True),
            "/api/incidents/{id}": [f"/api/incidents/{rng.choice(ids)}" for _ in range(args.requests)],
            "/api/rollup, each new": rollup_paths(args.requests, rng),
            # a dashboard: 24 roll-ups asked again and again (answers kept while the data holds)
            "/api/rollup, dashboard": [rng.choice(dashboard) for dashboard in [rollup_paths(24, random.Random(9))]
                                       for _ in range(args.requests)],
        }
        results: dict[str, Any] = {"incidents": args.incidents, "clients": args.clients, "cpus": os.cpu_count(),
                                   "suggested_indexes": args.suggested_indexes,
                                   "scenarios": {}}
        for name, paths in scenarios.items():
            asyncio.run(load(port, paths[:200], args.clients, 10))  # warm-up: caches, thread stores
            results["scenarios"][name] = asyncio.run(load(port, paths, args.clients, args.seconds))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)  # several workers each finish their open connections first
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    from sitrep.store import redacted

    shown = f"{redacted(args.db)}: " if args.db else ""
    print(f"{shown}{args.incidents:,} incidents, {args.clients} clients, {os.cpu_count()} CPUs, server and load on one machine"
          + (", with the suggested indexes" if args.suggested_indexes else ""))
    print(f"{'scenario':<28}{'requests':>9}{'errors':>7}{'req/s':>8}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}")
    for name, r in results["scenarios"].items():
        print(f"{name:<28}{r['requests']:>9}{r['errors']:>7}{r['rps']:>8}{r['p50_ms']:>8}{r['p95_ms']:>8}{r['p99_ms']:>8}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
