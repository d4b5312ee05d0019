"""Property: whatever JSON a record's fields hold, reading it gives an Article or a reported Failure.

Never an exception, never a field of the wrong type in the Article, and the good record after it
is still read (issue 8: an object as a title, a number as a URL, "\\ud800" in a text stopped the run).
"""
from __future__ import annotations

import datetime as dt
import io
import json

from hypothesis import given, settings, strategies as st

from sitrep.errors import InputError
from sitrep.extract.cli import read_jsonl as extract_jsonl
from sitrep.ingest.readers import Failure, read_jsonl
from sitrep.models import Article

FIELDS = ("id", "text", "title", "url", "source", "outlet", "published")
GOOD = {"id": "good", "text": "A bomb killed two people in Kabul on Monday.", "published": "2020-01-07"}

# any JSON value, lone surrogates and NULs included (json.dumps writes them as \ud800 and \u0000 escapes)
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30)
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=8)
tricky = st.sampled_from(["", " ", "\ud800", "x\udc80y", "\u0000", "http://[::1", "0001-01-01", "9999-12-31",
                          "http://example.com:99999/", "2016-02-30", "yesterday", "\ufeff"])
records = st.dictionaries(st.sampled_from(FIELDS), json_values | tricky, max_size=len(FIELDS))


def _lines(rec: object) -> bytes:
    return (json.dumps(rec) + "\n" + json.dumps(GOOD) + "\n").encode("utf-8")


def _well_typed(a: Article) -> None:
    assert isinstance(a.id, str) and a.id and isinstance(a.text, str) and a.text.strip()
    assert a.published is None or isinstance(a.published, dt.date)
    for value in (a.id, a.text, a.title, a.url, a.outlet):
        assert value is None or isinstance(value, str)
        if value is not None:
            value.encode("utf-8")  # no lone surrogate left
            assert "\x00" not in value


@settings(max_examples=300, deadline=None)
@given(records)
def test_ingest_reader_reports_or_reads_every_record(rec):
    items = list(read_jsonl(io.BytesIO(_lines(rec)), "fuzz.jsonl"))
    assert len(items) == 2
    first, second = items
    assert isinstance(first, (Article, Failure))
    if isinstance(first, Failure):
        assert first.where == "fuzz.jsonl:1" and first.reason and "\n" not in first.reason
    else:
        _well_typed(first)
    assert isinstance(second, Article) and second.id == "good" and second.published == dt.date(2020, 1, 7)


@settings(max_examples=150, deadline=None)
@given(records | json_values)
def test_extract_reader_reports_or_reads_every_record(rec):
    (rid, first), (gid, second) = list(extract_jsonl(io.BytesIO(_lines(rec)), None, "fuzz.jsonl"))
    assert isinstance(rid, str)
    if isinstance(first, InputError):
        assert rid == "line-1" and str(first).startswith("line 1:")
    else:
        _well_typed(first)
    assert gid == "good" and isinstance(second, Article)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_on_a_line_are_one_record(raw):
    data = raw.replace(b"\n", b" ") + b"\n" + json.dumps(GOOD).encode() + b"\n"
    items = list(read_jsonl(io.BytesIO(data), "bytes.jsonl"))
    assert items[-1] == Article(**{**GOOD, "published": dt.date(2020, 1, 7)}, outlet=None)
    assert all(isinstance(i, (Article, Failure)) for i in items)
