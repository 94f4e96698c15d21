"""Every data file the code reads must ship in the wheel: its suffix must match package-data."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "warwatch"
PYPROJECT = SRC.parents[1] / "pyproject.toml"
DOCS = {"README.md"}  # documentation beside data, not read by code


def test_every_data_file_matches_a_package_data_pattern() -> None:
    config = tomllib.loads(PYPROJECT.read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["*"]
    missing = [
        str(path.relative_to(SRC))
        for path in SRC.rglob("*")
        if path.is_file()
        and path.suffix not in (".py", ".pyc")
        and path.name not in DOCS
        and "__pycache__" not in path.parts
        and not any(fnmatch.fnmatch(path.name, p) for p in patterns)
    ]
    assert not missing, f"add patterns to [tool.setuptools.package-data] for: {missing}"
