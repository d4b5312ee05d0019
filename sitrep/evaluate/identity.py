"""Incident identity, as ``sitrep eval`` measures it (issue 9; definitions in docs/evaluation.md).

*Within*: of gold texts that each describe one incident (GVDB articles, GTD summaries, ACLED notes;
ACLED's non-violent "Strategic developments" records left out), the share that sitrep reads as
exactly one incident, and the shares read as none and as two or more. Predicted incidents of type
Strategic developments are not counted (``one_incident``); ``one_incident_any_type`` counts them too,
so that a split-off aftermath relabelled as "Arrests" still shows.

*Across*: pairwise merge precision and recall of a whole-corpus ingest (a fresh temporary database)
against a group file of same-incident articles (``sitrep.reconcile.cluster_gold``, the one scorer).

Each has a plain baseline beside it: one incident per sentence that holds a violence word and a
number; articles merged when published within 3 days of each other with a TF-IDF cosine >= 0.3.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..models import Extraction

WITHIN_SETS = {"gvdb", "gtd2011", "acled2020"}
NON_VIOLENT = "Strategic developments"

_SENTENCE = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"“(]?[A-Z0-9])")
_VIOLENCE = re.compile(r"\b(?:shot|shoot\w*|gunfire|gunm[ae]n|kill\w*|dead|died|deaths?|wound\w*|injur\w*|attack\w*|"
                       r"bomb\w*|explo\w*|clash\w*|fight\w*|murder\w*|stabb\w*|assault\w*|protest\w*|riot\w*|"
                       r"abduct\w*|kidnap\w*|shell\w*|strikes?)\b", re.I)
_NUMBER = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|"
                     r"several|scores?)\b", re.I)


def count_incidents(extraction: Extraction | None, any_type: bool = False) -> int:
    if extraction is None:
        return 0
    return sum(1 for i in extraction.incidents if any_type or i.event_type != NON_VIOLENT)


def baseline_count(text: str) -> int:
    """The baseline's reading: one incident per sentence with a violence word and a number."""
    return sum(1 for s in _SENTENCE.split(text) if _VIOLENCE.search(s) and _NUMBER.search(s))


def single_incident(record: dict[str, Any]) -> bool:
    """Whether a gold record counts for *within*: every record does, except Strategic developments."""
    return (record.get("gold") or {}).get("event_type") != NON_VIOLENT


def within_shares(counts: Iterable[int]) -> dict[str, tuple[float, int]]:
    """Shares of texts read as exactly one, zero and two or more incidents."""
    c = list(counts)
    n = len(c)
    if not n:
        return {}
    share = lambda k: sum(1 for x in c if x == k) / n  # noqa: E731
    return {"one_incident": (share(1), n), "zero_incidents": (share(0), n),
            "several_incidents": (sum(1 for x in c if x >= 2) / n, n)}


def within(records: list[dict[str, Any]], preds: dict[str, Extraction | None]) -> tuple[dict, dict]:
    """(sitrep's within shares, the baseline's) over the single-incident records of one dataset."""
    recs = [r for r in records if single_incident(r)]
    ours = within_shares(count_incidents(preds.get(r["id"])) for r in recs)
    if ours:
        ours["one_incident_any_type"] = (within_shares(count_incidents(preds.get(r["id"]), True) for r in recs)
                                         ["one_incident"][0], len(recs))
    return ours, within_shares(baseline_count(r["text"]) for r in recs)


# --- across ---------------------------------------------------------------------------------

def _vectors(texts: list[str]) -> list[dict[str, float]]:
    docs = [Counter(re.findall(r"[a-z]{3,}", t.lower())) for t in texts]
    df = Counter(w for d in docs for w in d)
    n = len(docs)
    out = []
    for d in docs:
        v = {w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in d.items() if df[w] > 1}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({w: x / norm for w, x in v.items()})
    return out


def baseline_groups(articles: list[dict[str, Any]], days: int = 3, threshold: float = 0.3) -> list[list[str]]:
    """The across baseline: every pair published within ``days`` with a TF-IDF cosine >= ``threshold``
    (whole article text, no linkage: each matching pair is a group of two)."""
    vecs = _vectors([a.get("text") or "" for a in articles])
    dates = [dt.date.fromisoformat(a["published"][:10]) if a.get("published") else None for a in articles]
    out = []
    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            if dates[i] is None or dates[j] is None or abs((dates[i] - dates[j]).days) > days:
                continue
            a, b = (vecs[i], vecs[j]) if len(vecs[i]) < len(vecs[j]) else (vecs[j], vecs[i])
            if sum(x * b.get(w, 0.0) for w, x in a.items()) >= threshold:
                out.append([articles[i]["id"], articles[j]["id"]])
    return out


def is_group_file(path: Path) -> bool:
    """A group file's lines carry ``kind`` and no ``text`` (every gold record has a text)."""
    if path.suffix != ".jsonl":
        return False
    try:
        with path.open(encoding="utf-8") as f:
            first = next((line for line in f if line.strip()), "")
        rec = json.loads(first) if first else None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(rec, dict) and "kind" in rec and "text" not in rec


def corpus_path(group_path: Path, articles: str, given: Iterable[Path]) -> Path:
    """A group file's articles: a gold file given on the command line of that name, else the path
    relative to the group file."""
    for g in given:
        if g.name == Path(articles).name and not is_group_file(g):
            return g
    p = (group_path.parent / articles).resolve()
    if not p.is_file():
        raise InputError(f"{group_path}: its articles {articles} are not among the gold files given, nor at {p}")
    return p


def read_articles(path: Path) -> list[dict[str, Any]]:
    from .score import read_gold

    return [r for r in read_gold(path) if r.get("id") and r.get("text")]


def across(group_path: Path, given: Iterable[Path], workers: int = 2) -> tuple[str, dict, dict]:
    """(dataset, sitrep's merge precision/recall, the baseline's) for one group file: its corpus is
    ingested into a fresh temporary database and the articles that share an incident are scored."""
    from ..ingest.pipeline import ingest
    from ..reconcile.cluster_gold import database_groups, load_groups, score_groups

    gold = load_groups(group_path)
    articles = read_articles(corpus_path(group_path, gold.articles, given))
    ids = {a["id"] for a in articles}
    unknown = sorted(gold.ids - ids)
    if unknown:
        raise InputError(f"{group_path}: {len(unknown)} ids are not in its articles ({', '.join(unknown[:3])}…)")
    with tempfile.TemporaryDirectory(prefix="sitrep-eval-") as tmp:
        src = Path(tmp) / "articles.jsonl"
        with src.open("w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps({k: a.get(k) for k in ("id", "text", "title", "published", "url") if a.get(k) is not None},
                                   ensure_ascii=False) + "\n")
        ingest([str(src)], Path(tmp) / "eval.db", workers=workers, progress=False)
        predicted, _ = database_groups(Path(tmp) / "eval.db")
    return gold.dataset, _shares(score_groups(predicted, gold, ids)), _shares(score_groups(baseline_groups(articles), gold, ids))


def _shares(s: dict[str, Any]) -> dict[str, tuple[float, int]]:
    return {"merge_precision": (s["precision"], s["pairs_predicted"]), "merge_recall": (s["recall"], s["pairs_gold"]),
            "hard_negatives_merged": (s["hard_negatives_merged"], s["hard_negatives"])}
