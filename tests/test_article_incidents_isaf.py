"""One ISAF press release, one incident (issue 11): the earlier attack a targeted leader is linked
to is his record, not a part of the operation nor an incident of its own, and the operation's
telling goes on after it; a lead that lists places ("In Almar and Qaisar districts, Faryab
province") where no incident of their own is told sums up nothing and is read as the release's
event.

The case texts are sentences of ISAF press releases (ISAF Joint Command news releases, as
collected in the ISAF gold set; CC BY-SA), unchanged."""
import datetime as dt

import pytest

from sitrep.extract.casualties import find_figures
from sitrep.extract.dates import best, find_dates
from sitrep.extract.events import find_triggers
from sitrep.extract.mentions import Mention
from sitrep.models import Article
from sitrep.reconcile.incidents import Draft, tells_record

PUB = dt.date(2010, 7, 15)

# ISAF Joint Command news release 2010-07-CA-092 (CC BY-SA)
LEAD = ("KABUL, Afghanistan (July 15) - An Afghan-international security force conducted a precision strike "
        "on a Taliban commander directly connected to the July 2 attack near the Ariana hotel in Kunduz "
        "province today.")
RECORD = ("He openly claimed responsibility for the July 2 vehicle-borne IED attack on a USAID station near "
          "the Ariana hotel in Kunduz which killed two civilians and wounded seven more.")


def _mention(text, published=PUB, sentence=0):
    date = best(find_dates(text, published, None))
    return Mention(sentence, 0, len(text), text, find_triggers(text), find_figures(text), None, [], date, False, None,
                   False)


def _operation():
    first = _mention(LEAD)
    return Draft("violent", [first, _mention("Several other insurgents were killed in the strike also.", sentence=1)])


def test_dated_deed_is_the_record_of_the_one_targeted():
    assert tells_record(_operation(), _mention(RECORD, sentence=2))


@pytest.mark.parametrize(
    "sentence",
    [
        # the operation's own toll, told on: no earlier date, no deed
        "The Kunduz police chief reports the commander was killed in the strike, but Afghan and coalition forces "
        "are still gathering information in order to completely confirm the report.",
        # a responsibility claimed for the attack being told (no calendar date days before it)
        "The Taliban claimed responsibility for the attack, which killed two civilians and wounded seven more.",
        # a dated attack with a toll that is no one's deed: another event, not a record
        "On July 2 a vehicle-borne IED attack on a USAID station near the Ariana hotel in Kunduz killed two "
        "civilians.",
    ],
)
def test_not_a_record(sentence):
    assert not tells_record(_operation(), _mention(sentence, sentence=2))


def test_no_record_before_any_incident():
    assert not tells_record(None, _mention(RECORD))


def test_background_figures_are_a_record():
    # ISAF Joint Command news release 2012-08-S-040 (CC BY-SA): the figure extraction reads as background
    lead = _mention("Afghan and coalition forces confirmed today that one of the insurgents killed in a precision "
                    "airstrike in Watahpur district, Kunar province, Friday was the al-Qaeda associated Taliban "
                    "leader Yasir.", dt.date(2012, 8, 20))
    m = _mention("Yasir organized and conducted attacks against Afghan and coalition forces and was involved in the "
                 "Aug. 8 suicide attack in Asadabad district, which killed three U.S. soldiers and a U.S. civilian.",
                 dt.date(2012, 8, 20), 1)
    assert m.figures and all(f.qualifier == "background" for f in m.figures)
    assert tells_record(Draft("violent", [lead]), m)


def _deadly(x):
    return [i for i in x.incidents if (i.fatalities.best or 0) > 0 or any(c.kind == "killed" for c in i.claims)]


def test_release_after_a_record_stays_one_incident(extractor):
    # ISAF Joint Command news release 2012-08-S-040 (CC BY-SA): "Several other insurgents were also
    # killed in the operation" tells the airstrike on, not the suicide attack Yasir was involved in
    text = ("KABUL, Afghanistan (Aug. 20, 2012)\n"
            "Afghan and coalition forces confirmed today that one of the insurgents killed in a precision airstrike "
            "in Watahpur district, Kunar province, Friday was the al-Qaeda associated Taliban leader Yasir.  Yasir "
            "organized and conducted attacks against Afghan and coalition forces and was involved in the Aug. 8 "
            "suicide attack in Asadabad district, which killed three U.S. soldiers and a U.S. civilian.  Several "
            "other insurgents were also killed in the operation.")
    x = extractor.extract(Article("isaf-t1", text, dt.date(2012, 8, 20)))
    deadly = _deadly(x)
    assert len(deadly) == 1
    assert deadly[0].sub_event_type == "Air/drone strike"
    assert any("Several other insurgents" in e.text for e in deadly[0].evidence)


