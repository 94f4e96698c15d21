"""Gazetteer: building (small fixture, atomic publication) and the real offline build."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from warwatch.geo.fold import fold, skeleton
from warwatch.geo.gazetteer import SKELETON_MATCH, Gazetteer
from warwatch.geo.records import GazPlace
from warwatch.geo.store import DEMONYM, writing

STEPANAKERT = 146970


@pytest.fixture(scope="session")
def real_gazetteer() -> Gazetteer:
    """The offline default gazetteer at Settings.gazetteer_path (or $WARWATCH_GAZETTEER), built
    once if missing; the same file geo.geoparse opens, so the slow build happens at most once."""
    from warwatch.geo.index import ensure_gazetteer

    return ensure_gazetteer()


def small_places() -> list[GazPlace]:
    return [
        GazPlace(1, "Springfield", 39.80, -89.64, "PPLA", "US", "US.IL", "", 30_000),
        GazPlace(2, "Springfield", 37.21, -93.29, "PPL", "US", "US.MO", "", 167_000),
        GazPlace(3, "Illinois", 40.0, -89.0, "ADM1", "US", "US.IL", "", 12_000_000),
        GazPlace(4, "Missouri", 38.25, -92.5, "ADM1", "US", "US.MO", "", 6_000_000),
        GazPlace(5, "Tartar", 40.34, 46.93, "PPL", "AZ", "AZ.57", "", 20_400, ["Terter"]),
        GazPlace(
            6, "Armenia", 40.0, 45.0, "PCLI", "AM", population=3_000_000, demonyms=["Armenian"]
        ),  # fmt: skip
        GazPlace(7, "Xankendi", 39.8, 46.75, "PPL", "AZ", "AZ.61", "", 50_000),
    ]


def build_small(path: Path) -> Path:
    with writing(path) as w:
        for p in small_places():
            w.add_place(p)
        return w.finish({"source": "test fixture"})


def test_fold_and_skeleton_variants() -> None:
    assert fold("Xankəndi") == fold("Xankendi") == "xankendi"
    assert fold("St. Louis") == "saint louis"
    assert fold("Nagorno-Karabakh") == fold("Nagorno Karabakh")
    assert skeleton("Khankendi") == skeleton("Xankendi")
    assert skeleton("Terter") == skeleton("Tartar")
    assert skeleton("Gaza") == ""  # too short to be safe


def test_small_build_lookup(tmp_path: Path) -> None:
    gaz = Gazetteer(build_small(tmp_path / "g.sqlite"))
    springs = gaz.candidates("Springfield")
    assert [c.id for c in springs] == [2, 1]  # most populous first
    assert gaz.candidates("Terter")[0].name == "Tartar"
    armenian = gaz.candidates("Armenian")
    assert armenian and armenian[0].kind == DEMONYM and armenian[0].country_code == "AM"
    assert gaz.candidates("Armenians")[0].id == 6
    # Spelling variant not in the data: found through the skeleton key, marked as such.
    variant = gaz.candidates("Khankendi")
    assert variant and variant[0].id == 7 and variant[0].kind == SKELETON_MATCH
    assert gaz.candidates("Nowhere-on-Earth") == ()


def test_build_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "g.sqlite"
    with pytest.raises(RuntimeError), writing(target) as w:
        w.add_place(small_places()[0])
        assert not target.exists()  # nothing published while building
        raise RuntimeError("build failed")
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []  # the temp file is gone too
    build_small(target)
    old = sqlite3.connect(target)
    build_small(target)  # a rebuild replaces the file; an open reader keeps its snapshot
    assert old.execute("SELECT count(*) FROM place").fetchone()[0] == len(small_places())


@pytest.mark.slow
@pytest.mark.parametrize("name", ["Stepanakert", "Khankendi", "Xankendi", "Xankəndi"])
def test_real_stepanakert_names(real_gazetteer: Gazetteer, name: str) -> None:
    best = real_gazetteer.candidates(name)[0]
    assert best.id == STEPANAKERT
    assert best.country_code == "AZ"
    assert abs(best.latitude - 39.8177) < 0.01 and abs(best.longitude - 46.7528) < 0.01


@pytest.mark.slow
def test_real_build_has_conflict_places(real_gazetteer: Gazetteer) -> None:
    for name, cc in [("Nagorno-Karabakh", "AZ"), ("Gaza Strip", "PS"), ("West Bank", "PS"),
                     ("Donbas", "UA"), ("Tigray", "ET"), ("Idlib Governorate", "SY")]:  # fmt: skip
        found = real_gazetteer.candidates(name)
        assert found, name
        assert found[0].country_code == cc, name
    assert real_gazetteer.candidates("Terter")[0].country_code == "AZ"
    assert any(c.feature_code == "PCLI" for c in real_gazetteer.candidates("Turkey"))
    assert real_gazetteer.candidates("Ky.")[0].admin1 == "US.KY"


@pytest.mark.parametrize(
    "name", ["U.S.", "Turkey", "St. Louis", "The Gambia", "Mt. Everest", "Côte d'Ivoire", "A--B c"]
)
def test_quick_fold_agrees_with_fold(name: str) -> None:
    from warwatch.geo.fold import quick_fold

    assert quick_fold(name) == fold(name)
