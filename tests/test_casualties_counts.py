"""Counting casualties in one sentence (issue 11): noun phrases that name people without a listed
noun, shares of a group, relative clauses, the pronoun "them", the shooter named before an active
verb, vague parts of a stated total, and "other" people told apart. Sentences are GVDB press
texts or our own wording."""
import pytest

from sitrep.extract.casualties import find_figures


def read(sentence):
    return [(f.kind, f.min) for f in find_figures(sentence)]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a short noun phrase names people even when its noun is not in the lexicon
        ("Two demolition experts were killed and two others were wounded.", [("killed", 2), ("injured", 2)]),
        # a phrase inside the noun phrase, once it has named people
        ("Two soldiers from the United States were killed and three other soldiers were injured.", [("killed", 2), ("injured", 3)]),
        # a relative clause without commas, and one set off by commas
        ("Two children who were in the market were killed in the blast.", [("killed", 2)]),
        ("Three civilians, who were his wife, mother, and brother, were killed.", [("killed", 3)]),
        # a clause of its own before the count's verb: the second count is the figure
        ("Three were later released and one, a farmer from the village, was killed.", [("killed", 1)]),
    ],
)
def test_noun_phrases_that_name_people(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a share of people never counted before it counts
        ("Two of the pilgrims were killed and four more were wounded.", [("killed", 2), ("injured", 4)]),
        ("The van carried pilgrims; two of them were killed and another nine were injured.", [("killed", 2), ("injured", 9)]),
        # a share of a group told before: the share is the figure, not the group
        ("On Friday, five of the 10 hostages were shot and killed.", [("killed", 5)]),
        # a group counted right after the share: the group is the figure
        ("She was one of two women fatally shot on Sunday.", [("killed", 2)]),
        # a share of the injured is no new count
        ("Many of the injured were in critical condition.", []),
    ],
)
def test_shares(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("The gunmen abducted three youths and later killed them.", [("abducted", 3), ("killed", 3)]),
        ("The rebels freed three of the hostages before killing the remaining two.", [("killed", 2)]),
        ("The bomb went off in the truck, killing three soldiers and a civilian.", [("killed", 4)]),
        ("Gunmen fired on the car, leaving three guards dead and one more wounded.", [("killed", 3), ("injured", 1)]),
        ("A village chief was killed along with two of his bodyguards near the market.", [("killed", 3)]),
        ("Soldiers killed the group's leader, Ahmad, along with one other fighter.", [("killed", 2)]),
        ("Police caught the two men at the roadside; police killed both perpetrators.", [("killed", 2)]),
        ("Gunmen killed Afghan National Army soldiers in Kandahar.", []),
        ("Gunmen stormed the house, shooting and killing a teacher, and wounding his brother.", [("killed", 1), ("injured", 1)]),
        ("A mob assaulted two laborers of a construction firm.", [("injured", 2)]),
    ],
)
def test_counts_after_a_verb(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,victim",
    [
        # the noun before an active verb with an object is the shooter; the object is the victim
        ("The police officer who fatally shot a teenage man is suing his estate.", "a teenage man"),
        ("On the scene, Rialmo fatally shot LeGrier, who police termed combative.", "LeGrier"),
        ("A sheriff's deputy shot and killed a suspect who came out firing at him.", "a suspect"),
    ],
)
def test_the_shooter_is_no_victim(sentence, victim):
    figures = find_figures(sentence)
    assert [(f.kind, f.min, f.victims) for f in figures] == [("killed", 1, victim)]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Waldron was subsequently shot and killed.", [("killed", 1)]),
        ("Joshua Hawkins Sr., a 42-year-old man, died Sunday after being shot in Inglewood.", [("killed", 1)]),
        ("An Everett teen who was found shot along a bike path early Sunday has died.", [("killed", 1)]),
        ("Marshburn was transported to the Wayne Memorial Hospital, where she was later pronounced deceased.", [("killed", 1)]),
        ("The robbery at a tattoo parlor left a man injured.", [("injured", 1)]),
        ("A girl is accused of shooting an 18-year-old man in the head.", [("shot", 1)]),
        ("Another man was shot and suffered unknown injuries.", [("shot", 1)]),
        ("Police say an officer and a \"citizen\" were injured in the shooting.", [("injured", 2)]),
        # an age in decades is no count; a plural noun without a count is no single victim
        ("A woman in her 20’s was shot in both feet along the interstate.", [("shot", 1)]),
        ("Teenagers shot in Southeast Columbus", []),
        # a question is no count
        ("It is unclear how many people were killed in each attack.", []),
    ],
)
def test_one_persons_fate(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # names set off by commas after the people they name are not counted again
        ("A village elder, Noor Khan, and his bodyguard, Fazl Ahmad, were killed when gunmen opened fire.", [("killed", 2)]),
        ("Two candidates, Jhon Londono and Brindan Bustamente, were killed.", [("killed", 2)]),
        ("Marcus Hill, 32, and Dana Price, 51, were shot and killed.", [("killed", 2)]),
        ("Two brothers, Kamran and Khalid, who were also members of the party (PML), were shot and killed.", [("killed", 2)]),
        # a total, then its parts
        ("Five people, three civilians and two police officers, were wounded when a bomb went off.", [("injured", 5)]),
        ("Two people, a police officer and a civilian were injured in the attack.", [("injured", 2)]),
        ("Five members of a family, including three children were wounded in the blast.", [("injured", 5)]),
        ("Gunmen fired on workers, killing three and injuring two others, one identified as Mohammad Saleem.", [("killed", 3), ("injured", 2)]),
        # a list is no total
        ("A man, a woman, and a child were shot and killed.", [("killed", 3)]),
    ],
)
def test_names_in_apposition(sentence, expected):
    assert read(sentence) == expected


def test_another_person_is_marked():
    (f,) = find_figures("Another man was shot and suffered unknown injuries.")
    assert f.qualifier == "another"


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # vague parts of a stated total are not added to it
        ("Another 17 people were hurt -- many wounded by bullets, some injured in the panic.", [("injured", 17, "another")]),
        # people besides those told elsewhere add to them; in a clause after a count they do not
        ("Several other insurgents were killed in the strike.", [("killed", 3, "another")]),
        ("One person was killed and 2 others were injured.", [("killed", 1, None), ("injured", 2, None)]),
    ],
)
def test_parts_and_others(sentence, expected):
    assert [(f.kind, f.min, f.qualifier) for f in find_figures(sentence)] == expected


def test_no_one_else_is_marked():
    (f,) = find_figures("No one else was injured.")
    assert (f.kind, f.min, f.qualifier) == ("injured", 0, "none else")


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # an earlier attack the person is linked to, and a running total, are background
        ("The commander is linked to a roadside bomb attack that killed four soldiers last week.", [("killed", 4, "background")]),
        ("Security forces have killed more than 80 network leaders since January.", [("killed", 80, "running total")]),
        ("He is believed to be responsible for the deaths of several civilians.", [("killed", 3, "background")]),
        # the attack the story tells is no background
        ("The bomb attack killed five people.", [("killed", 5, None)]),
        ("The group claimed responsibility for the attack, which killed 5 soldiers.", [("killed", 5, None)]),
    ],
)
def test_background_figures(sentence, expected):
    assert [(f.kind, f.min, f.qualifier) for f in find_figures(sentence)] == expected


def test_numerous_reads_more_than_several():
    (f,) = find_figures("The air weapons team engaged, killing numerous insurgents.")
    assert (f.kind, f.min) == ("killed", 4)
