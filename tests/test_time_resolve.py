"""Date windows resolved against the publication date (warwatch.incidents.time)."""

from __future__ import annotations

import datetime as dt

import pytest

from warwatch.incidents.time import find_dates, resolve_date
from warwatch.model import DatePrecision

MONDAY = dt.date(2021, 3, 15)  # a Monday


def window(nlp, text: str, published: dt.date | None = MONDAY):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return resolve_date(doc, next(iter(doc.sents)), published)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("On 3 October 2020, troops shelled the village.", "2020-10-03", "2020-10-03", "day"),
        ("Troops shelled the village on October 3, 2020.", "2020-10-03", "2020-10-03", "day"),
        ("Gunmen attacked a bus on Sunday.", "2021-03-14", "2021-03-14", "day"),
        ("Gunmen attacked a bus on Monday.", "2021-03-15", "2021-03-15", "day"),
        ("Gunmen attacked a bus last Monday.", "2021-03-08", "2021-03-08", "day"),
        ("Yesterday a bomb exploded in the market.", "2021-03-14", "2021-03-14", "day"),
        ("Last night a bomb exploded in the market.", "2021-03-14", "2021-03-15", "days"),
        ("Clashes broke out over the weekend.", "2021-03-13", "2021-03-14", "days"),
        ("Clashes broke out during the weekend.", "2021-03-13", "2021-03-14", "days"),
        ("Villages were shelled in recent days.", "2021-03-08", "2021-03-15", "days"),
        ("Police fired on protesters last week.", "2021-03-08", "2021-03-14", "week"),
        ("Police fired on protesters earlier this month.", "2021-03-01", "2021-03-15", "month"),
        ("A mosque was bombed ten days ago.", "2021-03-05", "2021-03-05", "day"),
        ("A mosque was bombed in May 2019.", "2019-05-01", "2019-05-31", "month"),
        ("Rebels took the town on 2021-03-12.", "2021-03-12", "2021-03-12", "day"),
    ],
)
def test_resolves(nlp, text: str, start: str, end: str, precision: str) -> None:  # type: ignore[no-untyped-def]
    got = window(nlp, text)
    assert (str(got.start), str(got.end), got.precision.value) == (start, end, precision)
    assert got.evidence is not None and got.evidence.end > got.evidence.start


def test_evidence_points_at_the_words(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Gunmen attacked a bus on Sunday near the border.")
    got = resolve_date(doc, doc[:], MONDAY)
    assert got.evidence is not None
    assert doc.text[got.evidence.start : got.evidence.end] == "on Sunday"


def test_day_month_without_year_takes_the_year_before_when_later(nlp) -> None:  # type: ignore[no-untyped-def]
    got = window(nlp, "On 30 December, an attack killed two.", dt.date(2021, 1, 4))
    assert got.start == dt.date(2020, 12, 30)


def test_ambiguous_numeric_dates_are_read_day_first(nlp) -> None:  # type: ignore[no-untyped-def]
    assert window(nlp, "The attack on 3/2 killed two.").start == dt.date(2021, 2, 3)
    # 13 cannot be a month: unambiguous whichever way it is written
    assert window(nlp, "The attack on 13/2 killed two.").start == dt.date(2021, 2, 13)
    assert window(nlp, "The attack on 2/13 killed two.").start == dt.date(2021, 2, 13)
    # day-first would be 3 December, months after publication: month-first (3 March) wins
    assert window(nlp, "The attack on 12/3 killed two.").start == dt.date(2021, 3, 12)


def test_without_publication_date_only_absolute_dates_resolve(nlp) -> None:  # type: ignore[no-untyped-def]
    fixed = window(nlp, "On 3 October 2020, troops shelled the village.", None)
    assert fixed.start == dt.date(2020, 10, 3) and fixed.precision == DatePrecision.DAY
    relative = window(nlp, "Gunmen attacked a bus on Sunday.", None)
    assert relative.start is None and relative.end is None
    assert relative.precision == DatePrecision.UNKNOWN
    assert relative.evidence is not None  # still says which words name the time
    nothing = window(nlp, "Gunmen attacked a bus.", None)
    assert nothing == type(nothing)()


def test_no_date_words_falls_back_to_the_week_before_publication(nlp) -> None:  # type: ignore[no-untyped-def]
    got = window(nlp, "Gunmen attacked a bus near the border.")
    assert got.end == MONDAY and got.start == MONDAY - dt.timedelta(days=7)
    assert got.precision == DatePrecision.WEEK and got.evidence is None


def test_falls_back_to_the_story_and_skips_conflict_phase_dates(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Shells hit the town in recent days, residents said. "
        "Videos of the damage were posted during the weekend. "
        "Footage shows craters near the school. "
        "Both sides blame each other for the resumption of hostilities ten days ago, "
        "the worst crisis since the 1994 ceasefire."
    )
    doc = nlp(text)
    sents = list(doc.sents)
    got = resolve_date(doc, sents[2], MONDAY)
    assert got.evidence is not None and "recent days" in text[got.evidence.start : got.evidence.end]
    phase = [m for m in find_dates(sents[-1], MONDAY) if "ten days ago" in text[m.start : m.end]]
    assert phase and phase[0].context


def test_seed_story_window(nlp, seed_path) -> None:  # type: ignore[no-untyped-def]
    text = seed_path.read_text(encoding="utf-8")
    doc = nlp(text)
    published = dt.date(2020, 10, 5)
    # every sentence that does not state its own date resolves to a window around the weekend
    for sent in doc.sents:
        got = resolve_date(doc, sent, published)
        if (
            got.evidence is not None
            and "ten days ago" in text[got.evidence.start : got.evidence.end]
        ):
            pytest.fail("a conflict-phase date became an incident date")
    lead = resolve_date(doc, next(iter(doc.sents)), published)
    assert lead.start is not None and lead.end is not None
    assert lead.start <= dt.date(2020, 10, 4) <= lead.end <= published
    assert (lead.end - lead.start).days < 10


def test_weekday_of_last_week(nlp) -> None:  # type: ignore[no-untyped-def]
    assert window(nlp, "Gunmen attacked on Thursday last week.").start == dt.date(2021, 3, 11)


def test_written_date_wins_over_a_relative_word(nlp) -> None:  # type: ignore[no-untyped-def]
    got = window(nlp, "Four soldiers died in today's fighting on 12 March.")
    assert got.start == dt.date(2021, 3, 12)


def test_unanchored_date_in_the_sentence_is_not_replaced_by_another(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("On 23 December, residents blocked a road. The protests began in June 2018.")
    got = resolve_date(doc, next(iter(doc.sents)), None)
    assert got.start is None and got.precision == DatePrecision.UNKNOWN
    assert (
        got.evidence is not None
        and doc.text[got.evidence.start : got.evidence.end] == "23 December"
    )
