"""The story's country (the "(Country)" of ACLED's generic actor names) and the armed-clash dyad.

Sentences written for these tests; the gazetteer is the prebuilt test index (conftest).
"""

from __future__ import annotations

import hashlib

import pytest

from warwatch.incidents import assemble
from warwatch.incidents.dyad import clash_sides, inter_code
from warwatch.incidents.story_country import (
    actor_votes,
    best_country,
    contradicted,
    incident_country,
    province_votes,
    provinces,
)
from warwatch.model import Actor, ActorRole, Article, EventType, Place


def test_a_bracketed_province_votes_for_its_country() -> None:
    votes = province_votes(provinces("On 3 June, in Rosario (Santa Fe), teachers gathered."))
    assert set(votes) == {"AR"}


def test_an_acronym_in_brackets_is_no_province() -> None:
    assert provinces("Supporters of the Forum for Democratic Change (FDC) marched.") == []


def test_a_province_of_several_countries_shares_its_vote() -> None:
    votes = province_votes(provinces("Teachers marched in San Juan (San Juan)."))
    assert len(votes) > 1 and sum(votes.values()) == pytest.approx(1.0)


def test_the_location_breaks_a_tie_but_does_not_outvote_the_story() -> None:
    assert (c := best_country({"AR": 1.0, "PH": 1.0}, tie_break="PH")) and c.country_code == "PH"
    chosen = incident_country({"AR": 1.0, "PH": 0.7}, "PH")
    assert chosen is not None and chosen.country_code == "AR"


@pytest.mark.slow
def test_state_forces_and_country_names_vote_but_foreign_things_count_less(nlp) -> None:
    votes = actor_votes(nlp("FARDC soldiers clashed with rebels near the Chinese embassy."))
    assert votes["CD"] > votes.get("CN", 0.0)


@pytest.mark.slow
def test_a_misread_place_does_not_name_the_protesters_against_the_story(nlp) -> None:
    text = "On 5 June, in Villa Nueva (Cordoba), Argentine teachers protested to demand a raise."
    misread = Place(name="Villa Nueva", start=16, end=27, latitude=14.5, longitude=-90.6,
                    country_code="GT", feature_code="PPL", score=0.6)  # fmt: skip
    article = Article(text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    report = assemble(nlp(text), article, (misread,))
    names = [a.name for inc in report.incidents for a in inc.actors]
    assert "Protesters (Argentina)" in names


def _actor(name: str, role: ActorRole, start: int) -> Actor:
    return Actor(name=name, role=role, start=start, end=start + 3)


def test_clash_sides_are_participants_in_inter_code_order() -> None:
    actors = (
        _actor("Al Shabaab", ActorRole.PERPETRATOR, 0),
        _actor("Military Forces of Somalia", ActorRole.TARGET, 20),
        _actor("Civilians (Somalia)", ActorRole.VICTIM, 40),
    )
    out = clash_sides(actors, EventType.BATTLES)
    assert [a.name for a in out][:2] == ["Military Forces of Somalia", "Al Shabaab"]
    assert out[0].role == ActorRole.PARTICIPANT and out[1].role == ActorRole.PERPETRATOR
    assert out[2].role == ActorRole.VICTIM  # people hit stay victims


def test_other_events_keep_their_roles_and_order() -> None:
    actors = (
        _actor("Al Shabaab", ActorRole.PERPETRATOR, 0),
        _actor("Military Forces of Somalia", ActorRole.TARGET, 20),
    )
    assert clash_sides(actors, EventType.EXPLOSIONS) == actors


def test_inter_codes_follow_acled() -> None:
    assert inter_code("Military Forces of Sudan") == 1
    assert inter_code("Police Forces of Kenya") == 1
    assert inter_code("Al Shabaab") == 2
    assert inter_code("Fulani Ethnic Militia (Nigeria)") == 4
    assert inter_code("Protesters (Argentina)") == 6


@pytest.mark.slow
def test_the_owner_of_an_attacked_base_is_a_side_of_the_battle(nlp) -> None:
    text = "Rebel fighters attacked a Kenyan forces base near the border on Monday."
    article = Article(text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    report = assemble(nlp(text), article, ())
    sides = [
        (a.name, a.role)
        for inc in report.incidents
        for a in inc.actors
        if a.role in (ActorRole.PERPETRATOR, ActorRole.PARTICIPANT)
    ]
    assert sides[0] == ("Military Forces of Kenya", ActorRole.PARTICIPANT)


@pytest.mark.slow
def test_a_country_named_as_a_modifier_does_not_outvote_the_place(nlp) -> None:
    text = "Students held a protest in front of the US embassy in Yerevan on Monday."
    start = text.index("Yerevan")
    yerevan = Place(name="Yerevan", start=start, end=start + 7, latitude=40.18, longitude=44.51,
                    country_code="AM", feature_code="PPLC", score=0.6)  # fmt: skip
    article = Article(text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
    report = assemble(nlp(text), article, (yerevan,))
    names = [a.name for inc in report.incidents for a in inc.actors]
    assert "Protesters (Armenia)" in names


def test_a_country_the_tables_cannot_name_does_not_win() -> None:
    chosen = best_country({"CG": 2.0, "CD": 0.5})  # no demonym row names the Republic of Congo
    assert chosen is not None and chosen.country_code == "CD"


def test_a_place_read_outside_the_bracketed_province_does_not_vote() -> None:
    text = "On 24 June, in Formosa (Formosa), workers gathered."
    start = text.index("Formosa")
    brazil = Place(name="Formosa", start=start, end=start + 7, country_code="BR", score=0.9)
    argentina = brazil.model_copy(update={"country_code": "AR"})
    found = provinces(text)
    assert contradicted(text, [brazil], found) == {(start, start + 7)}
    assert contradicted(text, [argentina], found) == set()
