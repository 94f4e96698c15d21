"""A crowd menacing someone with stones, sticks or blades is violence (ACLED Codebook 2023,
Riots); a threat of a sanction, or an armed group's, is not. Sentences written for these tests."""

from __future__ import annotations

import pytest

from assembly import first_type

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("no_gazetteer")]


@pytest.mark.parametrize(
    "text",
    [
        "Angry parishioners surrounded the priest's car, threatened him with stones and "
        "demanded that he leave.",
        "Demonstrators outside the town hall threatened them with sticks.",
    ],
)
def test_threatened_with_stones_is_a_violent_demonstration(nlp, text: str) -> None:
    assert first_type(nlp, text) == "Violent demonstration"


def test_threatened_with_a_sanction_is_no_event(nlp) -> None:
    assert first_type(nlp, "The minister threatened them with dismissal on Monday.") is None
