"""Word senses behind event cues (warwatch issue 4): a "mine" that is a place of extraction is
no landmine; an overturned car with a count or determiner is riot violence; a road blocked "with
the demand to ..." is blocked with no barricade. Sentences written for these tests."""

from __future__ import annotations

import hashlib

import pytest

from warwatch import geo
from warwatch.incidents import assemble
from warwatch.incidents.triggers import cues_by_sentence
from warwatch.model import Article

pytestmark = pytest.mark.slow


def first(nlp, text: str) -> str | None:
    doc = nlp(text)
    article = Article(text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    incidents = assemble(doc, article, geo.geoparse(doc)).incidents
    return incidents[0].sub_event_type if incidents else None


def labels(nlp, text: str) -> set[str]:
    return {c.label for cs in cues_by_sentence(nlp(text), None).values() for c in cs}


@pytest.mark.parametrize(
    "text",
    [
        "Former miners held a protest demanding the reopening of the gold mine.",
        "Villagers blocked the road to the mine on Monday.",
        "Employees of the mine gathered outside the regional office.",
    ],
)
def test_extraction_mine_is_no_landmine(nlp, text: str) -> None:
    assert "IED" not in labels(nlp, text)


def test_landmine_still_a_landmine(nlp) -> None:
    text = "Two soldiers were killed when their vehicle hit a mine near the border on Monday."
    assert "IED" in labels(nlp, text)
    assert first(nlp, text) == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    "text",
    [
        "Demonstrators turned over one of the cars parked outside the town hall.",
        "Protesters overturned a police car outside the ministry.",
    ],
)
def test_overturned_car_is_violent(nlp, text: str) -> None:
    assert first(nlp, text) == "Violent demonstration"


def test_blocking_with_a_demand_is_peaceful(nlp) -> None:
    text = (
        "Residents of the village blocked the main highway with the demand to repair the water "
        "supply."
    )
    assert first(nlp, text) == "Peaceful protest"


def test_clash_with_heavy_weapons_is_a_battle(nlp) -> None:
    # ACLED Codebook 2023: shelling is fire at a target that cannot answer; both sides fighting
    # with heavy weapons is an armed clash.
    text = "Militiamen attacked an army position near the river. Both sides clashed with heavy weapons."
    assert first(nlp, text) == "Armed clash"


def test_retreat_forced_in_a_clash_is_no_peaceful_handover(nlp) -> None:
    # A clash verb the parser hangs as a relative clause is still the sentence's battle.
    text = (
        "Gunmen raided a village near the lake. During the attack they clashed with soldiers who "
        "forced them to retreat."
    )
    assert first(nlp, text) != "Non-violent transfer of territory"


def test_fighter_aircraft_by_maker_strike(nlp) -> None:
    text = "Sukhoi jets attacked a rebel training camp south of the town on Tuesday."
    assert first(nlp, text) == "Air/drone strike"


def test_past_perfect_relative_clause_is_no_event(nlp) -> None:
    text = (
        "Police arrested twelve members of a militia which had been involved in rapes and "
        "killings in the province."
    )
    assert "SEXVIOL" not in labels(nlp, text)
    assert first(nlp, text) == "Arrests"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Troops fired with small arms, machine guns and mortars on the positions of the "
            "rebels near the river.",
            "Armed clash",
        ),
        (
            # Heavy guns are no small arms: mortars with anti-aircraft guns stay a shelling.
            "Rebels attacked army positions near the river using anti-aircraft guns and mortars.",
            "Shelling/artillery/missile attack",
        ),
        (
            "The army shelled rebel positions near the river with mortars.",
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_heavy_weapons_listed_with_small_arms(nlp, text: str, sub: str) -> None:
    assert first(nlp, text) == sub


def test_smashed_windows_by_party_cadres_is_mob_violence(nlp) -> None:
    assert "LOOT" in labels(nlp, "Someone smashed the windows of the school overnight.")
    text = "Ruling party cadres smashed the windows of an opposition office in the town."
    assert first(nlp, text) == "Mob violence"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "Militants destroyed a telephone mast near the town using explosives.",
            "Remote explosive/landmine/IED",
        ),
        ("Police found a car packed with explosives near the town.", "Disrupted weapons use"),
    ],
)
def test_explosives_as_instrument(nlp, text: str, sub: str) -> None:
    assert first(nlp, text) == sub


def test_deaths_between_forces_and_an_armed_group_are_a_battle(nlp) -> None:
    text = (
        "Army troops carried out operations against Boko Haram near the lake, leaving nine "
        "Boko Haram fighters dead."
    )
    assert first(nlp, text) == "Armed clash"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        (
            "The army recovered the districts close to the border from the rebels on Monday.",
            "Government regains territory",
        ),
        ("Troops recovered a large cache of weapons near the river.", "Disrupted weapons use"),
        # A sum recovered is no people taken.
        ("Police said they recovered $500,000 in stolen property.", None),
    ],
)
def test_recovered(nlp, text: str, sub: str | None) -> None:
    assert first(nlp, text) == sub


def test_protest_a_victim_was_covering_is_the_setting(nlp) -> None:
    text = "A man attacked a photographer covering a protest outside the city hall on Monday."
    assert first(nlp, text) == "Attack"
    # A protest told as the event stays one.
    assert (
        first(nlp, "Hundreds of teachers held a protest outside the city hall.")
        == "Peaceful protest"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Pensioners gathered outside the bank to demand their savings. One of them threw an "
        "explosive at the manager's house.",
        "Farmers blocked the highway to protest fuel prices. A lorry that crossed the blockade "
        "was hit by a stone.",
    ],
)
def test_demonstrators_throwing_things_is_violent(nlp, text: str) -> None:
    assert first(nlp, text) == "Violent demonstration"


def test_what_an_attack_is_part_of_is_no_battle(nlp) -> None:
    from warwatch.incidents.event_type import candidates

    doc = nlp("The attack is a carry over of hostilities which began last week.")
    cues = [c for cs in cues_by_sentence(doc, None).values() for c in cs]
    assert "CLASH" in {c.label for c in cues}
    assert "Armed clash" not in {c.sub_event for c in candidates(cues, set())}
