"""Follow-ups that revise a toll (issue 9, item 4): read as revised claims on the same incident.

End to end: the seed article, a syndicated copy of it (another outlet's headline and byline) and
one follow-up per bombing, written for this test in the manner of wire follow-ups two days later,
stored in one database give exactly the two bombings, each with low from the seed, high from its
follow-up and two independent sources (the copy is not one).
"""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import SEED
from sitrep.geo.resolve import is_source_base
from sitrep.models import VIOLENT_TYPES, Article, Place
from sitrep.store import Store
from sitrep.reconcile.across import Incidents

SEED_DAY = dt.date(2016, 2, 22)  # a Monday: "yesterday's attacks" were on Sunday 21 February
FOLLOW_DAY = dt.date(2016, 2, 24)  # Wednesday

HOMS_FOLLOW_UP = (
    "HOMS, Syria — The death toll from Sunday's twin car bombings in Homs has risen to 64, the Syrian "
    "Observatory for Human Rights said on Wednesday. The Britain-based monitor said dozens of the wounded "
    "were still being treated in the city's hospitals. Islamic State claimed responsibility for the twin "
    "blasts, which struck a busy intersection in the Zahraa district on Sunday. Zahraa is mostly inhabited "
    "by members of President Bashar al-Assad's Alawite sect."
)
ZEINAB_FOLLOW_UP = (
    "DAMASCUS, Syria — The number of people killed in Sunday's bombings in the Damascus suburb of Sayyida "
    "Zeinab has climbed to 96, the London-based Syrian Observatory for Human Rights said on Wednesday. "
    "The London-based monitor said 20 other people were wounded in the attack. Islamic State said its "
    "suicide bombers carried out the attack near the Sayyida Zeinab shrine."
)


def _articles() -> list[Article]:
    seed = SEED.read_text("utf-8")
    copy = "Twin attacks hit Homs and Damascus suburb\nBy Syria Desk Staff\n\n" + seed
    return [
        Article("seed", seed, SEED_DAY, outlet="presstv.ir"),
        Article("seed-copy", copy, SEED_DAY, outlet="syndicated.example"),
        Article("homs-follow", HOMS_FOLLOW_UP, FOLLOW_DAY, outlet="wire.example"),
        Article("zeinab-follow", ZEINAB_FOLLOW_UP, FOLLOW_DAY, outlet="news.example"),
    ]


@pytest.fixture(scope="module")
def extractions(extractor):
    return {a.id: extractor.extract(a) for a in _articles()}


def _violent(extraction):
    return [i for i in extraction.incidents if i.event_type in VIOLENT_TYPES]


@pytest.mark.parametrize(
    "article_id,place,killed",
    [("homs-follow", "Homs", 64), ("zeinab-follow", "Sayyidah Zaynab", 96)],
)
def test_a_follow_up_is_one_incident_dated_from_its_text(extractions, article_id, place, killed):
    (inc,) = _violent(extractions[article_id])
    assert inc.location is not None and inc.location.name == place  # never London, never Britain
    assert (inc.event_date, int(inc.date_precision)) == (dt.date(2016, 2, 21), 1)  # "Sunday's", not the publication day
    revised = [c for c in inc.claims if c.kind == "killed"]
    assert [(c.min, c.qualifier, c.reported) for c in revised] == [(killed, "revised", FOLLOW_DAY)]


@pytest.mark.parametrize("order", [(0, 2, 3), (3, 2, 0), (0, 1, 2, 3), (3, 2, 1, 0)])  # 1 is the syndicated copy
def test_seed_copy_and_follow_ups_give_two_incidents_with_revisions(extractions, order):
    ids = [a.id for a in _articles()]
    with Store.open(":memory:") as s:
        for k in order:
            Incidents(s).add(extractions[ids[k]])
        rows, _ = s.query_incidents(sort="id", limit=20)
        violent = {r["location"]["name"]: s.get_incident(r["id"]) for r in rows if r["event_type"] in VIOLENT_TYPES}
    assert sorted(violent) == ["Homs", "Sayyidah Zaynab"]
    homs, zeinab = violent["Homs"], violent["Sayyidah Zaynab"]
    assert (homs["fatalities"]["low"], homs["fatalities"]["high"]) == (25, 64)
    assert (zeinab["fatalities"]["low"], zeinab["fatalities"]["high"]) == (83, 96)
    assert homs["n_sources"] == 2 and zeinab["n_sources"] == 2
    for inc, follow, value in ((homs, "homs-follow", 64), (zeinab, "zeinab-follow", 96)):
        latest = [v for v in inc["revisions"] if v["kind"] == "killed"][-1]
        assert (latest["reported"], latest["article_id"], latest["min"], latest["qualifier"]) == (
            FOLLOW_DAY.isoformat(), follow, value, "revised")


# a revised toll of the same day's bombing in the same town is content enough (merge.revised_toll)
def test_a_one_sentence_follow_up_joins_the_seed(extractor, seed_extraction):
    line = Article("homs-line", "The death toll from Sunday's twin car bombings in Homs has risen to 64, the Syrian "
                                "Observatory for Human Rights said.", FOLLOW_DAY)
    with Store.open(":memory:") as s:
        Incidents(s).add(seed_extraction)
        Incidents(s).add(extractor.extract(line))
        rows, _ = s.query_incidents(sort="id", limit=20)
    assert len([r for r in rows if r["event_type"] in VIOLENT_TYPES]) == 2


@pytest.mark.parametrize(
    "text,name,base",
    [
        ("The London-based monitor said 20 other people were wounded.", "London", True),
        ("the Britain-based Syrian Observatory for Human Rights said", "Britain", True),
        ("the Beirut-based channel al-Mayadeen reported", "Beirut", True),
        ("a New York-based group said the strike killed five", "New York", True),
        ("A car bomb exploded in Idlib on Friday.", "Idlib", False),
    ],
)
def test_a_source_base_is_not_a_place_of_the_event(text, name, base):
    start = text.index(name)
    assert is_source_base(text, Place(name, start, start + len(name))) is base


def test_the_monitor_sentence_after_a_bombing_is_no_incident_in_london(extractor):
    text = ("A car bomb exploded in Idlib on Friday, killing seven people. "
            "The London-based monitor said 20 other people were wounded in the attack.")
    (inc,) = _violent(extractor.extract(Article("idlib", text, dt.date(2016, 2, 21))))
    assert inc.location is not None and inc.location.name == "Idlib"
    assert (inc.fatalities.best, inc.injuries.best) == (7, 20)
