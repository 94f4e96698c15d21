"""A diplomatic building or person that violence was done to is the target of an attack, not a
sign that the story is about diplomacy (which keeps only unambiguous political violence)."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.assembly import assembled

pytestmark = pytest.mark.usefixtures("no_gazetteer")


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked the embassy of Norway in the capital on Monday.",
        "A bomb attack on the consulate in the port city wounded two guards.",
    ],
)
def test_attacked_embassy_is_an_event(nlp: Language, text: str) -> None:
    report = assembled(nlp, text)
    assert report.incidents, text
    assert report.incidents[0].event_type.value in (
        "Violence against civilians",
        "Explosions/Remote violence",
        "Battles",
    )


def test_diplomatic_news_stays_no_incident(nlp: Language) -> None:
    text = "The ambassador visited the embassy after two days of talks on trade and visas."
    assert assembled(nlp, text).incidents == ()
