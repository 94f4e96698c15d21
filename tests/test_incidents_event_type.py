"""Sub-event typing of single sentences written for these tests."""

from __future__ import annotations

import pytest

from assembly import first_type

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("no_gazetteer")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A suicide bomber blew himself up at a wedding party, killing twelve guests.",
            "Suicide bomb",
        ),
        (
            "Government helicopters dropped chlorine gas on the rebel-held suburb.",
            "Chemical weapon",
        ),
        ("Militants hurled a grenade at a police patrol in the market.", "Grenade"),
        ("Warplanes carried out airstrikes on the outskirts of the city.", "Air/drone strike"),
        (
            "Artillery shelling pounded residential districts for a third day.",
            "Shelling/artillery/missile attack",
        ),
        (
            "A roadside bomb exploded under a bus carrying soldiers.",
            "Remote explosive/landmine/IED",
        ),
        (
            "Gunmen abducted three aid workers from their compound.",
            "Abduction/forced disappearance",
        ),
        (
            "Students marched peacefully through the capital to demand lower fees.",
            "Peaceful protest",
        ),
        (
            "Rioters threw stones at shops and set tyres ablaze in the city centre.",
            "Violent demonstration",
        ),
        ("The two armed groups signed a ceasefire agreement on Friday.", "Agreement"),
        (
            "Government troops recaptured the town from the rebels after heavy fighting.",
            "Government regains territory",
        ),
    ],
)
def test_sub_event(nlp, text: str, expected: str) -> None:
    assert first_type(nlp, text) == expected
