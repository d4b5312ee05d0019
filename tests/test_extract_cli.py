"""Bad input gets one clear line and a documented exit code, never a traceback."""
import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from sitrep.models import Article


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "sitrep.cli", *args], input=stdin, capture_output=True)


@pytest.mark.parametrize(
    "content,code",
    [(b"", 3), (b"   \n", 3), (b"\x00\x01\x02binary\x00" * 20, 3)],
)
def test_bad_files(tmp_path, content, code):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    r = run("extract", str(p))
    assert r.returncode == code
    assert b"Traceback" not in r.stderr
    assert len(r.stderr.decode().strip().splitlines()) == 1


def test_missing_file():
    r = run("extract", "/nonexistent/file.txt")
    assert r.returncode == 3 and b"Traceback" not in r.stderr


def test_legacy_encoding(tmp_path):
    p = tmp_path / "cp1252.txt"
    p.write_bytes("Gunmen killed three people in Peshawar on Monday, police said \u2013 caf\u00e9.".encode("cp1252"))
    r = run("extract", str(p), "--published", "2020-01-07", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["incidents"][0]["fatalities"]["best"] == 3


def test_oversize_is_refused(tmp_path, monkeypatch):
    p = tmp_path / "big.txt"
    p.write_bytes(b"word " * 5_100_000)  # 25.5 MB, over the 25 MB default
    r = run("extract", str(p))
    assert r.returncode == 3 and b"limit" in r.stderr


def test_jsonl_bad_records_do_not_stop_the_batch(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "a", "text": "Gunmen killed three people in Peshawar on Monday.", "published": "2020-01-07"}),
        "{not json",
        json.dumps({"id": "c", "text": ""}),
        json.dumps({"id": "d", "text": "The weather was fine.", "published": "nope"}),
        json.dumps({"id": "e", "text": "Nothing happened here at all."}),
    ]))
    r = run("extract", str(p), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    lines = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert [x.get("id") for x in lines] == ["a", "line-2", "line-3", "line-4", "e"]
    assert lines[0]["incidents"][0]["fatalities"]["best"] == 3
    assert all("error" in x for x in lines[1:4])
    assert lines[4]["incidents"] == []


def test_non_english_text_gives_empty_result(extractor):
    x = extractor.extract(Article("fr", "Le gouvernement a annoncé de nouvelles mesures économiques hier soir.", None))
    assert x.incidents == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=400))
def test_never_crashes_on_arbitrary_text(extractor, text):
    from sitrep.errors import SitrepError

    for _, result in extractor.extract_many([Article("x", text, None)]):
        assert isinstance(result, SitrepError) or all(i.event_type for i in result.incidents)


@pytest.mark.parametrize("text", ["", "   \n\t ", "\u00a0\n"])
def test_extract_raises_empty_input_for_blank_text(text):
    # issue 8 item 9: extract() returned the EmptyInput object instead of raising it
    from sitrep.errors import EmptyInput
    from sitrep.pipeline import Extractor

    with pytest.raises(EmptyInput):
        Extractor(nlp=object(), geoparser=object()).extract(Article("blank", text, None))


@pytest.mark.parametrize("published,text", [
    ("0001-01-01", "A roadside bomb killed three soldiers yesterday in Helmand, officials said."),
    ("0001-01-03", "Gunmen killed two people last month in Peshawar, police said last year."),
    ("9999-12-31", "A bomb killed four people on Dec. 30 in Kabul, officials said."),
])
def test_dates_at_the_ends_of_the_calendar_do_not_crash(extractor, published, text):
    # issue 8: a record published 0001-01-01 with "yesterday" raised OverflowError and took its batch with it
    import datetime as dt

    x = extractor.extract(Article("edge", text, dt.date.fromisoformat(published)))
    assert x.incidents and all(i.fatalities.best for i in x.incidents)


def test_jsonl_nul_byte_line_is_read_and_does_not_refuse_the_file(tmp_path):
    p = tmp_path / "in.jsonl"
    p.write_bytes(b'{"id": "a", "text": "Gunmen killed three\x00 people in Peshawar on Monday."}\n'
                  b'{"id": "b", "text": "x", "title": {"not": "a string"}}\n')
    r = run("extract", str(p))
    assert r.returncode == 0 and b"Traceback" not in r.stderr
    a, b = (json.loads(x) for x in r.stdout.decode().splitlines())
    assert a["id"] == "a" and a["incidents"][0]["fatalities"]["best"] == 3
    assert b == {"id": "line-2", "error": "line 2: 'title' must be a string, not an object"}
