"""Benchmark: does adding an article cost more as the database grows? (issue 13, item 3)

    .venv/bin/python bench/bench_store_add.py                  # 100,000 incidents
    .venv/bin/python bench/bench_store_add.py --incidents 20000 --json out.json

Builds a fresh database of synthetic incidents through the real writer
(``reconcile.across.Incidents.add``: 32 articles a transaction, each in its own savepoint, as
``sitrep ingest`` writes them and ``bench_serve.py`` builds its database) and
reports the add rate (incidents/s) of every tenth of the build. The reference is the same run's
first tenth: the figure is the last tenth's rate divided by the first's (1.0: an add costs the
same at the end as at the start; the target is >= 0.8). ``--order chronological`` gives the dates in
the order they happen, so that a growing database is not also a denser one (see ``bench_serve.build``).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import bench_serve  # noqa: E402  (the same synthetic incidents as the serve benchmark)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--incidents", type=int, default=100_000)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--order", choices=("random", "chronological"), default="random",
                    help="random: dates over 10 years from the start, so each add has more candidates as the "
                         "database fills; chronological: dates advance with the build (same density throughout)")
    args = ap.parse_args(argv)
    slices: list[tuple[int, int, float]] = []  # (incidents at the end of the slice, incidents in it, seconds)
    last = {"made": 0}
    # about ten slices: the generator makes ~1.75 incidents per article
    chunk = max(50, args.incidents // 18)

    def on_chunk(made: int, articles: int, seconds: float) -> None:
        slices.append((made, made - last["made"], seconds))
        last["made"] = made

    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        bench_serve.build(Path(tmp) / "bench.db", args.incidents, on_chunk=on_chunk, chunk=chunk, order=args.order)
    total = time.time() - t0
    rates = [n / s for _, n, s in slices if s > 0]
    print(f"{'incidents':>10} {'incidents/s':>12}")
    for (made, _, _), rate in zip(slices, rates):
        print(f"{made:>10,} {rate:>12,.0f}")
    ratio = rates[-1] / rates[0] if len(rates) >= 2 else float("nan")
    print(f"built {args.incidents:,} incidents ({args.order} dates) in {total:,.0f} s; last slice / first slice rate = {ratio:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"incidents": args.incidents, "order": args.order, "seconds": total, "slices": [
            {"incidents": made, "rate": rate} for (made, _, _), rate in zip(slices, rates)], "ratio": ratio}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
