"""Within one article, one event is one incident (issue 9, item 2): headlines and datelines are
metadata, aftermath joins the attack, history makes no incident, and a place named at another
level (street, town, county, state) tells the same event on. Sentences are our own, written in the
style of local news and wire reports."""
import dataclasses
import datetime as dt

import pytest

from sitrep.clean.boilerplate import clean_article, find_headline, headline_end
from sitrep.models import Article, Place
from sitrep.extract.mentions import Mention, is_past, names_a_site
from sitrep.reconcile.incidents import contains, is_aftermath, refers_back, tells_another_event
from sitrep.extract.events import find_triggers

BODY = " A man was shot in the leg on Friday night outside a grocery store, police said. He is expected to survive."


@pytest.mark.parametrize(
    "text,title,body_start",
    [
        ("Man shot outside grocery store | Local News - Home" + BODY, "Man shot outside grocery store | Local News - Home", "A man"),
        ("Man shot  outside grocery store\n" + BODY, "Man shot outside grocery store", "A man"),  # spacing differs
        ("Officer Involved Shooting in MaplewoodMAPLEWOOD, Minn. —" + BODY, None, "MAPLEWOOD"),
        ("Man hurt in shooting | fox13now.comFAYETTEVILLE, N.C. –" + BODY, None, "FAYETTEVILLE"),
        ("Woman shot on east sideDETROIT (WJBK) -" + BODY, None, "DETROIT"),
    ],
)
def test_headline_found(text, title, body_start):
    assert text[find_headline(text, title):].lstrip().startswith(body_start)


@pytest.mark.parametrize(
    "text,title",
    [
        ("Syrian U.S.-backed forces attacked the town of Manbij on Monday, killing five people.", None),
        ("A car bomb exploded in Idlib on Friday, killing 12.", "Car bomb kills 12 in Idlib"),  # title not in the text
        ("The attack was carried out by ISIS-K fighters on Sunday, officials said in Kabul.", None),
    ],
)
def test_no_headline(text, title):
    assert find_headline(text, title) == 0


def test_headline_is_its_own_line_and_the_dateline_metadata():
    title = "Man injured in York City shooting | WPMT FOX43"
    a = clean_article(Article("x", title + "YORK CITY, Pa.–A man was hospitalized following a shooting in York City on Sunday night.",
                              None, title))
    assert a.text == title + "\n\nA man was hospitalized following a shooting in York City on Sunday night."
    assert a.dateline == "YORK CITY, Pa."
    assert headline_end(a) == len(title)


def test_run_in_headline_becomes_the_title():
    a = clean_article(Article("x", "Officer Involved Shooting in MaplewoodMAPLEWOOD, Minn. —" + BODY))
    assert a.title == "Officer Involved Shooting in Maplewood" and a.dateline == "MAPLEWOOD, Minn."


def _place(text, name=None, admin1=None, cc="US", prec=1, lat=None, lon=None, start=None, admin2=None):
    # keywords, so that a field added to Place never shifts the others
    return Place(text, start=start, end=None if start is None else start + len(text), name=name or text, geonameid=1,
                 latitude=lat, longitude=lon, admin1=admin1, country_code=cc, precision=prec, admin2=admin2)


@pytest.mark.parametrize(
    "sentence,name,expected",
    [
        ("The shooting happened around 4:30 p.m. on the 700 block of East Madison Street.", "Madison", True),
        ("He was taken to Mount Sinai Hospital, where he died.", "Mount Sinai", True),
        ("It happened at Marvin's Barber Shop on Savage Road.", "Marvin", True),
        ("Police were called to a double shooting near 48th and Hampton.", "Hampton", True),
        ("The man was found in the 1500 block of Olney around 7 a.m.", "Olney", True),
        ("A 20-year-old man was shot while walking in Ceres, police said.", "Ceres", False),
        ("Gunmen opened fire on a checkpoint in Homs on Sunday.", "Homs", False),
    ],
)
def test_names_a_site(sentence, name, expected):
    start = sentence.index(name)
    assert names_a_site(sentence, _place(name, start=start)) is expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Earlier in Homs, 57 people were killed in a double car bombing.", True),
        ("In a separate incident, a man was shot in the arm on Elm Street.", True),
        ("Another man was wounded in a shooting across town an hour later.", True),
        ("The shooting happened shortly after 9 p.m., police said.", False),
    ],
)
def test_tells_another_event(sentence, expected):
    assert tells_another_event(sentence) is expected


def _mention(text, place=None, figures=()):
    return Mention(0, 0, len(text), text, find_triggers(text), list(figures), place, [place] if place else [], None, False, None, False)


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Police arrested the suspect at a nearby bus stop.", True),
        ("A 17-year-old was taken into custody Friday night after detectives served a warrant.", True),
        ("Police recovered a handgun at the scene, and the weapons were seized.", True),
        ("Police arrested 40 protesters outside parliament.", False),  # an event of its own
        ("Security forces detained three opposition activists in the capital.", False),
    ],
)
def test_aftermath(sentence, expected):
    assert is_aftermath(_mention(sentence)) is expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("The shooting happened around 10 p.m. at an apartment complex.", True),
        ("Police said the fatal shooting was captured on video.", True),
        ("A 17-year-old was arrested Friday night in connection with the murder.", True),
        ("A gunman opened fire on a crowd outside a bar.", False),
    ],
)
def test_refers_back(sentence, expected):
    assert refers_back(_mention(sentence)) is expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("In 1996, I covered the murder of an actor in Los Angeles.", True),
        ("Carlos was shot and killed just after Thanksgiving 1995.", True),
        ("In 2003, he was arrested and charged with animal cruelty.", True),
        ("Utah police officer Barney was killed Sunday, Jan. 17, 2016.", False),
        ("The man was shot on Dec. 30, 2015, police said.", False),  # last year, days ago
    ],
)
def test_is_past(sentence, expected):
    assert is_past(sentence, dt.date(2016, 1, 20)) is expected


