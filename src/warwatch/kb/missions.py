"""National contingents of multinational missions: "Kenyan troops" in Somalia in 2016 serve in
AMISOM, and ACLED names them "AMISOM: African Union Mission in Somalia (2007-) (Kenya)" rather
than "Military Forces of Kenya" (ACLED Codebook, "Actor Names, Types and Inter Codes": a group
with a distinct organisation in several countries carries the country name).

Data: ``data/missions.csv`` (mission, host country, contributor, years; each row sourced).
A mission is chosen only when the contributor served in it in the incident's year; with no
year known, the mission the contributor served in longest in that host country (a prior by
years served: AMISOM's 2012-2022 over ATMIS's 2022-2024 for Kenya).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..datafiles import data_rows
from .actors import Country


@dataclass(frozen=True)
class Contingent:
    mission: str
    host: str
    contributor: str
    from_year: int
    to_year: int | None


@cache
def contingents() -> tuple[Contingent, ...]:
    return tuple(
        Contingent(
            mission=r["mission"].strip(),
            host=r["host"].strip(),
            contributor=r["contributor"].strip(),
            from_year=int(r["from_year"]),
            to_year=int(r["to_year"]) if r["to_year"].strip() else None,
        )
        for r in data_rows("warwatch.kb", "data", "missions.csv")
    )


def mission_of(contributor: str, host: str, year: int | None) -> str | None:
    """The mission ``contributor``'s troops served in ``host`` in ``year`` (ISO codes)."""
    found = [c for c in contingents() if c.contributor == contributor and c.host == host]
    if year is not None:
        found = [c for c in found if c.from_year <= year <= (c.to_year or year)]
    if not found:
        return None
    return max(found, key=lambda c: ((c.to_year or c.from_year) - c.from_year, c.from_year)).mission


def contingent_name(contributor: Country, host: str, year: int | None) -> str | None:
    """ "AMISOM: African Union Mission in Somalia (Kenya)" for Kenyan troops in Somalia."""
    mission = mission_of(contributor.country_code, host, year)
    return f"{mission} ({contributor.name})" if mission else None


@cache
def mission_names() -> frozenset[str]:
    return frozenset(c.mission for c in contingents())


def is_contingent(name: str) -> bool:
    """Whether ``name`` is a mission contingent's name ("<Mission> (<Country>)")."""
    base, _, rest = name.partition(" (")
    return bool(rest) and base in mission_names()


def hosts_of(contributor: str) -> frozenset[str]:
    """Countries where ``contributor`` (ISO code) has served in a mission, any year."""
    return frozenset(c.host for c in contingents() if c.contributor == contributor)
