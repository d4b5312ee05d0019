"""Does every stage grow linearly with its input? Seconds per stage and size, and the growth exponent.

    .venv/bin/python bench/bench_scaling.py                 # 1 kB ... 5 MB (a few minutes)
    .venv/bin/python bench/bench_scaling.py --max-mb 20     # up to 20 MB
    .venv/bin/python bench/bench_scaling.py --kinds killed --stages sentences casualties

Inputs are built from the bundled sample articles (``data/sample/articles.jsonl``):

* ``news``: the articles one after another, their numbers varied per copy so that repeats are not
  all dropped as duplicates;
* ``killed``: "killed 5 people. " repeated (a full stop before a lower-case word never ends a sentence);
* ``places``: sentences naming many places ("Fighting spread from Aleppo to Homs, Hama and Idlib.").

The exponent between two sizes is log(t2/t1)/log(s2/s1): 1.0 is linear, 2.0 quadratic. The
reference row times a plain linear pass over the same input (``text.lower()`` and ``str.split``);
small sizes are noisy (fixed costs dominate), read the exponent between the larger ones.
Not a test: the numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES_KB = [1, 10, 100, 1_000, 5_000, 20_000]
_PLACES = ["Aleppo", "Homs", "Hama", "Idlib", "Damascus", "Raqqa", "Mosul", "Kirkuk", "Tikrit", "Fallujah", "Ramadi",
           "Baghdad", "Basra", "Kabul", "Kandahar", "Herat", "Peshawar", "Quetta", "Lahore", "Karachi", "Maiduguri",
           "Kano", "Mogadishu", "Kismayo", "Sanaa", "Aden", "Taiz", "Benghazi", "Tripoli", "Sirte", "Gao", "Timbuktu"]


def _articles() -> list[str]:
    with open(ROOT / "data" / "sample" / "articles.jsonl", encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def make_text(kind: str, size: int) -> str:
    """About ``size`` characters of real-looking text of one kind."""
    parts: list[str] = []
    n = 0
    copy = 0
    if kind == "news":
        arts = _articles()
        while n < size:
            for a in arts:
                # vary the figures per copy so that the copies are not exact repeats
                a = re.sub(r"\d+", lambda m: str(int(m.group()) + copy), a)
                parts.append(a)
                n += len(a) + 2
                if n >= size:
                    break
            copy += 1
        return "\n\n".join(parts)[:size]
    if kind == "killed":
        return ("killed 5 people. " * (size // 17 + 1))[:size]
    if kind == "places":
        i = 0
        while n < size:
            a, b, c, d = (_PLACES[(i + k) % len(_PLACES)] for k in (0, 7, 13, 21))
            s = f"Fighting spread from {a} to {b}, {c} and {d}, where {i % 40 + 2} people were killed. "
            parts.append(s)
            n += len(s)
            i += 1
        return "".join(parts)[:size]
    raise ValueError(kind)


def _stages() -> dict[str, Callable[[str], object]]:
    from sitrep.clean import clean
    from sitrep.extract import casualties
    from sitrep.pipeline import Extractor
    from sitrep.extract.sentences import split
    from sitrep.geo.resolve import Geoparser
    from sitrep.models import Article

    geo = Geoparser()
    ex = Extractor(geoparser=geo, use_ner=False)  # NER is spaCy's own cost, linear per sentence

    def casualty_reading(text: str) -> int:
        return sum(len(casualties.find_figures(s.text)) for s in split(text))

    return {
        "reference": lambda t: len(t.lower().split()),
        "clean": clean,
        "sentences": split,
        "casualties": casualty_reading,
        "places": geo.find_places,
        "extract": lambda t: ex.extract(Article("bench", t, None)),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--max-mb", type=float, default=5.0, help="largest input size (default 5)")
    ap.add_argument("--kinds", nargs="+", default=["news", "killed", "places"])
    ap.add_argument("--stages", nargs="+", default=None, help="a subset of the stages")
    args = ap.parse_args(argv)
    stages = _stages()
    names = args.stages or list(stages)
    if "reference" not in names:
        names = ["reference"] + names
    sizes = [kb * 1000 for kb in SIZES_KB if kb <= args.max_mb * 1000]
    # warm up: gazetteer open, lexicons compiled
    for name in names:
        stages[name](make_text("news", 2000))
    for kind in args.kinds:
        print(f"\n{kind}: seconds per stage and input size (growth exponent since the previous size)")
        texts = {s: make_text(kind, s) for s in sizes}
        print(f"{'stage':<11}" + "".join(f"{_label(s):>18}" for s in sizes))
        for name in names:
            row = f"{name:<11}"
            prev: tuple[int, float] | None = None
            for s in sizes:
                t = time.perf_counter()
                stages[name](texts[s])
                dt = time.perf_counter() - t
                exp = ""
                if prev and prev[1] > 0.02 and dt > 0:
                    exp = f" ({math.log(dt / prev[1]) / math.log(s / prev[0]):.2f})"
                row += f"{dt:>11.3f}{exp:>7}"
                prev = (s, dt)
            print(row)
            sys.stdout.flush()
    return 0


def _label(size: int) -> str:
    return f"{size / 1e6:g} MB" if size >= 1_000_000 else f"{size / 1000:g} kB"


if __name__ == "__main__":
    sys.exit(main())
