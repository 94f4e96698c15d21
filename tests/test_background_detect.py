"""Present vs background sentences and the figures they carry (warwatch.incidents.background)."""

from __future__ import annotations

import datetime as dt

import pytest

from warwatch.incidents.background import find_background, is_background
from warwatch.model import BackgroundKind, NumberMention

PUBLISHED = dt.date(2021, 3, 15)


def first(nlp, text: str):  # type: ignore[no-untyped-def]
    return next(iter(nlp(text).sents))


@pytest.mark.parametrize(
    "text",
    [
        "The conflict has killed 400,000 people since 2011.",
        "Since the war began, 500 have died.",
        "The region declared independence after the fall of the Soviet Union.",
        "It was the worst crisis since the 1994 ceasefire.",
        "A war in the early 1990s claimed 30,000 lives.",
        "Last year's attack on the market killed 20 people.",
        "In May 2018, rebels seized the airport.",
        "Israel is one of the major arms suppliers to the government.",
        "Several powers have interests in the region.",
        "Historically, the two clans have fought over grazing land.",
        "The valley has a long history of clashes between herders and farmers.",
    ],
)
def test_background(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert is_background(first(nlp, text), PUBLISHED)


@pytest.mark.parametrize(
    "text",
    [
        "Shelling killed 12 people in the city on Sunday.",
        "Rebels attacked a police station yesterday, the first attack since the 2018 truce.",
        "Cluster bombs, banned since 2010, were used in the town in recent days.",
        "Gunmen attacked a bus near the border.",
        "On 12 March 2021, protesters gathered outside parliament.",
        # "history" naming a present-day thing is no past cue
        "Students protested, demanding that history classes stay mandatory.",
        "Residents rallied to protect a historical building from demolition.",
    ],
)
def test_present(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not is_background(first(nlp, text), PUBLISHED)


def test_old_date_needs_a_publication_date_except_decades(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not is_background(first(nlp, "In May 2018, rebels seized the airport."), None)
    assert is_background(first(nlp, "A war in the early 1990s claimed 30,000 lives."), None)
    # a relative word marks the present even without a publication date
    text = "Yesterday the army shelled the town, the worst attack since the 1994 ceasefire."
    assert not is_background(first(nlp, text), None)


def test_find_background_carries_numbers(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Shelling hit the city on Sunday. "
        "The region seceded after the fall of the Soviet Union, leading to a war in the early "
        "1990s that claimed 30,000 lives and displaced 600,000 people. "
        "Russia is a traditional ally of the government."
    )
    doc = nlp(text)
    found = find_background(doc, PUBLISHED)
    assert [b.kind for b in found] == [BackgroundKind.HISTORICAL, BackgroundKind.CONTEXT]
    assert NumberMention(value=30000, of="deaths") in found[0].numbers
    assert NumberMention(value=600000, of="displaced") in found[0].numbers
    assert text[found[0].start : found[0].end].startswith("The region seceded")


def test_seed_story(nlp, seed_path) -> None:  # type: ignore[no-untyped-def]
    text = seed_path.read_text(encoding="utf-8")
    doc = nlp(text)
    found = find_background(doc, dt.date(2020, 10, 5))
    deaths = [n for b in found for n in b.numbers if n.of == "deaths"]
    assert deaths == [NumberMention(value=30000, of="deaths")]
    spans = [text[b.start : b.end] for b in found]
    assert any("arms suppliers" in s for s in spans)
    assert not any("Stepanakert" in s and "recent days" in s for s in spans)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said 73 people have died in police firing over the last five days.",
        "As many as 47 persons have been killed in various places.",
        "The city has lost nearly 300 lives so far.",
    ],
)
def test_sums_over_days_or_places_are_background(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert is_background(first(nlp, text), PUBLISHED)


def test_a_guessed_year_does_not_make_history(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Residents protested against the nomination ahead of the August 3 elections."
    assert not is_background(first(nlp, text), dt.date(2021, 6, 20))
    dated = "Residents protested ahead of the August 3, 2019 elections."
    assert is_background(first(nlp, dated), dt.date(2021, 6, 20))
