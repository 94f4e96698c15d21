"""Documentation that tests check: every command is in the README, every setting is explained."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import typer

from warwatch.cli import build_app
from warwatch.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def _commands(group: Any, prefix: str = "") -> list[str]:
    out = []
    for name, command in group.commands.items():
        out.append(f"{prefix}{name}")
        if hasattr(command, "commands"):  # a group (typer may vendor its own click classes)
            out.extend(_commands(command, f"{prefix}{name} "))
    return out


def test_every_command_appears_in_the_readme() -> None:
    group = typer.main.get_command(build_app())
    names = _commands(group)
    assert {"extract", "ingest", "demo", "geocode", "export"} <= set(names)
    missing = [n for n in names if not re.search(rf"warwatch {re.escape(n)}\b", README)]
    assert not missing, f"document these commands in README.md: {missing}"


def test_every_command_has_help() -> None:
    group = typer.main.get_command(build_app())
    for name, command in group.commands.items():
        assert command.help or command.short_help, f"command {name} has no help text"


def test_every_setting_has_a_description() -> None:
    for name, field in Settings.model_fields.items():
        assert field.description and len(field.description) > 15, name
