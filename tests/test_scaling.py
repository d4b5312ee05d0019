"""Inputs that hung (issue 8, item 3): every stage reads them in linear time and reads them right.

Regression: 170 kB of "killed 5 people. " took 118 s (one endless "sentence", since a full stop
before a lower-case word never ends one, read by quadratic casualty patterns), and place resolution
compared every mention with every other (a 588 kB text took 134 s). Timing lives in
bench/bench_scaling.py; these tests check the readings, and finish in seconds only when linear.
"""
from __future__ import annotations

import pytest

from geo_fixtures import gazetteer, geoparser  # noqa: F401
from sitrep.clean import clean
from sitrep.extract import casualties
from sitrep.pipeline import Extractor
from sitrep.extract.sentences import MAX_CHARS, split
from sitrep.models import Article

KILLED = "killed 5 people. "
# (name, country code) of places the gazetteer resolves without doubt
PLACES = [("Aleppo", "SY"), ("Homs", "SY"), ("Damascus", "SY"), ("Baghdad", "IQ"), ("Mosul", "IQ"), ("Kabul", "AF")]


def _many_places(n_sentences: int) -> str:
    out = []
    for i in range(n_sentences):
        a, b, c, d = (PLACES[(i + k) % len(PLACES)][0] for k in (0, 1, 2, 3))
        out.append(f"Fighting spread from {a} to {b}, {c} and {d}, where {i % 40 + 2} people were killed.")
    return " ".join(out)


@pytest.mark.parametrize("text", [
    KILLED * 12_000,                                   # 204 kB, no sentence end at all
    "the convoy was hit near the border and " * 2_000,   # no punctuation
    "x" * 9_000,                                         # no space either
    "Mr. Ahmed said. " * 3_000,                          # abbreviations all the way
], ids=["killed", "no-punctuation", "no-space", "abbreviations"])
def test_overlong_runs_are_cut_and_nothing_is_lost(text):
    sents = split(text)
    assert all(len(s.text) <= MAX_CHARS for s in sents)
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert all(a.end <= b.start for a, b in zip(sents, sents[1:]))
    assert sum(len(s.text.replace(" ", "")) for s in sents) == len(text.replace(" ", ""))


@pytest.mark.parametrize("text, expected", [
    ("At least 57 people were killed. Police said the toll may rise.", 2),
    ("Gen. Smith said 5 people were killed at 5 p.m. local time on Sunday.", 1),
    ("The blast killed 12. officials said later that 20 were wounded.", 1),  # lower case: one sentence
    ("He met Mr. Obama in Washington, D.C. on Monday. He left.", 2),
])
def test_prose_splits_as_before(text, expected):
    assert len(split(text)) == expected


def test_killed_repeated_every_figure_read():
    text = KILLED * 12_000
    figures = [f for s in split(text) for f in casualties.find_figures(s.text)]
    assert len(figures) == 12_000
    assert all(f.kind == "killed" and f.min == f.max == 5 and f.victims == "people" for f in figures)


def test_a_cut_keeps_the_figure_whole():
    # the cut falls after a full stop, never inside "killed 5 people"
    sents = split(KILLED * 1_000)
    assert all(s.text.startswith("killed 5") and s.text.endswith("people.") for s in sents)


def test_three_thousand_place_mentions(geoparser):
    text = _many_places(750)
    places = geoparser.find_places(text)
    assert len(places) == 3_000
    expected = dict(PLACES)
    # a name before ", Y and Z" may be read as the province (precision 4): the country is never in doubt
    assert all(p.country_code == expected[p.text] and p.precision in (1, 4) for p in places)
    assert all(text[p.start:p.end] == p.text for p in places)


@pytest.mark.parametrize("text, killed, where", [
    # near-repeat sentences are dropped: the first incident says 2 killed, where the "where" clause
    # places them ("from Aleppo to Homs, Damascus and Baghdad, where 2 people were killed"), not at
    # the origin the fighting spread from
    (_many_places(750), 2, "Baghdad"),
    (KILLED * 12_000, 5, None),        # one incident, its repeats dropped
], ids=["places", "killed"])
def test_extract_reads_huge_pathological_texts(geoparser, text, killed, where):
    ex = Extractor(geoparser=geoparser, use_ner=False)
    result = ex.extract(Article("huge", text, None))
    assert result.incidents
    first = result.incidents[0]
    assert first.claims[0].kind == "killed" and first.claims[0].min == killed
    assert (first.location.name if first.location else None) == where
    assert all(0 <= c.start < c.end <= len(result.article.text) for i in result.incidents for c in i.claims)


def test_clean_drops_repeated_paragraphs_of_a_huge_text():
    para = "Gunmen attacked a checkpoint in Kano on Sunday, killing three police officers, a spokesman said."
    other = "The attack came a day after a car bomb exploded at a market in Maiduguri, killing 12 people."
    text = "\n\n".join([para, other] * 3_000 + [para.replace("said.", "told reporters.")])
    cleaned, _ = clean(text)
    # exact repeats anywhere and near repeats (the last words changed) are dropped
    assert cleaned.split("\n\n") == [para, other] or cleaned.split("\n") == [para, "", other]
