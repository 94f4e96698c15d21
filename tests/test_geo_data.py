"""Gazetteer data: the curated tables (areas, landmarks, demonyms, abbreviations), the airports
read from OurAirports, and the bare forms of Arabic names, as built into the offline index."""

from __future__ import annotations

import pytest

from warwatch.datafiles import data_rows
from warwatch.geo.build import (
    AREAS,
    CURATED,
    DEMONYMS,
    LANDMARKS,
    SITED,
    UNIVERSITIES,
    supplement_rows,
)
from warwatch.geo.fold import fold
from warwatch.geo.gazetteer import Gazetteer
from warwatch.geo.sources import airport_aliases, airports, bare_form, capital_ids
from warwatch.geo.store import DEMONYM

# GeoNames feature codes the curated tables may use (https://www.geonames.org/export/codes.html).
KNOWN_CODES = {
    "OCN", "SEA", "GULF", "BAY", "STRT", "STM", "LK", "CNL", "DSRT", "MTS", "PEN", "PLAT", "RGN", "ISL", "ISLS",
    "ADM1", "ADMD", "PCLI", "CONT", "PPL", "PPLA", "PPLC", "BLDG", "PAL", "CSTL", "SQR", "MNMT",
    "TOWR", "BDG", "PRK", "AMUS", "MILB", "PRN", "PS", "MFG", "MSQE", "ST", "HTL",
}  # fmt: skip


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    from warwatch.geo.index import ensure_gazetteer

    return ensure_gazetteer()


@pytest.mark.parametrize("table", [AREAS, LANDMARKS])
def test_curated_rows_are_sourced_and_well_formed(table: str) -> None:
    rows = list(supplement_rows(table))
    assert len(rows) > 30
    for r in rows:
        assert r["source"].startswith(("GeoNames ", "Wikipedia: ")), r["name"]
        if r["geonameid"]:
            assert r["source"].startswith(f"GeoNames {r['geonameid']}"), r["name"]
        assert -90 <= float(r["latitude"]) <= 90 and -180 <= float(r["longitude"]) <= 180
        assert r["feature_code"] in KNOWN_CODES, r["name"]


def test_no_name_is_defined_twice_across_the_curated_tables() -> None:
    seen: dict[str, str] = {}
    for table in CURATED:
        for r in supplement_rows(table):
            key = fold(r["name"])
            assert key not in seen, f"{r['name']} in {table} and {seen[key]}"
            seen[key] = table


def test_demonym_targets_are_country_or_admin1_codes() -> None:
    for r in data_rows("warwatch.geo", "data", DEMONYMS):
        t = r["target"]
        assert (len(t) == 2 and t.isupper()) or (t[:2].isupper() and t[2] == "."), t
        assert r["demonyms"] and r["source"].startswith(("Wikipedia: ", "U.S. GPO Style Manual"))


@pytest.mark.parametrize("table", [t for t, _, _ in SITED])
def test_sited_rows_name_a_city_and_a_source(table: str) -> None:
    rows = data_rows("warwatch.geo", "data", table)
    assert len(rows) > (100 if table == UNIVERSITIES else 30)
    for r in rows:
        assert r["city"] and r["source"].startswith("Wikipedia: "), r["name"]
        assert r["admin1"].startswith(r["country_code"] + "."), r["name"]


def test_airport_short_name_drops_airport_words_and_the_city() -> None:
    never = lambda name: False  # noqa: E731
    assert "Heathrow" in airport_aliases(
        "London Heathrow Airport", "London", "Heathrow Airport", never
    )
    assert "Schiphol" in airport_aliases("Amsterdam Airport Schiphol", "Amsterdam", "", never)


def test_airport_short_name_never_takes_a_place_or_a_generic_word() -> None:
    is_cornwall = lambda name: name == "Cornwall"  # noqa: E731
    assert "Cornwall" not in airport_aliases(
        "Newquay Cornwall Airport", "Newquay", "Newquay Airport", is_cornwall
    )
    never = lambda name: False  # noqa: E731
    assert airport_aliases("Nantucket Memorial Airport", "Nantucket", "", never) == []
    # A Wikipedia disambiguator is not part of the name.
    aliases = airport_aliases("Lincoln Airport", "Lincoln", "Lincoln Airport (Nebraska)", never)
    assert all("Nebraska" not in a for a in aliases)
    # A regional airport keeps its full names only.
    assert airport_aliases("Dauphin Barker Airport", "Dauphin", "", never, bare=False) == []


