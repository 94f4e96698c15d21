"""Incident assembly on the seed story and on short texts written for these tests."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path

import pytest

from warwatch.incidents import assemble
from warwatch.model import ActorRole, Article, EventType, Report, SubEventType

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _no_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    """This stage is tested apart from the gazetteer (geo has its own tests)."""
    monkeypatch.setattr("warwatch.geo.locate_incident", lambda doc, trigger, places: None)


def run(nlp, text: str, published: date | None = date(2024, 3, 10)) -> Report:
    doc = nlp(text)
    article = Article(
        text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), published=published
    )
    # No places: this stage is tested apart from the gazetteer (geo has its own tests).
    return assemble(doc, article, ())


def test_seed_story_first_incident(nlp, shared: Path) -> None:
    expected = json.loads((shared / "seed" / "stepanakert.expected.json").read_text())
    text = (shared / "seed" / "stepanakert-cluster-munitions.txt").read_text().split("©")[0].strip()
    report = run(nlp, text, date.fromisoformat(expected["published"]))
    first = report.incidents[0]
    want = expected["first_incident"]
    assert first.event_type.value == want["event_type"]
    assert first.sub_event_type.value in want["sub_event_type_any"]
    perps = [a for a in first.actors if a.role == ActorRole.PERPETRATOR]
    assert any(a.country_code == "AZ" and a.hedged for a in perps)
    assert all(a.name != "Amnesty International" for a in first.actors)
    hit = [a for a in first.actors if a.role in (ActorRole.TARGET, ActorRole.VICTIM)]
    assert any(re.search(want["target_or_victim_matches"], a.surface or a.name) for a in hit)
    assert first.fatalities.best is None
    # several mentions of the cluster-bomb use are one incident, not one per sentence
    assert sum(i.sub_event_type == first.sub_event_type for i in report.incidents) == 1
    assert len(first.evidence) >= 2
    for actor in first.actors:  # every field points back to its words
        assert text[actor.start : actor.end] == actor.surface
    assert text[first.trigger.start : first.trigger.end] == first.trigger.text


def test_several_incidents_shelling_and_clashes(nlp) -> None:
    text = (
        "Russian forces shelled the town of Kupiansk on Tuesday, destroying several homes. "
        "Ukrainian troops clashed with Russian soldiers on the outskirts of the town."
    )
    subs = [i.sub_event_type for i in run(nlp, text).incidents]
    assert SubEventType.SHELLING in subs
    assert SubEventType.ARMED_CLASH in subs


@pytest.mark.parametrize(
    "text",
    [
        "Heavy floods swept through the river valley on Monday, forcing thousands of families "
        "from their homes as rescue teams searched for survivors.",
        "The two ministers met in the capital to discuss trade talks and a new investment "
        "agreement between their countries.",
        "Police said two men robbed a jewellery shop in the city centre and stole watches "
        "worth thousands of dollars before fleeing.",
        "A cholera outbreak has spread to three districts, health officials said, urging "
        "residents to boil their drinking water.",
    ],
)
def test_no_incident_stories(nlp, text: str) -> None:
    assert run(nlp, text).incidents == ()


def test_protest_with_intervention(nlp) -> None:
    text = "Hundreds of teachers protested outside parliament demanding higher pay. Police used tear gas to disperse the crowd."
    first = run(nlp, text).incidents[0]
    assert first.event_type == EventType.PROTESTS
    assert first.sub_event_type == SubEventType.PROTEST_WITH_INTERVENTION
    assert any(
        a.role == ActorRole.PARTICIPANT and a.name.startswith("Protesters") for a in first.actors
    )


def test_airstrike_attribution_hedged_and_source_not_actor(nlp) -> None:
    text = (
        "An airstrike hit a market in the village, according to Human Rights Watch. "
        "The strike was allegedly carried out by Syrian warplanes, witnesses said."
    )
    first = run(nlp, text).incidents[0]
    assert first.sub_event_type == SubEventType.AIR_STRIKE
    names = [a.name for a in first.actors]
    assert not any("Human Rights Watch" in n for n in names)


def test_unhedged_perpetrator(nlp) -> None:
    text = "Israeli troops fired on the positions of Hezbollah fighters near the border."
    first = run(nlp, text).incidents[0]
    assert first.sub_event_type == SubEventType.ARMED_CLASH
    perp = next(a for a in first.actors if a.role == ActorRole.PERPETRATOR)
    assert perp.name == "Military Forces of Israel"
    assert perp.country_code == "IL"
    assert perp.hedged is False


def test_accused_perpetrator_is_hedged(nlp) -> None:
    text = "Officials accused Armenian forces of shelling the village overnight."
    first = run(nlp, text).incidents[0]
    perp = next(a for a in first.actors if a.role == ActorRole.PERPETRATOR)
    assert perp.name == "Military Forces of Armenia" and perp.hedged


def test_disrupted_weapons_use_is_not_an_explosion(nlp) -> None:
    text = "Army engineers defused a roadside bomb planted near the checkpoint on Sunday."
    first = run(nlp, text).incidents[0]
    assert first.sub_event_type == SubEventType.DISRUPTED_WEAPONS_USE


def test_reportedly_hedges_the_perpetrator(nlp) -> None:
    first = run(nlp, "Turkish troops reportedly shelled the village late on Friday.").incidents[0]
    perp = next(a for a in first.actors if a.role == ActorRole.PERPETRATOR)
    assert perp.name == "Military Forces of Turkey" and perp.hedged


def test_demonstrating_civilians_are_protesters(nlp) -> None:
    first = run(
        nlp, "Students and teachers protested outside the ministry of education."
    ).incidents[0]
    assert first.event_type == EventType.PROTESTS
    parts = [a for a in first.actors if a.role == ActorRole.PARTICIPANT]
    assert parts and all(a.name.startswith("Protesters") for a in parts)


def test_historical_agreement_is_not_an_incident(nlp) -> None:
    text = "Clashes erupted in the north, the worst since the 1994 ceasefire agreement."
    subs = [i.sub_event_type for i in run(nlp, text).incidents]
    assert SubEventType.AGREEMENT not in subs
