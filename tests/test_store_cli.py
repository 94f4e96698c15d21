"""`warwatch db upgrade / incidents / show / export` through typer's CliRunner."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from store_fixtures import sample_report, unique
from warwatch.cli import build_app
from warwatch.model import SubEventType
from warwatch.store import NotFound, open_store

runner = CliRunner()


@pytest.fixture()
def db(tmp_path: Path, data_dir: Path) -> tuple[str, list[int]]:
    """A SQLite store with two incidents; returns its URL and their ids."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    store = open_store(url)
    ids = []
    stories = [
        (
            "Shelling hit Stepanakert [at night], killing two.",
            "Shelling",
            "Stepanakert",
            "AZ",
            dt.date(2020, 10, 3),
            (39.8177, 46.7528),
            SubEventType.SHELLING,
        ),
        (
            "Protesters marched in Tbilisi.",
            "marched",
            "Tbilisi",
            "GE",
            dt.date(2021, 3, 1),
            None,
            SubEventType.PEACEFUL_PROTEST,
        ),
    ]
    for text, trigger, place, cc, day, coords, sub in stories:
        capture, report = unique(
            sample_report(
                text,
                trigger=trigger,
                place=place,
                country=cc,
                day=day,
                coords=coords,
                event_type=sub,
                killed=2 if coords else None,
                title=f"{place} report",
            )
        )
        ids += store.save_report(capture, report).incident_ids
    return url, ids


def run(*args: str):
    result = runner.invoke(build_app(), list(args))
    return result


def test_db_upgrade_creates_the_database_where_settings_say(data_dir: Path) -> None:
    result = run("db", "upgrade")
    assert result.exit_code == 0, result.output
    assert "revision" in result.output
    assert (data_dir / "warwatch.db").is_file()  # default: SQLite in the data dir


def test_db_flag_beats_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WARWATCH_DB", f"sqlite:///{tmp_path / 'env.db'}")
    assert run("db", "upgrade", "--db", f"sqlite:///{tmp_path / 'flag.db'}").exit_code == 0
    assert (tmp_path / "flag.db").is_file() and not (tmp_path / "env.db").exists()


def test_incidents_lists_and_filters(db: tuple[str, list[int]]) -> None:
    url, ids = db
    everything = run("incidents", "--db", url)
    assert everything.exit_code == 0, everything.output
    assert "Stepanakert" in everything.output and "Tbilisi" in everything.output
    shelling = run("incidents", "--db", url, "--type", "explosions", "--q", 'cluster "night')
    assert "No incidents match" in shelling.output  # "cluster" is not in the text
    only = run(
        "incidents", "--db", url, "--type", "explosions", "--country", "az", "--since", "2020-10-01"
    )
    assert "Stepanakert" in only.output and "Tbilisi" not in only.output
    page2 = run("incidents", "--db", url, "--limit", "1", "--offset", "1")
    assert "Stepanakert" in page2.output and "Tbilisi" not in page2.output  # newest first
    assert run("incidents", "--db", url, "--since", "yesterday").exit_code == 2
    assert run("incidents", "--db", url, "--type", "bogus").exit_code == 2


def test_show_prints_fields_evidence_and_article(db: tuple[str, list[int]]) -> None:
    url, ids = db
    result = run("show", str(ids[0]), "--db", url)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Shelling/artillery/missile attack" in out and "Stepanakert" in out
    assert "[at night]" in out  # source text is shown as written, not read as markup
    assert "Stepanakert report" in out and "Killed: 2" in out


def test_show_json_is_machine_readable(db: tuple[str, list[int]]) -> None:
    url, ids = db
    result = run("show", str(ids[0]), "--json", "--db", url)
    doc = json.loads(result.output)
    assert doc["id"] == ids[0]
    assert doc["incident"]["location"]["name"] == "Stepanakert"
    assert doc["evidence_text"][0].startswith("Shelling hit Stepanakert")
    assert doc["article"]["title"] == "Stepanakert report" and "text" not in doc["article"]


def test_show_unknown_id_fails(db: tuple[str, list[int]]) -> None:
    url, _ = db
    result = run("show", "9999", "--db", url)
    assert result.exit_code != 0 and isinstance(result.exception, NotFound)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_export_to_a_file_and_stdout(db: tuple[str, list[int]], tmp_path: Path, fmt: str) -> None:
    url, _ = db
    path = tmp_path / f"out.{fmt}"
    result = run("export", "--format", fmt, "-o", str(path), "--db", url)
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    if fmt == "jsonl":
        assert len(text.splitlines()) == 2
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert sorted(r["location"] for r in rows) == ["Stepanakert", "Tbilisi"]
    else:
        doc = json.loads(text)
        assert [f["geometry"] is None for f in doc["features"]].count(True) == 1
    assert run("export", "--format", fmt, "--db", url).stdout.strip() != ""


def test_export_refuses_unknown_formats(db: tuple[str, list[int]]) -> None:
    assert run("export", "--format", "xml", "--db", db[0]).exit_code == 2


def test_export_takes_the_same_filters_as_incidents(db: tuple[str, list[int]]) -> None:
    url, _ = db
    result = run("export", "--format", "csv", "--country", "GE", "--db", url)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["location"] for r in rows] == ["Tbilisi"]
    none = run("export", "--format", "jsonl", "--q", "nothingmatcheshere", "--db", url)
    assert none.exit_code == 0 and none.stdout == ""
