"""Who did it, who and what was hit, in wire-copy phrasing (issue 4, MUC-4 role fillers).

Sentences written for these tests; no gazetteer (places empty), so generic names carry no country.
"""

from __future__ import annotations

import pytest

from assembly import all_actors, assembled
from warwatch.model import Actor, ActorRole

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("no_gazetteer")]


def actors(nlp, text: str) -> list[Actor]:
    return all_actors(assembled(nlp, text))


def with_role(found: list[Actor], role: ActorRole) -> dict[str, str]:
    return {a.surface: a.name for a in found if a.role == role}


def test_described_armed_people_are_an_unidentified_armed_group(nlp) -> None:
    found = actors(nlp, "Four hooded individuals broke into the house and shot the mayor.")
    perps = with_role(found, ActorRole.PERPETRATOR)
    assert perps.get("hooded individuals", "").startswith("Unidentified Armed Group")


def test_people_named_by_their_violence_are_perpetrators(nlp) -> None:
    found = actors(nlp, "Paid assassins murdered a judge in the city centre on Monday.")
    perps = with_role(found, ActorRole.PERPETRATOR)
    assert perps.get("Paid assassins", "").startswith("Unidentified Armed Group")


def test_unknown_acronym_before_fighters_is_a_named_group(nlp) -> None:
    found = actors(nlp, "FRZ guerrillas attacked a bridge near the town on Sunday.")
    perps = with_role(found, ActorRole.PERPETRATOR)
    assert perps.get("FRZ guerrillas") == "FRZ"
    assert "bridge" in with_role(found, ActorRole.TARGET)


def test_members_of_a_group_make_the_group_the_doer(nlp) -> None:
    found = actors(nlp, "The mayor was killed by commando groups of the Shining Path.")
    assert "Shining Path" in with_role(found, ActorRole.PERPETRATOR).values()


def test_what_a_bomb_exploded_outside_of_and_what_was_set_on_fire_are_targets(nlp) -> None:
    found = actors(nlp, "A bomb exploded outside the headquarters of the secret police.")
    assert any(t.startswith("headquarters") for t in with_role(found, ActorRole.TARGET))
    found = actors(nlp, "Rebels raided the village, where they set fire to the telephone office.")
    assert any("office" in t for t in with_role(found, ActorRole.TARGET))


def test_a_person_named_in_apposition_to_a_victim_is_a_victim(nlp) -> None:
    found = actors(nlp, "Gunmen kidnapped a peasant, Jose Manuel Posada, near the river.")
    assert "Jose Manuel Posada" in with_role(found, ActorRole.VICTIM)


def test_subject_of_be_is_no_doer_by_position(nlp) -> None:
    found = actors(
        nlp, "The police are in charge of the investigation into the attack on the bank."
    )
    assert not with_role(found, ActorRole.PERPETRATOR)


def test_all_caps_wire_copy_gets_the_same_roles(nlp) -> None:
    text = "FOUR MASKED INDIVIDUALS STABBED JUDGE CARLOS SOTO TO DEATH IN THE CITY OF PISCO TODAY."
    found = actors(nlp, text)
    perps = with_role(found, ActorRole.PERPETRATOR)
    assert perps.get("MASKED INDIVIDUALS", "").startswith("Unidentified Armed Group")
    assert "CARLOS SOTO" in with_role(found, ActorRole.VICTIM)  # surfaces as written


def test_a_persons_murder_makes_the_person_the_victim(nlp) -> None:
    found = actors(nlp, "Judges resigned after Carlos Valencia's murder in Bogota on Monday.")
    assert not with_role(found, ActorRole.PERPETRATOR)
    assert any(v.startswith("Carlos Valencia") for v in with_role(found, ActorRole.VICTIM))


def test_a_person_who_was_shot_is_a_victim(nlp) -> None:
    found = actors(
        nlp,
        "Gunmen attacked the town hall. Mourners buried Vladimir Escobar, a municipal official"
        " who was shot by gunmen on Monday.",
    )
    assert "Vladimir Escobar" in with_role(found, ActorRole.VICTIM)


def test_what_grenades_are_hurled_at_is_the_target(nlp) -> None:
    found = actors(nlp, "Gunmen hurled two grenades at the airline's regional offices on Monday.")
    assert any("offices" in t for t in with_role(found, ActorRole.TARGET))
