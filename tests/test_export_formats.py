"""Exports: each format parses back to the key fields it was written from, and streams."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store_fixtures import (  # noqa: F401  (fixtures are found by name)
    pg_session_url_fixture,
    report_st,
    sample_report,
    store_fixture,
    store_url_fixture,
    unique,
)
from warwatch.errors import WarwatchError
from warwatch.export import ACLED_COLUMNS, CSV_COLUMNS, export, incident_key
from warwatch.model import Actor, ActorRole, GeoPrecision, Incident, Report, SubEventType
from warwatch.store import Store


def _keyed(reports: list[Report]) -> list[Report]:
    """Distinct, deterministic sha256s (so Hypothesis can replay and shrink failures)."""
    out = []
    for i, report in enumerate(reports):
        sha = hashlib.sha256(f"{i}:{report.article.text}".encode()).hexdigest()
        out.append(
            report.model_copy(update={"article": report.article.model_copy(update={"sha256": sha})})
        )
    return out


reports_st = st.lists(report_st, max_size=4).map(_keyed)
FAST = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def incidents_of(reports: list[Report]) -> list[tuple[Report, int, Incident]]:
    return [(r, i, inc) for r in reports for i, inc in enumerate(r.incidents)]


def written(reports: list[Report], fmt: str) -> str:
    out = io.StringIO()
    count = export(reports, fmt, out)
    assert count == len(incidents_of(reports))
    return out.getvalue()


@FAST
@given(reports=reports_st)
def test_jsonl_round_trips_every_incident(reports: list[Report]) -> None:
    # Split on "\n" only, as a JSON Lines reader does: text may hold U+2028 and friends.
    lines = written(reports, "jsonl").split("\n")[:-1]
    expected = incidents_of(reports)
    assert len(lines) == len(expected)
    for line, (report, index, incident) in zip(lines, expected, strict=True):
        record = json.loads(line)
        assert Incident.model_validate(record["incident"]) == incident
        assert record["event_id"] == incident_key(report.article.sha256, index)
        assert record["article"]["sha256"] == report.article.sha256
        assert record["article"]["title"] == report.article.title


def _num(text: str) -> float | None:
    return float(text) if text else None


@FAST
@given(reports=reports_st)
def test_csv_round_trips_the_key_fields(reports: list[Report]) -> None:
    rows = list(csv.DictReader(io.StringIO(written(reports, "csv"))))
    expected = incidents_of(reports)
    assert len(rows) == len(expected)
    for row, (report, index, inc) in zip(rows, expected, strict=True):
        assert list(row) == list(CSV_COLUMNS)
        assert row["event_id_cnty"] == incident_key(report.article.sha256, index)
        assert (row["event_type"], row["sub_event_type"]) == (inc.event_type, inc.sub_event_type)
        assert row["date_start"] == (inc.date.start.isoformat() if inc.date.start else "")
        assert row["date_end"] == (inc.date.end.isoformat() if inc.date.end else "")
        assert row["location"] == (inc.location.name if inc.location else "")
        assert _num(row["latitude"]) == (inc.location.latitude if inc.location else None)
        assert _num(row["longitude"]) == (inc.location.longitude if inc.location else None)
        assert _num(row["fatalities"]) == inc.fatalities.best
        assert float(row["confidence"]) == inc.confidence
        assert row["article_sha256"] == report.article.sha256
        assert row["source"] == (report.article.publisher or "")


@FAST
@given(reports=reports_st)
def test_geojson_is_a_feature_collection_of_lon_lat_points(reports: list[Report]) -> None:
    doc = json.loads(written(reports, "geojson"))
    assert doc["type"] == "FeatureCollection"
    expected = incidents_of(reports)
    assert len(doc["features"]) == len(expected)
    for feature, (report, index, inc) in zip(doc["features"], expected, strict=True):
        assert feature["type"] == "Feature"
        assert feature["id"] == incident_key(report.article.sha256, index)
        loc = inc.location
        if loc is None or loc.latitude is None or loc.longitude is None:
            assert feature["geometry"] is None
        else:  # RFC 7946 s.3.1.1: longitude first
            assert feature["geometry"] == {
                "type": "Point",
                "coordinates": [loc.longitude, loc.latitude],
            }
        props = feature["properties"]
        assert props["event_type"] == inc.event_type
        assert props["fatalities"] == inc.fatalities.best
        assert props["article"]["sha256"] == report.article.sha256


def test_acled_codes_for_a_known_incident() -> None:
    text = "Shelling hit Stepanakert on Saturday, killing two civilians."
    report = sample_report(
        text,
        trigger="Shelling",
        place="Stepanakert",
        country="AZ",
        day=dt.date(2020, 10, 3),
        coords=(39.8177, 46.7528),
        killed=2,
        event_type=SubEventType.SHELLING,
    )
    row = next(csv.DictReader(io.StringIO(written([report], "csv"))))
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2020-10-03", "2020", "1")
    assert (row["iso"], row["country"], row["geo_precision"]) == ("31", "Azerbaijan", "1")
    assert row["disorder_type"] == "Political violence"
    assert row["notes"] == text  # the evidence passage
    assert row["inter1"] == "" and row["region"] == ""  # nothing to fill them with: left empty
    assert report.incidents[0].location is not None
    assert report.incidents[0].location.precision == GeoPrecision.TOWN


def test_acled_column_names_are_acleds(shared: Path) -> None:
    with (shared / "gold" / "acled_codebook_acledR.csv").open(encoding="utf-8") as fp:
        codebook = {row["Variable"] for row in csv.DictReader(fp)}
    newer = {"disorder_type", "civilian_targeting", "tags"}  # ACLED Codebook 2023, not in acledR's
    assert set(ACLED_COLUMNS) - newer <= codebook


def test_exports_stream(tmp_path: Path) -> None:
    """The first incident is written before the last report is even built."""
    built = []

    def reports() -> Iterator[Report]:
        for i in range(3):
            built.append(i)
            yield unique(sample_report(f"Clash {i} near the river.", trigger="Clash"))[1]

    class Probe(io.StringIO):
        first_write_after: int | None = None

        def write(self, s: str) -> int:
            if self.first_write_after is None and s.strip() not in (
                "",
                '{"type": "FeatureCollection", "features": [',
            ):
                self.first_write_after = len(built)
            return super().write(s)

    for fmt in ("jsonl", "csv", "geojson"):
        built.clear()
        probe = Probe()
        export(reports(), fmt, probe)
        assert probe.first_write_after is not None and probe.first_write_after < 3, fmt


def test_export_from_a_store(store: Store) -> None:
    capture, report = unique(
        sample_report(
            "An air strike hit Idlib.",
            trigger="air strike",
            place="Idlib",
            event_type=SubEventType.AIR_STRIKE,
            coords=(35.93, 36.63),
            country="SY",
        )
    )
    store.save_report(capture, report)
    out = io.StringIO()
    assert export(store, "geojson", out) == 1
    assert json.loads(out.getvalue())["features"][0]["geometry"]["coordinates"] == [36.63, 35.93]
    for fmt in ("jsonl", "csv", "geojson"):  # from the store = from the Reports it holds
        assert _text(store, fmt) == _text([report], fmt), fmt


def _text(source, fmt: str) -> str:
    out = io.StringIO()
    export(source, fmt, out)
    return out.getvalue()


def test_unknown_format_is_refused() -> None:
    with pytest.raises(WarwatchError, match="jsonl"):
        export([], "xml", io.StringIO())


def test_actor_sides_and_codes_follow_acled_naming() -> None:
    text = "Military Forces of Ruritania shelled Civilians (Ruritania) near a rebel camp."
    report = sample_report(text, trigger="shelled")
    named = [
        Actor(name="Military Forces of Ruritania", role=ActorRole.PERPETRATOR, start=0, end=28),
        Actor(name="Civilians (Ruritania)", role=ActorRole.TARGET, start=37, end=58),
        Actor(name="Rebel Camp Militia", role=ActorRole.PARTICIPANT, start=66, end=77),
    ]
    incident = report.incidents[0].model_copy(update={"actors": tuple(named)})
    report = report.model_copy(update={"incidents": (incident,)})
    row = next(csv.DictReader(io.StringIO(written([report], "csv"))))
    assert (row["actor1"], row["inter1"]) == ("Military Forces of Ruritania", "1")
    assert (row["actor2"], row["inter2"]) == ("Civilians (Ruritania)", "7")
    assert row["assoc_actor_1"] == "Rebel Camp Militia"
    assert (row["interaction"], row["civilian_targeting"]) == ("17", "Civilian targeting")

    unknown_side2 = incident.model_copy(
        update={"actors": (named[0], named[2].model_copy(update={"role": ActorRole.TARGET}))}
    )
    row = next(
        csv.DictReader(
            io.StringIO(written([report.model_copy(update={"incidents": (unknown_side2,)})], "csv"))
        )
    )
    assert (row["inter2"], row["interaction"], row["civilian_targeting"]) == ("", "", "")
