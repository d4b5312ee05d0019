"""The same text is placed the same way in every run: no choice among equals is left to the order
of a set, which changes with Python's hash seed (PYTHONHASHSEED) from one process to the next."""
from __future__ import annotations

import json
import os
import subprocess
import sys

# two areas the text weighs alike, and a village that falls back to one of them
TEXT = ("Floods have displaced thousands of families in western Kenya, the Red Cross said. Suba, Migori, Homa Bay, "
        "Rongo, Siaya, Kisumu, Bondo, Nyando, Kisii, Wajir, Mandera, Naivasha, Nakuru and Bunyala are among the "
        "worst affected districts, officials said on Tuesday.")


def _places(seed: int, tmp_path) -> list:
    src = tmp_path / f"in{seed}.jsonl"
    src.write_text(json.dumps({"id": "k", "text": TEXT}) + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    out = subprocess.run([sys.executable, "-c", "import sys; from sitrep.cli import entry; sys.exit(entry())", "places", str(src)],
                         capture_output=True, text=True, env=env, check=True, timeout=300)
    return json.loads(out.stdout)["places"]


def test_places_do_not_depend_on_the_hash_seed(tmp_path):
    runs = [_places(seed, tmp_path) for seed in (1, 3, 5)]
    assert runs[0] == runs[1] == runs[2]
    assert any(p["text"] == "Bunyala" for p in runs[0])
