"""Merge quality on the bundled corpus: pair precision/recall against the hand-checked groups."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.ingest.pipeline import ingest
from sitrep.reconcile.cluster_gold import gold_sha256, score_database

ROOT = Path(__file__).resolve().parent.parent
BASELINE = json.loads((ROOT / "data/gold/merge_baseline.json").read_text())


def test_gold_file_is_the_recorded_one():
    assert gold_sha256(ROOT / BASELINE["gold"]) == BASELINE["gold_sha256"], "gold edited: re-measure and update merge_baseline.json"


@pytest.mark.slow
def test_bundled_corpus_merges_above_the_floors(tmp_path):
    pytest.importorskip("sitrep.extract.pipeline")
    report = ingest([str(ROOT / "data/sample/articles.jsonl")], tmp_path / "s.db", workers=1, batch_size=64, progress=False)
    if report.new == 0:
        pytest.skip("extractor unavailable: " + (report.failures[0].reason if report.failures else "?"))
    scores = score_database(tmp_path / "s.db", ROOT / BASELINE["gold"])
    assert scores["precision"] >= BASELINE["floors"]["precision"], scores
    assert scores["recall"] >= BASELINE["floors"]["recall"], scores
