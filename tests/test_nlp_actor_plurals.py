"""Generic actor words in the plural or singular the dictionary lacked: "militias", "the X armed
force" (ACLED Codebook 2023, Inter codes 1 and 3/4). Sentences written for these tests."""

from __future__ import annotations

import pytest

from warwatch.nlp.actors import actor_spans

pytestmark = pytest.mark.slow


def kinds(nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {s.text.lower(): s.label_ for s in actor_spans(doc)}


def test_militias_in_the_plural_are_a_militia(nlp) -> None:
    assert kinds(nlp, "Militias loyal to the governor attacked a market.").get("militias") == (
        "militia"
    )


def test_a_named_armed_force_is_a_state_force(nlp) -> None:
    found = kinds(nlp, "The Chadian armed force attacked a rebel camp near the border.")
    assert found.get("armed force") == "state"


def test_armed_force_as_a_means_is_no_actor(nlp) -> None:
    found = kinds(nlp, "The rebels seized the town by armed force last week.")
    assert "armed force" not in found
