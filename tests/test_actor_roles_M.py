"""Issue 11 item 5, the victim's side never the perpetrator: a force word that names the place
attacked ("at a military base", "the police station") and the forces that defused the bomb
("police discovered and safely defused a bomb") are no perpetrators (GTD's perpetrator is who made
the attack); the defusers stay ACLED's first actor of the disrupted weapons use, as a party.
Sentences are our own wording."""
from __future__ import annotations

import datetime as dt

import pytest

from sitrep.export.acled import side_actors
from sitrep.models import Article


def _incidents(extractor, text: str):
    return extractor.extract(Article("roles-m", text, dt.date(2011, 5, 2))).incidents


def _perpetrators(extractor, text: str) -> list[str]:
    return [a.name for i in _incidents(extractor, text) for a in i.actors if a.role == "perpetrator"]


@pytest.mark.parametrize("text, force", [
    ("On Thursday, at a military base in Pisa, Tuscany, Italy, a letter bomb seriously injured a senior "
     "Italian Army official.", "Military Forces of Italy"),
    ("On Friday, near the police station in Quetta, Balochistan, Pakistan, a bomb exploded, injuring two "
     "passers-by.", "Police Forces of Pakistan"),
])
def test_a_force_word_naming_the_place_is_no_perpetrator(extractor, text, force):
    assert force not in _perpetrators(extractor, text)


@pytest.mark.parametrize("text, force", [
    ("On Monday night, in Cali, Valle del Cauca, Colombia, police discovered and safely defused a cylinder "
     "bomb containing 20 kilograms of explosives.", "Police Forces of Colombia"),
    ("On Tuesday, in Imphal, Manipur, India, army bomb experts defused an improvised explosive device planted "
     "near a school.", "Military Forces of India"),
])
def test_the_defusers_are_no_perpetrators_but_acled_side_one(extractor, text, force):
    incs = _incidents(extractor, text)
    assert force not in _perpetrators(extractor, text)
    assert any(force in [a.name for a in side_actors(i)[0]] for i in incs)


def test_forces_that_attack_are_still_perpetrators(extractor):
    text = "On Sunday, in Kandahar, Afghanistan, police opened fire on a crowd, killing three people."
    assert "Police Forces of Afghanistan" in _perpetrators(extractor, text)


def test_the_militants_are_the_group_named_the_sentence_before(extractor):
    text = ("On Monday evening, in Latehar, Jharkhand, India, around 100 Communist Party of India-Maoists (CPI-M) "
            "used dynamite to destroy a school building. The militants armed with rifles also held 30 villagers at gunpoint.")
    perps = _perpetrators(extractor, text)
    assert "Communist Party of India - Maoist" in perps
    assert not any(p.startswith("Unidentified") for p in perps)


def test_the_militants_with_no_group_before_stay_unnamed(extractor):
    text = ("On Monday evening, in Latehar, Jharkhand, India, soldiers searched a forest near the village. "
            "The militants armed with rifles held 30 villagers at gunpoint.")
    assert _perpetrators(extractor, text) == ["Unidentified Armed Group (India)"]
