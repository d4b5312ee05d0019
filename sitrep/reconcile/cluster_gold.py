"""The merge gold (``data/gold/merge_groups.jsonl``) and pair scores of a database against it."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .cluster import pair_scores


def load_gold(path: str | Path) -> list[list[str]]:
    """Groups of the same incident (``kind: same``); related groups only document non-pairs."""
    groups = []
    for line in Path(path).read_text("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            if rec["kind"] == "same":
                groups.append(sorted(rec["ids"]))
    return groups


def gold_sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def score_database(db_path: str | Path, gold_path: str | Path) -> dict[str, Any]:
    from ..store import Store
    from ..store.read import article_groups

    with Store.open(db_path) as store:
        predicted = article_groups(store.db)
    scores = pair_scores(predicted, load_gold(gold_path))
    gold_pairs = {p for g in load_gold(gold_path) for p in _pairs(g)}
    scores["false_pairs"] = sorted(p for g in predicted for p in _pairs(g) if p not in gold_pairs)
    return scores


def _pairs(group: list[str]) -> list[tuple[str, str]]:
    g = sorted(group)
    return [(a, b) for i, a in enumerate(g) for b in g[i + 1:]]
