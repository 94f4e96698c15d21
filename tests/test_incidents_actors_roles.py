"""Actor roles from words of violence: targets, victims, responsibility, communal militias.

Sentences written for these tests; no gazetteer (places empty), so generic names carry no country.
"""

from __future__ import annotations

import pytest

from assembly import all_actors, assembled
from warwatch.model import Actor, ActorRole

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("no_gazetteer")]


def actors(nlp, text: str) -> list[Actor]:
    return all_actors(assembled(nlp, text))


def with_role(found: list[Actor], role: ActorRole) -> list[str]:
    return [a.surface for a in found if a.role == role]


def test_building_hit_by_a_bomb_is_the_target_with_its_of_phrase(nlp) -> None:
    found = actors(nlp, "Rebels bombed the headquarters of the electoral council on Tuesday.")
    targets = with_role(found, ActorRole.TARGET)
    assert any(t.startswith("headquarters of the electoral council") for t in targets)
    assert "Tuesday" not in " ".join(targets)


def test_named_person_and_described_people_killed_are_victims(nlp) -> None:
    found = actors(nlp, "Gunmen shot dead Maria Lopez and two farmers near the market.")
    victims = {a.surface: a.name for a in found if a.role == ActorRole.VICTIM}
    assert victims.get("Maria Lopez") == "Maria Lopez"
    assert "Civilians" in victims.values()
    assert "Gunmen" in with_role(found, ActorRole.PERPETRATOR)


def test_passive_agent_of_another_violent_verb_is_the_perpetrator(nlp) -> None:
    text = "Two traders were killed in Kano after their car was fired on by masked attackers."
    found = actors(nlp, text)
    assert "attackers" in " ".join(with_role(found, ActorRole.PERPETRATOR))


def test_claiming_responsibility_makes_the_doer_not_a_source(nlp) -> None:
    found = actors(nlp, "The Taliban claimed responsibility for the bombing of the bridge.")
    perps = [a.name for a in found if a.role == ActorRole.PERPETRATOR]
    assert "Taliban" in perps


def test_attack_attributed_to_a_group_names_it_as_doer(nlp) -> None:
    found = actors(nlp, "The ambush on the convoy was attributed to Boko Haram.")
    assert "Boko Haram" in [a.name for a in found if a.role == ActorRole.PERPETRATOR]


def test_a_reporting_subject_is_still_no_actor(nlp) -> None:
    found = actors(nlp, "Hamas said Israeli aircraft struck a school in the night.")
    assert "Hamas" not in [a.name for a in found]


def test_people_name_and_armed_noun_make_a_communal_militia(nlp) -> None:
    found = actors(nlp, "On Sunday, Tiv youths attacked the village and burned twelve houses.")
    perps = [a.name for a in found if a.role == ActorRole.PERPETRATOR]
    assert "Tiv Ethnic Militia" in perps


def test_demonstrating_residents_are_the_crowd_not_victims(nlp) -> None:
    found = actors(nlp, "Angry residents blocked the main road, protesting against water cuts.")
    assert not with_role(found, ActorRole.VICTIM)
    assert any(a.role == ActorRole.PARTICIPANT for a in found)


def test_force_named_as_modifier_of_a_thing_is_not_the_doer(nlp) -> None:
    found = actors(nlp, "A police post was destroyed by a car bomb near the border.")
    assert not [a for a in found if a.role == ActorRole.PERPETRATOR and "Police" in a.name]


def test_force_in_reports_from_is_a_source(nlp) -> None:
    found = actors(nlp, "Reports from the local police said gunmen killed a farmer in the hills.")
    assert not [a for a in found if "Police" in a.name]
    assert "gunmen" in with_role(found, ActorRole.PERPETRATOR)


def test_victim_named_in_apposition_with_a_relative_clause(nlp) -> None:
    found = actors(
        nlp,
        "Jaramillo attended the funeral of a fellow party member, Vladimir Escobar, a municipal "
        "official who was shot and killed this week.",
    )
    assert "Vladimir Escobar" in with_role(found, ActorRole.VICTIM)


def test_of_phrase_after_the_place_of_the_murder(nlp) -> None:
    found = actors(
        nlp,
        "The authors of the crime were referring to the murder in La Paz, Bolivia, of Peruvian "
        "naval attache Juan Carlos Vega Llona.",
    )
    assert any("Vega Llona" in v for v in with_role(found, ActorRole.VICTIM))


def test_structure_inside_a_place_name_and_in_front_of(nlp) -> None:
    found = actors(nlp, "Rebels attacked the San Luis substation, 3 km north of Santa Ana.")
    assert any(t.endswith("substation") for t in with_role(found, ActorRole.TARGET))
    assert not any("Santa Ana" in t for t in with_role(found, ActorRole.TARGET))
    found = actors(
        nlp, "A bomb exploded in front of the state-owned agrarian board in the suburbs."
    )
    assert any(t.endswith("agrarian board") for t in with_role(found, ActorRole.TARGET))


def test_victims_identified_in_the_next_sentence(nlp) -> None:
    found = actors(
        nlp,
        "Last Sunday, terrorists murdered four engineers in the small town of Aquira. The French "
        "engineers were identified as Thomas Pellissier and Corine Seguin.",
    )
    victims = with_role(found, ActorRole.VICTIM)
    assert "Thomas Pellissier" in victims
    assert "Corine Seguin" in victims


def test_a_facility_named_after_a_person_is_no_person(nlp) -> None:
    found = actors(
        nlp,
        "THIS STATION HAS LEARNED THAT THREE PERSONS HAVE BEEN KILLED AT THE JOSE MARIA CORDOBA "
        "INTERNATIONAL AIRPORT, IN THE TOWN OF RIO NEGRO, ANTIOQUIA DEPARTMENT.",
    )
    assert not any("AIRPORT" in v for v in with_role(found, ActorRole.VICTIM))


def test_where_a_bomb_went_off_and_where_it_was_placed_are_targets(nlp) -> None:
    found = actors(
        nlp,
        "A car bomb exploded in Bogota today. Those wounded include three employees of the gas "
        "station where the car bomb went off.",
    )
    assert any(t.endswith("gas station") for t in with_role(found, ActorRole.TARGET))
    found = actors(nlp, "Insurgents placed a bomb in the city's administrative offices.")
    assert any(t.endswith("administrative offices") for t in with_role(found, ActorRole.TARGET))


def test_members_held_responsible_for_the_attack_are_its_doers(nlp) -> None:
    found = actors(
        nlp, "Police said that Shining Path members were responsible for the attack on the bank."
    )
    assert "Shining Path" in with_role(found, ActorRole.PERPETRATOR)
