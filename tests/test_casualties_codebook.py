"""Counting casualties the way coders' notes and plain tallies state them (issue 11, second pass):
a coder's figure shared out between events, a closing tally ("2 fatalities."), two tallies side by
side ("1 killed 3 injured"), a chain of fates ("kidnapped and killed"), "shot ... to death",
people joined by "and" before "died", and a count with a clause of its own. Sentences are our own
wording."""
import pytest

from sitrep.extract.casualties import find_figures


def read(sentence):
    return [(f.kind, f.min) for f in find_figures(sentence)]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # the coder's figure, shared out between the events it was split across: each gets its part
        ("Unknown number of fatalities coded as 10, split between three locations.", [("killed", 3)]),
        ("Unknown fatalities coded as 10 and spread across two locations.", [("killed", 5)]),
        ("Fatalities coded as 18 and spread across five locations.", [("killed", 3)]),
        ("20 fatalities split up between 3 events.", [("killed", 6)]),
        # the share already given in brackets stands as it is
        ("Fatalities are split across 2 events (3).", [("killed", 3)]),
        ("Unknown number of fatalities coded as 10.", [("killed", 10)]),
    ],
)
def test_coded_figure_shared_out(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a closing note that is only the tally is the coder's figure
        ("2 fatalities.", [("killed", 2)]),
        ("At least 6 fatalities.", [("killed", 6)]),
        ("1 fatality, 5 injured", [("killed", 1), ("injured", 5)]),
        # two tallies side by side: neither count is the other's object
        ("1 killed 3 injured.", [("killed", 1), ("injured", 3)]),
        ("1 killed, 3 injured", [("killed", 1), ("injured", 3)]),
        # still an active verb and its object
        ("Three gunmen killed two officers.", [("killed", 2)]),
    ],
)
def test_tallies(sentence, expected):
    assert read(sentence) == expected


def test_closing_tally_is_the_coders_figure():
    [f] = find_figures("2 fatalities.")
    assert f.qualifier == "coded as"


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a chain of fates: the people taken were then killed
        ("Three villagers were kidnapped and killed by the gang.", [("abducted", 3), ("killed", 3)]),
        ("Two hostages were kidnapped and later released.", [("abducted", 2)]),
        # "shot ... to death" is a killing, not a wound
        ("The patrol shot two men to death near the border.", [("killed", 2)]),
        # people joined by "and" before a death verb with no auxiliary
        ("The officer and her daughter died.", [("killed", 2)]),
        ("A woman and her son died in the fire.", [("killed", 2)]),
        # drowning is a death; a range counts its lower end as the minimum
        ("Three children drowned when the boat capsized.", [("killed", 3)]),
        ("Between five and 23 of them either drowned or went missing.", [("killed", 5)]),
        # "a family of three" counts three
        ("Shells fired at the village killed a family of three, including a child, and injured two others.", [("killed", 3), ("injured", 2)]),
        # the names after "identified as" are the people counted, not a second count
        ("At least four other guards, identified as Ram Singh, Ali Khan, Omar Shah, and Dev Kumar, were killed.", [("killed", 4)]),
        # a phrase inside a long noun phrase, with an ordinal in it
        ("Nine fighters from the Guardians of the Republic's 5th Brigade were reported killed.", [("killed", 9)]),
        # people joined by "and" who "were shot": wounded by gunfire, fate not stated
        ("Police say a 22-year-old man and a 16-year-old boy were shot.", [("shot", 2)]),
        ("A man and a woman were shot at but not hit.", []),
        # wounds the people had or suffered
        ("Three men suffered minor gunshot wounds.", [("injured", 3)]),
        ("Two passengers had stab wounds to the arms.", [("injured", 2)]),
        # "fighting for their lives" is a wound
        ("One man is dead, and two women are fighting for their lives after the shooting.", [("killed", 1), ("injured", 2)]),
        # a reduced relative clause between the count and its verb
        ("Two men accused of stealing cattle in the district were beaten to death by villagers.", [("killed", 2)]),
        # a count with a clause of its own before "and one": only the one was killed
        ("Three suspects managed to flee and one was killed.", [("killed", 1)]),
        ("Two soldiers and three civilians were killed.", [("killed", 5)]),
    ],
)
def test_fates_and_subjects(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,qualifier",
    [
        # a release's summary of many operations is no one event's figure
        ("Several insurgents were killed during separate clearing operations in the south today.", "background"),
        ("The force killed more than 10 insurgents and detained another nine during separate, overnight searches.", "background"),
        # an earlier attack someone was involved in, its date abbreviated
        ("The leader was involved in the Aug. 8 suicide attack in the district, which killed three soldiers.", "background"),
        # "separate" about something else leaves the figure alone
        ("During the operation four men were killed when they each posed a separate threat.", None),
    ],
)
def test_summary_of_separate_operations(sentence, qualifier):
    killed = [f for f in find_figures(sentence) if f.kind == "killed"]
    assert killed and killed[0].qualifier == qualifier


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # a share with a fate its group was not given: the share is counted
        ("Two armed men exchanged fire with the police, and one of the men was killed.", [("killed", 1)]),
        ("Five people were shot and three of them died.", [("shot", 5), ("killed", 3)]),
        ("Police chased two suspects and one of the suspects was shot dead.", [("killed", 1)]),
        # a share of a group already counted with that fate is no second count
        ("Five people were injured; two of the injured were children.", [("injured", 5)]),
        ("Seven people were wounded, two of them seriously.", [("injured", 7)]),
        ("Five people were killed, three of them children.", [("killed", 5)]),
    ],
)
def test_shares_with_a_fate_of_their_own(sentence, expected):
    assert read(sentence) == expected


@pytest.mark.parametrize(
    "sentence,qualifier",
    [
        # a running total is many events' sum
        ("Security forces have killed more than 80 network leaders since January.", "running total"),
        ("Forces killed 40 insurgents over the past three months.", "running total"),
        ("At least 12 people have died so far this year in the clashes.", "running total"),
        ("Gunmen killed three people over the weekend.", None),
    ],
)
def test_running_totals(sentence, qualifier):
    [f] = [f for f in find_figures(sentence) if f.kind == "killed"]
    assert f.qualifier == qualifier


@pytest.mark.parametrize(
    "sentence,expected",
    [
        # "both" as the object of a killing or a wounding: two
        ("Police returned fire, killing both perpetrators.", [("killed", 2)]),
        ("The gunman opened fire on the couple, wounding both of them.", [("injured", 2)]),
        ("Three people were killed and the blast injured both drivers.", [("killed", 3), ("injured", 2)]),
    ],
)
def test_both_as_object(sentence, expected):
    assert read(sentence) == expected
