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


def test_inflected_verb_with_plural_object(nlp) -> None:
    """ "throwing bottles": neither the lower-cased words nor the listed lemmas alone match."""
    assert cues(nlp, "Youths were throwing bottles at the police.")["throwing bottles"] == "VIOLENT"


@pytest.mark.parametrize(
    ("text", "phrase", "label"),
    [
        ("Police used a water cannon on the crowd.", "water cannon", "INTERVENE"),
        ("Gunmen armed with rifles stopped the bus.", "rifles", "FIREARM"),
        ("A stampede at the stadium killed three.", "stampede", "MANMADE"),
    ],
)
def test_one_phrase_per_line(nlp, text: str, phrase: str, label: str) -> None:
    """Lexicon lines whose multi-word alternatives shared a line never matched these."""
    assert cues(nlp, text)[phrase] == label


@pytest.mark.parametrize(
    ("text", "phrase", "label"),
    [
        ("Unions called a general strike in the capital.", "general strike", "PROTEST"),
        ("Workers launched a three-day strike.", "day strike", "PROTEST"),
        ("Teachers staged a strike on Monday.", "staged a strike", "PROTEST"),
        ("Residents closed the nearby railway.", "closed the nearby railway", "PROTEST"),
        (
            "Residents blocked one of the main streets.",
            "blocked one of the main streets",
            "PROTEST",
        ),
    ],
)
def test_strikes_and_road_closures(nlp, text: str, phrase: str, label: str) -> None:
    assert cues(nlp, text)[phrase] == label


def test_strike_as_attack_is_no_protest(nlp) -> None:
    found = cues(nlp, "An air strike and a drone strike hit the town.")
    assert "PROTEST" not in found.values()
    assert "PROTEST" not in cues(nlp, "The army launched a strike on rebel positions.").values()
