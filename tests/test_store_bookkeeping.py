"""Runs, failures and the capture bookkeeping (feeds, families, audit) on both backends."""

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
from warwatch.store import NotFound, Store


def test_a_run_records_its_args_failures_and_counts(store: Store) -> None:
    run_id = store.start_run("ingest", {"sources": ["a.txt", "b/"]})
    store.record_failure(run_id, "bad.bin", "binary_input", "not text")
    capture, report = unique(sample_report("A clash in the hills.", trigger="clash"))
    store.save_report(capture, report, run_id=run_id)
    open_run = store.get_run(run_id)
    assert open_run.finished_at is None and open_run.args == {"sources": ["a.txt", "b/"]}

    run = store.finish_run(run_id, present=3)
    assert (run.added, run.present, run.failed) == (1, 3, 1)  # added/failed counted from the store
    assert run.finished_at is not None and run.finished_at >= run.started_at
    assert [(f.source, f.code, f.message) for f in run.failures] == [
        ("bad.bin", "binary_input", "not text")
    ]
    assert store.finish_run(run_id, added=7, present=0, failed=2).added == 7  # given counts win


def test_unknown_runs_are_not_found(store: Store) -> None:
    with pytest.raises(NotFound):
        store.get_run(999)
    with pytest.raises(NotFound):
        store.finish_run(999)


def test_captures_are_kept_once(store: Store) -> None:
    capture, _ = unique(sample_report("Shelling.", trigger="Shelling"))
    assert store.get_capture(capture.sha256) is None
    assert store.save_capture(capture) and not store.save_capture(capture)
    assert store.has_capture(capture.sha256)
    assert store.get_capture(capture.sha256) == capture


def test_feed_state_records_each_poll(store: Store) -> None:
    url = "https://example.org/feed.xml"
    assert store.feed_state(url) is None
    when = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    store.update_feed_state(
        url, etag='"v1"', last_modified="Tue, 02 Jan 2024", status=200, polled_at=when
    )
    state = store.feed_state(url)
    assert state is not None
    assert (state.etag, state.last_status, state.last_polled_at) == ('"v1"', 200, when)
    store.update_feed_state(url, etag='"v1"', status=503, error="server busy")
    state = store.feed_state(url)
    assert state is not None and (state.last_status, state.last_error) == (503, "server busy")
    assert state.last_polled_at is not None and state.last_polled_at > when


def test_feed_entries_are_seen_once_per_feed(store: Store) -> None:
    assert not store.entry_seen("f1", "guid-1")
    assert store.mark_entry_seen("f1", "guid-1")
    assert not store.mark_entry_seen("f1", "guid-1", capture_sha256="a" * 64)
    assert store.entry_seen("f1", "guid-1") and not store.entry_seen("f2", "guid-1")


def test_story_families(store: Store) -> None:
    store.set_family("a" * 64, "fam-1", b"\x01\x02")
    store.set_family("b" * 64, "fam-1", b"\x01\x03")
    store.set_family("c" * 64, "fam-2")
    assert store.family_of("b" * 64) == "fam-1" and store.family_of("d" * 64) is None
    assert store.family_members("fam-1") == ["a" * 64, "b" * 64]
    store.set_family("b" * 64, "fam-2")  # reassigned
    assert store.family_members("fam-1") == ["a" * 64]
    assert sorted(store.iter_signatures()) == [("a" * 64, "fam-1", b"\x01\x02")]


def test_audit_log_keeps_entries_in_order(store: Store) -> None:
    first = store.log_audit("merge", "incident:1", {"into": 2, "by": "analyst"})
    second = store.log_audit("verify", "incident:1")
    store.log_audit("merge", "incident:3")
    entries = store.audit_for("incident:1")
    assert [e.id for e in entries] == [first, second]
    assert entries[0].detail == {"into": 2, "by": "analyst"} and entries[1].detail == {}
    assert entries[0].at.tzinfo is not None
