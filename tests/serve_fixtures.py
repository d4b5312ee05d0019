"""Fixtures for the serve tests: a small in-memory store with the real Store's method names and
result shapes (docs/store.md), the seed's two incidents, and an app factory.

The API tests run against this fake so they stay fast and do not depend on extraction; the browser
tests and test_serve_store.py use the real pipeline and the real Store.
"""
from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from sitrep.errors import StoreError
from sitrep.reconcile.across import Incidents

SEED_TEXT = (Path(__file__).parent / "fixtures" / "seed_article.txt").read_text("utf-8")
TOKEN = "test-token-0123456789"


def _span(quote: str) -> tuple[int, int]:
    start = SEED_TEXT.index(quote)
    return start, start + len(quote)


def _claim(cid: str, kind: str, n: int, nmax: int | None, qualifier: str | None, source: str | None,
           quote: str) -> dict[str, Any]:
    start, end = _span(quote)
    return {"id": cid, "kind": kind, "min": n, "max": nmax, "qualifier": qualifier, "source": source,
            "quote": quote, "start": start, "end": end, "victims": None, "hedge": None,
            "reported": "2016-02-22", "credible": None,
            "article": {"id": "seed", "title": "Bomb blasts in Homs and Damascus", "url": None,
                        "outlet": "seed outlet", "published": "2016-02-22", "copy_of": None}}


def seed_incidents() -> dict[str, dict[str, Any]]:
    base = {"cameo": "183", "event_date": "2016-02-21", "date_precision": 1,
            "event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED",
            "n_reports": 1, "n_sources": 1, "sources": ["seed outlet"], "reviewed": False,
            "evidence": [], "overrides": {}, "aliases": [],
            "reports": [{"id": "r", "article_id": "seed", "title": "Bomb blasts", "outlet": "seed outlet",
                         "published": "2016-02-22", "independent": True}],
            "actors": [{"name": "Islamic State", "role": "perpetrator", "claimed_responsibility": True,
                        "claim_status": "claimed"}]}
    homs = dict(copy.deepcopy(base), id="inc-homs",
                location={"name": "Homs", "admin1": "Homs", "country": "Syria", "country_code": "SY",
                          "geonameid": 169577, "latitude": 34.7268, "longitude": 36.7234, "precision": 1},
                fatalities={"low": 25, "best": 25, "high": 57}, injuries={"low": 39, "best": 39, "high": 39},
                toll_may_rise=True,
                claims=[_claim("c1", "killed", 57, None, None, None, "57 people, mainly civilians, were reportedly killed"),
                        _claim("c2", "killed", 25, None, None, "SANA, quoting the governor of Homs",
                               "25 people had been killed and 39 injured"),
                        _claim("c3", "injured", 39, None, None, "SANA, quoting the governor of Homs",
                               "25 people had been killed and 39 injured")])
    zein = dict(copy.deepcopy(base), id="inc-zeinab",
                location={"name": "As Sayyidah Zaynab", "admin1": "Rif Dimashq", "country": "Syria",
                          "country_code": "SY", "geonameid": 170017, "latitude": 33.4444, "longitude": 36.3406,
                          "precision": 1},
                fatalities={"low": 83, "best": 83, "high": 83}, injuries={"low": None, "best": None, "high": None},
                toll_may_rise=False,
                claims=[_claim("c4", "killed", 83, None, "at least", "Monitors and state media", "killing at least 83 people")])
    for inc in (homs, zein):
        inc["revisions"] = [{"reported": "2016-02-22", "kind": c["kind"], "min": c["min"], "max": c["max"],
                             "qualifier": c["qualifier"], "article_id": "seed", "outlet": "seed outlet",
                             "quote": c["quote"]} for c in inc["claims"]]
        inc["review"] = {"reviewed": False, "fields": [], "audit": []}
    return {homs["id"]: homs, zein["id"]: zein}


SUMMARY_KEYS = ("id", "event_type", "sub_event_type", "cameo", "event_date", "date_precision", "location",
                "actors", "fatalities", "injuries", "toll_may_rise", "n_reports", "n_sources", "sources", "reviewed")


