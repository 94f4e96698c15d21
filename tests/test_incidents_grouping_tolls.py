"""A toll-only follow-up sentence ("Two people were killed.") reports the toll of the incident just
told, not a new Attack (warwatch issue 4). Sentences written for these tests (none from a gold file).
"""

from __future__ import annotations

import pytest

from assembly import geoparsed
from warwatch.incidents.grouping import toll_only
from warwatch.incidents.triggers import cues_by_sentence
from warwatch.model import Report

pytestmark = pytest.mark.slow


def report(nlp, text: str) -> Report:
    return geoparsed(nlp, text)


@pytest.mark.parametrize(
    ("text", "sub_event", "dead"),
    [
        (
            "Government troops clashed with rebels near the border on Monday. "
            "Two people were killed.",
            "Armed clash",
            2,
        ),
        (
            "Police fired tear gas at protesters outside the ministry on Tuesday. "
            "Three people died.",
            "Protest with intervention",
            3,
        ),
        (
            "Rebels and soldiers exchanged fire near the dam on Friday. "
            "Four people were killed and six were wounded.",
            "Armed clash",
            4,
        ),
    ],
)
def test_toll_sentence_joins_previous_incident(nlp, text: str, sub_event: str, dead: int) -> None:
    r = report(nlp, text)
    assert len(r.incidents) == 1
    inc = r.incidents[0]
    assert inc.sub_event_type.value == sub_event
    assert inc.fatalities.best == dead
    assert len(inc.evidence) == 2  # both sentences are evidence of the one incident


def test_toll_sentence_with_new_actor_stays_apart(nlp) -> None:
    """ "Gunmen killed ..." names a perpetrator the clash did not: its own incident."""
    text = "Soldiers clashed with rebels near the river. Later, bandits killed three farmers."
    r = report(nlp, text)
    assert len(r.incidents) == 2


def test_toll_sentence_with_new_place_stays_apart(nlp) -> None:
    text = "Soldiers clashed with rebels in Kaduna on Monday. Two people were killed in Lagos."
    r = report(nlp, text)
    assert len(r.incidents) == 2


def test_toll_only_cues(nlp) -> None:
    doc = nlp("Two people were killed. Rebels attacked the town.")
    first, second = (cues_by_sentence(doc, None).get(s.start, []) for s in doc.sents)
    assert toll_only(first)
    assert not toll_only(second)
    assert not toll_only([])


@pytest.mark.parametrize(
    "text",
    [
        "Haftar's forces seized the town of Gharyan on Tuesday.",
        "Forces of the Government of National Accord recaptured the airport on Wednesday.",
    ],
)
def test_rival_government_forces_are_state_forces(nlp, text: str) -> None:
    """Forces of Libya's rival governments (the LNA under Haftar, the GNA) are state forces in
    actors.csv, so their gains are no "Non-state actor overtakes territory" (warwatch issue 4)."""
    inc = report(nlp, text).incidents[0]
    assert inc.sub_event_type.value == "Government regains territory"
    assert any(a.country_code == "LY" for a in inc.actors)
