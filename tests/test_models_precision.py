"""Date precision is one typed value (UCDP date_prec) with explicit conversions to each codebook's scale.

Regression: the UCDP export read the stored UCDP value as if it were ACLED's 1-3 (a month-precise
date came out as 5, a year) and the review API accepted only 1-3.
"""
from __future__ import annotations

import datetime as dt

import pytest

from sitrep.export.acled import acled_row
from sitrep.export.ucdp import ucdp_row
from sitrep.models import DatePrecision, Incident
from sitrep.store import codec
from serve_fixtures import TOKEN, client, store  # noqa: F401 - fixtures

# UCDP date_prec -> ACLED time_precision: ACLED's coarsest step (3, the month) holds everything coarser
UCDP_TO_ACLED = [(1, 1), (2, 2), (3, 2), (4, 3), (5, 3)]


@pytest.mark.parametrize("ucdp, acled", UCDP_TO_ACLED)
def test_every_ucdp_value_converts_to_acled(ucdp, acled):
    p = DatePrecision.of(ucdp)
    assert p.to_ucdp() == ucdp and p.to_acled() == acled


@pytest.mark.parametrize("acled, ucdp", [(1, DatePrecision.DAY), (2, DatePrecision.WEEK), (3, DatePrecision.MONTH)])
def test_every_acled_value_converts_to_ucdp(acled, ucdp):
    assert DatePrecision.from_acled(acled) is ucdp
    assert ucdp.to_acled() == acled  # round trip on ACLED's scale


@pytest.mark.parametrize("bad", [0, 6, -1, True, False, 2.0, "1", [1], {"v": 1}])
def test_values_off_the_scale_are_refused(bad):
    with pytest.raises(ValueError):
        DatePrecision.of(bad)


@pytest.mark.parametrize("bad", [0, 4, 5, None, "2"])
def test_acled_values_off_its_scale_are_refused(bad):
    with pytest.raises(ValueError):
        DatePrecision.from_acled(bad)


@pytest.mark.parametrize("ucdp, acled", UCDP_TO_ACLED)
def test_exports_write_each_codebook_scale(ucdp, acled):
    inc = Incident(id="i1", event_type="Battles", sub_event_type="Armed clash", event_date=dt.date(2016, 2, 21),
                   date_precision=ucdp)
    assert isinstance(inc.date_precision, DatePrecision)
    assert ucdp_row(inc)["date_prec"] == ucdp
    assert acled_row(inc)["time_precision"] == acled


def test_a_stored_precision_reads_back_typed_and_writes_back_as_a_number():
    inc = Incident(id="i1", event_type="Battles", sub_event_type="Armed clash", date_precision=4)
    data = inc.to_dict()
    assert data["date_precision"] == 4 and type(data["date_precision"]) is int
    assert codec.incident(data).date_precision is DatePrecision.MONTH


def test_an_incident_refuses_a_precision_off_the_scale():
    with pytest.raises(ValueError):
        Incident(id="i1", event_type="Battles", sub_event_type="Armed clash", date_precision=9)


AUTH = {"Authorization": f"Bearer {TOKEN}", "X-Sitrep-User": "ana"}


@pytest.mark.parametrize("value, status", [(1, 200), (4, 200), (5, 200), (0, 400), (6, 400), (True, 400), ("3", 400)])
def test_the_review_api_takes_ucdp_date_prec(client, value, status):
    r = client.post("/api/incidents/inc-homs/corrections", headers=AUTH, json={"field": "date_precision", "value": value})
    assert r.status_code == status, r.text
    if status == 200:
        assert r.json()["incident"]["date_precision"] == value