@pytest.mark.parametrize(
    "outer,inner,expected",
    [
        (_place("Utah", admin1="Utah", prec=4), _place("Holladay", admin1="Utah"), True),
        (_place("Salt Lake County", admin1="Utah", prec=3, lat=40.67, lon=-111.92),
         _place("Holladay", admin1="Utah", lat=40.67, lon=-111.82), True),
        # a large county whose point lies far from its town: the town's own entry names the county
        (_place("Pima County", admin1="Arizona", prec=3, lat=32.12, lon=-111.79, admin2="Pima County"),
         _place("Tucson", admin1="Arizona", lat=32.22, lon=-110.93, admin2="Pima County"), True),
        (_place("Pinal County", admin1="Arizona", prec=3, lat=32.90, lon=-111.34, admin2="Pinal County"),
         _place("Ajo", admin1="Arizona", lat=32.37, lon=-112.86, admin2="Pima County"), False),
        (_place("United States", prec=6), _place("Ceres", admin1="California"), True),
        (_place("Pennsylvania", admin1="Pennsylvania", prec=4), _place("Madison", admin1="Wisconsin"), False),
        (_place("Homs", admin1="Homs", cc="SY"), _place("Damascus", admin1="Dimashq", cc="SY"), False),
    ],
)
def test_contains(outer, inner, expected):
    assert contains(outer, inner) is expected


ONE_EVENT = [
    # headline run into the body, street names, a hospital, the arrest that follows
    ("Man critical after shooting in Kensington | 6abc.com",
     "Man critical after shooting in Kensington | 6abc.comOne person is critically injured following a shooting in "
     "Philadelphia's Kensington section. The shooting happened around 4:30 p.m. Friday on the 700 block of East "
     "Madison Street. A 25-year-old man was shot once in the back. Medics took the victim to Temple University Hospital, "
     "where he was listed in critical condition. Police arrested a suspect two blocks away. No arrests have been made "
     "in a second case, police said.", dt.date(2016, 1, 2)),
    # the town, then the county, then the state
    ("Deputy shot during traffic stop",
     "Deputy shot during traffic stopHOLLADAY, Utah — A sheriff's deputy was shot in the arm during a traffic stop "
     "in Holladay on Sunday night. The Salt Lake County Sheriff's Office said the deputy was taken to a hospital and "
     "is in stable condition. The suspect was arrested after a short chase. It was the second time a Utah officer "
     "was shot in the line of duty since 2012, when a trooper was wounded on Interstate 15.", dt.date(2016, 1, 18)),
    # the arrest told first, the attack it follows told after (and "no one else was arrested")
    ("Arrest made in weekend shooting",
     "Arrest made in weekend shooting | The Augusta ChronicleAUGUSTA, Ga. — Police arrested a 28-year-old man on "
     "Monday in connection with a weekend shooting. Police responded to Willhaven Drive on Saturday and discovered a "
     "15-year-old with a gunshot wound to his left leg. No one else has been arrested.", dt.date(2016, 1, 18)),
]


@pytest.mark.parametrize("title,text,published", ONE_EVENT)
def test_one_event_is_one_incident(extractor, title, text, published):
    x = extractor.extract(Article("t", text, published, title))
    assert len(x.incidents) == 1, [(i.sub_event_type, i.location and i.location.name) for i in x.incidents]
    assert x.incidents[0].event_type == "Violence against civilians"


def test_summary_covers_only_incidents_that_exist(extractor, seed_extraction, monkeypatch):
    """Regression: summaries were mapped to incidents by zipping drafts with incidents, which
    misaligns once a draft makes no incident."""
    from sitrep.reconcile import article

    real = article._incident
    calls = {"n": 0}

    def first_draft_makes_none(*args, **kwargs):
        calls["n"] += 1
        return None if calls["n"] == 1 else real(*args, **kwargs)

    monkeypatch.setattr(article, "_incident", first_draft_makes_none)
    x = extractor.extract(dataclasses.replace(seed_extraction.article, id="seed-gap"))
    ids = {i.id for i in x.incidents}
    assert all(c in ids for s in x.summaries for c in s.covers)


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("The attack came in retaliation to a rocket fired from Gaza into Israel earlier.", True),
        ("Earlier in Homs, 57 people were killed in a double car bombing.", False),  # its own toll: its own incident
        ("The shooting happened shortly after 9 p.m., police said.", False),
    ],
)
def test_is_aside(sentence, expected):
    from sitrep.extract.casualties import find_figures
    from sitrep.reconcile.incidents import is_aside

    assert is_aside(_mention(sentence, figures=find_figures(sentence))) is expected


def test_protest_told_on_is_one_protest():
    from sitrep.reconcile.incidents import segment

    ms = [_mention("Hundreds of workers protested in front of the factory to demand their salaries."),
          _mention("The police intervened and dispersed the protesters with tear gas.")]
    drafts, _ = segment(ms, " ".join(m.text for m in ms))
    assert len(drafts) == 1
