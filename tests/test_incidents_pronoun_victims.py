"""Pronoun victims: "attempted to kidnap him", "shot them" resolve to the named person before.

Sentences written for these tests; no gazetteer (places empty), so generic names carry no country.
"""

from __future__ import annotations

import pytest

from assembly import actors, victims
from warwatch.model import ActorRole

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("no_gazetteer")]


def test_singular_pronoun_victim_takes_the_person_named_before(nlp) -> None:
    text, found = actors(
        nlp,
        "Mayor Ricardo Alvarez left his office on Monday evening. "
        "Gunmen shot him dead outside his home.",
    )
    assert "Ricardo Alvarez" in victims(text, found)
    perps = [a.surface for a in found if a.role == ActorRole.PERPETRATOR]
    assert "Ricardo Alvarez" not in perps


def test_plural_pronoun_takes_the_coordinated_persons(nlp) -> None:
    text, found = actors(
        nlp,
        "Police said Jorge Mendez and Carlos Ortega were driving to the market. "
        "Armed men stopped the car and shot them to death.",
    )
    got = victims(text, found)
    assert "Jorge Mendez" in got
    assert "Carlos Ortega" in got


def test_plural_pronoun_with_one_named_person_is_left_unresolved(nlp) -> None:
    text, found = actors(
        nlp,
        "Jorge Mendez said the villagers were afraid. Armed men shot them to death on Sunday.",
    )
    assert "Jorge Mendez" not in victims(text, found)


def test_pronoun_is_not_the_subject_of_its_own_verb(nlp) -> None:
    # "Ortega shot him": him is not Ortega (nobody else is named, so no victim name).
    text, found = actors(nlp, "Carlos Ortega shot him at the checkpoint on Sunday.")
    assert "Carlos Ortega" not in victims(text, found)


def test_person_modifying_a_noun_is_not_the_antecedent(nlp) -> None:
    # "him" is the bodyguard, who has no name; the minister named as the "of" phrase is not hit.
    text, found = actors(
        nlp,
        "One of the bodyguards of minister Ricardo Alvarez was wounded. "
        "Gunmen shot him near the ministry on Monday.",
    )
    assert "Ricardo Alvarez" not in victims(text, found)


@pytest.mark.parametrize(
    "text",
    [
        # The group comes after the event word, so its place alone does not make it the doer.
        "After the bombing of the power station, police said the hand of the Shining Path is "
        "behind it.",
        "After the bombing of the power station, police said the Shining Path is behind it.",
    ],
)
def test_who_is_behind_the_attack_is_its_perpetrator(nlp, text: str) -> None:
    _, found = actors(nlp, text)
    perps = [a.name for a in found if a.role == ActorRole.PERPETRATOR]
    assert any("Shining Path" in p for p in perps), found
