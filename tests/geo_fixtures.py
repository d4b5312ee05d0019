"""Session fixtures for the geo tests: the real gazetteer (built once into the data dir, ~30 s)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

SEED_TEXT = Path(__file__).parent / "fixtures" / "seed_article.txt"


@pytest.fixture(scope="session")
def gazetteer():
    from sitrep.geo.gazetteer import Gazetteer

    path = os.environ.get("SITREP_TEST_GAZETTEER")
    return Gazetteer.open(Path(path) if path else None)


@pytest.fixture(scope="session")
def geoparser(gazetteer):
    from sitrep.geo.resolve import Geoparser

    return Geoparser(gazetteer)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    import math

    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))
