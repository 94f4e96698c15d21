"""`warwatch kb treaty|state|weapon` print what the KB holds, with sources."""

from __future__ import annotations

from typer.testing import CliRunner

from warwatch.cli import build_app

runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(build_app(), ["kb", *args], env={"COLUMNS": "250"})
    return result.exit_code, result.output


def test_treaty_lists_standing_and_sources() -> None:
    code, out = _run("treaty", "CCM", "--as-of", "2025-06-01")
    assert code == 0
    assert "17(2)" in out and "UNTC" in out
    lt = next(line for line in out.splitlines() if line.startswith("│ LT"))
    assert "not a party" in lt and "2025-03-06" in lt


def test_treaty_without_status_source_says_unknown() -> None:
    code, out = _run("treaty", "bwc")
    assert code == 0 and "unknown" in out


def test_state_as_of() -> None:
    code, out = _run("state", "az", "--as-of", "2020-10-04")
    assert code == 0
    ccm = next(line for line in out.splitlines() if line.startswith("│ CCM "))
    assert "not a party" in ccm
    cwc = next(line for line in out.splitlines() if "Chemical Weapons" in line)
    assert "party" in cwc and "not a party" not in cwc


def test_weapon_shows_links_and_source() -> None:
    code, out = _run("weapon", "9N235")
    assert code == 0
    assert "9M55K" in out and "Smerch" in out and "HRW" in out


def test_bad_input_exits_2() -> None:
    assert _run("treaty", "no-such-treaty")[0] == 2
    assert _run("state", "AZE")[0] == 2
    assert _run("state", "XX")[0] == 2
    assert _run("state", "AZ", "--as-of", "yesterday")[0] == 2
    assert _run("weapon", "zzzz")[0] == 2


def test_protocol_table_lists_ccw_parties_that_did_not_accept_it() -> None:
    code, out = _run("treaty", "Protocol III", "--as-of", "2023-10-10")
    assert code == 0
    il = next(line for line in out.splitlines() if line.startswith("│ IL "))
    assert "not a party" in il and "has not consented" in il
