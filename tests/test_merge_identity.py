"""Across-article identity (issue 9, items 3 and 5): content coreference, coherent clusters, copies
with their original, stable ids and their redirects.

The sentences are written like local news reports of shootings (the GVDB kind) and wire copies;
names and streets are made up."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sitrep.models import Actor, Evidence, Place
from sitrep.reconcile import content
from sitrep.reconcile.cluster import cluster, coherent
from sitrep.reconcile.merge import copy_partners, match, signature
from sitrep.store import Store
from sitrep.reconcile.across import Incidents
from store_fixtures import extraction, incident

CITY = dict(name="Milwaukee", admin1="Wisconsin", country="United States", country_code="US", geonameid=5263045,
            latitude=43.0389, longitude=-87.9065)


@pytest.mark.parametrize("text, names", [
    ("Police identified the victim as Rickole Rogers, 24, of Milwaukee.", {"rickole rogers"}),
    ("Officer Robert Rialmo fatally shot Quintonio LeGrier, 19, and Bettie Jones, 55.",
     {"robert rialmo", "quintonio legrier", "bettie jones"}),
    ("Jonathan Bratcher was shot by an officer after a foot chase.", {"jonathan bratcher"}),
    # a spokesman, a TV station and a town are named in reports of many incidents: not names here
    ("Ed Winter, a spokesman for the coroner, told CBS Chicago that San Bernardino police were there.", set()),
])
def test_names_of_the_people_an_incident_is_about(text, names):
    assert content.find_names(text) == names


@pytest.mark.parametrize("text, sites", [
    ("A 24-year-old man was shot near 65th and Thurston on Thursday night.", {"65th&thurston"}),
    ("The clerk of the Cumberland Express Mart was killed in an attempted robbery.", {"cumberland express mart"}),
    ("He was found near N. 20th & Highland about 3 a.m.", {"20th&highland"}),
    ("A man was shot in the 1200 block of South Hartley Street, police said.", {"south hartley street"}),
    ("Smith and Jones went to the store.", set()),
])
def test_sites(text, sites):
    assert content.find_sites(text) == sites


def _shooting(evidence: list[str], killed: int | None = 1, date: str = "2016-01-21", place: dict | None = CITY,
              sub: str = "Attack"):
    inc = incident(place=place, date=date, sub=sub, killed=killed, perpetrator=None)
    inc.evidence = [Evidence(0, len(t), t) for t in evidence]
    return inc


ROGERS_A = ["A 24-year-old man was shot and killed while seated in a vehicle near 65th and Thurston on Thursday.",
            "Police identified the victim as Rickole Rogers, 24."]
ROGERS_B = ["Rickole Rogers, 24, died after gunfire struck his car near 65th and Thurston about 7:30 p.m. Thursday.",
            "Detectives are seeking a gray sedan seen leaving the scene."]
HOPKINS = ["A 30-year-old man was fatally shot near Hopkins and Stark on Thursday evening.",
           "Police identified him as Darnell Price, 30, and said a dispute preceded the shooting."]


def _sig(rid, article, inc, published="2016-01-22"):
    return signature(rid, article, inc, dt.date.fromisoformat(published))


def test_same_victim_and_site_match_and_a_different_shooting_in_the_same_town_and_day_does_not():
    a, b, c = (_sig("r1", "a1", _shooting(ROGERS_A)), _sig("r2", "a2", _shooting(ROGERS_B)),
               _sig("r3", "a3", _shooting(HOPKINS)))
    assert content.content_score(a.features, b.features) > 1
    assert content.content_score(a.features, c.features) < 0  # other victim, other corner, other age
    assert match(a, b) is not None
    assert match(a, c) is None and match(b, c) is None


def test_follow_up_weeks_later_links_through_the_victims_name():
    first = _sig("r1", "a1", _shooting(ROGERS_A))
    trial = _sig("r2", "a2", _shooting(["Marcus Bell was charged Tuesday in the death of Rickole Rogers, 24, who was "
                                        "shot near 65th and Thurston."], date="2016-02-23"), "2016-02-24")
    assert match(first, trial) is not None


def test_a_cluster_does_not_chain_through_one_link():
    # b links to a and to c, but a and c name different victims: a join is checked against every member
    a = _sig("r1", "a1", _shooting(ROGERS_A))
    c = _sig("r3", "a3", _shooting(HOPKINS))
    b = _sig("r2", "a2", _shooting(["Two men were shot in separate incidents Thursday on the north side."]))
    edges = [(4.0, "r1", "r2"), (4.0, "r2", "r3")]
    groups = cluster([a, b, c], edges)
    assert sorted(len(g) for g in groups) == [1, 2]
    assert not coherent([a, b], [c], {("r1", "r2"), ("r2", "r3")}, 0.5)


def test_each_copy_report_goes_with_the_original_report_it_resembles():
    orig = [_sig("o1", "orig", _shooting(ROGERS_A)), _sig("o2", "orig", _shooting(HOPKINS))]
    copy = [_sig("c1", "copy", _shooting(HOPKINS)), _sig("c2", "copy", _shooting(ROGERS_A))]
    assert copy_partners(copy, orig) == {"c1": "o2", "c2": "o1"}
    assert copy_partners(copy, []) == {}


# --- a realistic feed: one town, one week, several outlets, copies, a story with no place -------

def _feed():
    """Four shootings in Milwaukee in one week told by two or three outlets each in their own words,
    two syndicated copies, and a wedding massacre with no town named, with its copy."""
    stories = {
        "rogers": (["A 24-year-old man was shot and killed in a car near 65th and Thurston Thursday night.",
                    "Police identified the victim as Rickole Rogers, 24."],
                   ["Rickole Rogers, 24, died when gunfire struck his car near 65th and Thurston about 7:30 p.m.",
                    "Detectives are searching for a gray sedan."],
                   ["Family members gathered near 65th and Thurston where Rickole Rogers, 24, was shot Thursday."]),
        "price": (["A 30-year-old man was fatally shot near Hopkins and Stark on Thursday evening.",
                   "Police identified him as Darnell Price, 30."],
                  ["Darnell Price, 30, was killed near Hopkins and Stark after an argument, police said."]),
        "popeyes": (["A 28-year-old customer was shot when he stepped in during an attempted robbery at the "
                     "Lincoln Avenue Popeyes on Sunday."],
                    ["Police seek two men after a customer, 28, was shot trying to stop a robbery at a Popeyes "
                     "on Lincoln Avenue."]),
        "snow": (["A 23-year-old man was found shot in the snow near Beale and Fond du Lac early Sunday and died."],
                 ["The man found in the snow near Beale and Fond du Lac, 23, died at the scene, the medical "
                  "examiner said."]),
    }
    days = {"rogers": "2016-01-21", "price": "2016-01-21", "popeyes": "2016-01-24", "snow": "2016-01-24"}
    out, n = [], 0
    for key, tellings in stories.items():
        for k, evidence in enumerate(tellings):
            n += 1
            published = (dt.date.fromisoformat(days[key]) + dt.timedelta(days=1 + k % 2)).isoformat()
            text = f"{key} story {k} by outlet {n}: " + " ".join(evidence)
            out.append(extraction(f"{key}-{k}", text=text, published=published, outlet=f"outlet {n}",
                                  incidents=[_shooting(evidence, date=days[key])]))
    wire = ("Gunmen stormed a wedding party on Saturday night and killed 14 guests, including the groom's father, "
            "before fleeing on motorbikes, witnesses and a local official said on Sunday.")
    wed = _shooting([wire.split(", witnesses")[0] + "."], killed=14, date="2016-01-23", place=None)
    wed.location = Place(text="", country="Nigeria", country_code="NG")
    out.append(extraction("wedding", text=wire, published="2016-01-24", incidents=[wed]))
    out.append(extraction("wedding-copy", text="(AFP) " + wire, published="2016-01-24",
                          incidents=[dataclasses.replace(wed, fatalities=dataclasses.replace(wed.fatalities))]))
    # a syndicated copy of a Rogers story, with the extractor reading it a little differently
    rogers_text = out[0].article.text
    copy = _shooting(stories["rogers"][0], date=None)
    copy.actors = [Actor("Milwaukee Police", "other")]
    out.append(extraction("rogers-copy", text="MILWAUKEE (AP) — " + rogers_text, published="2016-01-23",
                          incidents=[copy]))
    return out


def test_feed_gives_one_incident_per_shooting_and_copies_never_count_as_sources():
    with Store.open(":memory:") as s:
        for e in _feed():
            Incidents(s).add(e)
        rows, _ = s.query_incidents(limit=100)
        by_article = {}
        for r in rows:
            for rep in s.get_incident(r["id"])["reports"]:
                by_article[rep["article_id"]] = r
        assert len(rows) == 5, sorted((r["id"], r["n_reports"]) for r in rows)
        assert by_article["rogers-0"]["id"] == by_article["rogers-1"]["id"] == by_article["rogers-2"]["id"]
        assert by_article["rogers-copy"]["id"] == by_article["rogers-0"]["id"]
        assert by_article["rogers-0"]["n_sources"] == 3 and by_article["rogers-0"]["n_reports"] == 4
        assert by_article["price-0"]["id"] == by_article["price-1"]["id"] != by_article["rogers-0"]["id"]
        assert by_article["popeyes-0"]["id"] == by_article["popeyes-1"]["id"] != by_article["snow-0"]["id"]
        wedding = by_article["wedding"]
        assert by_article["wedding-copy"]["id"] == wedding["id"]
        assert wedding["n_sources"] == 1 and wedding["fatalities"]["best"] == 14
        assert sum(r["fatalities"]["best"] or 0 for r in rows) == 14 + 4


def test_feed_clusters_do_not_depend_on_arrival_order():
    feed = _feed()
    dumps = []
    for order in (feed, list(reversed(feed)), feed[1::2] + feed[::2]):
        with Store.open(":memory:") as s:
            for e in order:
                Incidents(s).add(e)
            dumps.append(s.dump())
    assert dumps[0] == dumps[1] == dumps[2]


# --- stable identity ------------------------------------------------------------------------------

def test_incident_keeps_its_id_when_a_later_report_joins():
    with Store.open(":memory:") as s:
        Incidents(s).add(extraction("first", published="2016-01-22", incidents=[_shooting(ROGERS_A)]))
        (before,), _ = s.query_incidents()
        Incidents(s).add(extraction("later", published="2016-01-23", incidents=[_shooting(ROGERS_B)]))
        (after,), _ = s.query_incidents()
        assert after["id"] == before["id"] and after["n_reports"] == 2


def test_an_id_changed_by_a_merge_redirects_in_the_store_the_api_and_the_page():
    from fastapi.testclient import TestClient
    from serve_fixtures import TOKEN, make_app

    s = Store.open(":memory:")
    Incidents(s).add(extraction("later", published="2016-01-23", incidents=[_shooting(ROGERS_B)]))
    (old,), _ = s.query_incidents()
    Incidents(s).add(extraction("first", published="2016-01-22", incidents=[_shooting(ROGERS_A)]))  # an earlier report leads
    (new,), _ = s.query_incidents()
    assert new["id"] != old["id"]
    got = s.get_incident(old["id"])
    assert got["id"] == new["id"] and got["redirected_from"] == old["id"] and old["id"] in got["aliases"]
    assert "redirected_from" not in s.get_incident(new["id"])
    client = TestClient(make_app(s))
    headers = {"Authorization": f"Bearer {TOKEN}"}
    answer = client.get(f"/api/incidents/{old['id']}", headers=headers)
    assert answer.status_code == 200 and answer.json()["id"] == new["id"]
    assert answer.headers["content-location"] == f"/api/incidents/{new['id']}"
    page = client.get(f"/incidents/{old['id']}", follow_redirects=False)
    assert page.status_code == 308 and page.headers["location"] == f"/incidents/{new['id']}"
    assert client.get(f"/incidents/{new['id']}", follow_redirects=False).status_code == 200


@pytest.mark.parametrize("a, b, days, expect", [
    ((1, 1), (1, 1), 0, 0.0),        # "one killed" says nothing about which shooting
    ((14, 14), (14, 14), 0, 0.5),    # the same toll of 14
    ((1, 1), (3, 3), 0, -0.75),      # one dead and three dead, told the same day: two incidents
    ((5, 5), (6, 6), 0, 0.0),        # one body more: a count still being made
    ((12, 12), (99, 99), 0, 0.0),    # a bombing's toll still rising
    ((1, 1), (3, 3), 5, 0.0),        # days apart: the toll may have risen
])
def test_figures_for_and_against(a, b, days, expect):
    fa, fb = content.Features(killed=a), content.Features(killed=b)
    assert content.content_score(fa, fb, days) == expect


def _incident_of(store: Store) -> dict[str, str]:
    rows, _ = store.query_incidents(limit=100)
    return {rep["article_id"]: r["id"] for r in rows for rep in store.get_incident(r["id"])["reports"]}


def test_copies_follow_their_original_whatever_the_order_and_the_writers_caches():
    # an earlier telling of the Rogers story that the extractor found no incident in becomes the
    # original of its copies: they stand for themselves again, and still join the Rogers incident
    feed = _feed()
    feed.append(extraction("rogers-early", text="UPDATE: " + feed[0].article.text, published="2016-01-21", incidents=[]))
    dumps = []
    for order in (feed, list(reversed(feed)), feed[1::2] + feed[::2]):
        for shared in (False, True):  # one writer for the run (its caches), or a new one per article
            with Store.open(":memory:") as s:
                writer = Incidents(s)
                for e in order:
                    (writer if shared else Incidents(s)).add(e)
                dumps.append(s.dump())
                seen = _incident_of(s)
                assert s.copy_of("rogers-0") == s.copy_of("rogers-copy") == "rogers-early"
                assert seen["rogers-0"] == seen["rogers-copy"] == seen["rogers-1"] == seen["rogers-2"]
    assert all(d == dumps[0] for d in dumps)


def test_a_wire_story_told_two_hundred_times_is_one_incident_and_only_its_originals_are_matched():
    wire = ("Gunmen stormed a wedding party on Saturday night and killed 14 guests, including the groom's father, "
            "before fleeing on motorbikes, witnesses and a local official said on Sunday.")
    wed = _shooting([wire.split(", witnesses")[0] + "."], killed=14, date="2016-01-23", place=None)
    wed.location = Place(text="", country="Nigeria", country_code="NG")
    with Store.open(":memory:") as s:
        writer = Incidents(s)
        for k in range(200):
            inc = dataclasses.replace(wed, fatalities=dataclasses.replace(wed.fatalities, best=14 + k % 3))
            writer.add(extraction(f"wire-{k:03d}", text=f"(Outlet {k}) " + wire, published="2016-01-24", incidents=[inc]))
        rows, _ = s.query_incidents(limit=10)
        assert len(rows) == 1 and rows[0]["n_reports"] == 200
        originals = rows[0]["n_sources"]  # the texts the copy detector did not take for copies
        assert originals < 40
        assert s.db.execute("SELECT COUNT(*) FROM links").fetchone()[0] <= originals * (originals - 1) // 2
        assert len(s.get_incident(rows[0]["id"])["evidence"]) == 1  # one sentence, told once


def test_a_writer_with_warm_caches_sees_a_split_made_by_another_process():
    # the API's reviewer splits a claim out of the Rogers incident while an ingest holds its caches
    # of stored reports: the ingest's next re-merge of that incident must not bring the claim back
    feed = [e for e in _feed() if e.article.id.startswith("rogers-")]
    first, last = feed[:-1], feed[-1]
    dumps = []
    for warm in (True, False):
        with Store.open(":memory:") as s:
            writer = Incidents(s)
            for e in first:
                (writer if warm else Incidents(s)).add(e)
            iid = _incident_of(s)["rogers-0"]
            inc = s.get_incident(iid)
            of_article = {r["id"]: r["article_id"] for r in inc["reports"]}
            claim = next(c for c in inc["claims"] if of_article[c["report_id"]] == "rogers-1")
            split = Incidents(s).split_incident(iid, [claim["id"]], "ana")  # the reviewer's own writer
            (writer if warm else Incidents(s)).add(last)
            seen = _incident_of(s)
            assert seen["rogers-0"] == seen[last.article.id] != split
            assert claim["id"] not in {c["id"] for c in s.get_incident(seen["rogers-0"])["claims"]}
            assert claim["id"] in {c["id"] for c in s.get_incident(split)["claims"]}
            dumps.append(s.dump())
    assert dumps[0] == dumps[1]
