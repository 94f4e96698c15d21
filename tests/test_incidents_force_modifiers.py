"""A force word modifying its people or vehicles, and positions named as things, in role reading.

Sentences written for these tests; no gazetteer (places empty), so generic names carry no country.
"""

from __future__ import annotations

import pytest

from assembly import all_actors, assembled
from warwatch.model import ActorRole

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("no_gazetteer")]


def perpetrators(nlp, text: str) -> list[str]:
    return [a.surface for a in all_actors(assembled(nlp, text)) if a.role == ActorRole.PERPETRATOR]


def test_force_word_of_an_ambushed_convoy_is_no_perpetrator(nlp) -> None:
    assert "military" not in perpetrators(nlp, "A military convoy was ambushed on Tuesday.")


def test_force_word_of_attacking_people_stays_the_doer(nlp) -> None:
    found = perpetrators(nlp, "Army units shelled the village on Tuesday.")
    assert any("Army" in s for s in found)


def test_owner_of_attacked_positions_is_no_perpetrator(nlp) -> None:
    text = "There have been twelve attacks on Chadian positions this month."
    assert "Chadian" not in perpetrators(nlp, text)


def test_who_a_death_befell_is_no_perpetrator(nlp) -> None:
    text = (
        "Calm is returning following the death of one officer and six soldiers on Monday "
        "as a result of guerrilla attacks in five towns."
    )
    found = perpetrators(nlp, text)
    assert "soldiers" not in found and "guerrilla" in found


def targets(nlp, text: str) -> list[str]:
    return [a.surface for a in all_actors(assembled(nlp, text)) if a.role == ActorRole.TARGET]


def test_the_object_of_using_is_the_means_not_the_target(nlp) -> None:
    found = targets(
        nlp, "Using a stolen vehicle, the attackers hurled two grenades at the offices."
    )
    assert not any("vehicle" in t for t in found)
    assert any(t.endswith("offices") for t in found)


def test_a_clock_time_is_no_target(nlp) -> None:
    found = targets(nlp, "At exactly 1100 GMT yesterday, rebels destroyed a bridge with a rocket.")
    assert not any("GMT" in t for t in found)


def test_the_body_a_speaker_speaks_for_is_a_source(nlp) -> None:
    text = "I am speaking on behalf of the Honduran armed forces, who repelled an attack today."
    assert not any("armed forces" in s for s in perpetrators(nlp, text))


def test_it_hit_by_violence_is_the_thing_named_before(nlp) -> None:
    text = (
        "Oil will not flow through the northern pipeline until May, because it was blown up today."
    )
    assert any(t.endswith("pipeline") for t in targets(nlp, text))
    text = "The mayor met the teachers on Monday. It was bombed at night."
    assert not any(t.endswith("teachers") for t in targets(nlp, text))


def test_what_a_body_is_made_of_and_whom_arms_were_taken_from_are_no_doers(nlp) -> None:
    text = "Death squads, which are composed of soldiers and policemen, attacked the village."
    found = perpetrators(nlp, text)
    assert "Death squads" in found and "soldiers" not in found and "policemen" not in found
    found = perpetrators(
        nlp, "Rifles stolen from soldiers were used when gunmen attacked the village."
    )
    assert "gunmen" in found and "soldiers" not in found


def test_the_dead_and_the_sought_are_no_doers(nlp) -> None:
    text = "Four guerrillas of an unknown group died today in a skirmish with army troops."
    assert not any("guerrillas" in s for s in perpetrators(nlp, text))
    text = "A patrol combing the hills in search of rebels was ambushed on Sunday."
    assert "rebels" not in perpetrators(nlp, text)


def test_wounded_people_are_no_doers_by_position(nlp) -> None:
    text = "The rifles were left behind by wounded rebels, after troops attacked the camp."
    found = perpetrators(nlp, text)
    assert "rebels" not in found


def test_an_arrest_told_with_an_attack_names_no_doer_or_victim_of_it(nlp) -> None:
    text = "Police arrested Pedro Gomez, who took part in the attack in which gunmen killed two farmers."
    report = assembled(nlp, text)
    attack = report.incidents[0]
    assert attack.sub_event_type.value != "Arrests"
    roles = {(a.role, a.surface) for a in attack.actors}
    assert (ActorRole.PERPETRATOR, "Police") not in roles
    assert (ActorRole.VICTIM, "Pedro Gomez") not in roles
    assert (ActorRole.PERPETRATOR, "gunmen") in roles


def test_what_an_attack_was_aimed_at_is_its_target(nlp) -> None:
    text = "The bomb that exploded at the station was aimed at the police, the rebels said."
    assert "police" in targets(nlp, text)
