"""The web UI in Debian's chromium (Playwright from PyPI; it never downloads a browser).

Two servers for the module, each a real Store served by uvicorn on 127.0.0.1 in a thread:
"pipeline" holds the seed article read by the real extractor (end to end: these tests fail when the
extractor misreads the seed), "hand" holds the seed's expected reading built by hand (so the UI itself
is tested whatever the extractor says). Screenshots go to tests/artifacts/ (git-ignored).
"""
from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from serve_fixtures import TOKEN, build_seed_db

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run"]
ARTIFACTS = Path(__file__).parent / "artifacts"
sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect
if not Path(CHROMIUM).exists():
    pytest.skip("Debian chromium missing: run tools/setup-system.sh", allow_module_level=True)


def _serve(db: Path) -> Iterator[str]:
    import uvicorn

    from sitrep.serve import ServeConfig, create_app

    app = create_app(ServeConfig(db=db, tokens={TOKEN: ""}))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started:
        assert time.time() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def hand_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(build_seed_db(tmp_path_factory.mktemp("hand") / "seed.db", pipeline=False))


@pytest.fixture(scope="module")
def pipeline_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(build_seed_db(tmp_path_factory.mktemp("pipeline") / "seed.db", pipeline=True))


@pytest.fixture(params=["hand", "pipeline"])
def base_url(request: pytest.FixtureRequest) -> str:
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture()
def ui_url(hand_url: str) -> str:
    """UI mechanics (filters, brush, review, docs) on the deterministic database."""
    return hand_url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    base_url = request.getfixturevalue("base_url" if "base_url" in request.fixturenames else "ui_url")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.sitrep_db = request.node.callspec.params.get("base_url", "hand") if hasattr(request.node, "callspec") else "hand"
    page.set_default_timeout(30_000)  # a loaded CI machine starts chromium slowly
    outside: list[str] = []
    problems: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(base_url) or r.url.startswith("data:") else outside.append(r.url))
    page.on("pageerror", lambda e: problems.append(str(e)))
    yield page
    context.close()
    assert outside == [], f"the page reached outside the server: {outside}"
    assert problems == [], problems


def ready(page: Any) -> None:
    page.wait_for_selector("body[data-state=ready]")


def shot(page: Any, name: str, full: bool = False) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}-{page.sitrep_db}.png"), full_page=full)


def seed_ids(page: Any, base_url: str) -> dict[str, str]:
    """The ids of the seed's two incidents, found through the API by place name."""
    rows = page.request.get(base_url + "/api/incidents?limit=100").json()["incidents"]
    found = {}
    for label, names in (("homs", ("Homs", "Hims")), ("zeinab", ("Zaynab", "Zeinab"))):
        hits = [r["id"] for r in rows if any(n in ((r.get("location") or {}).get("name") or "") for n in names)]
        assert hits, f"no {label} incident in the database: {[(r.get('location') or {}).get('name') for r in rows]}"
        found[label] = hits[0]
    return found


def expand_clusters(page: Any) -> None:
    """Click grouped markers (markercluster zooms to their bounds) until none is left."""
    for _ in range(12):
        clusters = page.locator(".incident-cluster")
        if clusters.count() == 0:
            return
        try:
            # markercluster re-draws while it animates: a cluster can detach under the click
            clusters.first.click(timeout=3_000)
        except sync_api.TimeoutError:
            pass
        page.wait_for_timeout(700)


