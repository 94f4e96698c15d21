"""The crowd of a demonstration is named after the incident's final sub-event type: rioters
for a violent demonstration or mob violence, protesters otherwise (ACLED Codebook 2023). Sentences
written for these tests; no gazetteer (places empty)."""

from __future__ import annotations

from datetime import date

import pytest

from assembly import assembled
from warwatch.model import EVENT_TYPE_OF, EventType

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("no_gazetteer")]


def first(nlp, text: str):
    report = assembled(nlp, text, published=date(2019, 5, 2))
    assert report.incidents
    return report.incidents[0]


def _crowd(inc) -> str:
    return next(a.name for a in inc.actors if a.role.value in ("participant", "perpetrator"))


def test_a_demonstration_that_turns_violent_has_rioters(nlp) -> None:
    inc = first(
        nlp,
        "Hundreds of farmers held a demonstration outside the town hall. "
        "Later the demonstrators threw stones at the police and smashed the windows.",
    )
    assert EVENT_TYPE_OF[inc.sub_event_type] == EventType.RIOTS
    assert _crowd(inc).startswith("Rioters")


def test_a_peaceful_demonstration_has_protesters(nlp) -> None:
    inc = first(nlp, "Hundreds of farmers held a demonstration outside the town hall.")
    assert EVENT_TYPE_OF[inc.sub_event_type] == EventType.PROTESTS
    assert _crowd(inc).startswith("Protesters")
