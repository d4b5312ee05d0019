"""``sitrep eval``: score sitrep against gold files (read from the paths given, never stored)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

GEO_SETS = {"lgl", "trnews", "geowebnews", "geovirus", "event_location"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval",
        help="score sitrep against gold JSONL files",
        description="Score sitrep against gold files in the format of the project's gold README: incident gold "
        "(killed/injured exact match, event type, sub-event type, city, country, perpetrator, with a plain regex "
        "baseline beside it), event-type gold (case2021), geoparsing gold (lgl, trnews, geowebnews, geovirus), "
        "event-location gold, and Mordecai3's peer test file (.json).",
    )
    p.add_argument("gold", nargs="+", help="gold .jsonl files (and/or mordecai3_peer_tests.json)")
    p.add_argument("--limit", type=int, default=None, help="score only the first N records of each file")
    p.add_argument("--json", action="store_true", help="print the scores as JSON instead of a table")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..errors import InputError
    from . import incidents

    rows: list[dict] = []
    for path in args.gold:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"{p}: no such gold file")
        if p.suffix == ".json":
            from .geo import peer_tests

            res = peer_tests(p)
            rows.append({"dataset": "mordecai3_peer_tests", "system": "sitrep", "n": res.get("total"),
                         "scores": {"peer_tests_passed": (res["passed"] / max(res["total"], 1), res["total"])}})
            continue
        records = []
        for n, line in enumerate(p.read_text("utf-8").split("\n"), 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise InputError(f"{p}:{n}: bad JSON: {e.msg}") from e
        if args.limit:
            records = records[: args.limit]
        for dataset, recs in incidents.records_by_dataset(records).items():
            if dataset in incidents.CAMEO_SETS:
                rows.append({"dataset": dataset, "system": "sitrep", "n": len(recs), "scores": incidents.evaluate_cameo(recs)})
                continue
            if dataset in GEO_SETS:
                from .geo import evaluate as geo_evaluate

                scores = geo_evaluate(recs, dataset)
                rows.append({"dataset": dataset, "system": "sitrep", "n": len(recs), "scores": {k: (v, None) for k, v in scores.items()}})
            else:
                ours, base = incidents.evaluate(recs, dataset)
                rows.append({"dataset": dataset, "system": "sitrep", "n": len(recs), "scores": ours})
                rows.append({"dataset": dataset, "system": "regex baseline", "n": len(recs), "scores": base})
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        _table(rows)
    return 0


def _table(rows: list[dict]) -> None:
    out = sys.stdout
    out.write(f"{'dataset':<22} {'system':<15} {'metric':<22} {'score':>8} {'n':>6}\n")
    for r in rows:
        for metric, (value, n) in r["scores"].items():
            if isinstance(value, float):
                shown = f"{value:.3f}"
            else:
                shown = str(value)
            out.write(f"{r['dataset']:<22} {r['system']:<15} {metric:<22} {shown:>8} {'' if n is None else n:>6}\n")