class FakeStore:
    """Same method names and shapes as sitrep.store.Store, over a dict."""

    def __init__(self, incidents: dict[str, dict[str, Any]] | None = None):
        self.incidents = incidents if incidents is not None else seed_incidents()
        self.audit: list[dict[str, Any]] = []
        self.calls: list[tuple[str, dict[str, Any]]] = []

    # reads
    def _match(self, inc: dict[str, Any], f: dict[str, Any]) -> bool:
        loc = inc.get("location") or {}
        best = (inc.get("fatalities") or {}).get("best") or 0
        checks = [
            f.get("since") is None or (inc["event_date"] or "") >= f["since"],
            f.get("until") is None or (inc["event_date"] or "") <= f["until"],
            f.get("country") is None or f["country"] in (loc.get("country"), loc.get("country_code")),
            f.get("admin1") is None or f["admin1"] == loc.get("admin1"),
            f.get("event_type") is None or f["event_type"] == inc["event_type"],
            f.get("sub_event_type") is None or f["sub_event_type"] == inc["sub_event_type"],
            f.get("actor") is None or any(f["actor"].lower() in a["name"].lower() for a in inc["actors"]),
            f.get("min_fatalities") is None or best >= f["min_fatalities"],
            f.get("q") is None or all(w.strip('"*').lower() in SEED_TEXT.lower() for w in f["q"].split()),
            f.get("grades") is None or inc.get("grade") in f["grades"],
        ]
        if f.get("bbox") is not None:
            w, s, e, n = f["bbox"]
            checks.append(w <= loc["longitude"] <= e and s <= loc["latitude"] <= n)
        return all(checks)

    def query_incidents(self, *, sort: str = "-event_date", cursor: str | None = None, limit: int = 50,
                        raw: bool = False, **filters: Any) -> tuple[list[Any], str | None]:
        self.calls.append(("query_incidents", dict(filters, sort=sort, cursor=cursor, limit=limit)))
        if cursor is not None and not cursor.isdigit():
            raise ValueError("bad cursor")
        rows = [i for i in self.incidents.values() if self._match(i, filters)]
        key = sort.lstrip("-")
        getter = {"event_date": lambda i: (i["event_date"], i["id"]), "id": lambda i: i["id"],
                  "fatalities": lambda i: ((i["fatalities"]["best"] or 0), i["id"])}[key]
        rows.sort(key=getter, reverse=sort.startswith("-"))
        start = int(cursor or 0)
        page = rows[start:start + limit]
        nxt = str(start + limit) if start + limit < len(rows) else None
        rows = [{k: copy.deepcopy(i[k]) for k in SUMMARY_KEYS} for i in page]
        return ([json.dumps(r) for r in rows] if raw else rows), nxt

    def get_incident(self, incident_id: str) -> dict[str, Any] | None:
        inc = self.incidents.get(incident_id)
        return copy.deepcopy(inc) if inc else None

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        if article_id != "seed":
            return None
        return {"id": "seed", "title": "Bomb blasts in Homs and Damascus", "url": None, "outlet": "seed outlet",
                "published": "2016-02-22", "dateline": None, "text": SEED_TEXT, "copy_of": None, "copies": [],
                "incidents": [{k: i[k] for k in ("id", "event_type", "sub_event_type", "event_date", "location")}
                              for i in self.incidents.values()]}

    def stats(self, **filters: Any) -> dict[str, Any]:
        rows = [i for i in self.incidents.values() if self._match(i, filters)]
        fat = sum(i["fatalities"]["best"] or 0 for i in rows)
        by_week: dict[str, list[int]] = {}
        for i in rows:
            y, w, _ = dt.date.fromisoformat(i["event_date"]).isocalendar()
            acc = by_week.setdefault(f"{y}-W{w:02d}", [0, 0])
            acc[0] += 1
            acc[1] += i["fatalities"]["best"] or 0
        return {"incidents": len(rows), "fatalities": fat,
                "by_week": [{"week": k, "incidents": v[0], "fatalities": v[1]} for k, v in sorted(by_week.items())],
                "by_event_type": [{"event_type": "Explosions/Remote violence", "incidents": len(rows), "fatalities": fat}] if rows else [],
                "by_country": [{"country": "Syria", "country_code": "SY", "incidents": len(rows), "fatalities": fat}] if rows else []}

    def generation(self) -> int:
        return len(self.audit)  # every write below logs one audit entry

    # review
    def _log(self, action: str, incident_id: str | None, before: Any, after: Any, user: str) -> int:
        aid = len(self.audit) + 1
        self.audit.append({"id": aid, "at": "2016-02-23T00:00:00Z", "user": user, "action": action,
                           "incident_id": incident_id, "before": before, "after": after, "undone_by": None})
        return aid

    def correct_field(self, incident_id: str, field: str, value: Any, user: str) -> int:
        inc = self.incidents[incident_id]
        before = copy.deepcopy(inc.get(field))
        inc[field] = value
        inc["overrides"][field] = value
        inc["reviewed"] = True
        return self._log("correct_field", incident_id, {field: before}, {field: value}, user)

    def mark_claim(self, claim_id: str, credible: bool, user: str) -> int:
        for inc in self.incidents.values():
            for c in inc["claims"]:
                if c["id"] == claim_id:
                    before = c["credible"]
                    c["credible"] = credible
                    return self._log("mark_claim", inc["id"], {"credible": before, "claim_id": claim_id},
                                     {"credible": credible, "claim_id": claim_id}, user)
        raise StoreError(f"no claim {claim_id!r}")

    def merge_incidents(self, ids: list[str], user: str) -> str:
        keep = sorted(ids)[0]
        self._log("merge", keep, {"ids": ids}, {"id": keep}, user)
        return keep

    def split_incident(self, incident_id: str, claim_ids: list[Any], user: str) -> str:
        self._log("split", incident_id, {"claim_ids": claim_ids}, {}, user)
        return incident_id

    def undo(self, audit_id: int, user: str) -> int:
        entry = next((a for a in self.audit if a["id"] == audit_id), None)
        if entry is None:
            raise StoreError(f"no audit entry {audit_id}")
        if entry["undone_by"] is not None:
            raise StoreError(f"audit entry {audit_id} was already undone")
        if entry["action"] == "correct_field":
            (field, before), = entry["before"].items()
            self.incidents[entry["incident_id"]][field] = before
            self.incidents[entry["incident_id"]]["overrides"].pop(field, None)
        new = self._log("undo", entry["incident_id"], entry["after"], entry["before"], user)
        entry["undone_by"] = new
        return new

    def audit_log(self, incident_id: str | None = None) -> list[dict[str, Any]]:
        return [copy.deepcopy(a) for a in reversed(self.audit) if incident_id in (None, a["incident_id"])]

    def close(self) -> None:
        pass


