"""The identity measures of `sitrep eval` (issue 9, item 6): within (one gold text, one incident) and
across (pair precision/recall of articles that share an incident), on small gold written here, and
the GVDB dev group file checked against the dev gold when it is present."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sitrep.evaluate import gate
from sitrep.evaluate.identity import baseline_count, baseline_groups, count_incidents, is_group_file, within
from sitrep.models import Article, Extraction, Incident
from sitrep.reconcile.cluster_gold import load_groups, score_groups

ROOT = Path(__file__).resolve().parent.parent
GOLD_DEV = Path(os.environ.get("SITREP_GOLD_DEV", ROOT.parent / "shared/gold/dev"))
GVDB_GROUPS = ROOT / "data/gold/gvdb_dev_groups.jsonl"


def _x(*types: str) -> Extraction:
    art = Article("t", "Gunmen killed 3 people.")
    return Extraction(art, [Incident(f"i{k}", t, "Attack" if t != "Strategic developments" else "Arrests")
                            for k, t in enumerate(types)])


def _rec(rid: str, event_type: str | None = None, text: str = "Gunmen killed 3 people.") -> dict:
    return {"id": rid, "dataset": "acled2020", "text": text, "gold": {"event_type": event_type}}


def test_within_counts_exactly_one_zero_and_several_and_skips_strategic_developments():
    records = [_rec("a", "Battles"), _rec("b", "Battles"), _rec("c", "Violence against civilians"), _rec("d", None),
               _rec("e", "Strategic developments")]  # e: not a single violent incident, left out
    preds = {"a": _x("Battles"),
             "b": _x("Battles", "Strategic developments"),  # an Arrests split-off: not counted, but shows in any_type
             "c": _x(),
             "d": _x("Violence against civilians", "Battles"),
             "e": _x("Strategic developments", "Strategic developments")}
    ours, _ = within(records, preds)
    assert ours["one_incident"] == (0.5, 4)
    assert ours["zero_incidents"] == (0.25, 4)
    assert ours["several_incidents"] == (0.25, 4)
    assert ours["one_incident_any_type"] == (0.25, 4)
    assert count_incidents(None) == 0  # a text that failed to extract reads as no incident


@pytest.mark.parametrize("text, expected", [
    ("Gunmen killed 14 wedding guests in Kandahar on Saturday.", 1),
    ("A bomb exploded in a market. Police said 12 people were wounded and 3 killed. The mayor condemned it.", 1),
    ("Two men were shot on Friday. On Sunday, police arrested three suspects in the attack.", 2),
    ("The council met on Tuesday to discuss the budget.", 0),
    ("Protesters marched peacefully through the city.", 0),  # a violence word but no number
])
def test_baseline_is_one_incident_per_sentence_with_a_violence_word_and_a_number(text, expected):
    assert baseline_count(text) == expected


GROUPS = [
    {"group": "corpus", "kind": "corpus", "articles": "arts.jsonl", "dataset": "tiny"},
    {"group": "market-bombing", "kind": "same", "ids": ["a1", "a2", "a3"], "note": "one bombing, three outlets"},
    {"group": "roundup", "kind": "unscored", "ids": ["r1"], "note": "three shootings in one article"},
    {"group": "same-town-week", "kind": "distinct", "ids": ["a1", "b1", "c1"], "note": "different shootings"},
]


@pytest.fixture
def group_file(tmp_path: Path) -> Path:
    path = tmp_path / "tiny_groups.jsonl"
    path.write_text("".join(json.dumps(g) + "\n" for g in GROUPS), "utf-8")
    return path


@pytest.mark.parametrize("predicted, precision, recall, hard_merged", [
    ([["a1", "a2", "a3"], ["b1"], ["c1"], ["r1"]], 1.0, 1.0, 0),
    ([["a1", "a2"], ["a3"], ["b1", "c1"]], 0.5, 1 / 3, 1),       # a chained b1-c1 merge is a hard negative
    ([["a1", "a2", "a3", "b1"]], 0.5, 1.0, 1),                  # one wrong member costs three pairs
    ([["a1", "r1"], ["a2", "r1"]], 1.0, 0.0, 0),                # pairs with the unscored roundup count neither way
    ([["a1", "x9"]], 1.0, 0.0, 0),                              # an id outside the corpus is dropped
    ([], 1.0, 0.0, 0),                                          # nothing merged: recall 0
])
def test_across_scores_pairs_against_the_groups(group_file, predicted, precision, recall, hard_merged):
    gold = load_groups(group_file)
    s = score_groups(predicted, gold, {"a1", "a2", "a3", "b1", "c1", "r1"})
    assert (s["precision"], s["recall"], s["hard_negatives_merged"]) == pytest.approx((precision, recall, hard_merged))
    assert s["pairs_gold"] == 3 and s["hard_negatives"] == 3


def test_group_files_are_told_from_gold_records_and_parsed(group_file, tmp_path):
    assert is_group_file(group_file) and is_group_file(ROOT / "data/gold/merge_groups.jsonl")
    rec = tmp_path / "gvdb.jsonl"
    rec.write_text(json.dumps({"id": "g", "dataset": "gvdb", "text": "x", "kind": "odd"}) + "\n")
    assert not is_group_file(rec)
    gold = load_groups(group_file)
    assert (gold.articles, gold.dataset, gold.unscored) == ("arts.jsonl", "tiny", {"r1"})
    bundled = load_groups(ROOT / "data/gold/merge_groups.jsonl")
    assert bundled.articles == "../sample/articles.jsonl" and bundled.same


def test_across_baseline_merges_similar_articles_published_close_together():
    story = "A suicide bomber killed twelve worshippers at the Imam Ali shrine in Kufa during Friday prayers, police said."
    arts = [{"id": "a", "text": story, "published": "2016-02-19"},
            {"id": "b", "text": story + " The toll may rise.", "published": "2016-02-20"},
            {"id": "c", "text": story, "published": "2016-03-30"},  # the same words six weeks later
            {"id": "d", "text": "Floods closed roads across the province after heavy rain on Monday.", "published": "2016-02-19"}]
    assert baseline_groups(arts) == [["a", "b"]]


def test_the_gate_floors_one_incident_and_precision_but_not_lower_is_better_shares():
    rows = [{"dataset": "gvdb", "system": "sitrep", "gold": "gvdb.jsonl",
             "scores": {"one_incident": (0.68, 400), "zero_incidents": (0.05, 400), "several_incidents": (0.27, 400)}},
            {"dataset": "gvdb across", "system": "sitrep", "gold": "gvdb_dev_groups.jsonl",
             "scores": {"merge_precision": (0.5, 10), "merge_recall": (0.2, 25), "hard_negatives_merged": (2, 40)}},
            {"dataset": "gvdb across", "system": "tfidf baseline", "gold": "gvdb_dev_groups.jsonl",
             "scores": {"merge_precision": (0.3, 40)}}]
    assert {(f.dataset, f.measure) for f in gate.figures(rows)} == {
        ("gvdb", "one_incident"), ("gvdb across", "merge_precision"), ("gvdb across", "merge_recall")}


def test_gvdb_group_file_names_only_gvdb_dev_articles():
    gold = load_groups(GVDB_GROUPS)
    assert gold.articles == "gvdb.jsonl" and gold.same
    same_ids = [i for g in gold.same for i in g]
    assert len(same_ids) == len(set(same_ids)), "an article is in two same groups"
    for g in gold.distinct:  # a distinct line lists different incidents: at most one article of any same group
        assert all(len(set(g) & set(s)) <= 1 for s in gold.same), g
    if not (GOLD_DEV / "gvdb.jsonl").is_file():
        pytest.skip(f"ids not checked against the dev gold: no {GOLD_DEV / 'gvdb.jsonl'} (set SITREP_GOLD_DEV)")
    dev = {json.loads(line)["id"] for line in (GOLD_DEV / "gvdb.jsonl").read_text("utf-8").splitlines() if line.strip()}
    assert not gold.ids - dev, f"ids not in the GVDB dev split: {sorted(gold.ids - dev)}"
