"""Protest with intervention (ACLED Codebook 2019 p. 14: a peaceful protest that forces try to
disperse or suppress, arrests included): protesters arrested in the protest's sentence or in one
after it make the protest one with intervention, one incident (decision table row "protesters
arrested is an intervention", incidents.arrests_at_protest). The person a protest is held for, a
relative clause and things seized hold no protester. Sentences are our own wording."""
import pytest

from event_fixtures import typed
from sitrep.extract.events import features_of, holds_protesters


@pytest.mark.parametrize(
    "text",
    [
        "Police arrested 12 of them.",
        "Police arrested 12.",
        "Two persons were arrested by the police for refusing to give their names.",
        "Around 30 people, including three students, were detained by riot police.",
        "Several arrests were made.",
        "Police made at least five arrests.",
        "Police dispersed the marchers and detained 11 protesters.",
        "Officers came to the house and arrested the demonstrators.",
    ],
)
def test_protesters_held(text):
    assert holds_protesters(text)
    assert "protesters_held" in features_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "He was arrested in connection with a tax case.",
        "The blogger was arrested on the same day on an administrative charge.",
        "They demanded the release of four reporters who were detained last week.",
        "They protested against the arrest of the protesters of last week.",
        "The protesters detained 22 coal-laden trucks at the toll gate.",
    ],
)
def test_no_protesters_held(text):
    assert not holds_protesters(text)


@pytest.mark.parametrize(
    "sentence,sub",
    [
        # arrests in the protest's own sentence
        ("Police detained 3 residents who were taking part in a protest against the new landfill.", "Protest with intervention"),
        ("About 40 teachers protested outside the ministry; 15 of them were arrested by the police.", "Protest with intervention"),
        # the dispersal of a sit-in or a march
        ("Police dispersed the sit-in held by farmers outside the governor's office.", "Protest with intervention"),
        # the arrest protested against is the grievance
        ("Journalists protested outside the press club against the arrest of their editor and demanded his release.",
         "Peaceful protest"),
        ("Villagers staged a protest and detained 22 coal-laden trucks on the highway.", "Peaceful protest"),
    ],
)
def test_protest_sentence(sentence, sub):
    assert typed(sentence).sub_event_type == sub


@pytest.mark.parametrize(
    "text,sub,n",
    [
        ("On 3 June 2021, around 30 nurses protested outside the district hospital in Kandy, demanding unpaid wages. "
         "Police dispersed the crowd and detained 6 nurses.", "Protest with intervention", 1),
        ("On 3 June 2021, around 30 nurses staged a demonstration outside the district hospital in Kandy. "
         "Several arrests were made.", "Protest with intervention", 1),
        ("On 3 June 2021, around 30 nurses protested outside the district hospital in Kandy. "
         "Three of the organisers were detained by the police.", "Protest with intervention", 1),
        # the one the protest is for was arrested: no intervention
        ("On 3 June 2021, journalists protested in Kandy against the arrest of their editor and demanded his release. "
         "He was arrested in connection with a tax case.", "Peaceful protest", 2),
    ],
)
def test_arrests_after_protest(extractor, text, sub, n):
    import datetime as dt

    from sitrep.models import Article

    res = extractor.extract(Article(id="t", text=text, published=dt.date(2021, 6, 10)))
    assert res.incidents[0].sub_event_type == sub
    assert len(res.incidents) == n
