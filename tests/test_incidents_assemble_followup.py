"""A toll sentence that points back at the event just told ("These included ...") is its toll,
even where it names the villages the toll fell in. Sentences written for these tests."""

from __future__ import annotations

import pytest

from assembly import geoparsed
from warwatch.model import Report

pytestmark = pytest.mark.slow


def report(nlp, text: str) -> Report:
    return geoparsed(nlp, text)


def test_a_toll_pointing_back_joins_the_event_despite_a_new_place(nlp) -> None:
    text = (
        "Soldiers clashed with rebels in Kaduna on Monday. "
        "These included two people killed in Zaria."
    )
    r = report(nlp, text)
    assert len(r.incidents) == 1
    assert r.incidents[0].sub_event_type.value == "Armed clash"
    assert r.incidents[0].fatalities.best == 2


def test_a_toll_with_a_new_place_and_no_back_reference_stays_apart(nlp) -> None:
    text = "Soldiers clashed with rebels in Kaduna on Monday. Two people were killed in Zaria."
    assert len(report(nlp, text).incidents) == 2
