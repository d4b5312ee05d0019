"""One casualty figure read from a sentence, and the casualty vocabulary (``data/casualties.toml``)
that every reader of figures shares (``casualties``, ``groups``)."""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources

#: the qualifiers of a figure that counts an earlier attack someone is linked to, and of a running total
BACKGROUND = "background"
RUNNING_TOTAL = "running total"
#: the qualifier of a death the act implies ("a suicide bomber blew himself up"): counted only where nothing else is
IMPLIED = "implied"


@dataclass(frozen=True, slots=True)
class Figure:
    kind: str
    min: int
    max: int | None
    qualifier: str | None
    start: int  # span of the count (or of the whole phrase for zero claims), sentence-relative
    end: int
    victims: str | None
    hedge: str | None


@functools.lru_cache(maxsize=1)
def vocab() -> dict:
    raw = resources.files("sitrep.extract").joinpath("data/casualties.toml").read_text("utf-8")
    return tomllib.loads(raw)


def version() -> str:
    return vocab()["version"]
