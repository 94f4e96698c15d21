"""Weapons named in an inventory or a training are no instrument of the violence beside them.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from warwatch.kb.weapons import find_weapons


def _used(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [doc.text[w.start : w.end] for w in find_weapons(doc[:], held_too=False)]


@pytest.mark.parametrize(
    "text",
    [
        "The equipment included assault rifles, flak jackets and various types of grenades.",
        "THE SHIPMENT INCLUDED MORTARS AND RIFLES BOUGHT ABROAD LAST YEAR.",
        "The soldiers were trained in the use of grenade launchers and mortars.",
    ],
)
def test_inventory_and_training_weapons_are_no_instrument(nlp, text: str) -> None:
    assert _used(nlp, text) == []
    doc = nlp(text)
    assert find_weapons(doc[:])  # still mentions, with held weapons counted


@pytest.mark.parametrize(
    "text",
    ["The car bomb contained 60 kg of dynamite.", "Rebels attacked the post with rifles."],
)
def test_weapons_used_stay(nlp, text: str) -> None:
    assert _used(nlp, text)
