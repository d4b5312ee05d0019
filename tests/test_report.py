"""sitrep report (issue 12, item 5): a situation report with every section, the figures the API
gives, offline HTML, Markdown and PDF, and the web app's /report."""
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from serve_fixtures import TOKEN
from sitrep.brief import report
from sitrep.cli import main
from sitrep.models import Actor
from sitrep.reconcile.across import Incidents
from sitrep.serve import ServeConfig, create_app
from sitrep.store import Store
from store_fixtures import ZEINAB, extraction, incident

ARTIFACTS = Path(__file__).parent / "artifacts"
SECTIONS = ("title", "headline", "map", "timeline", "admin1", "deadliest", "revisions", "alerts", "methods")


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "r.db"
    with Store.open(path) as store:
        add = Incidents(store).add
        add(extraction("w1", text="Shells struck a market in the old city of Homs.", published="2016-02-10",
                       incidents=[incident(date="2016-02-10", killed=4, perpetrator=None, quote="four people were killed by shells")]))
        add(extraction("a", text="Twin car bombs tore through a busy Homs district.", published="2016-02-21",
                       incidents=[incident(date="2016-02-21", killed=46, perpetrator=None, quote="46 people were killed", source="SANA")]))
        add(extraction("b", text="The monitor said the toll of the Homs bombings had risen to 57.", published="2016-02-22",
                       incidents=[incident(date="2016-02-21", killed=57, perpetrator=None, quote="the toll had risen to 57",
                                           qualifier="revised", source="the Observatory")]))
        inc = incident(place=ZEINAB, date="2016-02-21", killed=83, perpetrator=None, quote="83 dead near the shrine")
        inc.actors = [Actor("Islamic State", "perpetrator", claim_status="claimed")]
        add(extraction("c", text="A blast near the shrine of Sayyida Zeinab killed 83.", published="2016-02-21", incidents=[inc]))
    return path


def test_the_report_holds_every_section_with_the_stored_figures(db):
    with Store.open(db) as store:
        content = report.build(store, country="SY")
        stats = store.stats(since=content["since"], until=content["until"], country="SY")
    assert (content["since"], content["until"]) == ("2016-02-15", "2016-02-21")  # the 7 days to the latest event
    h = content["headline"]
    assert h["incidents"] == stats["incidents"] == 2 and h["fatalities_best"] == stats["fatalities"] == 57 + 83
    assert (h["fatalities_low"], h["fatalities_high"]) == (46 + 83, 57 + 83)
    assert content["previous"]["incidents"] == 1 and content["grades"] == {"Confirmed": 1, "Fair": 1}
    assert [d["fatalities"]["best"] for d in content["deadliest"]] == [83, 57]
    assert any("risen to 57" in c["quote"] for c in content["deadliest"][1]["claims"])
    assert [[f["min"] for f in v["figures"]] for v in content["revisions"]] == [[46, 57]]
    page = report.to_html(content)
    for section in SECTIONS:
        assert f'id="{section}"' in page
    assert page.count("<circle") == 2 and "<path" in page  # two incidents on the outlines
    assert not re.search(r"(src|href)=\"https?://", page)  # nothing to fetch: self-contained
    assert "+100% against 1" in page  # incidents against the previous 7 days


def test_cli_markdown_and_pdf(db, tmp_path, capsys):
    assert main(["report", "--db", str(db), "--format", "md", "--since", "2016-02-01", "--until", "2016-02-29"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("# Situation report: all areas, 2016-02-01 to 2016-02-29") and "## Deadliest incidents" in md
    from sitrep.brief.cli import CHROMIUM

    if not any(__import__("pathlib").Path(b).exists() for b in CHROMIUM):
        pytest.skip("no chromium for the PDF: run tools/setup-system.sh")
    out = tmp_path / "r.pdf"
    assert main(["report", "--db", str(db), "--format", "pdf", "--output", str(out)]) == 0
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF")
    pages, text = pdf_pages(out)
    assert 1 <= len(pages) <= 4  # a week's brief fits on a few A4 pages
    assert "Situation report: all areas" in text and "Deadliest incidents" in text and "Methods" in text
    assert "killed 83" in text and "Rif Dimashq" in text and "Toll revisions" in text  # the figures, as printed
    assert all(p.stat().st_size > 5000 for p in pages)  # pages drawn, not blank


def pdf_pages(pdf):
    """The PDF turned into PNG pages (pdftoppm, kept in tests/artifacts/) and its text (pdftotext)."""
    import shutil
    import subprocess

    if not (shutil.which("pdftoppm") and shutil.which("pdftotext")):
        pytest.skip("no poppler-utils for the PDF check: run tools/setup-system.sh")
    ARTIFACTS.mkdir(exist_ok=True)
    for old in ARTIFACTS.glob("report-pdf-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(ARTIFACTS / "report-pdf")], check=True, timeout=60)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, timeout=60, capture_output=True, text=True).stdout
    return sorted(ARTIFACTS.glob("report-pdf-*.png")), text


def test_the_web_app_serves_the_report_for_its_filters(db):
    client = TestClient(create_app(ServeConfig(db=db, tokens={TOKEN: ""})))
    r = client.get("/report?country=SY&since=2016-02-01&until=2016-02-29")
    assert r.status_code == 200 and "default-src 'self'" in r.headers["content-security-policy"]
    assert "Situation report: SY, 2016-02-01 to 2016-02-29" in r.text and r.text.count("<circle") == 3
    assert "attachment" in client.get("/report?download=1").headers["content-disposition"]
    assert client.get("/report?country=Narnia").status_code == 400
