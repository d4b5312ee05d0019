import pytest

from sitrep.extract.casualties import find_figures, toll_may_rise
from sitrep.extract.coordinated import subject_count


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
        ("23 people were killed and 97 people were injured when a suicide bomber detonated a belt.", [("killed", 23), ("injured", 97), ("killed", 1)]),
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


# issue 9: follow-ups that revise a toll were read as no figure (or as a plain one)
@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("The death toll from Friday's market bombing has risen to 31, officials said.", [("killed", 31, 31, "revised")]),
        ("The number of people killed in the attack has climbed to 48.", [("killed", 48, 48, "revised")]),
        ("The death toll from Sunday's twin car bombings in Homs has risen to 64, the Syrian Observatory for Human Rights said.", [("killed", 64, 64, "revised")]),
        ("The death toll now stands at 64, the monitor said.", [("killed", 64, 64, "revised")]),
        ("The toll rose to at least 12 on Tuesday.", [("killed", 12, None, "revised, at least")]),
        ("A policeman died in hospital on Tuesday, bringing the death toll from the attack to 58.", [("killed", 58, 58, "revised")]),
        ("Five people are now dead after the shooting at the bar.", [("killed", 5, 5, "revised")]),
        ("The number of wounded has risen to 120, hospital officials said.", [("injured", 120, 120, "revised")]),
        ("A third victim died in hospital on Monday.", [("killed", 3, None, "revised, at least")]),
        ("A second man who was shot in the chest has died, police said.", [("killed", 2, None, "revised, at least")]),
        ("A policeman wounded in the attack died of his wounds on Sunday.", [("killed", 1, 1, "revised")]),
        ("Three women were hurt and the driver died of his wounds in hospital.", [("injured", 3, 3, None), ("killed", 1, 1, "revised")]),
        ("Nine people were hurt; two of the wounded later died of their injuries.", [("injured", 9, 9, None), ("killed", 2, 2, "revised")]),
        ("Two people were killed and a third died of his wounds in hospital.", [("killed", 2, 2, None)]),
        # "the second victim" names one of those already counted: no revision (GVDB)
        ("The second victim was pronounced dead at the scene.", [("killed", 1, 1, None)]),
    ],
)
def test_toll_revisions(sentence, expected):
    assert [(f.kind, f.min, f.max, f.qualifier) for f in find_figures(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "According to SANA, however, the death toll is likely to rise further.",
        "The death toll could rise to 50, officials warned.",
        "The toll of the war, now in its sixth year, has been heavy.",
        "A second bomb exploded minutes later near the market.",
    ],
)
def test_no_revision(sentence):
    assert not any(f.qualifier and f.qualifier.startswith("revised") for f in find_figures(sentence))


# Regression (issue 9, GVDB injured): one person's wound or fate told without a count.
@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a wound leaves the fate open: "shot", from which the killed are subtracted
        ("Police responded to Willhaven Drive on Saturday and discovered a 15-year-old with a gunshot wound to his left leg.", [("shot", 1)]),
        ("Police arrived to find a 32-year-old man with a gunshot wound to the chest.", [("shot", 1)]),
        ("The child accidentally shot himself with his grandfather’s handgun.", [("shot", 1)]),
        ("One person was grazed by a bullet in the exchange.", [("injured", 1)]),
        # a death told after the wound in the same sentence: killed, not injured too
        ("The victim was taken to the hospital where he died the next day.", [("killed", 1)]),
        ("He was taken to Eskenazi Hospital, where he later died.", [("killed", 1)]),
        ("Girl shot at party dies; woman held", [("killed", 1)]),
        ("He died overnight.", [("killed", 1)]),
        # "shot at" a place is still a wound
        ("A man was shot at a gas station on Main Street.", [("shot", 1)]),
    ],
)
def test_one_persons_fate(sentence, expected):
    assert [(f.kind, f.min) for f in find_figures(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # firing at a target, and counts of bullets, are no victims
        "State troopers are continuing their search for two people who shot at an unmarked police vehicle Friday night.",
        "Richland County deputies say Akeem Breeland shot at deputies.",
        "The man reportedly ran outside the mall, turned and fired at least one shot at officers.",
    ],
)
def test_shots_fired_are_no_victims(sentence):
    assert [f for f in find_figures(sentence) if f.kind in ("shot", "injured")] == []


