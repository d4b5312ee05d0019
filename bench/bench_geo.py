"""Gazetteer and resolver speed: build time, open time, resolutions/s, find_places/s, peak RSS.

    .venv/bin/python bench/bench_geo.py            # uses (and if needed builds) the index in the data dir
    .venv/bin/python bench/bench_geo.py --build    # also times a fresh build into a temp dir

Not a test: numbers depend on the machine. Names are drawn from the index itself (populous places,
countries, admin1 areas) plus transliteration variants, so the cold figure includes cache misses.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", action="store_true", help="also time a fresh build")
    ap.add_argument("--n", type=int, default=20000, help="distinct names to resolve")
    args = ap.parse_args()
    from sitrep.geo.gazetteer import Gazetteer, build, default_path
    from sitrep.geo.resolve import Geoparser

    rows: list[tuple[str, str]] = []
    if args.build:
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            build(Path(tmp) / "g.sqlite")
            rows.append(("build (s)", f"{time.perf_counter() - t:.1f}"))
    path = default_path()
    Gazetteer.open(path).close()
    base_rss = rss_mb()
    t = time.perf_counter()
    gaz = Gazetteer.open(path)
    rows.append(("index open (s)", f"{time.perf_counter() - t:.4f}"))
    names = [r[0] for r in gaz.con.execute(
        "SELECT name FROM places WHERE pop > 2000 OR fcode IN ('ADM1','PCLI') ORDER BY pop DESC LIMIT ?", (args.n,))]
    names += ["Deir al-Zour", "Sayyida Zeinab", "Dayr az Zawr", "Rif Dimashq", "USA", "Qwxzzland"] * 10
    gp = Geoparser(gaz)
    t = time.perf_counter()
    for name in names:
        gp.resolve_name(name)
    cold = time.perf_counter() - t
    rows.append((f"resolve_name, cold ({len(names)} names)/s", f"{len(names) / cold:,.0f}"))
    t = time.perf_counter()
    for _ in range(3):
        for name in names:
            gp.resolve_name(name)
    warm = time.perf_counter() - t
    rows.append(("resolve_name, warm (cached lookups)/s", f"{3 * len(names) / warm:,.0f}"))
    seed = (Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seed_article.txt").read_text("utf-8")
    t = time.perf_counter()
    reps = 50
    found = 0
    for _ in range(reps):
        found += len(gp.find_places(seed))
    dt = time.perf_counter() - t
    rows.append(("find_places, seed article (articles/s)", f"{reps / dt:,.1f}"))
    rows.append(("find_places, toponyms resolved/s", f"{found / dt:,.0f}"))
    rows.append(("peak RSS, whole process (MB)", f"{rss_mb():.0f}"))
    rows.append(("RSS added by gazetteer + caches (MB)", f"{rss_mb() - base_rss:.0f}"))
    rows.append(("index file (MB)", f"{path.stat().st_size / 1e6:.1f}"))
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v:>12}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
