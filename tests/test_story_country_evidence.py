"""Story-country evidence set aside or added: a demonym read again as a country, an institution's
word read as a place, a location with no other evidence, and missions voting for their host.

Sentences written for these tests; places are built by hand (no gazetteer reading needed).
"""

from __future__ import annotations

import pytest

from warwatch.incidents.story_country import (
    actor_votes,
    group_names,
    incident_country,
    name_parts,
    place_votes,
    story_votes,
)
from warwatch.model import Place

pytestmark = pytest.mark.slow


def _place(text: str, name: str, code: str, feature: str, score: float) -> Place:
    start = text.index(name)
    return Place(name=name, start=start, end=start + len(name), country_code=code,
                 feature_code=feature, score=score)  # fmt: skip


def test_a_demonym_read_with_the_name_after_it_as_a_country_counts_once(nlp) -> None:
    text = "A Zambian MONUSCO peacekeeper was wounded by unknown gunmen near Beni."
    doc = nlp(text)
    misread = _place(text, "Zambian MONUSCO", "ZM", "PCLI", 0.95)
    votes = story_votes(doc, (misread,))
    assert votes["CD"] > votes.get("ZM", 0.0)


def test_the_state_long_name_is_still_a_country_name() -> None:
    text = "Citizens of the Russian Federation rallied in the square."
    place = _place(text, "Russian Federation", "RU", "PCLI", 0.95)
    start = text.index("Russian")
    assert place_votes([place], {(start, start + len("Russian"))})["RU"] > 0


def test_a_mission_votes_for_the_country_it_serves_in(nlp) -> None:
    votes = actor_votes(nlp("MINUSCA troops patrolled the road after the attack."))
    assert votes["CF"] == pytest.approx(1.0)


def test_an_institution_word_inside_a_longer_name_is_no_place(nlp) -> None:
    text = "Lecturers at the Federal University of Technology staged a sit-in over pay."
    doc = nlp(text)
    word = _place(text, "Federal", "AR", "PPL", 0.8)
    if not any(e.start_char <= word.start and word.end <= e.end_char and len(e) > 1
               for e in doc.ents):  # fmt: skip
        pytest.skip("the small model did not tag the university as one name")
    assert name_parts(doc, (word,)) == {(word.start, word.end)}
    assert story_votes(doc, (word,)).get("AR", 0.0) == 0.0


def test_a_location_with_no_vote_of_its_own_names_no_country() -> None:
    assert incident_country({}, "AR") is None
    chosen = incident_country({"NG": 0.5, "AR": 0.5}, "AR")
    assert chosen is not None and chosen.country_code == "AR"


def test_a_place_name_that_names_a_group_of_people_does_not_vote(nlp) -> None:
    text = "Two villages were burned when Tabora herdsmen clashed with farmers."
    doc = nlp(text)
    word = _place(text, "Tabora", "TZ", "PPL", 0.7)
    assert group_names(doc, (word,)) == {(word.start, word.end)}
    alone = "Two villages near Tabora were burned when herdsmen clashed with farmers."
    assert group_names(nlp(alone), (_place(alone, "Tabora", "TZ", "PPL", 0.7),)) == set()


def test_a_place_word_inside_a_longer_unknown_name_does_not_vote(nlp) -> None:
    text = "Rebels attacked soldiers in Oda Bultum, killing seven."
    doc = nlp(text)
    word = _place(text, "Oda", "GH", "PPL", 0.67)
    if not any(e.text == "Oda Bultum" for e in doc.ents):
        pytest.skip("the small model did not tag the name as one entity")
    assert name_parts(doc, (word,)) == {(word.start, word.end)}


def test_a_place_beside_kind_words_only_still_votes(nlp) -> None:
    text = "A missile hit the Benghazi Medical Centre."
    doc = nlp(text)
    assert name_parts(doc, (_place(text, "Benghazi", "LY", "PPL", 0.95),)) == set()


def test_a_kind_word_alone_is_no_place(nlp) -> None:
    text = "Police beat the driver of the opposition leader before he appeared in Court."
    doc = nlp(text)
    word = _place(text, "Court", "CH", "PPL", 0.95)
    assert name_parts(doc, (word,)) == {(word.start, word.end)}
