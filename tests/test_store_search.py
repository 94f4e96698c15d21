"""Incident search on both backends: filters, ordering, and full-text queries users may mistype."""

from __future__ import annotations

import datetime as dt

import pytest

from store_fixtures import (  # noqa: F401  (fixtures are found by name)
    pg_session_url_fixture,
    sample_report,
    store_fixture,
    store_url_fixture,
    unique,
)
from warwatch.model import SubEventType
from warwatch.store import Store, search_phrases


@pytest.fixture()
def filled(store: Store) -> dict[str, str]:
    """Three incidents in three countries and months; returns place name -> article sha256."""
    stories = [
        (
            "Shelling with cluster munitions hit Stepanakert overnight.",
            "Shelling",
            "Stepanakert",
            SubEventType.SHELLING,
            "AZ",
            dt.date(2020, 10, 3),
            (39.8, 46.75),
            2,
        ),
        (
            "Protesters marched peacefully through Tbilisi on Monday.",
            "marched",
            "Tbilisi",
            SubEventType.PEACEFUL_PROTEST,
            "GE",
            dt.date(2021, 3, 1),
            (41.7, 44.8),
            None,
        ),
        (
            "An air strike killed five people in Idlib, medics said.",
            "air strike",
            "Idlib",
            SubEventType.AIR_STRIKE,
            "SY",
            dt.date(2020, 11, 20),
            None,
            5,
        ),
    ]
    out = {}
    for text, trigger, place, sub, cc, day, coords, killed in stories:
        report = sample_report(
            text,
            trigger=trigger,
            place=place,
            event_type=sub,
            country=cc,
            day=day,
            coords=coords,
            killed=killed,
            title=f"News from {place}",
        )
        capture, report = unique(report)
        store.save_report(capture, report)
        out[place] = report.article.sha256
    return out


def places(rows) -> list[str | None]:
    return [r.location_name for r in rows]


def test_no_filter_lists_everything_newest_date_first(store: Store, filled: dict[str, str]) -> None:
    rows = store.search_incidents()
    assert places(rows) == ["Tbilisi", "Idlib", "Stepanakert"]
    first = rows[-1]
    assert first.article_sha256 == filled["Stepanakert"]
    assert (first.country_code, first.fatalities_best, first.latitude) == ("AZ", 2, 39.8)
    assert first.title == "News from Stepanakert" and first.publisher == "Test Wire"


def test_filters_combine(store: Store, filled: dict[str, str]) -> None:
    assert places(store.search_incidents(event_type="explosions/remote violence")) == [
        "Idlib",
        "Stepanakert",
    ]
    assert places(store.search_incidents(country="ge")) == ["Tbilisi"]
    assert places(store.search_incidents(since=dt.date(2020, 11, 1))) == ["Tbilisi", "Idlib"]
    assert places(store.search_incidents(until=dt.date(2020, 10, 31))) == ["Stepanakert"]
    assert places(
        store.search_incidents(
            since=dt.date(2020, 10, 1), until=dt.date(2020, 12, 31), country="SY"
        )
    ) == ["Idlib"]
    assert places(store.search_incidents(limit=1, offset=1)) == ["Idlib"]


def test_full_text_matches_article_text_and_stems(store: Store, filled: dict[str, str]) -> None:
    assert places(store.search_incidents(q="munition")) == ["Stepanakert"]  # stemmed plural
    assert places(store.search_incidents(q="medics Idlib")) == ["Idlib"]  # every term must match
    assert places(store.search_incidents(q="medics Tbilisi")) == []
    assert places(store.search_incidents(q="news", country="GE")) == ["Tbilisi"]  # title too


USER_QUERIES = [
    'cluster-munitions "Stepanakert',
    "Stepanakert AND",
    "NOT",
    "(((",
    "st*",
    "a:b",
    "'",
    "-x",
    "NEAR(cluster munitions)",
    "🚀",
    "\\",
    "%_",
]


def test_any_user_query_is_safe(store: Store, filled: dict[str, str]) -> None:
    for q in USER_QUERIES:
        assert isinstance(store.search_incidents(q=q), list), q


def test_hyphens_and_stray_quotes_still_find_the_words(
    store: Store, filled: dict[str, str]
) -> None:
    assert places(store.search_incidents(q='cluster-munitions "Stepanakert')) == ["Stepanakert"]


def test_search_phrases_keep_only_words() -> None:
    assert search_phrases('cluster-munitions "Stepanakert') == ["cluster munitions", "Stepanakert"]
    assert search_phrases('AND ( " *') == ["AND"]
    assert search_phrases("  ") == []


def test_iter_incidents_streams_matches_with_their_article(
    store: Store, filled: dict[str, str]
) -> None:
    everything = list(store.iter_incidents())
    assert [a.sha256 for a, _, _ in everything] == list(filled.values())  # saved order
    assert all(pos == 0 for _, pos, _ in everything)
    only = list(store.iter_incidents(q="medics", since=dt.date(2020, 11, 1)))
    assert [(a.sha256, inc.location.name if inc.location else None) for a, _, inc in only] == [
        (filled["Idlib"], "Idlib")
    ]
    assert only[0][2] == store.load_report(filled["Idlib"]).incidents[0]
