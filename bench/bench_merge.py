"""Benchmark: cluster N synthetic reports (default 1,000,000) with blocking; time and peak RSS.

    .venv/bin/python bench/bench_merge.py [--n 1000000]

Reports are spread over 2,000 places x 10 years, with ~3 reports per event (follow-ups a few
days later, nearby coordinates, sometimes another sub-type), so blocks look like a real feed's.
"""
from __future__ import annotations

import argparse
import random
import resource
import time

from sitrep.reconcile.cluster import cluster, find_edges
from sitrep.reconcile.merge import Signature

SUBS = [("Explosions/Remote violence", "Remote explosive/landmine/IED"), ("Explosions/Remote violence", "Air/drone strike"),
        ("Battles", "Armed clash"), ("Violence against civilians", "Attack")]


def synthetic(n: int, seed: int = 1) -> list[Signature]:
    rng = random.Random(seed)
    places = [(rng.uniform(-35, 55), rng.uniform(-20, 120)) for _ in range(2000)]
    out: list[Signature] = []
    event = 0
    start = 733000
    while len(out) < n:
        lat, lon = rng.choice(places)
        day = start + rng.randrange(3650)
        etype, sub = rng.choice(SUBS)
        perp = frozenset({f"group{rng.randrange(50)}"}) if rng.random() < 0.5 else frozenset()
        for k in range(min(n - len(out), rng.choice((1, 1, 2, 3, 4, 6)))):
            rid = f"r{len(out):08d}"
            out.append(Signature(id=rid, article_id=f"a{event}-{k}", event_type=etype,
                                 sub_event_type=sub if rng.random() > 0.1 else rng.choice(SUBS)[1],
                                 day=day + rng.choice((0, 0, 1, 2, 5)), loose=False,
                                 lat=lat + rng.uniform(-0.02, 0.02), lon=lon + rng.uniform(-0.02, 0.02),
                                 country_code="XX", admin1=None, precision=1, perpetrators=perp,
                                 order=("2016-01-01", rid)))
        event += 1
    return out


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=1_000_000)
    args = p.parse_args()
    t0 = time.perf_counter()
    sigs = synthetic(args.n)
    t1 = time.perf_counter()
    edges = find_edges(sigs)
    t2 = time.perf_counter()
    groups = cluster(sigs, edges)
    t3 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"reports {len(sigs):,}  edges {len(edges):,}  incidents {len(groups):,}")
    print(f"generate {t1 - t0:.1f}s  blocking+matching {t2 - t1:.1f}s  clustering {t3 - t2:.1f}s  "
          f"merge total {t3 - t1:.1f}s  ({len(sigs) / (t3 - t1):,.0f} reports/s)  peak RSS {rss:,.0f} MiB")


if __name__ == "__main__":
    main()
