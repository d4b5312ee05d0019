"""Merge gold (group files in ``data/gold/``) and pair scores of a database or a clustering against it.

A group file has one JSON line per group: ``{"group", "kind", "ids", "note"}``. ``kind`` is

- ``same``: reports of one incident; every pair of its ids is a gold pair (a group of one id is fine);
- ``related`` / ``distinct``: documentation of pairs that are *not* gold pairs (related events; different
  incidents in the same town and week, the hard negatives), except pairs also in a ``same`` group;
- ``unscored``: ids whose pairs count neither way (e.g. a roundup of several shootings that the dataset
  codes as one of them);
- ``corpus`` (at most one line, no ids): ``{"articles": FILE, "dataset": NAME}``, the articles the ids
  belong to. Without it the corpus is the bundled sample, ``../sample/articles.jsonl`` from the file.

Every article of the corpus that no ``same`` group names is its own incident, so every pair of corpus
articles is scored, except pairs with an unscored id.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from .cluster import pair_scores, pairs

KINDS = {"same", "related", "distinct", "unscored", "corpus"}
DEFAULT_CORPUS = "../sample/articles.jsonl"


@dataclass
class GroupFile:
    """A parsed group file: gold same-incident groups, the ids left unscored, and its corpus."""

    same: list[list[str]] = field(default_factory=list)
    distinct: list[list[str]] = field(default_factory=list)  # related and distinct lines: documented non-pairs
    unscored: set[str] = field(default_factory=set)
    articles: str = DEFAULT_CORPUS
    dataset: str = "sample"

    @property
    def ids(self) -> set[str]:
        return {i for g in self.same + self.distinct for i in g} | self.unscored


def load_groups(path: str | Path) -> GroupFile:
    p = Path(path)
    out = GroupFile()
    try:
        lines = p.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{p}: cannot read the group file: {e}") from e
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            kind = rec["kind"]
            ids = [str(i) for i in rec.get("ids", [])]
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            raise InputError(f"{p}:{n}: not a group line ({{\"kind\", \"ids\"}}): {e}") from None
        if kind not in KINDS:
            raise InputError(f"{p}:{n}: unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
        if kind == "corpus":
            out.articles, out.dataset = str(rec.get("articles", DEFAULT_CORPUS)), str(rec.get("dataset", p.stem))
        elif kind == "same":
            out.same.append(sorted(ids))
        elif kind == "unscored":
            out.unscored.update(ids)
        else:
            out.distinct.append(sorted(ids))
    return out


def load_gold(path: str | Path) -> list[list[str]]:
    """Groups of the same incident (``kind: same``)."""
    return load_groups(path).same


def gold_sha256(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def score_groups(predicted: list[list[str]], gold: GroupFile, corpus_ids: set[str]) -> dict[str, Any]:
    """Pair precision/recall of ``predicted`` groups (articles that share an incident) against ``gold``.

    Only pairs of ``corpus_ids`` that are not unscored count, on both sides: an article the prediction
    lost is a singleton there, a predicted id outside the corpus is dropped. ``hard_negatives_merged``
    counts predicted pairs that a distinct/related line names as different incidents."""
    scored = corpus_ids - gold.unscored
    keep = [[i for i in g if i in scored] for g in predicted]
    gold_groups = [[i for i in g if i in scored] for g in gold.same]
    scores: dict[str, Any] = pair_scores(keep, gold_groups)
    gold_pairs, negatives = pairs(gold_groups), pairs([[i for i in g if i in scored] for g in gold.distinct])
    predicted_pairs = pairs(keep)
    scores["false_pairs"] = sorted(predicted_pairs - gold_pairs)
    scores["hard_negatives_merged"] = len(predicted_pairs & (negatives - gold_pairs))
    scores["hard_negatives"] = len(negatives - gold_pairs)
    return scores


def database_groups(db_path: str | Path) -> tuple[list[list[str]], set[str]]:
    """(each incident's articles, every article id) of the store at ``db_path``.

    A pair is predicted when its two articles report a common incident: one group per incident, not
    their transitive closure (A and B in one incident, B and C in another, is no claim about A and C)."""
    from ..store import Store

    with Store.open(db_path) as store:
        stored = {r[0] for r in store.db.execute("SELECT id FROM articles", ())}
        by_incident: dict[str, set[str]] = {}
        for r in store.db.execute("SELECT incident_id, article_id FROM reports", ()):
            by_incident.setdefault(r[0], set()).add(r[1])
    groups = [sorted(g) for g in by_incident.values()]
    return [g for g in groups if len(g) > 1], stored


def score_database(db_path: str | Path, gold_path: str | Path, corpus_ids: set[str] | None = None) -> dict[str, Any]:
    """Pair scores of the store at ``db_path``; ``corpus_ids`` defaults to the articles it holds."""
    predicted, stored = database_groups(db_path)
    return score_groups(predicted, load_groups(gold_path), stored if corpus_ids is None else corpus_ids)
