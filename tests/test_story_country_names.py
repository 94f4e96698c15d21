"""Story-country votes: countries named as places or as qualifiers, and mission contributors.

Sentences written for these tests; places are built by hand (no gazetteer reading needed).
"""

from __future__ import annotations

import pytest

from warwatch.incidents.story_country import actor_votes, place_votes, story_votes
from warwatch.model import Place

pytestmark = pytest.mark.slow


def _place(text: str, name: str, code: str, feature: str, score: float) -> Place:
    start = text.index(name)
    return Place(name=name, start=start, end=start + len(name), country_code=code,
                 feature_code=feature, score=score)  # fmt: skip


def test_a_country_read_as_a_place_counts_as_a_name_not_a_place() -> None:
    text = "A rally took place in Martuni, far from Azerbaijan."
    votes = place_votes([_place(text, "Azerbaijan", "AZ", "PCLI", 0.95)])
    assert votes["AZ"] == pytest.approx(0.5)


def test_an_embassy_country_does_not_outvote_the_city_it_stands_in(nlp) -> None:
    text = "Members of the community held a protest in front of the US embassy in Yerevan."
    places = (_place(text, "US", "US", "PCLI", 0.98), _place(text, "Yerevan", "AM", "PPLC", 0.8))
    votes = story_votes(nlp(text), places)
    assert votes["AM"] > votes.get("US", 0.0)


def test_a_force_named_to_qualify_an_operation_is_not_a_force_at_home(nlp) -> None:
    qualifier = actor_votes(nlp("Hundreds marched against the Turkish military operation."))
    acting = actor_votes(nlp("Turkish troops shelled the border villages."))
    assert qualifier["TR"] < acting["TR"]


def test_a_mission_contributors_army_shares_its_vote_with_the_host(nlp) -> None:
    votes = actor_votes(nlp("Kenyan troops repelled the attack."))
    assert votes["KE"] > votes["SO"] > 0.0


def test_a_demonym_inside_another_name_does_not_vote(nlp) -> None:
    votes = actor_votes(nlp("Troops took control of the buildings known as the Chinese Offices."))
    assert votes.get("CN", 0.0) == 0.0


def test_a_demonym_of_the_state_itself_or_its_institutions_votes(nlp) -> None:
    state = actor_votes(nlp("Citizens of the Russian Federation held a rally in the city."))
    guard = actor_votes(nlp("Members of the Armenian National Guard held a rally in the city."))
    assert state.get("RU", 0.0) > 0.0
    assert guard.get("AM", 0.0) > 0.0
