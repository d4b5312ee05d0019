"""Benchmark for ``sitrep report`` (issue 12: a report of a 100,000-incident database in <= 5 s).

    .venv/bin/python bench/bench_report.py                       # 100,000 incidents
    .venv/bin/python bench/bench_report.py --incidents 5000      # a quick run

Uses the synthetic database of ``bench_serve.py`` (built once through the real ``Store.add``,
cached in bench/out/). For each report it times, three times each (the median is printed):

* the whole report as users get it: ``sitrep report --format html`` in a fresh process (start-up,
  opening the store, the alert rules over their look-back, the HTML);
* its parts in-process: ``report.build`` (the period's incidents, the previous period's, the
  alert rules over their look-back, the deadliest incidents' claims) and ``report.to_html``;
* the reference, in the same run: ``sitrep rollup --level country --period month`` with the same
  filters in a fresh process (about the least a command that reads this database costs: start-up,
  opening the store, one aggregate query).

Reports: the default (the 7 days to the latest event, all areas), one country's month, and all
areas over a year.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_serve import database  # noqa: E402

REPORTS: dict[str, dict[str, str]] = {
    "default (7 days, all areas)": {},
    "one country, a month": {"country": "SY", "since": "2020-03-01", "until": "2020-03-31"},
    "all areas, a year": {"since": "2019-01-01", "until": "2019-12-31"},
}


def _median_s(fn: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def _cli(args: list[str]) -> None:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    subprocess.run([sys.executable, "-m", "sitrep.cli", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _flags(filters: dict[str, str]) -> list[str]:
    return [x for k, v in filters.items() for x in (f"--{k}", v)]


def parts(db: Path, filters: dict[str, str]) -> dict[str, float]:
    from sitrep.brief import report
    from sitrep.store import Store

    with Store.open(db) as store:
        kwargs = {k: v for k, v in filters.items() if k not in ("since", "until")}
        t1 = time.perf_counter()
        content = report.build(store, filters.get("since"), filters.get("until"), **kwargs)
        t2 = time.perf_counter()
        page = report.to_html(content)
        t3 = time.perf_counter()
    return {"build_s": t2 - t1, "html_s": t3 - t2,
            "incidents": content["headline"]["incidents"], "html_kb": len(page) // 1024}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--incidents", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = ap.parse_args(argv)
    if not 1 <= args.repeat <= 20:
        raise SystemExit("bounds: --repeat 1-20")
    db = database(args.incidents)
    out = ROOT / "bench" / "out" / "report.html"
    results: dict[str, Any] = {"incidents": args.incidents, "cpus": os.cpu_count(), "reports": {}}
    for name, filters in REPORTS.items():
        flags = ["--db", str(db), *_flags(filters)]
        report_s = _median_s(lambda: _cli(["report", *flags, "--format", "html", "--output", str(out)]), args.repeat)
        rollup_s = _median_s(lambda: _cli(["rollup", *flags, "--level", "country", "--period", "month",
                                           "--output", os.devnull]), args.repeat)
        results["reports"][name] = {"report_s": round(report_s, 3), "rollup_s": round(rollup_s, 3),
                                    **{k: round(v, 3) if isinstance(v, float) else v for k, v in parts(db, filters).items()}}
    print(f"{args.incidents:,} incidents, {os.cpu_count()} CPUs; medians of {args.repeat} runs, seconds")
    print(f"{'report':<30}{'incidents':>10}{'report':>8}{'rollup':>8}{'build':>7}{'html':>6}")
    for name, r in results["reports"].items():
        print(f"{name:<30}{r['incidents']:>10}{r['report_s']:>8.2f}{r['rollup_s']:>8.2f}{r['build_s']:>7.2f}{r['html_s']:>6.2f}")
    print("report: `sitrep report --format html` in a fresh process; rollup: `sitrep rollup` (reference);"
          " build, html: the parts in-process")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
