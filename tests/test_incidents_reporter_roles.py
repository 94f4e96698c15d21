"""A reporter telling of its own deed is the doer; a quantity of a group takes the group's role
(issue 4, ACLED actor1). Sentences written for these tests; no gazetteer."""

from __future__ import annotations

import pytest

from assembly import all_actors, assembled
from warwatch.model import Actor, ActorRole

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("no_gazetteer")]


def actors(nlp, text: str) -> list[Actor]:
    return all_actors(assembled(nlp, text))


def names(found: list[Actor], role: ActorRole) -> list[str]:
    return [a.name for a in found if a.role == role]


def test_reporter_with_self_pronoun_in_reported_clause_is_the_doer(nlp) -> None:
    found = actors(nlp, "Al Shabaab said it attacked a military base near the town on Monday.")
    assert "Al Shabaab" in names(found, ActorRole.PERPETRATOR)


def test_reporter_of_an_attack_on_itself_stays_a_source(nlp) -> None:
    found = actors(nlp, "Al Shabaab said they were attacked by gunmen near the town on Monday.")
    assert "Al Shabaab" not in names(found, ActorRole.PERPETRATOR)


def test_quantity_of_soldiers_killed_is_hit_not_the_doer(nlp) -> None:
    found = actors(
        nlp, "A number of Kenyan soldiers were killed following an al Shabaab ambush on Monday."
    )
    perps = names(found, ActorRole.PERPETRATOR)
    assert perps and perps[0] == "Al Shabaab"
    assert not any(p.startswith("Military Forces of Kenya") for p in perps)


def test_a_class_word_belonging_to_a_named_actor_is_that_actor(nlp) -> None:
    found = actors(
        nlp, "Fighters belonging to Al Shabaab attacked a military base near the town on Monday."
    )
    perps = names(found, ActorRole.PERPETRATOR)
    assert perps and perps[0] == "Al Shabaab"
    assert not any(p.startswith("Rebel Group") for p in perps)


def test_they_as_subject_carries_the_doer_of_the_sentence_before(nlp) -> None:
    found = actors(
        nlp,
        "FDLR rebels left their camp near the town on Monday. "
        "They also captured arms and released six hostages.",
    )
    assert any(n.startswith("FDLR") for n in names(found, ActorRole.PERPETRATOR))


def test_they_does_not_carry_a_subject_that_was_acted_on(nlp) -> None:
    found = actors(
        nlp,
        "FDLR rebels were expelled from their camp near the town on Monday. "
        "They also captured arms and released six hostages.",
    )
    assert not any(n.startswith("FDLR") for n in names(found, ActorRole.PERPETRATOR))


def test_a_force_written_with_two_force_nouns_is_the_passive_agent(nlp) -> None:
    found = actors(nlp, "A civilian was wounded by Azerbaijani military forces near the border.")
    assert "Military Forces of Azerbaijan" in names(found, ActorRole.PERPETRATOR)


def test_police_forces_of_a_country_written_out_are_police(nlp) -> None:
    found = actors(nlp, "Police Forces of Armenia beat up a civilian in the town on Monday.")
    perps = names(found, ActorRole.PERPETRATOR)
    assert perps and perps[0] == "Police Forces of Armenia"
