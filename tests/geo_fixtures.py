"""Session fixtures for the geo tests: the real gazetteer (built once into the data dir, ~30 s)."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from sitrep.models import Place

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


# the violent or reported act the event place is read around (the first one the text names)
_TRIGGER = re.compile(
    r"attacked|shot|killed|protested|wounded|shelled|gathered|fell|blocked|hijacked|harassed|fired|clashed|abducted|"
    r"struck|targeted|raided|recorded|burned|landed|beaten")


def event_place(geoparser, text: str, ents: list[tuple[int, int, str]] | None = None) -> Place | None:
    k = _TRIGGER.search(text)
    assert k is not None
    return geoparser.event_place(text, geoparser.find_places(text, ents), (k.start(), k.end()))


def place_at(text: str, name: str) -> Place:
    """The detected toponym ``name`` at its first place in ``text`` (offsets only, unresolved)."""
    k = text.index(name)
    return Place(text=name, start=k, end=k + len(name))


def labelled_ents(text: str, labelled: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """NER entities as the small model gives them: each (name, label) at its first place in ``text``
    (it tags many bracketed areas PERSON or ORG)."""
    out = []
    for name, label in labelled:
        k = text.index(name)
        out.append((k, k + len(name), label))
    return sorted(out)
