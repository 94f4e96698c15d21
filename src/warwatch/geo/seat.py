"""The main town of an administrative division: where an event known only at region level is
put on the map.

ACLED codes an event whose report names only a region at the region's main town (geo-precision
3; with only a district known, the district's main town: ACLED Codebook, "Event Geography",
summarised by ACCORD, https://www.ecoi.net/en/blog/new-extended-issues-of-accords-overviews-on-conflict-events-based-on-acled-data:
"the province capital's coordinates are used for the event"). The gazetteer's cities (GeoNames
cities500) carry no seat code (PPLA). Many divisions are named after their seat (Mendoza, Santa
Fe, Armavir), so a sizeable town of the division's own name is taken first; else the
division's most populous town, which is its capital in most divisions (Posadas, Kapan, Ijevan)
but not all (Chubut's is Comodoro Rivadavia, its capital Rawson).
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from pathlib import Path

from .gazetteer import Candidate, Gazetteer

# A namesake town must be a town of some size to be taken for the seat (villages named after
# their province are common): the same floor as contain.NAMESAKE_MIN_POP.
SEAT_NAMESAKE_MIN_POP = 10_000

_QUERY = (
    "SELECT name, lat, lon FROM place WHERE admin1 = ? AND cc = ? AND fcode LIKE 'PPL%'"
    " {extra} ORDER BY population DESC LIMIT 1"
)


def main_town(gaz: Gazetteer, division: Candidate) -> tuple[str, float, float] | None:
    """(name, latitude, longitude) of the most populous town of ``division`` (an ADM1 or ADM2
    row); None for other places, or when the gazetteer has no town in it."""
    code = division.feature_code
    if not code.startswith(("ADM1", "ADM2")) or not division.admin1:
        return None
    namesakes = [
        c
        for c in gaz.candidates(division.name)
        if c.feature_code.startswith("PPL")
        and c.country_code == division.country_code
        and c.admin1 == division.admin1
        and c.population >= SEAT_NAMESAKE_MIN_POP
    ]
    if namesakes:
        town = max(namesakes, key=lambda c: c.population)
        return town.name, town.latitude, town.longitude
    admin2 = division.admin2 if code.startswith("ADM2") else ""
    if code.startswith("ADM2") and not admin2:
        return None  # second-level codes are missing for some sources: no town to match
    return _main_town(gaz.path, division.country_code, division.admin1, admin2)


@lru_cache(maxsize=4096)
def _main_town(path: Path, cc: str, admin1: str, admin2: str) -> tuple[str, float, float] | None:
    # A connection of its own, read-only: this runs rarely (region-level incidents only) and
    # must not share the gazetteer's per-thread connection across forks.
    db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        extra = "AND admin2 = ?" if admin2 else ""
        params = (admin1, cc, admin2) if admin2 else (admin1, cc)
        row = db.execute(_QUERY.format(extra=extra), params).fetchone()
    finally:
        db.close()
    return (str(row[0]), float(row[1]), float(row[2])) if row else None
