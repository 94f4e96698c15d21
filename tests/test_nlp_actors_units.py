"""The warwatch_actors component: unit names inside a state force, a named group with its men,
party cadres, and militia words that only qualify a force. Sentences written for these tests."""

from __future__ import annotations

import pytest

from warwatch.kb.actors import actor_entries
from warwatch.nlp.actors import SPANS_KEY

pytestmark = pytest.mark.slow


def spans(nlp, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans[SPANS_KEY]]


def test_a_unit_name_between_the_country_and_its_force_noun(nlp) -> None:
    found = spans(nlp, "Kenya's Jubaland police raided the camp at dawn.")
    assert ("Kenya's Jubaland police", "police", "KE") in found
    found = spans(nlp, "Somalia's Danab special forces raided the camp.")
    assert ("Somalia's Danab special forces", "state", "SO") in found


def test_a_country_and_a_force_noun_far_apart_stay_apart(nlp) -> None:
    found = spans(nlp, "Kenya's government said on Monday that police had raided the camp.")
    assert not any(label == "police" and code == "KE" for _, label, code in found)


def test_party_cadres_after_an_acronym_are_the_party(nlp) -> None:
    assert ("XYZP cadres", "rebel", "group:XYZP") in spans(nlp, "XYZP cadres beat a rival.")


def test_a_paramilitary_acting_is_a_militia_but_paramilitary_police_are_police(nlp) -> None:
    assert any(label == "militia" for _, label, _ in spans(nlp, "Paramilitaries burned a hut."))
    found = spans(nlp, "Paramilitary police dispersed the crowd.")
    assert [label for _, label, _ in found] == ["police"]


def test_a_ruling_party_written_with_or_without_its_hyphen(nlp) -> None:
    for text in ("ZANU-PF youths beat a journalist.", "Zanu PF activists beat a journalist."):
        names = [
            actor_entries()[int(kb.split(":")[1])].canonical
            for _, _, kb in spans(nlp, text)
            if kb.startswith("entry:")
        ]
        assert any(name.startswith("ZANU-PF:") for name in names), text


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("A gunman shot a trader at the market.", "unidentified"),
        ("A security force escort returned fire.", "state"),
        ("Villagers said an assailant fled on foot.", "unidentified"),
    ],
)
def test_one_member_of_a_class_is_that_class(nlp, text: str, label: str) -> None:
    assert label in [lab for _, lab, _ in spans(nlp, text)]


def test_an_organisation_named_for_a_people_is_no_ethnic_militia(nlp) -> None:
    found = spans(nlp, "Members of the Ogoni Youth Council occupied a radio station.")
    assert not [s for s in found if s[2].startswith("ethnic:")]
    found = spans(nlp, "Later, Ogoni youths occupied a radio station.")
    assert [s for s in found if s[2].startswith("ethnic:")]


def test_herders_are_named_by_their_people_even_when_tagged_as_a_place(nlp) -> None:
    doc = nlp("Later, Baggara herdsmen clashed with farmers near the river.")
    found = [(s.text, s.kb_id_) for s in doc.spans[SPANS_KEY]]
    assert ("Baggara herdsmen", "ethnic:Baggara") in found
    town = spans(nlp, "Later, Nairobi youths clashed with police near the river.")
    assert not [s for s in town if s[2].startswith("ethnic:")]
