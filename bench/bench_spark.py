"""Spark batch beside single-process extraction, the same N articles, in one run (issue 13, item 2).

Articles: the bundled sample corpus (real Wikinews/VOA articles), repeated with new ids and a light
variation to --n. Both sides are whole commands, startup included (JVM, Python workers, model and
gazetteer loads), their output discarded or written to a temp folder:

  - extract: ``sitrep extract FILE.jsonl --format jsonl`` (one process, the reference);
  - spark:   ``sitrep batch FILE.jsonl --engine spark --master local[2] --out DIR``;
  - local:   ``sitrep batch FILE.jsonl --engine local --out DIR`` (with --local; the batch's own
             single-process path, Parquet written).

Prints each time and spark / extract (the target is <= 0.65). With 2 cores shared by other jobs
the ratio says more about the machine than about Spark; run it on an idle one.

    .venv/bin/python bench/bench_spark.py --n 500 [--master local[2]] [--local]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample" / "articles.jsonl"
SITREP = str(Path(sys.executable).parent / "sitrep")


def corpus(n: int, path: Path) -> None:
    base = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines() if line.strip()]
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            rec = dict(base[i % len(base)])
            rec["id"] = f"{rec['id']}-r{i}"
            # vary copies so no cache can make a repeat free: shift a number and append a tag
            rec["text"] = rec["text"].replace(" 1", f" {1 + i // len(base)}", 1) + f"\n(ref {i})"
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("--local", action="store_true", help="also time the batch's local engine")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-spark-") as tmp:
        data = Path(tmp) / "articles.jsonl"
        corpus(args.n, data)
        results = {"articles": args.n, "master": args.master}
        results["extract_s"] = timed([SITREP, "extract", str(data), "--format", "jsonl"])
        spark = [SITREP, "batch", str(data), "--engine", "spark", "--master", args.master, "--out", f"{tmp}/spark"]
        if args.partitions:
            spark += ["--partitions", str(args.partitions)]
        results["spark_s"] = timed(spark)
        if args.local:
            results["local_s"] = timed([SITREP, "batch", str(data), "--engine", "local", "--out", f"{tmp}/local"])
    results["spark_over_extract"] = results["spark_s"] / results["extract_s"]
    for k, v in results.items():
        print(f"{k:>20}: {v:.3f}" if isinstance(v, float) else f"{k:>20}: {v}")
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in results.items()}))


if __name__ == "__main__":
    main()
