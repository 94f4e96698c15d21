"""Killed and injured counts per incident span (warwatch.incidents.casualties)."""

from __future__ import annotations

import datetime as dt

import pytest

from warwatch.incidents.casualties import casualties
from warwatch.model import Count

PUBLISHED = dt.date(2021, 3, 15)


def counts(nlp, text: str) -> tuple[Count, Count]:  # type: ignore[no-untyped-def]
    return casualties(nlp(text)[:], published=PUBLISHED)


def triple(c: Count) -> tuple[int | None, int | None, int | None]:
    return c.best, c.low, c.high


@pytest.mark.parametrize(
    ("text", "dead", "hurt"),
    [
        ("At least 12 people were killed in the attack.", (12, 12, None), (None, None, None)),
        ("Dozens were killed when the market was shelled.", (12, 12, None), (None, None, None)),
        ("More than 20 civilians died in the strike.", (20, 20, None), (None, None, None)),
        ("Between 5 and 10 people were killed.", (5, 5, 10), (None, None, None)),
        ("Up to 30 people may have died.", (30, None, 30), (None, None, None)),
        ("Two women and a child were killed by the shell.", (3, 3, 3), (None, None, None)),
        ("Thirty-five people were injured in the blast.", (None, None, None), (35, 35, 35)),
        ("A soldier was killed and three others wounded.", (1, 1, 1), (3, 3, 3)),
        ("The airstrike killed a policeman.", (1, 1, 1), (None, None, None)),
        (
            "Gunmen attacked the convoy, killing seven soldiers and wounding another 11.",
            (7, 7, 7),
            (11, 11, 11),
        ),
        ("3 killed, 2 wounded in a car ambush.", (3, 3, 3), (2, 2, 2)),
        ("The blast killed 12 people, including 3 children.", (12, 12, 12), (None, None, None)),
        (
            "The bomber blew himself up, killing 12 people and himself.",
            (13, 13, 13),
            (None, None, None),
        ),
        ("Five soldiers lost their lives in the clash.", (5, 5, 5), (None, None, None)),
        ("The death toll rose to 17 on Monday.", (17, 17, 17), (None, None, None)),
        ("Two hundred and five people were killed.", (205, 205, 205), (None, None, None)),
        (
            "Two police officers, one civil servant and one local resident were killed.",
            (4, 4, 4),
            (None, None, None),
        ),
        ("An IS leader, Abdel Zargoon, was killed in an airstrike.", (1, 1, 1), (None, None, None)),
    ],
)
def test_tolls(nlp, text: str, dead: tuple, hurt: tuple) -> None:  # type: ignore[no-untyped-def]
    fatalities, injured = counts(nlp, text)
    assert triple(fatalities) == dead
    assert triple(injured) == hurt


def test_offsets_point_at_the_figure(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels shelled the town. At least 12 people were killed."
    fatalities, _ = counts(nlp, text)
    assert fatalities.start is not None and fatalities.end is not None
    assert "12" in text[fatalities.start : fatalities.end]
    assert text[fatalities.start : fatalities.end].endswith("killed")


@pytest.mark.parametrize(
    ("text", "dead", "hurt"),
    [
        ("No casualties were reported.", 0, 0),
        ("Nobody was hurt in the explosion.", 0, 0),
        ("No one was killed, but 4 were injured.", 0, 4),
        ("There were no deaths.", 0, None),
    ],
)
def test_zero_only_when_the_text_says_so(nlp, text: str, dead, hurt) -> None:  # type: ignore[no-untyped-def]
    fatalities, injured = counts(nlp, text)
    assert fatalities.best == dead
    assert injured.best == hurt


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked the village and burned houses.",
        "Police arrested 43 people and 200 families were displaced.",
        "Twelve people are missing and 30 were abducted.",
        "Soldiers were killed in the ambush.",  # a plural without a figure: unknown, not 0 or 2
    ],
)
def test_no_toll_is_null(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    fatalities, injured = counts(nlp, text)
    assert fatalities == Count()
    assert injured == Count()


@pytest.mark.parametrize(
    "text",
    [
        "The conflict has killed 400,000 people since 2011.",
        "Since the war began, 500 have died.",
        "The region seceded, leading to a war in the early 1990s that claimed 30,000 lives.",
    ],
)
def test_background_figures_are_not_tolls(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert counts(nlp, text)[0] == Count()


def test_present_toll_kept_next_to_a_past_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen killed 5 people on Sunday, a year after last year's attack that killed 20."
    assert counts(nlp, text)[0].best == 5


def test_restated_toll_is_not_added(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Three soldiers were killed on Sunday. The three soldiers died at the scene."
    assert counts(nlp, text)[0].best == 3
    more = "Three soldiers were killed on Sunday. Two civilians were also killed."
    assert counts(nlp, more)[0].best == 5


def test_seed_incident_has_no_toll(nlp, seed_path) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(seed_path.read_text(encoding="utf-8"))
    fatalities, injured = casualties(doc[:], published=dt.date(2020, 10, 5))
    assert fatalities.best is None and injured.best is None


def test_tables_and_long_texts_do_not_crash(nlp) -> None:  # type: ignore[no-untyped-def]
    table = "\n".join(
        f"{i} | {i * 3} | {i * 7},000 | killed {i} | 3/{i % 12 + 1}" for i in range(200)
    )
    doc = nlp(table)
    casualties(doc[:])
    words = (
        "Shelling killed 3 people on Sunday and wounded dozens , officials said . " * 7200
    ).split()
    long_doc = nlp.make_doc(
        " ".join(words[:100_000])
    )  # tokenizer only: no parser needed to not crash
    fatalities, _ = casualties(long_doc[:])
    assert fatalities.best is not None


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("The death toll rose from 544 to 607 on Sunday.", 607),
        ("Nearly 25 per cent of them had been killed by police bullets.", None),
        ("Officials said 40 of these deaths were caused by police firing.", None),
        ("We know of 30 deaths so far, she said.", None),
        ("Thus far this year, the rebels have killed eight mayors.", None),
        ("The two remained together beyond death.", None),
        ("A man accused of stealing 11 goats was beaten to death on Sunday.", 1),
        ("Civilian killed in northern countryside.", 1),
    ],
)
def test_partitive_cumulative_and_share_figures(nlp, text: str, best) -> None:  # type: ignore[no-untyped-def]
    assert counts(nlp, text)[0].best == best


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("Residents protested against a string of attacks that killed seven people.", None),
        ("Relatives demanded justice for the killing of two activists.", None),
        ("Troops fired mortars on the village, killing  one civilian.", 1),
        ("At least 10 IS militants were killed and 4 soldiers were killed in the clashes.", 14),
    ],
)
def test_referenced_deaths_and_same_sentence_sums(nlp, text: str, best) -> None:  # type: ignore[no-untyped-def]
    assert counts(nlp, text)[0].best == best


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("The plan for the abduction that was later executed by his henchmen failed.", None),
        ("Aid was promised for those who died in the violence.", None),
        ("Two men who were killed in the attack were buried on Sunday.", 2),
        ("When a candidate dies, another takes his place.", None),
        ("The revolution did not die with the elections.", None),
        ("He is the guardian of their lives and property.", None),
        ("By Friday the death toll had touched 200 and 37 cities were under curfew.", 200),
        ("The city has lost nearly 300 lives so far.", None),
    ],
)
def test_not_a_toll_and_relative_clauses(nlp, text: str, best) -> None:  # type: ignore[no-untyped-def]
    assert counts(nlp, text)[0].best == best
