import pytest

from sitrep.extract.casualties import find_figures, toll_may_rise


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Bomb blasts in the Syrian cities of Homs and Damascus have left at least 140 people dead.", [("killed", 140)]),
        ("Monitors and state media say, at least four blasts struck the southern Damascus suburb of Sayyida Zeinab, killing at least 83 people.", [("killed", 83)]),
        ("Earlier in Homs, 57 people, mainly civilians, were reportedly killed in a double car bombing.", [("killed", 57)]),
        ("Syria’s official SANA news agency, for its part, quoted the governor of Homs as saying that 25 people had been killed and 39 injured by the twin blasts.", [("killed", 25), ("injured", 39)]),
        ("Two soldiers and three civilians were killed when a roadside bomb exploded.", [("killed", 5)]),
        ("The gunmen killed five policemen and wounded 12 others.", [("killed", 5), ("injured", 12)]),
        ("A policeman was killed and two others were injured.", [("injured", 2), ("killed", 1)]),
        ("Fadhel was killed during the attack.", [("killed", 1)]),
        ("No one was injured in the attack.", [("injured", 0)]),
        ("The insurgents emerged and were detained without incident.", [("killed", 0), ("injured", 0)]),
        ("The death toll rose to 64 on Monday.", [("killed", 64)]),
        ("Dozens of people were wounded.", [("injured", 12)]),
        ("The attack killed 3 and wounded 10.", [("killed", 3), ("injured", 10)]),
        ("23 people were killed and 97 people were injured when a suicide bomber detonated a belt.", [("killed", 23), ("injured", 97)]),
        ("killing his five young children as well as his wife, police said.", [("killed", 5)]),
        ("The clashes resulted in more than 20 pro-Houthi elements killed.", [("killed", 20)]),
        ("A landmine went off in a QDW vehicle in Quriyeh desert, killing 2 of them.", [("killed", 2)]),
        ("Five members of the CV (Red Command) died during a shoot-out with the Military Police.", [("killed", 5)]),
        ("Six people, two of whom were women, were killed and nine wounded from the explosion.", [("killed", 6), ("injured", 9)]),
        ("Three rubber farmers were shot and killed by suspected Muslim separatists.", [("killed", 3)]),
        ("A 42-year-old woman was fatally shot in the area of Eight Mile and Ryan.", [("killed", 1)]),
        ("A 20-year-old man was shot while walking on the 800 block of Cadillac Drive.", [("shot", 1)]),
        ("Unknown fatalities coded as 10.", [("killed", 10)]),
        ("A shooting and robbery left a man in critical condition in the city.", [("injured", 1)]),
        ("A Jefferson County Sheriff’s deputy who was shot and injured while off-duty remained in hospital.", [("injured", 1)]),
        ("Fatalities are split across 2 events (3).", [("killed", 3)]),
    ],
)
def test_figures_in_real_sentences(sentence, expected):
    assert [(f.kind, f.min) for f in find_figures(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "At least four blasts struck the suburb.",
        "He was sentenced to 20 years in prison.",
        "According to SANA, however, the death toll is likely to rise further, as many of the injured are in critical condition.",
        "Jassely Lupoe, a 5-year-old Latina, lived in the 1000 block of McFarland Avenue.",
        "The 2011 uprising was crushed.",
    ],
)
def test_no_figure(sentence):
    assert find_figures(sentence) == []


def test_victims_and_hedge():
    (f,) = find_figures("Earlier in Homs, 57 people, mainly civilians, were reportedly killed in a double car bombing.")
    assert f.victims == "people, mainly civilians"
    assert f.hedge == "reportedly"


def test_toll_may_rise():
    assert toll_may_rise("According to SANA, however, the death toll is likely to rise further.")
    assert not toll_may_rise("The death toll rose to 64 on Monday.")
