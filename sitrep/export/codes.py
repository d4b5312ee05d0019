"""ACLED's computed columns: disorder type, actor types (inter1/inter2), interaction, civilian targeting.

Each rule is a small function over typed records, with its vocabulary in ``data/acled.toml``.
ACLED's current export writes actor types and interactions as words ("State forces",
"Rebel group-Civilians", "Protesters only"): so do these functions, and ``inter_code`` gives the
number behind each word for whoever needs the older numeric coding.
"""
from __future__ import annotations

import functools
import re
import tomllib
from importlib import resources
from typing import Any

from ..extract import actors as actor_rules
from ..models import Actor, Incident


@functools.lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    return tomllib.loads(resources.files("sitrep.export").joinpath("data/acled.toml").read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def _labels() -> dict[str, int]:
    return {str(label): int(code) for code, label in rules()["inter"].items()}


@functools.lru_cache(maxsize=1)
def _name_rules() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(r["pattern"], re.I), r["type"]) for r in rules()["name_rule"]]


def version() -> str:
    return str(rules()["version"])


def disorder_type(event_type: str | None, sub_event_type: str | None = None) -> str | None:
    """"Political violence", "Demonstrations", "Political violence; Demonstrations" or "Strategic developments"."""
    d = rules()["disorder"]
    return d["sub_event_type"].get(sub_event_type or "") or d["event_type"].get(event_type or "")


def inter_code(label: str | None) -> int | None:
    """The numeric code (1 State forces ... 8 External/Other forces) of an actor-type word."""
    return _labels().get(label or "")


def actor_type(actor: Actor | None) -> str | None:
    """ACLED's type of one actor: the name rules, then the extractor's actor_type, then its actor table."""
    if actor is None:
        return None
    for pattern, kind in _name_rules():
        if pattern.search(actor.name or ""):
            return kind
    if actor.actor_type in _labels():
        return actor.actor_type
    known = actor_rules.type_of(actor.name)  # the extractor's actor table (stored incidents keep the name)
    return known if known in _labels() else None


def interaction(inter1: str | None, inter2: str | None) -> str | None:
    """ACLED's interaction: the two types, lower code first, civilians last ("External/Other forces-Civilians"), or "X only"."""
    one, two = inter_code(inter1), inter_code(inter2)
    if one is None:
        return None
    if two is None:
        return f"{inter1} only"
    last = rules()["interaction_last"]
    first, second = sorted((str(inter1), str(inter2)), key=lambda t: (t in last, inter_code(t)))
    return f"{first}-{second}"


def civilian_targeting(incident: Incident, inter2: str | None) -> str | None:
    """"Civilian targeting" when civilians are the target of a political violence event, else None."""
    rule = rules()["civilian_targeting"]
    if "Political violence" not in (disorder_type(incident.event_type, incident.sub_event_type) or ""):
        return None
    victims = re.compile(rule["victims"], re.I)
    if (incident.event_type in rule["event_types"] or incident.sub_event_type in rule["sub_event_types"]
            or inter2 == "Civilians"):
        return str(rule["value"])
    if incident.event_type in rule["victims_event_types"] and any(
            c.kind == "killed" and c.victims and victims.search(c.victims) for c in incident.claims):
        return str(rule["value"])
    return None
