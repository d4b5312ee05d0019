"""Extraction speed and memory beside the plain spaCy pipeline, over the same texts, in one run.

Texts: the bundled sample corpus (real Wikinews/VOA articles), repeated with light variation to
--n articles. Reports articles/s, words/s and peak RSS (ru_maxrss) for:
  - plain: the full en_core_web_sm pipeline (nlp.pipe) over every text, nothing else;
  - sitrep: the whole extraction (cleaning, rules, NER on relevant sentences, gazetteer, incidents).
Each runs in its own subprocess so peak RSS is its own. A benchmark, not a test.

    .venv/bin/python bench/bench_extract.py --n 2000
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample" / "articles.jsonl"


def texts(n: int) -> list[str]:
    base = [json.loads(line)["text"] for line in SAMPLE.read_text("utf-8").splitlines() if line.strip()]
    out = []
    i = 0
    while len(out) < n:
        t = base[i % len(base)]
        # vary copies so no cache can make a repeat free: shift a number and append a tag
        out.append(t.replace(" 1", f" {1 + i // len(base)}", 1) + f"\n(ref {i})")
        i += 1
    return out


def worker(mode: str, n: int) -> dict:
    docs = texts(n)
    words = sum(len(t.split()) for t in docs)
    start = time.perf_counter()
    if mode == "plain":
        from sitrep.nlp import load

        nlp = load()
        t0 = time.perf_counter()
        for _ in nlp.pipe(docs, batch_size=64):
            pass
    else:
        from sitrep.pipeline import Extractor
        from sitrep.models import Article

        ex = Extractor()
        ex.nlp  # load before timing, as plain does
        ex.geo.gazetteer
        t0 = time.perf_counter()
        for _ in ex.extract_many(Article(f"a{i}", t, None) for i, t in enumerate(docs)):
            pass
    elapsed = time.perf_counter() - t0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "articles": n, "words": words, "seconds": elapsed, "load_seconds": t0 - start,
            "articles_per_s": n / elapsed, "words_per_s": words / elapsed, "peak_rss_mb": rss_mb}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--worker", choices=["plain", "sitrep"])
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.n)))
        return
    rows = []
    for mode in ("plain", "sitrep"):
        out = subprocess.run([sys.executable, __file__, "--worker", mode, "--n", str(args.n)], capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"{'pipeline':<8} {'articles':>8} {'seconds':>8} {'art/s':>8} {'words/s':>9} {'peak RSS MB':>12}")
    for r in rows:
        print(f"{r['mode']:<8} {r['articles']:>8} {r['seconds']:>8.1f} {r['articles_per_s']:>8.1f} {r['words_per_s']:>9.0f} {r['peak_rss_mb']:>12.0f}")
    print(f"sitrep time / plain time = {rows[1]['seconds'] / rows[0]['seconds']:.2f}")


if __name__ == "__main__":
    main()
