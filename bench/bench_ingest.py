"""Benchmark: ingest N articles (default 10,000) with two workers, beside `sitrep extract --format jsonl`.

    .venv/bin/python bench/bench_ingest.py [--n 10000] [--workers 2]

The texts are variants of the bundled corpus's real articles: figures changed, sentences
reordered, a dateline and an outlet added, so most are new texts (some stay near-duplicates, as
wire copies do). Both commands run as subprocesses on the same file; articles/s and peak RSS
(max over the process tree, from getrusage) are printed side by side. Output in bench/out/.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
NUM = re.compile(r"\b\d{1,3}\b")


def variants(n: int, seed: int = 1) -> list[dict]:
    rng = random.Random(seed)
    base = [json.loads(line) for line in (ROOT / "data/sample/articles.jsonl").read_text().splitlines() if line.strip()]
    out = []
    for k in range(n):
        src = rng.choice(base)
        paras = src["text"].split("\n")
        if rng.random() < 0.8 and len(paras) > 2:
            head, tail = paras[:1], paras[1:]
            rng.shuffle(tail)
            paras = head + tail
        text = "\n".join(paras)
        if rng.random() < 0.8:
            text = NUM.sub(lambda m: str(max(1, int(m.group()) + rng.randint(-3, 5))), text)
        outlet = rng.choice(["Wire A", "Daily B", "Radio C", "Post D"])
        out.append({"id": f"v{k:05d}", "title": src.get("title"), "published": src.get("published"),
                    "source": outlet, "text": f"({outlet}) " + text})
    return out


def timed(cmd: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - t
    return seconds, max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--n", type=int, default=10_000)
    p.add_argument("--workers", type=int, default=2)
    args = p.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    corpus = OUT / f"variants-{args.n}.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in variants(args.n)))
    db = OUT / "bench-ingest.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    sitrep = str(Path(sys.executable).with_name("sitrep"))
    s_ing, rss_ing = timed([sitrep, "ingest", str(corpus), "--db", str(db), "--workers", str(args.workers), "--no-progress"])
    s_ext, rss_ext = timed([sitrep, "extract", str(corpus), "--format", "jsonl"])
    print(f"articles {args.n:,} ({os.cpu_count()} CPUs, {args.workers} ingest workers)")
    print(f"sitrep ingest:                 {s_ing:8.1f}s  {args.n / s_ing:8.1f} articles/s  peak RSS {rss_ing:,.0f} MiB (largest process)")
    print(f"sitrep extract --format jsonl: {s_ext:8.1f}s  {args.n / s_ext:8.1f} articles/s  peak RSS {rss_ext:,.0f} MiB")
    print(f"overhead of storing and merging (vs one-process extract): {s_ing / s_ext:.2f}x wall time")


if __name__ == "__main__":
    main()
