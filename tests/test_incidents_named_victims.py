"""Victims and targets: names from identification clauses, people nouns, places read as names,
words only, the scene of a killing.

Sentences written for these tests; no gazetteer (places empty), so generic names carry no country.
"""

from __future__ import annotations

import pytest

from assembly import actors, victims
from warwatch.model import ActorRole
from warwatch.text.truecase import truecase

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("no_gazetteer")]


def test_name_given_by_an_identification_clause_is_the_victim(nlp) -> None:
    text, found = actors(
        nlp,
        "Police said that the boy, who was identified as Pedro Alvarez Soto, a student at the "
        "local school, was injured by a bomb this morning.",
    )
    assert "Pedro Alvarez Soto" in victims(text, found)


def test_bystander_hit_is_a_victim_with_the_name_given(nlp) -> None:
    text, found = actors(
        nlp, "A bystander, later identified as Julio Ramos Vega, was also wounded by the gunmen."
    )
    assert "bystander" in victims(text, found)
    assert "Julio Ramos Vega" in victims(text, found)


def test_place_name_ending_in_a_settlement_noun_is_no_victim_or_target(nlp) -> None:
    text, found = actors(
        nlp, "AT DAWN TODAY, REBELS BLEW UP A POWER POLE AT LOMA VERDE CANTON, SAN PEDRO AREA."
    )
    hit = [a.surface.lower() for a in found if a.role in (ActorRole.VICTIM, ActorRole.TARGET)]
    assert "power pole" in hit
    assert not [h for h in hit if "canton" in h]


def test_verbal_attack_has_no_victim(nlp) -> None:
    text, found = actors(
        nlp, "The opposition leader verbally attacked President Ramon Ortiz in a speech."
    )
    assert "Ramon Ortiz" not in victims(text, found)


def test_name_after_a_title_stops_at_an_irregular_past_verb() -> None:
    out = truecase(
        "THE TRIAL OF JUDGE PABLO RUIZ BEGAN ON MONDAY IN THE CAPITAL CITY, POLICE SAID."
    )
    assert "Judge Pablo Ruiz began" in out or "judge Pablo Ruiz began" in out


def test_scene_of_a_killing_is_no_target(nlp) -> None:
    text, found = actors(nlp, "Gunmen killed three passengers at the central bus terminal.")
    targets = [a.surface for a in found if a.role == ActorRole.TARGET]
    assert not [t for t in targets if "terminal" in t]


def test_building_attacked_is_still_a_target(nlp) -> None:
    text, found = actors(nlp, "Gunmen attacked the central bus terminal and killed three people.")
    targets = [a.surface for a in found if a.role == ActorRole.TARGET]
    assert [t for t in targets if "terminal" in t]


def test_copula_naming_the_wounded_gives_victims(nlp) -> None:
    text, found = actors(
        nlp,
        "Gunmen attacked a bus near the town on Monday. "
        "The wounded are Luis Ortega and Marta Ruiz, who were taken to a hospital.",
    )
    assert "Luis Ortega" in victims(text, found)


def test_among_the_dead_gives_a_victim(nlp) -> None:
    text, found = actors(
        nlp,
        "Gunmen attacked a bus near the town on Monday, police said. Luis Ortega was among the dead.",
    )
    assert "Luis Ortega" in victims(text, found)


def test_a_name_modifying_its_body_noun_takes_the_body_role(nlp) -> None:
    text, found = actors(
        nlp,
        "Two farmers were shot dead on Sunday by members of the Shining Path guerrilla movement.",
    )
    perps = [a.name for a in found if a.role == ActorRole.PERPETRATOR]
    assert "Shining Path" in perps


def test_doer_of_an_act_not_let_happen_is_no_perpetrator(nlp) -> None:
    text, found = actors(
        nlp, '"We cannot let the rebels kill our children," the mayor said after the attack.'
    )
    assert not [a for a in found if a.role == ActorRole.PERPETRATOR and a.surface == "rebels"]


def test_doer_of_an_act_done_stays(nlp) -> None:
    text, found = actors(nlp, "Rebels killed two guards at the gate on Monday.")
    assert [a for a in found if a.role == ActorRole.PERPETRATOR and a.surface == "Rebels"]


def test_force_named_in_a_comparison_is_no_perpetrator(nlp) -> None:
    text, found = actors(
        nlp, "Gunmen wearing uniforms like those of the police attacked the bank on Monday."
    )
    perps = [a.surface for a in found if a.role == ActorRole.PERPETRATOR]
    assert "police" not in perps
    assert "Gunmen" in perps


def test_lone_military_adjective_of_an_operation_names_no_doer(nlp) -> None:
    text, found = actors(
        nlp, "The army has been conducting military offensives against the rebels in the north."
    )
    perps = [a.surface for a in found if a.role == ActorRole.PERPETRATOR]
    assert "army" in perps
    assert "military" not in perps
