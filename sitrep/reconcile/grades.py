"""How sure we are of an incident: a confidence grade after Airwars' published scale.

Airwars grades each civilian-harm event by how well it is sourced and whether a belligerent
accepted it. sitrep grades every incident the same way from what it knows (issue 12, item 1). The
first rule that holds gives the grade:

    Discounted  a reviewer set the incident aside (the grade is a reviewed field: its reason is in
                the audit log and the incident's notes); never computed
    Contested   two or more parties claim responsibility for it (competing claims)
    Confirmed   a party claims responsibility ("the Taliban claimed responsibility")
    Pending     the toll is still reported as likely to rise (the latest report says so)
    Fair        two or more independent sources (a near-duplicate copy is not one)
    Weak        a single source

Suspicion ("police suspect ...") and denials are not acceptance and grade nothing. Not read yet:
sources that contradict each other on who was harmed (Airwars' second kind of "Contested").
Headline totals can be restricted to some grades (``grades`` filter: ``fair,confirmed``), as
Airwars restricts its totals.
"""
from __future__ import annotations

from ..models import GRADES, Incident

__all__ = ["GRADES", "claimants", "grade"]


def claimants(incident: Incident) -> list[str]:
    """The parties that claim responsibility for the incident, each once, in order."""
    out: list[str] = []
    for a in incident.actors:
        if (a.claim_status == "claimed" or a.claimed_responsibility) and a.name not in out:
            out.append(a.name)
    return out


def grade(incident: Incident, n_sources: int) -> str:
    """The computed grade of a merged incident reported by ``n_sources`` independent sources."""
    parties = claimants(incident)
    if len(parties) >= 2:
        return "Contested"
    if parties:
        return "Confirmed"
    if incident.toll_may_rise:
        return "Pending"
    if n_sources >= 2:
        return "Fair"
    return "Weak"