def test_map_shows_the_two_seed_incidents(page, base_url):
    ids = seed_ids(page, base_url)
    page.goto(base_url + "/")
    ready(page)
    page.wait_for_selector("#map[data-basemap=ready]")
    assert page.locator("#map path").count() > 100  # country outlines from world-atlas
    # regression: Russia and Fiji cross the antimeridian, and their outlines drew a line across the
    # whole map: once unwrapped, no ring of the basemap jumps more than 180 degrees between two
    # points, except Antarctica's, which goes around the pole and is kept as it is
    jumps = page.evaluate("""async () => {
      const world = await (await fetch("/static/vendor/countries-110m.json")).json();
      const out = {};
      for (const f of topojson.feature(world, world.objects.countries).features) {
        const g = SITREP.unwrapGeometry(f.geometry);
        const rings = g.type === "Polygon" ? g.coordinates : g.coordinates.flat();
        const jump = Math.max(0, ...rings.flatMap(r => r.slice(1).map((p, k) => Math.abs(p[0] - r[k][0]))));
        if (jump > 180) out[f.properties.name] = jump;
      }
      return out;
    }""")
    assert set(jumps) <= {"Antarctica"}, jumps
    assert page.evaluate("() => SITREP.unwrapRing([[179, -16], [-179, -16], [-179, -17], [179, -17], [179, -16]])") == [
        [179, -16], [181, -16], [181, -17], [179, -17], [179, -16]]
    pole = [[-180, -80], [0, -80], [180, -80], [-180, -80]]  # a ring around the pole is kept as it is
    assert page.evaluate(f"() => SITREP.unwrapRing({pole})") == pole
    rows = page.locator("#incidents-table tbody tr").count()
    assert rows >= 2 and f"{rows} incidents" in page.locator("#summary").inner_text()
    assert page.locator("#timeline rect.bar").count() >= 1
    shot(page, "map")
    expand_clusters(page)
    for label, incident_id in ids.items():
        assert page.locator(f'.incident-marker [data-id="{incident_id}"]').count() == 1, label
    homs = page.locator('.incident-marker [data-id="%s"]' % ids["homs"])
    zein = page.locator('.incident-marker [data-id="%s"]' % ids["zeinab"])
    # sized by fatalities: Sayyida Zeinab (83) is drawn larger than Homs
    assert zein.bounding_box()["width"] >= homs.bounding_box()["width"]
    shot(page, "map-zoomed")


def test_homs_incident_shows_range_and_highlighted_sana_quote(page, base_url):
    page.goto(base_url + "/")
    ready(page)
    page.locator("#incidents-table a", has_text="Homs").click()
    page.wait_for_url(re.compile(r"/incidents/"))
    ready(page)
    assert page.locator("#fatalities-range").inner_text() == "25–57"
    assert page.locator("#fatalities-low").inner_text() == "25" and page.locator("#fatalities-high").inner_text() == "57"
    sana_row = page.locator("#claims tbody tr", has_text="SANA").first
    assert "25" in sana_row.inner_text()
    marks = page.locator(".article-text mark.quote").all_inner_texts()
    assert any("25 people had been killed and 39 injured" in m for m in marks), marks
    assert page.locator("#revisions .revision").count() >= 2
    # one article's figures stand in one column of the toll chart, not as revisions over time
    xs = page.locator("#revisions .revision circle").evaluate_all("cs => cs.map(c => c.getAttribute('cx'))")
    assert len(set(xs)) == len({(r["reported"], r["article_id"]) for r in page.evaluate(
        "async () => (await (await fetch(location.pathname.replace('/incidents/', '/api/incidents/'))).json()).revisions")}), xs
    assert "Islamic State" in page.locator("#actors").inner_text()
    shot(page, "incident-homs", full=True)


def test_filter_changes_url_and_markers(page, ui_url):
    page.goto(ui_url + "/")
    ready(page)
    page.fill("input[name=min_fatalities]", "60")
    page.click("#apply")
    page.wait_for_url(re.compile(r"min_fatalities=60"))
    ready(page)
    expect(page.locator(".incident-marker")).to_have_count(1)
    assert "83" in page.locator("#incidents-table tbody").inner_text()
    assert "min_fatalities=60" in page.locator("#csv-download").get_attribute("href")
    shot(page, "map-filtered")
    # the URL alone restores the view: a shared link shows the same filter
    page.goto(ui_url + "/?min_fatalities=60")
    ready(page)
    assert page.locator(".incident-marker").count() == 1
    assert page.input_value("input[name=min_fatalities]") == "60"


