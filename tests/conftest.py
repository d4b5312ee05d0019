"""Shared fixtures. The spaCy model and the gazetteer load once per test session."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED = FIXTURES / "seed" / "000_b88e61feec37bad1.txt"


@pytest.fixture(scope="session")
def extractor():
    from sitrep.pipeline import default_extractor

    return default_extractor()


@pytest.fixture(scope="session")
def seed_extraction(extractor):
    from sitrep.models import Article

    text = SEED.read_text("utf-8")
    return extractor.extract(Article("seed", text, dt.date(2016, 2, 22)))


from pg_fixtures import backend, new_db, pg_cluster  # noqa: E402,F401 - fixtures: a database on each backend
