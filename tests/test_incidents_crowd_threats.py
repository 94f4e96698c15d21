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


# An ambush is a battle when troops are its target, an Attack when civilians are (ACLED Codebook
# 2023, "Attack"), also when they are named as what a vehicle carried or as the object of the verb
# the ambush shares it with.
@pytest.mark.parametrize(
    "text",
    [
        "Bandits ambushed traders near the village and killed four of them.",
        "Gunmen ambushed a bus carrying pilgrims on the road to the shrine.",
        "Militiamen ambushed and killed two shepherds on their way to the pastures.",
    ],
)
def test_ambush_of_civilians_is_an_attack(nlp, text: str) -> None:
    assert first_type(nlp, text) == "Attack"


@pytest.mark.parametrize(
    "text",
    [
        "Rebels ambushed an army convoy near the border, killing three soldiers.",
        "Rebels ambushed a convoy carrying troops near the border.",
    ],
)
def test_ambush_of_troops_is_a_battle(nlp, text: str) -> None:
    assert first_type(nlp, text) == "Armed clash"


def test_attack_foiled_by_fighting_is_the_fight(nlp) -> None:
    # ACLED's Disrupted weapons use is an explosion prevented or arms seized (Codebook 2023).
    assert first_type(nlp, "Soldiers foiled an attack on their base, killing five militants.") == (
        "Armed clash"
    )
    assert first_type(nlp, "Soldiers foiled an attack on their base on Monday.") == (
        "Disrupted weapons use"
    )