def test_timeline_brush_sets_dates(page, ui_url):
    page.goto(ui_url + "/")
    ready(page)
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 30, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 30, y, steps=5)
    page.mouse.up()
    page.wait_for_url(re.compile(r"since=\d{4}-\d\d-\d\d.*until=\d{4}-\d\d-\d\d"))
    ready(page)
    assert page.locator(".incident-marker").count() == 2


def test_review_refused_without_token_then_done_and_undone_with_it(page, ui_url):
    page.goto(ui_url + "/?min_fatalities=20")
    ready(page)
    page.locator("#incidents-table a", has_text="Homs").click()
    ready(page)
    first = page.locator("#claims tbody tr").first
    first.locator("button.mark-claim").click()
    page.wait_for_selector("#messages.error")
    assert "token" in page.locator("#messages").inner_text().lower()
    assert page.locator("#audit tbody tr[data-audit]").count() == 0
    shot(page, "review-refused")

    page.fill("#token", TOKEN)
    sana = page.locator("#claims tbody tr", has_text="SANA").filter(has_text="killed").first
    sana.locator("button.mark-claim").click()
    page.wait_for_selector("#messages.ok")
    ready(page)
    page.wait_for_selector("#audit tbody tr[data-audit]")
    # the page re-renders after the write: wait for the re-drawn claims, then check them
    expect(page.locator("#claims .status.bad")).to_have_count(1)
    assert "mark_claim" in page.locator("#audit tbody").inner_text()
    assert page.locator("#claims .status.bad").count() == 1
    # with the SANA figure set aside, the low end of the range moves off 25
    assert page.locator("#fatalities-range").inner_text() != "25–57"
    shot(page, "review-done", full=True)

    page.locator("#audit button.undo").first.click()
    page.wait_for_selector("#messages.ok")
    ready(page)
    expect(page.locator("#fatalities-range")).to_have_text("25–57")
    expect(page.locator("#claims .status.bad")).to_have_count(0)
    assert page.locator("#fatalities-low").inner_text() == "25" and page.locator("#fatalities-high").inner_text() == "57"
    def audit_row(action: str) -> Any:
        return page.locator("#audit tbody tr").filter(has=page.locator("td.action", has_text=re.compile(f"^{action}$")))
    expect(audit_row("mark_claim")).to_contain_text("undone")
    expect(audit_row("undo")).to_have_count(1)
    # the product's undo restores the stored figures, not only the page: ask the API
    incident_id = page.url.rstrip("/").rsplit("/", 1)[-1].split("?")[0]
    stored = page.request.get(ui_url + "/api/incidents/" + incident_id).json()
    assert (stored["fatalities"]["low"], stored["fatalities"]["high"]) == (25, 57), stored["fatalities"]
    assert not any(c.get("credible") is False for c in stored["claims"]), stored["claims"]


def test_report_renders_with_the_api_figures(page, ui_url):
    page.goto(ui_url + "/report?since=2016-02-15&until=2016-02-21")
    for section in ("headline", "map", "timeline", "admin1", "deadliest", "revisions", "alerts", "methods"):
        expect(page.locator(f"#{section}")).to_be_visible()
    stats = page.evaluate("async () => (await (await fetch('/api/stats?since=2016-02-15&until=2016-02-21')).json())")
    assert f"<b>{stats['incidents']}</b>" in page.content()
    assert page.locator("#map circle").count() == stats["incidents"]
    assert page.locator("#deadliest tbody tr").count() == stats["incidents"]
    shot(page, "report", full=True)


def test_docs_render_offline(page, ui_url):
    page.goto(ui_url + "/docs")
    page.wait_for_selector(".opblock", timeout=20_000)
    assert page.locator(".opblock").count() >= 10
    shot(page, "docs")
