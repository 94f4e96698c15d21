"""Shared fixtures. ``shared`` is the project's ../shared folder (seed story, gold data, KB sources)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# One gazetteer index for every test run of this checkout (built on first use, ~1 minute), kept
# outside the user's data dir; tests that isolate the data dir still share it.
os.environ.setdefault("WARWATCH_GAZETTEER", str(REPO / ".cache" / "gazetteer.sqlite"))
SHARED = Path(os.environ.get("WARWATCH_SHARED", REPO.parent / "shared"))
SEED = SHARED / "seed" / "stepanakert-cluster-munitions.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"no shared data folder at {SHARED} (set WARWATCH_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    return shared / "seed" / "stepanakert-cluster-munitions.txt"


@pytest.fixture(scope="session")
def nlp():
    from warwatch.nlp import build_nlp

    return build_nlp()


@pytest.fixture()
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An isolated data directory so no test touches the user's store or gazetteer."""
    d = tmp_path / "data"
    d.mkdir()
    monkeypatch.setenv("WARWATCH_DATA_DIR", str(d))
    monkeypatch.delenv("WARWATCH_DB", raising=False)
    return d


@pytest.fixture()
def no_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Incident assembly tested apart from the gazetteer (geo has its own tests)."""
    monkeypatch.setattr("warwatch.geo.locate_incident", lambda doc, trigger, places: None)