def test_claimed_earlier_attack_adds_no_toll(extractor):
    # the release as published: its number above the dated lead, so the lead keeps its date (July 15)
    text = "ISAF Joint Command - Afghanistan 2010-07-CA-092\n\n" + " ".join([
        LEAD, "Several other insurgents were killed in the strike also.",
        "The Kunduz police chief reports the commander was killed in the strike.", RECORD])
    x = extractor.extract(Article("isaf-t2", text, PUB))
    deadly = _deadly(x)
    assert len(deadly) == 1
    assert deadly[0].fatalities.best == 4
    assert not deadly[0].injuries.best


def test_listed_districts_lead_is_the_release_incident(extractor):
    # ISAF Joint Command news release 2011-08-S-037 (CC BY-SA)
    text = ("KABUL, Afghanistan (Aug. 14, 2011)\n"
            "In Almar and Qaisar districts, Faryab province a combined Afghan and coalition security force killed "
            "four insurgents during a security clearance targeting Taliban operations in the area.\n\n"
            "Throughout the early morning, the security force observed several insurgents conducting Taliban "
            "associated activities in the local area. As the force attempted to secure the area several engagements "
            "broke out, resulting in four insurgents killed.")
    x = extractor.extract(Article("isaf-t3", text, dt.date(2011, 8, 14)))
    deadly = _deadly(x)
    assert len(deadly) == 1
    assert deadly[0].fatalities.best == 4
    assert deadly[0].evidence[0].text.startswith("In Almar and Qaisar districts")
    assert not x.summaries


# ISAF Joint Command news releases 2012-08-S-037 and its follow-up 2012-08-S-040 (CC BY-SA), as one text
RELEASE_AND_UPDATE = (
    "2012-08-S-037\nFor Immediate Release\n\nKABUL, Afghanistan (Aug. 19, 2012)\n"
    "In Watahpur district, Kunar province, an Afghan and coalition security force conducted an operation "
    "yesterday. During the operation, the security force identified several insurgents. After ensuring no "
    "civilians were in the area, the security force engaged the insurgents with a precision airstrike, killing "
    "many of them. A post-strike assessment determined the airstrike had not harmed any civilians or damaged any "
    "civilian property.\n\n"
    "2012-08-S-040\nFor Immediate Release\n\nKABUL, Afghanistan (Aug. 20, 2012)\n"
    "Afghan and coalition forces confirmed today that one of the insurgents killed in a precision airstrike in "
    "Watahpur district, Kunar province, Friday was the al-Qaeda associated Taliban leader Yasir.  Yasir organized "
    "and conducted attacks against Afghan and coalition forces and was involved in the Aug. 8 suicide attack in "
    "Asadabad district, which killed three U.S. soldiers and a U.S. civilian.  Several other insurgents were also "
    "killed in the operation.")


def test_release_dates_of_a_compiled_text():
    from sitrep.reconcile.article import release_dates, reported_on

    pub = dt.date(2012, 8, 17)
    rel = release_dates(RELEASE_AND_UPDATE, pub)
    assert [d for _, d in rel] == [dt.date(2012, 8, 19), dt.date(2012, 8, 19), dt.date(2012, 8, 20)]
    update = RELEASE_AND_UPDATE.index("Several other insurgents")
    assert reported_on(rel, update, pub) == dt.date(2012, 8, 20)
    assert reported_on(rel, RELEASE_AND_UPDATE.index("killing many"), pub) == dt.date(2012, 8, 19)
    # one release (or a dateline cut off by cleaning): every figure is reported at publication
    assert release_dates(LEAD, PUB) == []
    assert reported_on([], 10, PUB) == PUB


def test_update_release_reports_the_toll(extractor):
    # "killing many of them" (Aug. 19) and, in the update (Aug. 20), one named leader and "several other
    # insurgents": the later report's one plus several others
    x = extractor.extract(Article("isaf-t4", RELEASE_AND_UPDATE, dt.date(2012, 8, 17)))
    deadly = _deadly(x)
    assert len(deadly) == 1
    assert deadly[0].fatalities.best == 4
    reported = {c.quote[:20]: c.reported for c in deadly[0].claims if c.kind == "killed"}
    assert reported["After ensuring no ci"] == dt.date(2012, 8, 19)
    assert reported["Several other insurg"] == dt.date(2012, 8, 20)
