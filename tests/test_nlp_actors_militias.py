"""The warwatch_actors component: communal militias and state forces written as acronyms."""

from __future__ import annotations

import pytest

from warwatch.nlp.actors import SPANS_KEY

pytestmark = pytest.mark.slow


def spans(nlp, text: str) -> list[tuple[str, str, str]]:
    doc = nlp(text)
    return [(s.text, s.label_, s.kb_id_) for s in doc.spans[SPANS_KEY]]


def test_people_name_and_armed_noun_is_an_ethnic_militia(nlp) -> None:
    found = spans(nlp, "Overnight, Tiv youths raided the settlement.")
    assert ("Tiv youths", "militia", "ethnic:Tiv") in found


def test_country_demonym_with_fighters_is_not_an_ethnic_militia(nlp) -> None:
    found = spans(nlp, "Later, Nigerian fighters crossed the river.")
    assert not [f for f in found if f[2].startswith("ethnic:")]


def test_named_group_members_stay_the_named_group(nlp) -> None:
    found = spans(nlp, "Later, Boko Haram fighters raided the settlement.")
    assert not [f for f in found if f[2].startswith("ethnic:")]
    assert any(t == "Boko Haram" for t, _, _ in found)


def test_state_force_acronym_is_that_state(nlp) -> None:
    from warwatch.kb.actors import actor_entries

    found = spans(nlp, "KDF troops shelled the hideout.")
    kdf = [k for t, _, k in found if t.startswith("KDF")]
    assert kdf
    entry = actor_entries()[int(kdf[0].split(":")[1])]
    assert (entry.kind, entry.country_code) == ("state", "KE")


def test_plural_of_a_people_named_in_the_text_is_its_militia_when_it_acts(nlp) -> None:
    text = "Overnight, Tiv youths raided a farm. Later, Tivs attacked the next village."
    found = spans(nlp, text)
    assert ("Tivs", "militia", "ethnic:Tiv") in found


def test_plural_of_a_people_that_is_hit_is_no_militia(nlp) -> None:
    text = "Overnight, Tiv youths raided a farm. Later, Tivs were attacked by gunmen."
    found = spans(nlp, text)
    assert not [f for f in found if f[0] == "Tivs"]


def test_plural_of_an_unknown_capitalised_word_is_no_militia(nlp) -> None:
    found = spans(nlp, "Later, Democrats attacked the proposal in parliament.")
    assert not [f for f in found if f[2].startswith("ethnic:")]
