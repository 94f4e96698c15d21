"""The warwatch_triggers component: cue classes, longest match wins."""

from __future__ import annotations

import pytest

from warwatch.nlp.triggers import SPANS_KEY

pytestmark = pytest.mark.slow


def cues(nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {s.text.lower(): s.label_ for s in doc.spans[SPANS_KEY]}


def test_longest_match_wins(nlp) -> None:
    found = cues(nlp, "A suicide bomber struck a checkpoint; police fired tear gas.")
    assert found["suicide bomber"] == "SUICIDE"
    assert found["tear gas"] == "INTERVENE"


def test_upper_case_text(nlp) -> None:
    assert "CLASH" in cues(nlp, "TROOPS CLASHED WITH GUERRILLAS NEAR THE BORDER.").values()


def test_according_is_not_an_agreement(nlp) -> None:
    assert "AGREE" not in cues(nlp, "Rockets hit the city, according to officials.").values()
