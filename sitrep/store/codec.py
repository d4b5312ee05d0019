"""Typed records from their JSON dicts (the inverse of ``Record.to_dict``)."""
from __future__ import annotations

from typing import Any

from ..models import Actor, Article, Claim, Evidence, Incident, Place, Range, date_or_none


def _fields(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    names = cls.__dataclass_fields__  # type: ignore[attr-defined]
    return {k: v for k, v in data.items() if k in names}


def place(data: dict[str, Any] | None) -> Place | None:
    if not data:
        return None
    d = _fields(Place, data)
    d.setdefault("text", data.get("name") or "")
    return Place(**d)


def range_(data: dict[str, Any] | None) -> Range:
    return Range(**_fields(Range, data or {}))


def actor(data: dict[str, Any]) -> Actor:
    return Actor(**_fields(Actor, data))


def claim(data: dict[str, Any]) -> Claim:
    d = _fields(Claim, data)
    d["reported"] = date_or_none(d.get("reported"))
    return Claim(**d)


def incident(data: dict[str, Any]) -> Incident:
    d = _fields(Incident, data)
    d["event_date"] = date_or_none(d.get("event_date"))
    d["location"] = place(d.get("location"))
    d["actors"] = [actor(a) for a in d.get("actors") or []]
    d["fatalities"] = range_(d.get("fatalities"))
    d["injuries"] = range_(d.get("injuries"))
    d["claims"] = [claim(c) for c in d.get("claims") or []]
    d["evidence"] = [Evidence(**_fields(Evidence, e)) for e in d.get("evidence") or []]
    return Incident(**d)


def article(data: dict[str, Any]) -> Article:
    d = _fields(Article, data)
    d["published"] = date_or_none(d.get("published"))
    return Article(**d)
