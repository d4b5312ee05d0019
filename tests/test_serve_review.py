"""Review endpoints: token required (constant-time compare), validated bodies, audit and undo."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from serve_fixtures import TOKEN, FakeStore, client, make_app, store  # noqa: F401 - fixtures
from sitrep.serve.config import ServeConfig

AUTH = {"Authorization": f"Bearer {TOKEN}", "X-Sitrep-User": "ana"}



def err(r, status):
    assert r.status_code == status, r.text
    return r.json()["error"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}])
def test_writes_without_the_token_are_refused(client, store, headers):
    r = client.post("/api/claims/c2/credibility", json={"credible": False}, headers=headers)
    assert err(r, 401)["code"] == "unauthorized" and "Bearer" in r.headers["www-authenticate"]
    assert store.audit == []


def test_review_is_off_when_no_token_is_configured(store):
    client = TestClient(make_app(store, tokens={}))
    r = client.post("/api/claims/c2/credibility", json={"credible": False}, headers=AUTH)
    assert "SITREP_TOKEN" in err(r, 403)["message"]


def test_mark_claim_then_undo_is_audited(client, store):
    r = client.post("/api/claims/c2/credibility", json={"credible": False}, headers=AUTH)
    assert r.status_code == 200, r.text
    aid = r.json()["audit_id"]
    log = client.get("/api/audit?incident_id=inc-homs").json()["audit"]
    assert log[0]["user"] == "ana" and log[0]["before"]["credible"] is None and log[0]["after"]["credible"] is False
    undo = client.post(f"/api/audit/{aid}/undo", headers=AUTH)
    assert undo.status_code == 200
    assert client.get("/api/audit").json()["audit"][0]["action"] == "undo"
    assert err(client.post(f"/api/audit/{aid}/undo", headers=AUTH), 409)["code"] == "conflict"
    assert err(client.post("/api/audit/999/undo", headers=AUTH), 404)


def test_correct_field_returns_the_incident_and_can_be_undone(client, store):
    r = client.post("/api/incidents/inc-homs/corrections", headers=AUTH,
                    json={"field": "fatalities", "value": {"low": 25, "best": 30, "high": 57}})
    assert r.status_code == 200, r.text
    assert r.json()["incident"]["fatalities"]["best"] == 30
    client.post(f"/api/audit/{r.json()['audit_id']}/undo", headers=AUTH)
    assert client.get("/api/incidents/inc-homs").json()["fatalities"]["best"] == 25


@pytest.mark.parametrize("body", [
    {"field": "fatalities", "value": {"low": 60, "best": 30}},
    {"field": "fatalities", "value": {"low": -1}},
    {"field": "fatalities", "value": {"most": 3}},
    {"field": "event_type", "value": "Bombing"},
    {"field": "event_date", "value": "21/02/2016"},
    {"field": "date_precision", "value": True},
    {"field": "location", "value": {"latitude": 95}},
    {"field": "actors", "value": [{"name": "x", "role": "hero"}]},
    {"field": "id", "value": "x"},
    {"field": "notes"},
    {"field": "notes", "value": "x", "extra": 1},
    [],
    # issue 8 item 4: each of these reached the store unchecked (a 500 on the real one)
    {"field": "location", "value": {"name": "Homs", "country_code": {"a": 1}}},
    {"field": "location", "value": {"name": "Homs", "country": ["Syria"]}},
    {"field": "location", "value": {"name": 5}},
    {"field": "location", "value": {"geonameid": "x"}},
    {"field": "location", "value": {"precision": 0}},
    {"field": "location", "value": {"latitude": True}},
    {"field": "location", "value": ["Homs"]},
    {"field": "event_type", "value": ["Battles"]},
    {"field": "event_type", "value": {"a": 1}},
    {"field": "sub_event_type", "value": {"a": 1}},
    {"field": "event_date", "value": 20160221},
    {"field": "event_date", "value": ["2016-02-21"]},
    {"field": "cameo", "value": 183},
    {"field": "toll_may_rise", "value": "yes"},
    {"field": "actors", "value": [{"name": "x", "role": "perpetrator", "claim_status": {"a": 1}}]},
    {"field": "actors", "value": [{"name": "x", "role": "perpetrator", "claimed_responsibility": "yes"}]},
    {"field": "actors", "value": [{"name": "x", "role": "perpetrator", "mention": ["x"]}]},
    {"field": "actors", "value": [{"name": "x", "role": "perpetrator", "colour": "red"}]},
    {"field": "actors", "value": [{"name": "", "role": "perpetrator"}]},
    {"field": "fatalities", "value": {"low": 1.5}},
    {"field": "fatalities", "value": [1, 2, 3]},
    {"field": ["notes"], "value": "x"},
])
def test_bad_corrections_are_400(client, store, body):
    r = client.post("/api/incidents/inc-homs/corrections", json=body, headers=AUTH)
    assert err(r, 400)["code"] == "invalid_parameter"
    assert store.audit == []


@pytest.mark.parametrize("field, value", [
    ("location", {"name": "Homs", "admin1": "Homs", "country": "Syria", "country_code": "SY", "geonameid": 169577,
                  "latitude": 34.7268, "longitude": 36.7234, "precision": 1, "feature": "P.PPLA", "text": "Homs"}),
    ("location", {"name": "Homs", "country_code": None, "population": None}),
    ("actors", [{"name": "Islamic State", "role": "perpetrator", "claimed_responsibility": True,
                 "claim_status": "claimed", "mention": "IS", "actor_type": None}]),
    ("event_date", "2016-02-20"),
    ("cameo", "183"),
    ("notes", None),
])
def test_good_corrections_still_pass(client, store, field, value):
    r = client.post("/api/incidents/inc-homs/corrections", json={"field": field, "value": value}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert store.incidents["inc-homs"][field] == value


def test_malformed_json_is_400_not_500(client):
    r = client.post("/api/incidents/inc-homs/corrections", content=b"{not json",
                    headers=dict(AUTH, **{"Content-Type": "application/json"}))
    err(r, 400)


def test_large_bodies_are_413(client):
    big = {"field": "notes", "value": "x" * 100_000}
    assert err(client.post("/api/incidents/inc-homs/corrections", json=big, headers=AUTH), 413)["code"] == "payload_too_large"


def test_merge_and_split(client, store):
    r = client.post("/api/incidents/merge", json={"ids": ["inc-homs", "inc-zeinab"]}, headers=AUTH)
    assert r.status_code == 200 and r.json()["incident_id"] == "inc-homs"
    assert err(client.post("/api/incidents/merge", json={"ids": ["inc-homs"]}, headers=AUTH), 400)
    assert err(client.post("/api/incidents/merge", json={"ids": ["inc-homs", "nope"]}, headers=AUTH), 404)
    r = client.post("/api/incidents/inc-homs/split", json={"claim_ids": ["c2", "c3"]}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert err(client.post("/api/incidents/inc-homs/split", json={"claim_ids": ["c1", "c2", "c3"]}, headers=AUTH), 400)
    assert err(client.post("/api/incidents/inc-homs/split", json={"claim_ids": ["c4"]}, headers=AUTH), 400)


def test_named_tokens_set_the_user_and_ignore_the_header(store):
    config = ServeConfig.from_env({"SITREP_TOKENS": "bo:tok-bo,cy:tok-cy"}, store_factory=lambda: store, reviewer=lambda s: s)
    from sitrep.serve import create_app

    client = TestClient(create_app(config))
    r = client.post("/api/claims/c1/credibility", json={"credible": False},
                    headers={"Authorization": "Bearer tok-cy", "X-Sitrep-User": "mallory"})
    assert r.status_code == 200
    assert store.audit[-1]["user"] == "cy"


def test_token_comparison_is_constant_time():
    import inspect

    from sitrep.serve import auth

    assert "compare_digest" in inspect.getsource(auth._match)
