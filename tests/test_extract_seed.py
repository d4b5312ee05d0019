"""The seed article, read end to end: every line of the mission's seedcheck must pass."""
import json
import subprocess
import sys

from conftest import FIXTURES, SEED


def test_seedcheck_passes_through_the_cli():
    out = subprocess.run(
        [sys.executable, "-m", "sitrep.cli", "extract", str(SEED), "--published", "2016-02-22", "--format", "json"],
        capture_output=True, text=True, check=True,
    ).stdout
    check = subprocess.run([sys.executable, str(FIXTURES / "tools" / "seedcheck.py")], input=out, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    assert check.stdout.strip().splitlines()[-1].endswith(" 0 failed")


def test_seed_tolls_and_summary(seed_extraction):
    x = seed_extraction
    violent = [i for i in x.incidents if i.event_type == "Explosions/Remote violence"]
    assert len(violent) == 2
    homs = next(i for i in violent if "Homs" in (i.location.name or ""))
    assert (homs.fatalities.low, homs.fatalities.high) == (25, 57)
    assert homs.toll_may_rise
    (summary,) = x.summaries
    assert summary.min == 140 and set(summary.covers) == {i.id for i in violent}
    for inc in x.incidents:
        for c in inc.claims:
            assert x.article.text[c.start:c.end] == c.quote


def test_json_shape(seed_extraction):
    d = json.loads(json.dumps(seed_extraction.to_dict()))
    inc = d["incidents"][0]
    for key in ("id", "event_type", "sub_event_type", "cameo", "event_date", "date_precision", "location", "actors",
                "fatalities", "injuries", "toll_may_rise", "claims"):
        assert key in inc
    for key in ("kind", "min", "max", "qualifier", "source", "quote", "start", "end"):
        assert key in inc["claims"][0]


def test_ner_alone_gives_the_full_pipeline_entities():
    """The extractor runs only spaCy's 'ner' (it has its own tok2vec); entities must not change."""
    from sitrep.nlp import load

    nlp = load()
    text = SEED.read_text("utf-8")
    full = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
    with nlp.select_pipes(enable=["ner"]):
        alone = [(e.start_char, e.end_char, e.label_) for e in nlp(text).ents]
    assert alone == full


def test_the_ceasefire_stays_at_its_country_not_the_headline_town(seed_extraction):
    # regression: the town pass moved the nationwide ceasefire to Homs because the headline names Homs
    agreements = [i for i in seed_extraction.incidents if i.sub_event_type == "Agreement"]
    assert agreements and all(i.location is None or i.location.name != "Homs" for i in agreements)
