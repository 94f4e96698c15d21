"""The actor dictionary: named armed groups, generic actor classes and state forces by demonym.

Data: ``data/actors.csv`` (phrases -> canonical ACLED-style names, each row sourced) and
``data/actor_demonyms.csv`` (demonyms -> ISO country, from countryinfo 1.0.1, MIT). Names follow ACLED's
conventions (ACLED Codebook 2023, "Actor Names, Types and Inter Codes"): state forces are
"Military Forces of <Country>" / "Police Forces of <Country>", generic classes take the country in
brackets ("Protesters (Armenia)").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..datafiles import data_rows

# Nouns that, after a demonym or country name, make a state-forces actor. Police nouns make a
# police actor. Chosen from ACLED's State Forces inter code description (military, police, ...).
MILITARY_NOUNS = frozenset(
    [
        "forces",
        "troops",
        "army",
        "military",
        "soldiers",
        "servicemen",
        "navy",
        "artillery",
        "units",
        "side",
    ]
)
POLICE_NOUNS = frozenset(["police", "policemen", "gendarmes", "gendarmerie"])


@dataclass(frozen=True)
class ActorEntry:
    phrase: str
    canonical: str
    kind: str  # state | police | rebel | militia | unidentified | protesters | rioters | civilians | external
    country_code: str | None
    source: str


@dataclass(frozen=True)
class Country:
    name: str
    country_code: str


def _rows(filename: str) -> Iterator[dict[str, str]]:
    yield from data_rows("warwatch.kb", "data", filename)


@cache
def actor_entries() -> tuple[ActorEntry, ...]:
    return tuple(
        ActorEntry(
            phrase=r["phrase"].strip().lower(),
            canonical=r["canonical"].strip(),
            kind=r["kind"].strip(),
            country_code=r["country_code"].strip() or None,
            source=r["source"].strip(),
        )
        for r in _rows("actors.csv")
    )


# Where ACLED spells a country differently from countryinfo, actor names use ACLED's spelling
# ("Military Forces of Democratic Republic of Congo"). Source: the ACLEDcountry column of
# Rdatasets' Ecdat/ACLEDpopGDP.csv (ACLED country names, extracted 2024-10-24).
ACLED_COUNTRY_NAMES = {"CD": "Democratic Republic of Congo", "BS": "Bahamas"}


def _country(row: dict[str, str]) -> Country:
    code = row["country_code"].strip()
    return Country(ACLED_COUNTRY_NAMES.get(code, row["country"].strip()), code)


@cache
def demonyms() -> dict[str, Country]:
    """Lower-cased demonym -> country."""
    return {r["demonym"].strip().lower(): _country(r) for r in _rows("actor_demonyms.csv")}


@cache
def countries() -> dict[str, Country]:
    """Lower-cased country short name -> country: the names the demonym table carries and
    ACLED's spelling of them."""
    out = {r["country"].strip().lower(): _country(r) for r in _rows("actor_demonyms.csv")}
    return out | {c.name.lower(): c for c in out.values()}


def country_of_code(code: str) -> Country | None:
    for c in demonyms().values():
        if c.country_code == code:
            return c
    return None


def state_name(kind: str, country: Country | None) -> str:
    """ACLED-style name of a state force: "Military Forces of Azerbaijan"."""
    base = "Police Forces" if kind == "police" else "Military Forces"
    return f"{base} of {country.name}" if country else base


GENERIC_STATE_NAMES = frozenset({"Military Forces", "Police Forces"})


def qualified_name(entry: ActorEntry, country: Country | None) -> str:
    """Generic classes take the article's country in brackets, as ACLED writes them. A state
    force the dictionary names itself ("Rapid Support Forces") keeps its row's name: ACLED lists
    such forces under their own names, not as the country's "Military Forces of X"."""
    if entry.kind in ("state", "police") and entry.canonical not in GENERIC_STATE_NAMES:
        return entry.canonical
    if entry.kind in ("state", "police"):
        return state_name(entry.kind, country)
    generic = entry.kind in (
        "protesters",
        "rioters",
        "civilians",
        "unidentified",
        "militia",
        "rebel",
    )
    if generic and entry.country_code is None and country is not None:
        return f"{entry.canonical} ({country.name})"
    return entry.canonical
