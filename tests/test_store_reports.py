"""Saving and loading Reports on both backends: exact round trip, idempotence, atomicity."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings

from store_fixtures import (  # noqa: F401  (fixtures are found by name)
    pg_session_url_fixture,
    report_st,
    sample_report,
    store_fixture,
    store_url_fixture,
    unique,
)
from warwatch.errors import StoreError
from warwatch.model import Report, Source, SourceRole
from warwatch.store import NotFound, Store, codec, reports
from warwatch.store.schema import metadata


def table_counts(store: Store) -> dict[str, int]:
    with store._tx() as conn:
        return {
            name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for name, table in metadata.tables.items()
        }


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(report=report_st)
def test_load_report_rebuilds_exactly_what_was_saved(store: Store, report: Report) -> None:
    capture, report = unique(report)
    saved = store.save_report(capture, report)
    assert saved.added
    assert len(saved.incident_ids) == len(report.incidents)
    assert store.load_report(report.article.sha256) == report
    for incident_id, incident in zip(saved.incident_ids, report.incidents, strict=True):
        got, article = store.get_incident(incident_id)
        assert got == incident
        assert article == report.article


def test_saving_the_same_sha256_twice_adds_nothing(store: Store) -> None:
    text = "Shelling struck the market in Stepanakert on Saturday."
    capture, report = unique(sample_report(text, trigger="Shelling", place="Stepanakert"))
    first = store.save_report(capture, report)
    before = table_counts(store)
    again = store.save_report(capture, report)
    assert first.added and not again.added
    assert again.article_id == first.article_id and again.incident_ids == ()
    assert table_counts(store) == before
    assert store.has_article(report.article.sha256)
    assert not store.has_article("f" * 64)


def test_a_failure_mid_save_leaves_the_store_unchanged(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "An airstrike hit Idlib; two were killed."
    earlier_capture, earlier = unique(sample_report(text, trigger="airstrike", place="Idlib"))
    store.save_report(earlier_capture, earlier)
    before = table_counts(store)

    real = reports._insert_incidents

    def fail_after_incidents(*args, **kwargs):  # the article and its incidents are written
        real(*args, **kwargs)
        raise sa.exc.OperationalError("INSERT", {}, Exception("disk I/O error (injected)"))

    monkeypatch.setattr(reports, "_insert_incidents", fail_after_incidents)
    capture, report = unique(sample_report(text + " More.", trigger="airstrike", place="Idlib"))
    with pytest.raises(StoreError):
        store.save_report(capture, report)
    monkeypatch.undo()

    assert table_counts(store) == before
    assert not store.has_article(report.article.sha256)
    assert store.load_report(earlier.article.sha256) == earlier
    assert store.save_report(capture, report).added  # and the same save works afterwards


def test_a_huge_article_saves_and_is_searchable(store: Store) -> None:
    filler = "Nothing of note happened in the quiet valley that week. " * 100_000  # ~5.6 MB
    text = "Shelling hit Zorbatown at dawn. " + filler + "Final words: xylophonic."
    capture, report = unique(sample_report(text, trigger="Shelling", place="Zorbatown"))
    assert store.save_report(capture, report).added
    assert store.load_report(report.article.sha256) == report
    assert [r.article_sha256 for r in store.search_incidents(q="Zorbatown")] == [
        report.article.sha256
    ]


def test_capture_and_article_must_share_a_sha256(store: Store) -> None:
    capture, report = unique(sample_report("A grenade blast.", trigger="grenade"))
    other = capture.model_copy(update={"sha256": "e" * 64})
    with pytest.raises(StoreError, match="keyed by the sha256"):
        store.save_report(other, report)


def test_save_report_keeps_the_capture_for_chain_of_custody(store: Store) -> None:
    capture, report = unique(sample_report("A grenade blast.", trigger="grenade"))
    capture = capture.model_copy(
        update={
            "kind": "url",
            "url": "http://example.org/a",
            "final_url": "https://example.org/a",
            "http_status": 200,
            "headers": (("Content-Type", "text/html"), ("ETag", '"x"')),
            "captured_at": dt.datetime(
                2020, 10, 5, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=4))
            ),
        }
    )
    store.save_report(capture, report)
    got = store.get_capture(capture.sha256)
    assert got == capture.model_copy(update={"captured_at": capture.captured_at.astimezone(dt.UTC)})
    assert got is not None and got.captured_at.tzinfo is not None


def test_iter_reports_streams_every_report_in_order(store: Store) -> None:
    saved = []
    for i in range(reports.PAGE + 3):  # crosses a page boundary
        capture, report = unique(sample_report(f"Clash {i} in town.", trigger="Clash"))
        store.save_report(capture, report)
        saved.append(report)
    assert list(store.iter_reports()) == saved
    assert store.count_articles() == len(saved)


def test_missing_records_raise_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.load_report("a" * 64)
    with pytest.raises(NotFound):
        store.get_incident(12345)


def test_fields_without_a_column_round_trip_through_extra(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A model field added after the schema (simulated: the columns 'lose' verification and a
    Source table without 'kind') is kept as JSON, so saves never fail and loads stay exact."""
    real = codec._incident_from_columns
    monkeypatch.setattr(
        codec,
        "_incident_from_columns",
        lambda row: real(row).model_copy(update={"verification": None}),
    )
    narrow = sa.Table(
        "narrow",
        sa.MetaData(),
        *(sa.Column(c) for c in ("name", "role", "start_char", "end_char", "extra")),
    )
    source = Source(name="Amnesty", role=SourceRole.CLAIMANT, kind="ngo", start=0, end=7)
    row = codec.flat_row(source, narrow)
    assert "kind" not in row and row["extra"] == {"kind": "ngo"}
    assert codec.from_flat(Source, row) == source

    text = "Shelling hit the town, Amnesty said."
    capture, report = unique(sample_report(text, trigger="Shelling"))
    incident = report.incidents[0].model_copy(update={"verification": "corroborated"})
    report = report.model_copy(update={"incidents": (incident,), "sources": (source,)})
    store.save_report(capture, report)
    assert store.load_report(report.article.sha256) == report
