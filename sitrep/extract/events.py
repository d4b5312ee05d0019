"""Event triggers: words that name an event, mapped to ACLED type/sub-type and a CAMEO code.

Triggers are data (``data/event_triggers.toml``); this module compiles and applies them. The
codebook's rules over weapon and setting together are a decision table (``data/sub_event_rules.toml``,
``decide``) applied after the actor rules of ``retype``.
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from ..models import VIOLENT_TYPES
from .caseless import Caseless, lowered


@dataclass(frozen=True, slots=True)
class Trigger:
    start: int
    end: int
    text: str
    event_type: str
    sub_event_type: str
    cameo: str
    priority: int

    @property
    def violent(self) -> bool:
        return self.event_type in VIOLENT_TYPES


@functools.lru_cache(maxsize=1)
def _raw() -> dict:
    return tomllib.loads(resources.files("sitrep.extract").joinpath("data/event_triggers.toml").read_text("utf-8"))


@functools.lru_cache(maxsize=1)
def _table() -> tuple[list[tuple[Caseless, dict]], re.Pattern[str], int, str]:
    raw = _raw()
    rules = [(Caseless(rf"(?<![\w-])(?:{t['pattern']})(?![\w-])"), t) for t in raw["trigger"]]
    veto = re.compile(rf"\b(?:{raw['veto']['pattern']})\b", re.I)
    return rules, veto, int(raw["veto"]["keep_priority"]), raw["version"]


@functools.lru_cache(maxsize=1)
def _context() -> tuple[re.Pattern[str], re.Pattern[str], int, re.Pattern[str]]:
    raw = _raw()
    a = raw["armed_targets"]
    return (
        re.compile(rf"\b{a['armed']}\b", re.I),
        re.compile(rf"\b{a['civilian']}\b", re.I),
        int(a["max_priority"]),
        re.compile(raw["cause"]["pattern"], re.I),
    )


@functools.lru_cache(maxsize=1)
def _sides() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    raw = _raw()
    t, p = raw["territory"], raw["protest_clash"]
    return (re.compile(rf"\b{t['state']}\b", re.I), re.compile(rf"\b{t['non_state']}\b", re.I),
            re.compile(rf"\b{p['protest']}\b", re.I), re.compile(rf"\b{p['armed']}\b", re.I))


@functools.lru_cache(maxsize=1)
def _acting() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    a = _raw()["armed_targets"]
    return (re.compile(a["acting"], re.I), re.compile(a["actor_by"], re.I), re.compile(rf"\b(?:{a['status']})\b", re.I),
            re.compile(a["blame_after"], re.I), re.compile(a["blame_before"], re.I))


@functools.lru_cache(maxsize=1)
def _raid_priority() -> int:
    return int(_raw()["armed_targets"]["raid_max_priority"])


def armed_target(text: str) -> bool:
    """Does an armed actor stand in ``text`` as the one attacked, not the attacker? ("attacked a
    checkpoint" yes; "militiamen attacked a village", "killed by the police", "the militant group
    Boko Haram was thought to be responsible" no), or is the victim's own record told (``victim_status``)?"""
    armed = _context()[0]
    acting, actor_by, _, blame_after, blame_before = _acting()
    return victim_status(text) or any(
        not acting.match(text, m.end()) and not actor_by.search(text, max(0, m.start() - 40), m.start())
        and not blamed(text, m, blame_after, blame_before)
        for m in armed.finditer(text))


def names_civilians(text: str) -> bool:
    """Does ``text`` name civilians or a civilian place ("a civilian", "villagers", "a market")?"""
    return bool(_context()[1].search(text))


def blamed(text: str, m: re.Match[str], after: re.Pattern[str], before: re.Pattern[str]) -> bool:
    """Is the armed word ``m`` the one a statement of responsibility blames ("Maoist rebels were
    believed to be behind it", "officials blamed Maoist rebels")? Then it names the attacker."""
    return bool(after.match(text, m.end()) or before.search(text, max(0, m.start() - 60), m.start()))


def victim_status(text: str) -> bool:
    """Does ``text`` tell a victim's own record ("the victim had charges against him for drug
    trafficking", "had a criminal record")? Such a victim counts as an armed actor (ACLED's coding of
    killings of people involved in crime as clashes with an armed group)."""
    return bool(_acting()[2].search(text))


def _as(trigger: Trigger, event_type: str, sub: str, cameo: str) -> Trigger:
    return Trigger(trigger.start, trigger.end, trigger.text, event_type, sub, cameo, trigger.priority)


def retype(trigger: Trigger, text: str, sentence: str = "", article: str = "") -> Trigger:
    """ACLED's actor-dependent rules on top of the trigger's own type. ``text`` is the incident's
    evidence; ``sentence`` the trigger's sentence (offsets of ``trigger`` refer to it); ``article``
    the whole text, where a victim's record may stand in a sentence of its own (``victim_status``).

    - a generic attack between armed actors is an armed clash (Battles), not violence against civilians;
    - territory taken by state forces is "Government regains", by others "Non-state actor overtakes";
    - a clash with protesters and no armed group is a violent demonstration (Riots);
    then the weapon-and-setting decision table (``decide``), also over the clash and the territory
    the first two rules give (a mob that beats a policeman, police taking a building back after a
    shooting)."""
    armed, civilian, max_priority, _ = _context()
    state, non_state, protest, armed_group = _sides()
    if (trigger.sub_event_type == "Attack" and trigger.priority <= max_priority and (armed_target(text) or victim_status(article))
            and not civilian.search(text)):
        # the decision table still applies: unorganised people who beat a policeman are a mob
        return decide(_as(trigger, "Battles", "Armed clash", "190"), text)
    if (trigger.sub_event_type == "Armed clash" and trigger.priority <= _raid_priority() and civilian.search(text)
            and not armed_target(text) and "exchange" not in features_of(text)):
        # "soldiers stormed the village and beat residents": a raid on unarmed people is an Attack,
        # once the weapon and setting rules (heavy weapons, a crowd's clash) have typed it no otherwise
        typed = decide(trigger, text)
        return typed if typed.sub_event_type != "Armed clash" else decide(_as(trigger, "Violence against civilians", "Attack", "180"), text)
    if trigger.sub_event_type in ("Government regains territory", "Non-state actor overtakes territory") and sentence:
        before = sentence[:trigger.start]
        cues = [(m.end(), "state") for m in state.finditer(before)] + [(m.end(), "non") for m in non_state.finditer(before)]
        if cues:
            side = max(cues)[1]
            return decide(_as(trigger, "Battles", "Government regains territory", "190") if side == "state"
                          else _as(trigger, "Battles", "Non-state actor overtakes territory", "190"), text)
    if (trigger.sub_event_type == "Arrests" and sentence and not _PASSIVE_BEFORE.search(sentence[:trigger.start])
            and taker(sentence[:trigger.start]) == "non_state"):
        return _as(trigger, "Violence against civilians", "Abduction/forced disappearance", "181")
    if trigger.sub_event_type == "Armed clash" and protest.search(text) and not armed_group.search(text):
        return _as(trigger, "Riots", "Violent demonstration", "145")
    return decide(trigger, text)


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?$", re.I)


def taker(before: str) -> str | None:
    """Who acts, by the last state or non-state cue in ``before`` (the sentence up to the trigger):
    "state", "non_state", or None with no cue ("Taliban militants detained three teachers")."""
    state, non_state, _, _ = _sides()
    cues = [(m.end(), "state") for m in state.finditer(before)] + [(m.end(), "non_state") for m in non_state.finditer(before)]
    return max(cues)[1] if cues else None


@dataclass(frozen=True, slots=True)
class Decision:
    """One row of ``data/sub_event_rules.toml``: a trigger of a ``sources`` sub-type (priority at most
    ``max_priority``) whose text has every feature in ``has`` and none in ``lacks`` is ``to``."""
    name: str
    sources: tuple[str, ...]
    max_priority: int
    has: tuple[str, ...]
    lacks: tuple[str, ...]
    to: str


@functools.lru_cache(maxsize=1)
def _decisions() -> tuple[dict[str, Caseless], list[Decision], dict[str, tuple[str, str]], str]:
    raw = tomllib.loads(resources.files("sitrep.extract").joinpath("data/sub_event_rules.toml").read_text("utf-8"))
    features = {k: Caseless(rf"(?<![\w-]){v}(?![\w-])") for k, v in raw["features"].items()}
    rows = [Decision(d["name"], tuple(d["from"]), int(d["max_priority"]), tuple(d["has"]), tuple(d["lacks"]), d["to"])
            for d in raw["decision"]]
    targets = {k: (v[0], v[1]) for k, v in raw["to"].items()}
    return features, rows, targets, raw["version"]


def features_of(text: str) -> frozenset[str]:
    """The decision table's features (weapon, exchange, setting) that ``text`` shows."""
    low = lowered(text)
    return frozenset(k for k, pat in _decisions()[0].items() if pat.search(text, low))


def holds_protesters(text: str) -> bool:
    """Does ``text`` tell protesters arrested or detained ("Police arrested 12 of them", "several
    arrests were made")? The decision table's ``protesters_held`` feature."""
    return _decisions()[0]["protesters_held"].search(text, lowered(text))


def decision_for(trigger: Trigger, features: frozenset[str]) -> Decision | None:
    """The first row of the table that the trigger and the features match, if any."""
    for row in _decisions()[1]:
        if (trigger.sub_event_type in row.sources and trigger.priority <= row.max_priority
                and all(f in features for f in row.has) and not any(f in features for f in row.lacks)):
            return row
    return None


def decide(trigger: Trigger, text: str) -> Trigger:
    """The trigger retyped by the codebook's weapon and setting rules (``sub_event_rules.toml``)."""
    row = decision_for(trigger, features_of(text))
    if row is None:
        return trigger
    event_type, cameo = _decisions()[2][row.to]
    return _as(trigger, event_type, row.to, cameo)


def version() -> str:
    """The trigger table's version and the decision table's (``2026.12.3+types-2026.12.1``)."""
    return f"{_table()[3]}+types-{_decisions()[3]}"


def find_triggers(sentence: str) -> list[Trigger]:
    """Triggers in a sentence, non-overlapping (higher priority, then longer, wins)."""
    rules, veto, keep, _ = _table()
    found: list[Trigger] = []
    low = lowered(sentence)
    for pat, t in rules:
        for start, end in pat.spans(sentence, low):
            found.append(Trigger(start, end, sentence[start:end], t["event_type"], t["sub_event_type"], t["cameo"], int(t["priority"])))
    if veto.search(without_setting(sentence)):
        found = [t for t in found if t.priority >= keep or not t.violent]
    # "no arrests have been made" names no arrest; a negated violence word ("No one has been shot")
    # still tells of the violence the story is about, so it stays
    found = [t for t in found if t.violent or not is_negated(sentence, t.start)]
    # "No arrests or clashes were reported": a bare "no" right before the word names no event at all
    found = [t for t in found if not _bare_negation().search(sentence, max(0, t.start - 40), t.start)]
    if any(t.event_type == "Protests" for t in found):
        cause = _context()[3]
        found = [t for t in found if t.event_type == "Protests" or t.priority >= 60 or not cause.search(sentence[:t.start])]
        found = [t for t in found if t.event_type == "Protests" or not is_reference(sentence, t.start)]
    found.sort(key=lambda t: (-t.priority, -(t.end - t.start), t.start))
    chosen: list[Trigger] = []
    for t in found:
        if all(t.end <= c.start or t.start >= c.end for c in chosen):
            chosen.append(t)
    chosen.sort(key=lambda t: t.start)
    return chosen


@functools.lru_cache(maxsize=1)
def _setting() -> re.Pattern[str]:
    return re.compile(rf"\b{_raw()['veto']['setting']}\b", re.I)


_DIED_OF = re.compile(r"\b(?:died|dies|dying|death|deaths|dead|killed|succumbed|victims?)\s+(?:of|from|by|to|in)\s*$", re.I)


def without_setting(sentence: str) -> str:
    """The sentence with the disease phrases that only name its setting blanked ("assaulted a
    family during the lockdown due to the coronavirus outbreak"), for the accident-and-disease veto;
    a disease that is the cause of death ("died of the coronavirus outbreak") is kept."""
    def blank(m: re.Match[str]) -> str:
        if _DIED_OF.search(sentence, max(0, m.start() - 30), m.start()):
            return m.group(0)
        return " " * len(m.group(0))
    return _setting().sub(blank, sentence)


@functools.lru_cache(maxsize=1)
def _reference() -> re.Pattern[str]:
    return re.compile(_raw()["reference"]["pattern"], re.I)


def is_reference(sentence: str, start: int) -> bool:
    """Does the trigger at ``start`` name an earlier event as a time or a setting ("during recent
    riots", "after the intense protests and riots")? In a protest's sentence it is no event."""
    return bool(_reference().search(sentence, max(0, start - 60), start))


@functools.lru_cache(maxsize=1)
def _negation() -> re.Pattern[str]:
    return re.compile(_raw()["negated"]["pattern"], re.I)


@functools.lru_cache(maxsize=1)
def _bare_negation() -> re.Pattern[str]:
    return re.compile(_raw()["negated"]["bare"], re.I)


def is_negated(sentence: str, start: int) -> bool:
    """Does a negation govern the trigger at ``start`` ("no arrests have been made")?"""
    return bool(_negation().search(sentence, max(0, start - 60), start))


def dominant(triggers: list[Trigger]) -> Trigger | None:
    """The trigger that types an event: highest priority, first in text on ties."""
    if not triggers:
        return None
    return max(triggers, key=lambda t: (t.priority, -t.start))
