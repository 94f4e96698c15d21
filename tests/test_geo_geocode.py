"""`warwatch geocode --jsonl`: the contract, bad lines, and bad spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warwatch.cli import build_app
from warwatch.geo.gazetteer import Gazetteer
from warwatch.geo.geocode import geocode_record

KEYS = {"start", "end", "name", "latitude", "longitude", "geonameid", "country_code",
        "feature_code", "score"}  # fmt: skip
TEXT = "Shelling hit Stepanakert and Qwzxyville overnight, officials in Baku said."


@pytest.fixture(scope="session")
def real_gazetteer() -> Gazetteer:
    """The offline default gazetteer at Settings.gazetteer_path (or $WARWATCH_GAZETTEER), built
    once if missing; the same file geo.geoparse opens, so the slow build happens at most once."""
    from warwatch.geo.index import ensure_gazetteer

    return ensure_gazetteer()


def _span(text: str, name: str) -> dict[str, int]:
    i = text.index(name)
    return {"start": i, "end": i + len(name)}


@pytest.mark.slow
def test_spans_given_contract(real_gazetteer: Gazetteer) -> None:
    rec = {
        "id": "a",
        "text": TEXT,
        "toponyms": [_span(TEXT, "Stepanakert"), _span(TEXT, "Qwzxyville")],
    }
    out = geocode_record(json.dumps(rec), real_gazetteer)
    assert out["id"] == "a" and len(out["toponyms"]) == 2
    step, unknown = out["toponyms"]
    assert set(step) == KEYS and set(unknown) == KEYS
    assert step["geonameid"] == 146970 and step["country_code"] == "AZ"
    assert 0.0 <= step["score"] <= 1.0
    assert (unknown["start"], unknown["end"]) == (
        _span(TEXT, "Qwzxyville")["start"],
        _span(TEXT, "Qwzxyville")["end"],
    )
    assert unknown["latitude"] is None and unknown["longitude"] is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("{not json", "malformed_record"),
        ("[1, 2]", "malformed_record"),
        ('{"id": "x"}', "malformed_record"),
        ('{"id": "x", "text": "abc", "toponyms": [{"start": 2, "end": 1}]}', "malformed_record"),
        ('{"id": "x", "text": "abc", "toponyms": [{"start": 0, "end": 99}]}', "malformed_record"),
        ('{"id": "x", "text": "abc", "toponyms": [{"start": "0", "end": 1}]}', "malformed_record"),
        ('{"id": "x", "text": "abc", "toponyms": {"start": 0}}', "malformed_record"),
    ],
)
def test_bad_records_give_errors(real_gazetteer: Gazetteer, line: str, code: str) -> None:
    out = geocode_record(line, real_gazetteer)
    assert out["error"]["code"] == code and out["error"]["message"]


@pytest.mark.slow
def test_empty_and_huge_records(real_gazetteer: Gazetteer) -> None:
    assert geocode_record('{"id": 1, "text": ""}', real_gazetteer) == {"id": 1, "toponyms": []}
    assert (
        geocode_record('{"id": 2, "text": "x", "toponyms": []}', real_gazetteer)["toponyms"] == []
    )
    text = "Baku " * 10_000
    spans = [{"start": 5 * k, "end": 5 * k + 4} for k in range(10_000)]
    out = geocode_record(json.dumps({"id": 3, "text": text, "toponyms": spans}), real_gazetteer)
    assert len(out["toponyms"]) == 10_000
    assert {t["country_code"] for t in out["toponyms"]} == {"AZ"}


@pytest.mark.slow
def test_cli_geocode_jsonl_goes_on_after_bad_lines(
    tmp_path: Path,
    real_gazetteer: Gazetteer,
    nlp,
) -> None:
    lines = [
        json.dumps({"id": "ok", "text": TEXT, "toponyms": [_span(TEXT, "Baku")]}),
        "{broken",
        json.dumps({"id": "find", "text": "Fighting continued in Stepanakert, Azerbaijan."}),
        json.dumps({"id": "none", "text": "Nothing happened to anyone today."}),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(build_app(), ["geocode", "--jsonl", str(path), "--workers", "1"])
    assert result.exit_code == 0, result.output
    outs = [json.loads(x) for x in result.stdout.splitlines()]
    assert [o.get("id") for o in outs] == ["ok", None, "find", "none"]
    assert outs[0]["toponyms"][0]["country_code"] == "AZ"
    assert outs[1]["error"]["code"] == "malformed_record"
    found = {t["name"]: t for t in outs[2]["toponyms"]}
    assert any(t["geonameid"] == 146970 for t in found.values())
    assert outs[3]["toponyms"] == []


def test_cli_geocode_bad_usage() -> None:
    result = CliRunner().invoke(build_app(), ["geocode"])
    assert result.exit_code == 2
