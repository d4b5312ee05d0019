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
