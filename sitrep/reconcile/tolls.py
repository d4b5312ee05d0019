"""Reconciling casualty claims into UCDP-style low/best/high, without double counting.

Rules (documented in docs/extraction.md):
- low: the most conservative credible figure (ACLED's rule): the smallest claim minimum.
- high: the largest figure any claim allows (its max, or its min when open-ended).
- best: the figure reported most often; ties go to the latest report, then to the higher figure
  (early official counts lag, and tolls are revised upward far more often than down).
- a revised total ("the death toll has risen to 31", qualifier "revised"; "a third victim died":
  at least 3) supersedes earlier lower counts: best is at least the latest revision (UCDP practice);
  high already allows it, low stays the smallest credible minimum.
- "another N" claims add to the running figure instead of competing with it.
- totals versus parts: where a claim counts a group, one person of that fate told on their own
  ("the man ... is listed in critical condition") is one of the group and leaves the vote.
- zero claims ("no one was hurt") count only when no claim of that kind gives a number.
- claims marked not credible by a reviewer are ignored, and so are background figures (qualifier
  "background": an earlier attack someone is linked to); a running total ("killed more than 80
  leaders since January") counts only where nothing else is counted, and so does a death the act
  implies (qualifier "implied": "Two suicide bombers detonated vests" is 2 killed); beside a count of
  their victims, the bombers add to it ("a suicide bomber blew himself up, killing 36 people" is 37, as
  GTD's nkill counts perpetrators), unless a figure counts the bomber already ("killed the bomber and
  seven others").
- the shooter's own death told apart from the victims' (qualifier "shooter": "The gunman then took
  his own life") is one more beside their toll, unless a figure counts the shooter already ("four
  people dead, including the gunman", a murder-suicide's toll).
- attackers killed ("three assailants were killed in the return fire") are counted apart from the
  people they killed, and the two figures add up (GTD's nkill includes the perpetrators).
- a coder's own figure stated in the text ("Unknown fatalities coded as 10", ACLED notes) settles it.
- "shot" claims (wounded by gunfire, fate not stated) give injuries when no claim states injuries:
  shot minus killed ("three people were shot, one fatally": 2 injured); a zero injury claim that counts
  nobody besides them does not stand against them ("a man was shot in the shoulder ... No one else
  was injured": 1 injured).
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable

from ..models import Claim, Range


def reconcile(claims: Iterable[Claim], kind: str, not_credible: frozenset[int] = frozenset()) -> Range:
    claims = list(claims)
    mine = [c for i, c in enumerate(claims) if c.kind == kind and i not in not_credible and c.qualifier != "background"]
    if any(c.qualifier != "running total" for c in mine):
        mine = [c for c in mine if c.qualifier != "running total"]
    if any(c.qualifier != "implied" and (c.min > 0 or (c.max or 0) > 0) for c in mine):
        bombers = [c for c in mine if c.qualifier == "implied"]
        mine = [c for c in mine if c.qualifier != "implied"]
        if kind == "killed" and bombers and not any(_BOMBER_COUNTED.search(c.quote or "") for c in mine):
            return _plus(reconcile(mine, kind), max(c.min for c in bombers))
    shooters = [c for c in mine if c.qualifier == "shooter"]
    if kind == "killed" and shooters and len(shooters) < len(mine):
        return shooter_apart([c for c in mine if c.qualifier != "shooter"], kind)
    mine = without_parts(mine)
    if not mine:
        return Range()
    positive = [c for c in mine if c.min > 0 or (c.max or 0) > 0]
    if not positive:
        return Range(0, 0, 0)
    coded = [c for c in mine if c.qualifier == "coded as"]
    if coded:
        # a coder's own figure for this event ("fatalities coded as 3") settles it
        v = coded[-1].min
        return Range(v, v, v)
    base = [c for c in positive if c.qualifier != "another"]
    extra = sum(c.min for c in positive if c.qualifier == "another")
    attackers = attackers_apart(base)
    if kind == "killed" and attackers and len(attackers) < len(base) and not not_credible:
        # "three civilians were killed ... Three assailants were killed in the return fire": the
        # attackers are counted apart from their victims, and the two add up (GTD counts both)
        victims = reconcile([c for c in claims if all(c is not a for a in attackers)], kind)
        own = reconcile(attackers, kind)
        return Range((victims.low or 0) + (own.low or 0), (victims.best or 0) + (own.best or 0), (victims.high or 0) + (own.high or 0))
    if not base:
        return Range(extra, extra, extra)
    low = min(c.min for c in base) + extra
    high = max(c.max if c.max is not None else c.min for c in base) + extra
    counts = Counter(c.min for c in base)
    latest: dict[int, dt.date] = {}
    for c in base:
        if c.reported and (c.min not in latest or c.reported > latest[c.min]):
            latest[c.min] = c.reported
    best_value = max(counts, key=lambda v: (counts[v], latest.get(v, dt.date.min), v))
    revision = latest_revision(base)
    if revision is not None and revision.min > best_value:
        best_value = revision.min
    return Range(low, best_value + extra, high)


#: a figure that counts the bomber already: "The blast killed the bomber and seven others", "the
#: bomber was the only one killed", "killing himself and two soldiers", "including the bomber"
_BOMBER_COUNTED = re.compile(r"\b(?:bomber|attacker|assailant|militant)s?\b[^.;]{0,40}?\b(?:killed|dead|died)\b"
                             r"|\b(?:killed|killing|including|and)\s+(?:the\s+)?(?:suicide\s+)?(?:bombers?|attackers?|assailants?|himself|herself|themselves)\b", re.I)


#: a figure that counts the shooter already: "four people dead, including the gunman", "killing
#: himself and two others", a murder-suicide's toll, the shooter's death read in the victims' sentence
_SHOOTER_COUNTED = re.compile(r"\b(?:including|and)\s+(?:the|a)\s+(?:gunman|shooter|suspect|attacker|assailant)\b|\bmurder[- ]suicide\b"
                              r"|\b(?:killing|killed)\s+(?:himself|herself)\s+and\b", re.I)


def shooter_apart(victims: list[Claim], kind: str) -> Range:
    """The shooter's own death told apart from the victims' ("The gunman then took his own life",
    qualifier "shooter") is one more beside their toll, unless a figure counts the shooter already
    ("four people dead, including the gunman"): GVDB lists a shooter who dies among the victims."""
    toll = reconcile(victims, kind)
    if not toll.best or any(_SHOOTER_COUNTED.search(c.quote or "") or "the shooter" in (c.victims or "") for c in victims):
        return toll if toll.best else Range(1, 1, 1)
    return _plus(toll, 1)


def _plus(r: Range, n: int) -> Range:
    """The suicide bombers beside the count of their victims ("a suicide bomber blew himself up ...
    Six were killed" is 7: GTD's nkill counts the perpetrators killed)."""
    return Range((r.low or 0) + n, (r.best or 0) + n, (r.high or 0) + n)


#: victims that are the attackers themselves ("three assailants", "both gunmen"): a count apart.
#: Plural only: a lone "gunman shot and killed" is most often the one death the story tells
_ATTACKERS = re.compile(r"^(?:(?:the|both|all|suspected|unidentified|armed|other)\s+){0,2}(?:assailants|attackers|gunmen|perpetrators|hijackers)$", re.I)
#: words that name attackers only where the story's other dead are named as someone else ("Six
#: policemen were killed ... Two militants were killed by return fire"): in a clash the militants
#: may be the only dead, and a bare "five people were killed" may count them already
_ARMED_DEAD = re.compile(r"^(?:of\s+(?:the|them)\s+)?(?:(?:the|both|all|suspected|unidentified|armed|other|suicide)\s+){0,2}(?:bombers|militants|terrorists)$", re.I)
_GENERIC_DEAD = re.compile(r"\b(?:people|persons|individuals|others|victims|casualties|dead|killed|bombers?|militants?|terrorists?|attackers?|assailants?|gunm[ae]n)\b", re.I)


def attackers_apart(base: list[Claim]) -> list[Claim]:
    """The claims that count attackers killed apart from their victims: "three assailants were
    killed in the return fire" always; "two militants were killed" only where every other claim
    names its dead as someone else ("Six policemen were killed"), so that no total counts them twice."""
    plain = [c for c in base if _ATTACKERS.match(c.victims or "")]
    armed = [c for c in base if _ARMED_DEAD.match(c.victims or "")]
    others = [c for c in base if c not in plain and c not in armed]
    if armed and others and all(c.victims and not _GENERIC_DEAD.search(c.victims) for c in others):
        return plain + armed
    return plain


#: one person told on their own ("the man", "a 25-year-old", "he", no noun at all): in an article
#: that counts a group of that fate, one of its members
_ONE_OF_THEM = re.compile(r"^(?:(?:the|a|an|one)\s+)?(?:[\w-]+\s+)?(?:man|woman|boy|girl|teen|teenager|victim|person|"
                          r"him/her|he|she|male|female|driver|officer|suspect|child|\d{1,2}-year-old)$", re.I)


def without_parts(claims: list[Claim]) -> list[Claim]:
    """Totals versus parts: where a claim counts a group ("three people were shot and wounded"),
    one person of that fate told on their own ("A Good Samaritan took the man to Northwestern
    Memorial Hospital, where he is listed in critical condition", "the spot where the man was
    wounded") is one of the group, not a competing total: such claims leave the vote. Named
    people, revisions and "another" stay (a name may be someone the group leaves out)."""
    plain = [c for c in claims if c.qualifier not in ("another", "coded as") and not is_revision(c)]
    if not any(c.min >= 2 for c in plain):
        return claims
    parts = [c for c in plain if c.min == 1 and c.max == 1 and (c.victims is None or _ONE_OF_THEM.match(c.victims))]
    if not parts or len(parts) == len(plain):
        return claims
    return [c for c in claims if all(c is not p for p in parts)]


def is_revision(claim: Claim) -> bool:
    """A revised toll: extraction writes the qualifier "revised" (or "revised, at least")."""
    return bool(claim.qualifier) and claim.qualifier.split(",")[0] == "revised"  # type: ignore[union-attr]


def latest_revision(claims: Iterable[Claim]) -> Claim | None:
    """The revision that stands: the latest reported, then the highest."""
    revised = [c for c in claims if is_revision(c)]
    return max(revised, key=lambda c: (c.reported or dt.date.min, c.min), default=None)


def injuries(claims: list[Claim], fatalities: Range, not_credible: frozenset[int] = frozenset()) -> Range:
    """Injuries from injury claims, else from "shot" claims less the killed."""
    stated = reconcile(claims, "injured", not_credible)
    besides = [c for c in claims if c.kind == "injured" and c.qualifier != "none else"]
    if stated.best or (stated.best == 0 and besides):
        return stated
    shot = reconcile(claims, "shot", not_credible)
    if not shot.best:  # "a man was shot ... No one else was injured": the shot man is the injured one
        return stated
    killed = fatalities.best or 0
    low_k, high_k = fatalities.low or 0, fatalities.high or 0
    return Range(max((shot.low or 0) - high_k, 0), max(shot.best - killed, 0), max((shot.high or 0) - low_k, 0))
