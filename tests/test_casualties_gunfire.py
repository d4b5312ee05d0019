"""Counting the victims of a shooting the way US local news tells them (issue 11, GVDB injured):
a share told dead after the verb ("two men were shot, one fatally"), the shooter's own death after
the victims, a second victim named by a possessive, people gunfire struck, a list that shares one
possessive ("his wife and daughter"), a plural head whose items follow it, counts "with gunshot
wounds", a pronoun object ("shot him") and "he was treated for injuries". Sentences are our own
wording."""
import pytest

from sitrep.extract.casualties import find_figures


def read(sentence):
    return sorted((f.kind, f.min) for f in find_figures(sentence) if f.kind in ("killed", "injured", "shot"))


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # the share that died is killed; a "shot" count stays whole (the killed come off it in the tolls)
        ("Two men were shot, one fatally, outside a bar on the South Side early Sunday.", [("killed", 1), ("shot", 2)]),
        ("Four people were shot, two fatally, during a party in Flint.", [("killed", 2), ("shot", 4)]),
        ("Three people were shot, one of whom died, in Macon on Friday night.", [("killed", 1), ("shot", 3)]),
        # an "injured" count loses the dead
        ("Three people were wounded, one of them fatally, when a gunman opened fire.", [("injured", 2), ("killed", 1)]),
        # a share told in another condition is no death
        ("Two teens were shot, one of them critically, near a park Thursday evening.", [("shot", 2)]),
        ("Three people were hurt, one seriously.", [("injured", 3)]),
    ],
)
def test_fatal_share(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("A man shot and killed his wife and daughter in Tulsa on Friday before killing himself, police said.", [("killed", 3)]),
        ("Police say John Doe, 35, shot and killed two people before turning the gun on himself.", [("killed", 3)]),
        ("A man fatally shot his girlfriend in Reno on Saturday and then took his own life, police said.", [("killed", 2)]),
        # no death before the clause: the shooter is the one killed
        ("A gunman wounded three people at a store in Tulsa before turning the gun on himself.", [("injured", 3), ("killed", 1)]),
        # the clause alone counts no victims; a plain "shot himself" leaves his fate open
        ("He then turned the gun on himself.", []),
        ("A gunman killed 12 people and then shot himself.", [("killed", 12)]),
    ],
)
def test_shooter_suicide(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("A woman was killed and her boyfriend was wounded in a shooting Friday night.", [("injured", 1), ("killed", 1)]),
        ("A man was killed and his brother was injured.", [("injured", 1), ("killed", 1)]),
        # a kind told already is not counted twice
        ("Two men were wounded and their friend was hurt.", [("injured", 2)]),
    ],
)
def test_possessive_second_victim(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("A bullet struck a 10-year-old boy in the leg as he played outside.", [("shot", 1)]),
        ("The suspect opened fire on deputies, striking two officers.", [("shot", 2)]),
        ("A stray bullet hit a woman inside her apartment in the Bronx on Saturday night.", [("shot", 1)]),
        ("The gunman fired several shots, hitting a man in the chest.", [("shot", 1)]),
        ("Gunfire struck three people standing outside a store.", [("shot", 3)]),
        # no gunfire: a car that struck people is no shooting
        ("The car struck two pedestrians.", []),
        ("A driver hit a woman and then fled.", []),
    ],
)
def test_struck_by_gunfire(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a list that shares one possessive: each bare noun after it is one more person
        ("A man shot and killed his wife and daughter in Tulsa on Friday.", [("killed", 2)]),
        ("A man fatally shot his mother and sister on Sunday, police said.", [("killed", 2)]),
        ("Police said Smith killed his wife and then fled.", [("killed", 1)]),
        # a plural head before a comma is named by the items after it, not counted beside them
        ("The victims, a 20-year-old man and a 22-year-old woman, were taken to hospital.", [("injured", 2)]),
        ("The victims, a 20-year-old man and a 22-year-old woman, were shot and killed.", [("killed", 2)]),
        # counts "with gunshot wounds": shot, the fate open
        ("Police found two men with gunshot wounds outside the store.", [("shot", 2)]),
        ("Police found two men suffering from gunshot wounds.", [("shot", 2)]),
        # the person an active "shot" acts on
        ("She took the gun from him and shot him above the right knee.", [("shot", 1)]),
        ("The suspect shot him twice in the chest, police said.", [("shot", 1)]),
        # a pronoun treated for injuries is one injured
        ("He was treated for non-life-threatening injuries at a local hospital.", [("injured", 1)]),
    ],
)
def test_gunfire_victims(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a second person brought in by "and a/an" shares the kind: two shot, not one
        ("A 19-year-old man was shot in the leg and a 20-year-old woman was shot in the arm.", [("shot", 2)]),
        ("A man was killed and a woman was killed.", [("killed", 2)]),
        ("A man was shot and a woman was wounded.", [("injured", 1), ("shot", 1)]),
        # a group taken to a named hospital is the group's count injured
        ("All three were taken to Johns Hopkins Hospital with non-life-threatening injuries.", [("injured", 3)]),
        ("Both victims were taken to Grady Memorial Hospital in stable condition.", [("injured", 2)]),
        # a wound with a stated fate, and a death told after the wound
        ("A teen was shot and critically wounded.", [("injured", 1)]),
        ("Police said a man was shot multiple times and died at the scene.", [("killed", 1)]),
        ("A woman suffered a graze wound to the head.", [("injured", 1)]),
        # the person an active verb wounds, named by a noun of the crime
        ("The homeowner shot and wounded an intruder.", [("injured", 1)]),
    ],
)
def test_more_one_person_readings(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # the attacker told after the victims' count is one more dead (GTD's nkill counts perpetrators)
        ("The blast killed nine people and the bomber.", [("killed", 10)]),
        ("The blast killed nine people and the bomber was arrested.", [("killed", 9)]),
        ("The explosion killed 14 people, including the bomber.", [("killed", 14)]),
        # "of one family" counts no one
        ("Five members of one family were killed when a mortar shell hit their home.", [("killed", 5)]),
        # a fate word used as an adjective of the people counted
        ("Police recovered the bodies of two abducted teachers.", [("killed", 2)]),
        ("1 killed 3 injured.", [("injured", 3), ("killed", 1)]),
        # a list item counted after its possessive
        ("The gunmen killed the village chief and his two sons.", [("killed", 3)]),
        ("Coalition forces killed an insurgent leader and two of his associates.", [("killed", 3)]),
        # the dead named by their identification
        ("The dead militant was identified as Negi Rawat.", [("killed", 1)]),
        ("The injured man was identified as John Smith.", []),
        # the noun of "no ... were reported" tells the kind of the zero
        ("The protesters were dispersed; no injuries were reported.", [("injured", 0)]),
        ("No casualties were reported.", [("injured", 0), ("killed", 0)]),
    ],
)
def test_conflict_counts(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # "the two victims" names its count
        ("The two victims were transported to a local hospital with non-life-threatening injuries.", [("injured", 2)]),
        ("Police found a man suffering from a gunshot wound to the chest.", [("shot", 1)]),
        ("Nobody was hit.", [("injured", 0), ("killed", 0)]),
    ],
)
def test_condition_and_groups(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # the person a gerund or an active past wounds, named by "the" or "its"
        ("The militants killed the driver and injured the passenger.", [("injured", 1), ("killed", 1)]),
        ("Gunmen fired on a car, wounding its driver.", [("injured", 1)]),
        ("Two men were wounded the same day in a separate attack.", [("injured", 2)]),
        # a count taken to hospital is injured; the dead taken there stay dead
        ("Police said 3 people died on the spot while 7 others were rushed to hospital.", [("injured", 7), ("killed", 3)]),
        ("Two people were taken to hospital for treatment.", [("injured", 2)]),
        ("The bodies of five men were taken to the hospital.", [("killed", 5)]),
        ("Five people were killed and their bodies were taken to hospital.", [("killed", 5)]),
    ],
)
def test_hospital_and_objects(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a list of wounded after one verb, each counted
        ("Armed tribesmen fired on and wounded the deputy governor, a tribal leader and two others as they drove to the capital.", [("injured", 4)]),
        ("Militants fired a rocket at the train, wounding its driver, fireman, two passengers and damaging its engine.", [("injured", 4)]),
        ("The blast wounded a policeman and two civilians.", [("injured", 3)]),
    ],
)
def test_listed_wounded(sentence, expected):
    assert read(sentence) == expected