def make_app(store: Any = None, **config: Any) -> Any:
    from sitrep.serve import ServeConfig, create_app

    store = store if store is not None else FakeStore()
    config.setdefault("tokens", {TOKEN: ""})
    return create_app(ServeConfig(store_factory=lambda: store, reviewer=lambda s: s, **config))


def seed_article() -> Any:
    from sitrep.models import Article

    return Article(id="000_b88e61feec37bad1", text=SEED_TEXT, published=dt.date(2016, 2, 22),
                   title="Bomb blasts in Homs and Damascus", outlet="seed outlet")


def seed_extraction_by_hand() -> Any:
    """The seed's expected reading as typed records: used only while sitrep.extract.extract is absent."""
    from sitrep.models import Actor, Claim, Extraction, Incident, Place, Range

    art = seed_article()

    def claim(kind: str, n: int, quote: str, source: str | None, qualifier: str | None = None) -> Claim:
        start, end = _span(quote)
        return Claim(kind=kind, min=n, max=None, qualifier=qualifier, source=source, quote=quote, start=start,
                     end=end, article_id=art.id, reported=art.published)  # type: ignore[arg-type]

    isis = Actor(name="Islamic State", role="perpetrator", claimed_responsibility=True, claim_status="claimed")
    homs = Incident(id="homs", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                    cameo="183", event_date=dt.date(2016, 2, 21), date_precision=1,
                    location=Place(text="Homs", name="Homs", latitude=34.7268, longitude=36.7234, admin1="Homs",
                                   country="Syria", country_code="SY", precision=1),
                    actors=[isis], fatalities=Range(25, 25, 57), injuries=Range(39, 39, 39), toll_may_rise=True,
                    claims=[claim("killed", 57, "57 people, mainly civilians, were reportedly killed", None),
                            claim("killed", 25, "25 people had been killed and 39 injured", "SANA, quoting the governor of Homs"),
                            claim("injured", 39, "25 people had been killed and 39 injured", "SANA, quoting the governor of Homs")],
                    article_id=art.id)
    zein = Incident(id="zeinab", event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                    cameo="183", event_date=dt.date(2016, 2, 21), date_precision=1,
                    location=Place(text="Sayyida Zeinab", name="As Sayyidah Zaynab", latitude=33.4444,
                                   longitude=36.3406, admin1="Rif Dimashq", country="Syria", country_code="SY",
                                   precision=1),
                    actors=[isis], fatalities=Range(83, 83, None),
                    claims=[claim("killed", 83, "killing at least 83 people", "Monitors and state media", "at least")],
                    article_id=art.id)
    return Extraction(article=art, incidents=[zein, homs])


def build_seed_db(path: Path, pipeline: bool = True) -> Path:
    """The seed article into a real Store at ``path``: through the real extractor (``pipeline``), or
    as the hand-made expected reading, which tests the serving layer whatever the extractor says."""
    from sitrep.store import Store

    extraction = seed_extraction_by_hand()
    if pipeline:
        from sitrep.pipeline import extract

        extraction = extract(seed_article())
    with Store.open(path) as store:
        Incidents(store).add(extraction)
    return path


@pytest.fixture()
def store() -> FakeStore:
    """A fresh fake store per test (the serve tests import this fixture)."""
    return FakeStore()


@pytest.fixture()
def client(store: FakeStore) -> Any:
    from fastapi.testclient import TestClient

    return TestClient(make_app(store))
