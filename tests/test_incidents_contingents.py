"""Mission contingents and crowds that do violence in assembled incidents. Sentences written
for these tests; no gazetteer (places empty)."""

from __future__ import annotations

from datetime import date

import pytest

from assembly import assembled
from warwatch.model import Actor, ActorRole

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("no_gazetteer")]


def actors(nlp, text: str) -> list[Actor]:
    report = assembled(nlp, text, published=date(2016, 6, 20))
    return list(report.incidents[0].actors) if report.incidents else []


def test_troops_attacked_in_the_mission_host_are_the_missions_contingent(nlp) -> None:
    found = actors(nlp, "Al Shabaab fighters attacked a base of Kenyan troops near Kismayo.")
    names = [a.name for a in found]
    assert "AMISOM: African Union Mission in Somalia (Kenya)" in names
    assert "Military Forces of Kenya" not in names


def test_an_army_at_home_keeps_the_states_name(nlp) -> None:
    found = actors(nlp, "Kenyan troops attacked a camp of bandits in Kenya's Marsabit county.")
    names = [a.name for a in found]
    assert "Military Forces of Kenya" in names
    assert not any(n.startswith("AMISOM") for n in names)


def test_a_mob_with_no_named_doer_is_rioters(nlp) -> None:
    found = actors(nlp, "Party supporters burnt the offices of the party after the primaries.")
    assert found and found[0].name.startswith("Rioters")


def test_civilians_who_do_violence_are_rioters(nlp) -> None:
    found = actors(nlp, "Angry residents blew up the home of a local family after the bombing.")
    perps = [a.name for a in found if a.role.value == "perpetrator"]
    assert perps and all(p.startswith("Rioters") for p in perps)


def test_an_incident_told_with_a_side_ranks_above_one_told_without() -> None:
    from warwatch.incidents.assemble import side_bonus

    rebels = Actor(name="Rebel Group", role=ActorRole.PERPETRATOR, start=0, end=6)
    post = Actor(name="army post", role=ActorRole.TARGET, start=10, end=19)
    assert side_bonus((post, rebels)) > side_bonus((post,)) == 0.0
