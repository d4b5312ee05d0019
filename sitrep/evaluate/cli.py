"""``sitrep eval``: score sitrep against gold files (read from the paths given, never stored), and
with ``--baseline`` gate the figures on the floors recorded in a baseline file (``gate.py``)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval",
        help="score sitrep against gold JSONL files",
        description="Score sitrep against gold files in the format of the project's gold README: incident gold "
        "(killed/injured exact match, event type, sub-event type, city, country, perpetrator, with a plain regex "
        "baseline beside it), event-type gold (case2021), geoparsing gold (lgl, trnews, geowebnews, geovirus), "
        "event-location gold, and Mordecai3's peer test file (.json). Incident identity: on GVDB, GTD and ACLED the share "
        "of texts read as exactly one incident (and as none, as several), and for each group file of same-incident "
        "articles given (data/gold/*groups.jsonl) the merge precision/recall of a whole-corpus ingest, each with a "
        "plain baseline. With --baseline it is a quality gate: exit 1 "
        "when a figure is below its recorded floor by more than its noise tolerance, or when a gold file differs "
        "from the one the floors were measured on.",
    )
    p.add_argument("gold", nargs="+", help="gold .jsonl files, group files (data/gold/*groups.jsonl) and/or mordecai3_peer_tests.json")
    p.add_argument("--limit", type=int, default=None, help="score only the first N records of each file")
    p.add_argument("--json", action="store_true", help="print the scores as JSON instead of a table")
    p.add_argument("--folds", action="store_true", help="also score each dataset on folds 0-2 (where rules are "
                   "tuned) and on folds 3-4 (held out) apart, a fold being a hash of the record id; printed as "
                   "extra rows ('sitrep folds 3-4'), not gated; costs one more pass over the records. The "
                   "across measures are not split")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--baseline", metavar="FILE", help="compare the figures with the floors and gold SHA-256 "
                      "recorded in FILE (JSON, e.g. data/gold/eval_baseline.json); one line per missed floor")
    mode.add_argument("--write-baseline", metavar="FILE", help="record the figures as floors (rounded down to 3 "
                      "decimals) with each gold file's SHA-256 in FILE; floors of gold files not given are kept")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import ConfigError, InputError, SitrepError
    from . import gate
    from .score import score_files

    if args.limit and (args.baseline or args.write_baseline):
        raise ConfigError("--limit cannot be combined with --baseline or --write-baseline: floors are for whole gold files")
    for path in args.gold:
        if not Path(path).is_file():
            raise InputError(f"{path}: no such gold file")
    # a bad baseline fails before minutes of scoring
    baseline = gate.load(args.baseline) if args.baseline else None
    target = Path(args.write_baseline) if args.write_baseline else None
    previous = gate.load(target) if target and target.exists() else None
    hashes = {Path(p).name: gate.sha256(p) for p in args.gold}
    rows = score_files(args.gold, args.limit, folds=args.folds)
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        _table(rows)
    if target is not None:
        new = gate.record(gate.figures(rows), hashes, previous)
        try:
            target.write_text(gate.dump(new), "utf-8")
        except OSError as e:
            raise SitrepError(f"{target}: cannot write the baseline: {e.strerror or e}") from e
        for line in gate.changes(previous, new):
            print(line, file=sys.stderr)
        n = sum(len(m) for g in new.gold.values() for m in g.floors.values())
        print(f"sitrep: recorded {n} floors for {len(new.gold)} gold files in {target}", file=sys.stderr)
        return 0
    if baseline is None:
        return 0
    result = gate.check(gate.figures(rows), hashes, baseline)
    report = sys.stderr if args.json else sys.stdout  # keep --json's stdout one JSON document
    print(f"\nquality gate against {args.baseline}:", file=report)
    for line in result.lines():
        print(line, file=report)
    for line in result.problems():
        print(f"sitrep: eval gate: {line}", file=sys.stderr)
    return 0 if result.ok else 1


def _table(rows: list[dict[str, Any]]) -> None:
    out = sys.stdout
    out.write(f"{'dataset':<22} {'system':<26} {'metric':<22} {'score':>8} {'n':>6}\n")
    for r in rows:
        for metric, (value, n) in r["scores"].items():
            if isinstance(value, float):
                shown = f"{value:.3f}"
            else:
                shown = str(value)
            out.write(f"{r['dataset']:<22} {r['system']:<26} {metric:<22} {shown:>8} {'' if n is None else n:>6}\n")
