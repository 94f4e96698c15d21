"""The warwatch_actors component: demonyms, 'forces of X', named groups."""

from __future__ import annotations

import pytest

from warwatch.nlp.actors import SPANS_KEY

pytestmark = pytest.mark.slow


def spans(nlp, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans[SPANS_KEY]]


@pytest.mark.parametrize(
    ("text", "surface", "code"),
    [
        ("Azerbaijani forces advanced overnight.", "Azerbaijani forces", "AZ"),
        ("Military forces of Armenia fired on the post.", "Military forces of Armenia", "AM"),
        ("Nigerian troops were deployed to the town.", "Nigerian troops", "NG"),
        ("Kenya's army entered the district.", "Kenya's army", "KE"),
    ],
)
def test_state_forces_from_demonyms_and_names(nlp, text: str, surface: str, code: str) -> None:
    assert (surface, "state", code) in spans(nlp, text)


def test_police_and_named_group(nlp) -> None:
    found = spans(nlp, "Ethiopian police said Al Shabaab fighters attacked the camp.")
    assert ("Ethiopian police", "police", "ET") in found
    assert any(t == "Al Shabaab" and lab == "rebel" for t, lab, _ in found)


def test_bare_demonym_is_not_a_state_actor(nlp) -> None:
    found = spans(nlp, "Armenian sources published videos.")
    assert ("Armenian", "demonym", "AM") in found


def test_pronoun_us_and_regional_american_are_no_state(nlp) -> None:
    found = spans(
        nlp, "They told us that the Central American peace process and Latin American talks failed."
    )
    assert not [s for s in found if s[2] == "US"]
    assert ("American", "demonym", "US") in spans(nlp, "An American soldier was wounded.")


def test_a_class_word_before_a_name_describes_it(nlp) -> None:
    found = spans(nlp, "The terrorist Manuel Rodriguez Patriotic Front reported on the operation.")
    assert [s[0] for s in found] == ["Manuel Rodriguez Patriotic Front"]
    assert ("terrorists", "unidentified") in [
        (s[0], s[1]) for s in spans(nlp, "The terrorists fled.")
    ]