# issue 11, item 2: counts the way the codebooks count
@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a relative clause or a list of names set off by commas sits between count and verb
        ("Two bus drivers, who were sleeping in a bus, were burned to death.", [("killed", 2)]),
        ("On Sunday, two Colombian Liberal Party candidates, Jhon Freddy Londono and Brindan Bustamente, were shot and killed by unknown gunmen.", [("killed", 2)]),
        # a share of a group is not added to the group
        ("One of two women fatally shot was pregnant, family says", [("killed", 2)]),
        ("The woman, Bettie Jones, was one of two people killed by police in the shooting early Saturday.", [("killed", 2)]),
        # the parts of a total are not added to it
        ("Twenty people including four children and two soldiers were killed and five were injured when a bus struck a landmine.", [("killed", 20), ("injured", 5)]),
        # an age after a person noun is no count
        ("Tennessee boy, 7, killed inside a parked car at a Verizon store has prompted a public outcry.", [("killed", 1)]),
        # victims listed after one verb, each counted
        ("Gunmen fired upon the car of the director of the centre, killing the director, two body guards and one civilian.", [("killed", 4)]),
        ("It was the night Rialmo fatally shot Quintonio LeGrier, 19, and LeGrier's neighbor Bettie Jones, 55.", [("killed", 2)]),
        ("Rialmo then fired eight times, killing LeGrier and LeGrier's neighbor, Bettie Jones.", [("killed", 2)]),
        ("Gerardo Garcia, a 34-year-old Latino, was shot and killed Sunday, Dec. 28, in the 14000 block of Clark Avenue.", [("killed", 1)]),
        ("The blast killed a soldier and wounded two civilians.", [("injured", 2), ("killed", 1)]),
    ],
)
def test_counts_the_way_codebooks_count(sentence, expected):
    assert [(f.kind, f.min) for f in find_figures(sentence)] == expected


@pytest.mark.parametrize("sentence,expected", [
    # the suspects are not the dead: "including ..." ends where the next clause begins
    ("Murder charges were filed against three suspects, including two teenagers, after a store clerk was shot to death.",
     [("killed", 1)]),
    ("Twenty people, including four children, were killed in the blast.", [("killed", 20)]),
])
def test_an_aside_never_crosses_into_the_next_clause(sentence, expected):
    assert [(f.kind, f.min) for f in find_figures(sentence)] == expected


@pytest.mark.parametrize("sentence,victim", [
    ("A man accused of fatally shooting an Ohio policeman with a stolen pistol is set to appear in court.", "policeman"),
    ("The gunman opened fire, fatally shooting a 23-year-old woman outside the bar.", "woman"),
    ("He is accused of shooting and killing a man in a parking lot.", "man"),
])
def test_one_victim_after_an_active_verb(sentence, victim):
    assert [(f.kind, f.min, f.victims) for f in find_figures(sentence)] == [("killed", 1, victim)]


@pytest.mark.parametrize("sentence,killed", [
    ("A shooting death is under investigation after a man’s body is found in the backyard of a home.", 1),
    ("The body of a 34-year-old woman was pulled from the river on Sunday.", 1),
    ("Police found the body of the car in the lake.", None),  # no person
    ("Two bodies were found in the house.", 2),  # counted by its number, not again
])
def test_a_body_found_is_a_death(sentence, killed):
    assert next((f.min for f in find_figures(sentence) if f.kind == "killed"), None) == killed


@pytest.mark.parametrize("sentence", ["The storm killed the power, police said.", "Boy, 9, was found safe.",
                                      "No officers or anyone else at the Walmart was killed, state police said."])
def test_no_victims_listed(sentence):
    assert [f for f in find_figures(sentence) if f.kind == "killed"] == []


@pytest.mark.parametrize("sentence,expected", [
    ("No officers or anyone else at the Walmart was injured, state police said.", []),  # a negated subject
    ("Jones was injured, but no one else was hurt.", [("injured", 1)]),
    ("Nobody at the scene knew that Smith was killed.", [("killed", 1)]),
])
def test_a_name_in_a_negated_clause_is_no_victim(sentence, expected):
    assert [(f.kind, f.min) for f in find_figures(sentence) if f.min] == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Marcus Hill, 32, and Dana Price, 51, were shot and killed outside a bar on Sunday.", [("killed", 2)]),
        ("A woman and her two children were killed when the house collapsed.", [("killed", 3)]),
        ("Both were pronounced dead at the scene.", [("killed", 2)]),
        ("All three were taken to a local hospital.", [("injured", 3)]),
        ("On Sunday, a man and a woman were shot and killed.", [("killed", 2)]),
        ("Police said the driver and his passenger were killed.", [("killed", 2)]),
        ("Two men were killed and a woman and a child were wounded.", [("killed", 2), ("injured", 2)]),
        ("Both were killed and three others were wounded, police said.", [("killed", 2), ("injured", 3)]),
        ("Both teens were taken to a hospital, where they died the next day.", [("killed", 2)]),
    ],
)
def test_coordinated_victims_each_counted(sentence, expected):
    assert [(f.kind, f.min) for f in find_figures(sentence)] == expected


@pytest.mark.parametrize(
    "subject,expected",
    [
        ("Marcus Hill, 32, and Dana Price, 51", (2, 0)),
        ("In the attack, a man and a woman", (2, 15)),
        ("Both victims", (2, 0)),
        ("All four men", (4, 0)),
        ("the gunman", None),
        ("The attack and the fire", None),
        ("On Sunday", None),
        ("All", None),
    ],
)
def test_subject_count(subject, expected):
    assert subject_count(subject) == expected