def test_airports_are_scheduled_large_or_medium_ones() -> None:
    found = list(airports())
    assert 2_000 < len(found) < 6_000  # not OurAirports' ~70,000 strips and helipads
    assert all(p.feature_code == "AIRP" and p.id < 0 for p in found)
    heathrow = next(p for p in found if p.name == "London Heathrow Airport")
    assert heathrow.country_code == "GB" and heathrow.admin1 == "GB.ENG"


@pytest.mark.parametrize(
    ("name", "bare"),
    [("Al Qāmishlī", "Qāmishlī"), ("Ar Raqqah", "Raqqah"), ("Aş Şanamayn", "Şanamayn"),
     ("El-Mahalla", "Mahalla"), ("Al Ain", ""), ("Alexandria", ""), ("Ash Shaykh Maskin", "Shaykh Maskin")],
)  # fmt: skip
def test_bare_form_drops_the_arabic_article(name: str, bare: str) -> None:
    assert bare_form(name) == bare


def _city(gid: int, name: str, lat: float, lon: float, pop: int, alt: list[str] | None = None):
    return {
        "geonameid": gid, "name": name, "latitude": lat, "longitude": lon,
        "countrycode": "US", "population": pop, "alternatenames": alt or [],
    }  # fmt: skip


def test_only_one_namesake_is_the_capital() -> None:
    rows = [
        _city(4140963, "Washington", 38.90, -77.04, 689_545),
        _city(4915545, "Washington", 40.70, -89.41, 16_664),  # Washington, Illinois
        _city(5549222, "Washington", 37.13, -113.51, 24_299),  # Washington, Utah
    ]
    assert capital_ids(rows, {"US": "Washington"}, {"US": (38.9, -77.0)}) == {4140963}
    # Without a capital point the most populous namesake is the capital.
    assert capital_ids(rows, {"US": "Washington"}, {}) == {4140963}
    # A spelling variant ("Bogota"/"Bogotá") still finds it, through the folded names.
    rows = [_city(3688689, "Bogotá", 4.61, -74.08, 7_674_366, ["Bogota"])]
    assert capital_ids(rows, {"US": "Bogota"}, {}) == {3688689}


def _codes(gaz: Gazetteer, name: str) -> set[tuple[str, str]]:
    return {(c.feature_code, c.country_code) for c in gaz.candidates(name)}


@pytest.mark.slow
def test_built_index_holds_the_new_data(gaz: Gazetteer) -> None:
    assert ("AIRP", "GB") in _codes(gaz, "Heathrow")
    # Of the 21 US towns named Washington only the capital (GeoNames 4140963) is PPLC.
    capitals = [c for c in gaz.candidates("Washington") if c.feature_code == "PPLC"]
    assert [c.geonameid for c in capitals] == [4140963]
    assert ("AIRP", "NL") in _codes(gaz, "Schiphol")
    assert ("OCN", "") in _codes(gaz, "Atlantic")
    assert ("BLDG", "US") in _codes(gaz, "Oval Office")
    assert ("PPL", "SY") in _codes(gaz, "Qamishli")
    assert ("ADM1", "AU") in _codes(gaz, "NSW")
    assert any(c.kind == DEMONYM and c.country_code == "SA" for c in gaz.candidates("Saudi"))
    assert any(c.kind == DEMONYM and c.feature_code == "RGN" for c in gaz.candidates("Kurdish"))
    assert any(c.kind == DEMONYM and c.admin1 == "GB.SCT" for c in gaz.candidates("Scottish"))
    assert ("ADM2", "NG") in _codes(gaz, "Guma LGA")
    assert any(c.kind == DEMONYM and c.admin1 == "CA.08" for c in gaz.candidates("Ontarians"))
    ucla = next(c for c in gaz.candidates("UCLA") if c.feature_code == "UNIV")
    assert ucla.admin1 == "US.CA" and abs(ucla.latitude - 34.05) < 0.2  # Los Angeles' point
    assert ("MILB", "US") in _codes(gaz, "Fort Moore")  # Fort Benning's name 2023-2025
    # Every university found its campus city in its division.
    assert sum(1 for c in gaz.candidates("Cairo University") if c.feature_code == "UNIV") == 1
    # A hamlet's stripped variant is not a name ("An Nazi" of a village of 0 people).
    assert not any(c.country_code == "SY" for c in gaz.candidates("Nazi"))
