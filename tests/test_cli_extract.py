"""`warwatch extract`: single file, stdin, --jsonl with bad lines, exit codes (CONTRACT.md)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from warwatch.cli import build_app

runner = CliRunner()


def test_jsonl_bad_lines_keep_their_place_and_the_run_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "a",
                "text": "Protesters gathered in Yerevan on Monday.",
                "published": "2020-10-05",
            }
        ),
        "{not json",
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": "Fine text.", "published": "5 Oct"}),
        "",
        json.dumps(
            {
                "id": 7,
                "html": "<html><body><p>Shelling hit the town of Martuni on Sunday, "
                "killing two civilians, officials said.</p></body></html>",
            }
        ),
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(build_app(), ["extract", "--jsonl", str(path), "--workers", "1"])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o.get("id") for o in out] == ["a", None, "c", "d", "7"]
    assert out[0]["schema_version"] == 1 and out[0]["article"]["published"] == "2020-10-05"
    assert out[1]["error"]["code"] == "malformed_record" and "line 2" in out[1]["error"]["message"]
    assert out[2]["error"]["code"] == "malformed_record" and '"text"' in out[2]["error"]["message"]
    assert "published" in out[3]["error"]["message"]
    assert "Martuni" in out[4]["article"]["text"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(build_app(), ["extract"]).exit_code == 2
    f = tmp_path / "a.txt"
    f.write_text("x", encoding="utf-8")
    assert runner.invoke(build_app(), ["extract", str(f), "--jsonl", str(f)]).exit_code == 2
    assert (
        runner.invoke(build_app(), ["extract", str(f), "--published", "yesterday"]).exit_code == 2
    )


def test_stdin_and_empty_file(tmp_path: Path) -> None:
    result = runner.invoke(build_app(), ["extract", "-"], input="Police arrested ten protesters.")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article"]["text"].startswith("Police arrested")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(build_app(), ["extract", str(empty)])
    assert result.exit_code != 0


def test_non_english_article_is_processed_with_a_warning() -> None:
    french = (
        "Les forces azerbaïdjanaises ont bombardé Stepanakert dimanche, tuant deux civils, "
        "selon les autorités arméniennes. Le ministère de la Défense a démenti."
    )
    result = runner.invoke(build_app(), ["extract", "-"], input=french)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["article"]["language"] == "fr"
    assert "language 'fr'" in result.stderr and "English text only" in result.stderr
    english = runner.invoke(build_app(), ["extract", "-"], input="Police arrested ten protesters.")
    assert "warning" not in english.stderr
