"""``sitrep places`` and ``sitrep gazetteer`` through the CLI entry point."""
from __future__ import annotations

import json

from geo_fixtures import gazetteer  # noqa: F401
from sitrep.cli import main


def test_places_jsonl_bad_line_does_not_stop_batch(tmp_path, capsys, gazetteer):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Shelling hit Idlib province, Syria."}\nnot json\n{"id": "c"}\n'
                   '{"id": "d", "text": ""}\n', encoding="utf-8")
    assert main(["places", str(src), "--no-ner", "--gazetteer", str(gazetteer.path)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == ["a", f"{src}:2", "c", "d"]
    a = rows[0]["places"]
    assert [(p["text"], p["precision"], p["country_code"]) for p in a] == [("Idlib", 4, "SY"), ("Syria", 6, "SY")]
    assert set(a[0]) == {"start", "end", "text", "name", "geonameid", "latitude", "longitude", "admin1",
                         "country_code", "feature", "precision"}
    assert "error" in rows[1] and "error" in rows[2] and rows[3]["places"] == []


def test_gazetteer_info_and_resolve(capsys, gazetteer):
    assert main(["gazetteer", "info", "--path", str(gazetteer.path)]) == 0
    assert json.loads(capsys.readouterr().out)["places"] > 200_000
    assert main(["gazetteer", "resolve", "Sayyida Zeinab", "--path", str(gazetteer.path)]) == 0
    assert json.loads(capsys.readouterr().out)["country_code"] == "SY"


def test_missing_input_is_one_line_error(tmp_path, capsys):
    assert main(["places", str(tmp_path / "none.jsonl"), "--no-ner"]) == 3
    err = capsys.readouterr().err.strip()
    assert err.startswith("sitrep: error:") and "\n" not in err


def _args(gazetteer, *paths):
    return ["places", *map(str, paths), "--no-ner", "--gazetteer", str(gazetteer.path)]


def test_places_reads_legacy_encodings_and_utf16_like_every_command(tmp_path, capsys, gazetteer):
    # issue 8: `sitrep places` opened files as strict UTF-8 only
    for name, data in [("cp1252.txt", "Shelling hit Idlib \u2013 caf\u00e9.".encode("cp1252")),
                       ("utf16.txt", "Shelling hit Idlib, Syria.".encode("utf-16")),
                       ("latin1.jsonl", '{"id": "l", "text": "Shelling hit Idlib, caf\u00e9."}\n'.encode("latin-1"))]:
        (tmp_path / name).write_bytes(data)
        assert main(_args(gazetteer, tmp_path / name)) == 0
        (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert row["places"][0]["text"] == "Idlib", name


def test_places_has_the_size_limit(tmp_path, capsys, monkeypatch, gazetteer):
    # issue 8: 3.4 MB of text peaked at 3.8 GB; the limit (settings input.max_input_bytes) now applies
    monkeypatch.setattr("sitrep.ingest.text.limit", lambda: 1000)
    (tmp_path / "big.txt").write_text("Shelling hit Idlib. " * 100)
    assert main(_args(gazetteer, tmp_path / "big.txt")) == 3
    assert "limit" in capsys.readouterr().err
    (tmp_path / "big.jsonl").write_text(json.dumps({"id": "big", "text": "Idlib " * 500}) + '\n{"id": "ok", "text": "Idlib"}\n')
    assert main(_args(gazetteer, tmp_path / "big.jsonl")) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert "limit" in rows[0]["error"] and rows[1]["id"] == "ok" and rows[1]["places"]


def test_ner_in_pieces_keeps_offsets():
    from sitrep.geo.cli import _entities

    class Doc:
        def __init__(self, text):
            at = text.find("Idlib")
            self.ents = [type("E", (), {"start_char": at, "end_char": at + 5, "label_": "GPE"})()] if at >= 0 else []

    class Nlp:
        def pipe(self, texts, batch_size=None):
            return (Doc(t) for t in texts)

    text = "word " * 30_000 + "Idlib " + "word " * 30_000
    ents = _entities(Nlp(), text, chunk=10_000)
    assert [text[s:e] for s, e, _ in ents] == ["Idlib"]


def test_places_explain_says_why(tmp_path, capsys, gazetteer):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "DAYTON, Ohio — Two men were shot in Dayton on Friday, police said."}\n', encoding="utf-8")
    assert main(["places", str(src), "--no-ner", "--explain", "--gazetteer", str(gazetteer.path)]) == 0
    row = json.loads(capsys.readouterr().out)
    assert row["document"]["country"] == "US" and row["document"]["admin1"] == "Ohio"
    assert {e["kind"] for e in row["document"]["evidence"]} >= {"dateline"}
    dayton = next(p for p in row["places"] if p["text"] == "Dayton")
    top = dayton["candidates"][0]
    assert top["admin1"] == "Ohio" and top["terms"]["document geography"] > 0
    assert top["score"] >= dayton["candidates"][1]["score"]
