"""The read API, in-process, over the fake store: filters, paging, shapes, errors, security."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from serve_fixtures import FakeStore, client, make_app, store  # noqa: F401 - fixtures



def assert_error(r, status: int, param: str | None = None) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert set(err) == {"status", "code", "message", "details"} and err["status"] == status
    if param is not None:
        assert any(d["param"] == param for d in err["details"]), err
    return err


def test_list_returns_both_seed_incidents_newest_first(client):
    body = client.get("/api/incidents").json()
    assert {r["location"]["name"] for r in body["incidents"]} == {"Homs", "As Sayyidah Zaynab"}
    assert body["count"] == 2 and body["next_cursor"] is None and body["sort"] == "-event_date"


def test_filters_reach_the_store_validated(client, store):
    r = client.get("/api/incidents", params={"since": "2016-02-01", "until": "2016-02-29", "country": "SY",
                                             "event_type": "Explosions/Remote violence", "min_fatalities": "60",
                                             "bbox": "35,32,37.5,35", "q": "blasts Homs*", "limit": "10",
                                             "sort": "-fatalities", "actor": "Islamic State"})
    assert r.status_code == 200, r.text
    assert [i["id"] for i in r.json()["incidents"]] == ["inc-zeinab"]
    _, kw = store.calls[-1]
    assert kw["since"] == "2016-02-01" and kw["bbox"] == (35.0, 32.0, 37.5, 35.0)
    assert kw["q"] == '"blasts" "Homs"*'  # FTS operators never pass through raw
    assert r.json()["filters"]["bbox"] == [35.0, 32.0, 37.5, 35.0]


def test_cursor_pagination_walks_every_incident(client):
    first = client.get("/api/incidents?limit=1&sort=id").json()
    assert first["count"] == 1 and first["next_cursor"]
    assert "cursor=" in first["next"] and "limit=1" in first["next"]
    second = client.get(first["next"]).json()
    assert [first["incidents"][0]["id"], second["incidents"][0]["id"]] == ["inc-homs", "inc-zeinab"]
    assert second["next_cursor"] is None


@pytest.mark.parametrize("query, param", [
    ("since=2016-02-30", "since"),
    ("until=yesterday", "until"),
    ("since=2016-03-01&until=2016-02-01", "until"),
    ("event_type=Bombing", "event_type"),
    ("event_type=Battles&sub_event_type=Air/drone strike", "sub_event_type"),
    ("min_fatalities=-1", "min_fatalities"),
    ("min_fatalities=1e3", "min_fatalities"),
    ("bbox=1,2,3", "bbox"),
    ("bbox=10,0,5,1", "bbox"),
    ("bbox=nan,0,1,1", "bbox"),
    ("bbox=0,-95,1,1", "bbox"),
    ("limit=0", "limit"),
    ("limit=100000", "limit"),
    ("sort=date", "sort"),
    ("cursor=", "cursor"),
    ("cursor=abc", "cursor"),  # the store refuses it: still a 400
    ("q=%22%29%28*", "q"),
    ("country=" + "x" * 300, "country"),
    ("actor=%00", "actor"),
    ("colour=red", "colour"),
    ("country=SY&country=IQ", "country"),
    # issue 8 item 7: filters that mean nothing are refused, not answered with nothing
    ("since=yesterday", "since"),
    ("since=20160221", "since"),
    ("until=2016-W07", "until"),
    ("country=Narnia", "country"),
    ("country=QQ", "country"),
    ("sub_event_type=Bombing", "sub_event_type"),
    ("admin1=%20", "admin1"),
    ("q=%2A%2A", "q"),
])
def test_malformed_queries_are_400_in_the_one_shape(client, query, param):
    assert_error(client.get("/api/incidents?" + query), 400, param)


def test_incident_detail_has_claims_quotes_sources_revisions(client):
    inc = client.get("/api/incidents/inc-homs").json()
    assert inc["fatalities"]["low"] == 25 and inc["fatalities"]["high"] == 57
    sana = [c for c in inc["claims"] if "SANA" in (c["source"] or "")]
    assert sana and sana[0]["quote"] == "25 people had been killed and 39 injured"
    assert sana[0]["article"]["id"] == "seed" and inc["revisions"] and inc["reports"]


def test_unknown_ids_and_pages_are_404(client):
    assert_error(client.get("/api/incidents/nope"), 404)
    assert_error(client.get("/api/articles/nope"), 404)
    assert_error(client.get("/api/nothing"), 404)
    assert_error(client.get("/api/incidents/bad%20id"), 400)
    assert_error(client.get("/api/incidents/inc-homs?x=1"), 400, "x")


def test_article_text_holds_the_quote_at_its_offsets(client):
    inc = client.get("/api/incidents/inc-homs").json()
    text = client.get("/api/articles/seed").json()["text"]
    for c in inc["claims"]:
        assert text[c["start"]:c["end"]] == c["quote"]


def test_stats_counts_by_week_type_country(client):
    s = client.get("/api/stats?country=SY").json()
    assert s["incidents"] == 2 and s["by_week"][0]["week"] == "2016-W07"
    assert s["by_country"][0]["country_code"] == "SY" and s["filters"] == {"country": "SY"}
    assert_error(client.get("/api/stats?limit=5"), 400, "limit")


def test_csv_export_streams_acled_columns(client):
    r = client.get("/api/export/incidents.csv?min_fatalities=1")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    lines = r.text.splitlines()
    assert lines[0].startswith("event_id_cnty,event_date,year") and len(lines) == 3
    from sitrep.export.acled import COLUMNS

    assert lines[0].split(",")[: len(COLUMNS)] == list(COLUMNS)  # the same columns as `sitrep export --format acled`
    assert "attachment" in r.headers["content-disposition"]


def test_geojson_export_is_a_feature_collection(client):
    fc = json.loads(client.get("/api/export/incidents.geojson?limit=1").text)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 1
    assert fc["features"][0]["geometry"]["type"] == "Point"
    assert_error(client.get("/api/export/incidents.geojson?bbox=x"), 400, "bbox")


def test_pages_and_their_json_twins(client):
    index = client.get("/")
    assert index.status_code == 200 and 'type="application/json"' in index.text
    assert "default-src 'self'" in index.headers["content-security-policy"]
    assert client.get("/incidents/inc-homs").status_code == 200
    twin = client.get("/incidents/inc-homs.json", follow_redirects=False)
    assert twin.status_code == 307 and twin.headers["location"] == "/api/incidents/inc-homs"


def test_docs_are_served_offline(client):
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    spec = client.get("/openapi.json").json()
    assert "/api/incidents" in spec["paths"] and "/api/incidents/{incident_id}/corrections" in spec["paths"]
    assert client.get("/redoc").status_code == 404


def test_the_documented_list_parameters_are_the_ones_the_list_accepts(client):
    """/api/incidents names its parameters for the OpenAPI page itself (api.LIST_PARAMS), apart from
    params.py, which parses them: the two must name the same ones."""
    from sitrep.serve.params import FILTER_PARAMS, PAGE_PARAMS

    spec = client.get("/openapi.json").json()
    documented = [p["name"] for p in spec["paths"]["/api/incidents"]["get"]["parameters"]]
    assert sorted(documented) == sorted(FILTER_PARAMS + PAGE_PARAMS)


@pytest.mark.parametrize("path", ["/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py",
                                  "/static/vendor/../../app.py", "/static//etc/passwd"])
def test_static_files_do_not_traverse(client, path):
    r = client.get(path)
    assert r.status_code == 404 and "create_app" not in r.text


def test_static_vendor_files_are_served(client):
    assert client.get("/static/vendor/leaflet.js").status_code == 200
    assert client.get("/static/vendor/countries-110m.json").json()["type"] == "Topology"


def test_cors_is_off_unless_configured(store):
    r = TestClient(make_app(store)).get("/api/incidents", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    r = TestClient(make_app(store, cors_origins=["https://ok.example"])).get(
        "/api/incidents", headers={"Origin": "https://ok.example"})
    assert r.headers["access-control-allow-origin"] == "https://ok.example"


def test_reads_can_require_a_token(store):
    client = TestClient(make_app(store, read_token="reader-secret"))
    assert_error(client.get("/api/incidents"), 401)
    ok = client.get("/api/incidents", headers={"Authorization": "Bearer reader-secret"})
    assert ok.status_code == 200


def test_a_store_crash_is_a_500_in_the_one_shape(store):
    def boom(**kw):
        raise RuntimeError("secret internals")
    store.stats = boom  # type: ignore[method-assign]
    client = TestClient(make_app(store), raise_server_exceptions=False)
    err = assert_error(client.get("/api/stats"), 500)
    assert "secret" not in err["message"]


@pytest.mark.parametrize("query, understood", [
    ("country=sy", {"country": "SY"}),
    ("country=syria", {"country": "syria"}),
    ("since=2016-02-21&until=2016-02-21", {"since": "2016-02-21", "until": "2016-02-21"}),
])
def test_good_filters_are_echoed_as_understood(client, query, understood):
    r = client.get("/api/incidents?" + query)
    assert r.status_code == 200, r.text
    assert r.json()["filters"] == understood


def test_the_document_declares_errors_and_media_types(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    assert {"400", "401", "404"} <= set(paths["/api/incidents/{incident_id}"]["get"]["responses"])
    review = paths["/api/incidents/{incident_id}/corrections"]["post"]["responses"]
    assert {"400", "401", "403", "404", "409", "413"} <= set(review) and "422" not in review
    assert review["400"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorBody"}
    csv_ = paths["/api/export/incidents.csv"]["get"]["responses"]
    assert list(csv_["200"]["content"]) == ["text/csv"] and list(csv_["400"]["content"]) == ["application/json"]
    geo = paths["/api/export/incidents.geojson"]["get"]["responses"]
    assert list(geo["200"]["content"]) == ["application/geo+json"]
