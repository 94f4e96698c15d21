"""Load the claims stage's data files (claimants, offices, countries, cues, grades), once.

Every table lives in ``claims/data/`` as text with a header naming its source; nothing is read at
import time, only on first use (``functools.cache``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from ..datafiles import data_rows
from ..errors import ConfigError

PACKAGE = "warwatch.claims"


@dataclass(frozen=True)
class ClaimantEntry:
    pattern: str
    name: str
    kind: str  # ngo | un | agency | media | government | military | police | monitor
    country: str | None
    source: str
    exact: bool = False  # match case-sensitively: the lower-cased form is an ordinary phrase


@dataclass(frozen=True)
class Office:
    phrase: str
    template: str  # "Ministry of Defence of {country}"
    kind: str
    source: str


def _rows(filename: str) -> list[dict[str, str]]:
    return data_rows(PACKAGE, "data", filename)


def _yaml(filename: str) -> dict[str, Any]:
    text = resources.files(PACKAGE).joinpath("data", filename).read_text("utf-8")
    loaded = yaml.safe_load(text)
    if not isinstance(loaded, dict):
        raise ConfigError(f"claims data file {filename} is not a mapping")
    return loaded


@cache
def claimants() -> tuple[ClaimantEntry, ...]:
    return tuple(
        ClaimantEntry(
            pattern=r["pattern"].strip(),
            name=r["name"].strip(),
            kind=r["kind"].strip(),
            country=r["country"].strip() or None,
            source=r["source"].strip(),
            exact=(r.get("case") or "").strip() == "exact",
        )
        for r in _rows("claimants.csv")
    )


@cache
def claimant_by_name() -> dict[str, ClaimantEntry]:
    """Canonical name -> first entry (for kind/country look-ups of an already normalised name)."""
    out: dict[str, ClaimantEntry] = {}
    for entry in claimants():
        out.setdefault(entry.name, entry)
    return out


@cache
def offices() -> tuple[Office, ...]:
    return tuple(
        Office(r["phrase"].strip(), r["template"].strip(), r["kind"].strip(), r["source"].strip())
        for r in _rows("offices.csv")
    )


@cache
def country_forms() -> dict[str, tuple[str, str, str]]:
    """Lower-cased form -> (kind, iso2, form as written) from countries.csv."""
    return {
        r["form"].strip().lower(): (r["kind"].strip(), r["iso2"].strip(), r["form"].strip())
        for r in _rows("countries.csv")
    }


@cache
def cues() -> dict[str, Any]:
    return _yaml("cues.yaml")


@cache
def grade_rules() -> dict[str, Any]:
    return _yaml("grades.yaml")


@cache  # asked per token and per claim; the cue lists never change in a process
def cue_set(key: str) -> frozenset[str]:
    values = cues().get(key, [])
    return frozenset(str(v).lower() for v in values)


@cache
def stance_of_lemma() -> dict[str, str]:
    """Verb lemma -> stance, from ``cues.yaml: stance_verbs`` (``denies_with_object`` excluded)."""
    out: dict[str, str] = {}
    for stance, lemmas in cues()["stance_verbs"].items():
        if stance == "denies_with_object":
            continue
        for lemma in lemmas:
            out[str(lemma).lower()] = stance
    return out
