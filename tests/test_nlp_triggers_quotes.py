"""Cue phrases a writer put partly in quotation marks are still found; sentences written here."""

from __future__ import annotations

import pytest

from assembly import first_type
from warwatch.nlp.triggers import SPANS_KEY

pytestmark = pytest.mark.slow


def labels(nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {s.text: s.label_ for s in doc.spans[SPANS_KEY]}


@pytest.mark.parametrize(
    "text", ["The army took \u201ccomplete control\u201d of the district.",
             'The army took "complete control" of the district.']
)  # fmt: skip
def test_quoted_words_inside_a_phrase(nlp, text: str) -> None:
    found = labels(nlp, text)
    assert "TAKE" in found.values()
    span = next(t for t, lab in found.items() if lab == "TAKE")
    assert span.startswith("took") and "control" in span


@pytest.mark.usefixtures("no_gazetteer")
def test_quoted_capture_is_territory(nlp) -> None:
    text = "The army took \u201ccomplete control\u201d of the district on Monday."
    assert first_type(nlp, text) == "Government regains territory"


def test_unquoted_text_unchanged(nlp) -> None:
    assert labels(nlp, "Troops clashed with rebels.") == {"clashed": "CLASH"}
