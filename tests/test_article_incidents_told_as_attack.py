"""A property destruction told on as "the attack" (reconcile/incidents.py ``TOLD_AS_ATTACK``): the
facility militants set on fire, "the attack" that caused the damage and the group suspected of it
are one incident, and the suspected group is its perpetrator, as GTD codes it. Our own wording on
the pattern of a construction common in GTD summaries; none of their text."""
import datetime as dt

from sitrep.models import Article


def perpetrators(inc):
    return [a.name for a in inc.actors if a.role == "perpetrator"]


def test_the_attack_that_caused_the_damage_is_the_arson(extractor):
    text = ("On Sunday night, in Ranchi, Jharkhand, India, unidentified militants set fire to a party office. "
            "The attack caused an unknown amount of property damage. No casualties were reported and no group "
            "claimed responsibility, but it was suspected that Communist Party of India-Maoist militants were responsible.")
    x = extractor.extract(Article("t1", text, dt.date(2011, 3, 6)))
    assert len(x.incidents) == 1
    assert perpetrators(x.incidents[0]) == ["Communist Party of India - Maoist"]


def test_a_separate_attack_after_an_arson_is_its_own_incident(extractor):
    text = ("On Sunday night, in Ranchi, Jharkhand, India, unidentified militants set fire to a party office. "
            "In a separate attack, gunmen shot dead two police officers in Patna, Bihar.")
    x = extractor.extract(Article("t2", text, dt.date(2011, 3, 6)))
    assert len(x.incidents) == 2
