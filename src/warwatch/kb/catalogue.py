"""The weapons catalogue (``data/weapons.csv``): entries, aliases and their spelling variants.

Launchers, rounds and submunitions are separate linked entries (``parent_id``): a Smerch launcher
is not a cluster munition, its 9M55K rocket is. Each row names its source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..datafiles import data_rows
from ..model import WeaponKind

DATA_PACKAGE = "warwatch.kb.data"

# Designations split into letter and digit groups ("TB2", "Kh-101", "9M55K1"); writers join those
# groups with nothing, a hyphen or a space ("M095", "M-095", "M 095"), so all three are generated.
_GROUP = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?")
_DESIGNATION = re.compile(r"[A-Za-z0-9.\- ]+")


@dataclass(frozen=True)
class CatalogueEntry:
    id: str
    name: str
    kind: WeaponKind
    category: str
    origin_country: str | None
    maker: str | None
    parent_id: str | None
    aliases: tuple[str, ...]
    source: str

    @property
    def generic(self) -> bool:
        """A type ("cluster bombs", "artillery") rather than a named system: no maker, no origin."""
        return self.origin_country is None and self.maker is None


def read_data_csv(name: str) -> list[dict[str, str]]:
    """Rows of a packaged CSV, skipping the leading ``#`` source header."""
    return data_rows(DATA_PACKAGE, name)


@cache
def load_catalogue() -> dict[str, CatalogueEntry]:
    """All catalogue entries by id, read once per process."""
    entries: dict[str, CatalogueEntry] = {}
    for row in read_data_csv("weapons.csv"):
        aliases = tuple(a.strip() for a in row["aliases"].split(";") if a.strip())
        entries[row["id"]] = CatalogueEntry(
            id=row["id"],
            name=row["name"],
            kind=WeaponKind(row["kind"]),
            category=row["category"],
            origin_country=row["origin_country"] or None,
            maker=row["maker"] or None,
            parent_id=row["parent_id"] or None,
            aliases=(row["name"], *aliases),
            source=row["source"],
        )
    return entries


def designation_key(text: str) -> str:
    """Spelling-insensitive key: "Bayraktar TB-2" and "bayraktar tb2" give the same key."""
    return "".join(_GROUP.findall(text)).lower()


def _regroup(word: str) -> set[str]:
    groups = _GROUP.findall(word)
    if not 2 <= len(groups) <= 4 or not _DESIGNATION.fullmatch(word):
        return {word}
    return {sep.join(groups) for sep in ("", "-", " ")} | {word}


def spelling_variants(alias: str) -> set[str]:
    """The alias plus hyphen/space/no-separator variants of each designation in it."""
    variants = {alias}
    if not any(c.isdigit() for c in alias):
        return variants
    variants |= _regroup(alias)  # "Hermes 450" -> "Hermes-450", "Hermes450"
    if alias[-1].isdigit() or alias[-1].isupper():
        variants |= {v + "s" for v in set(variants)}  # plural designations: "Kh-101s", "Su-25s"
    words = alias.split(" ")
    for i, word in enumerate(words):  # "Bayraktar TB2" -> "Bayraktar TB-2", "Bayraktar TB 2"
        if any(c.isdigit() for c in word):
            variants |= {" ".join([*words[:i], v, *words[i + 1 :]]) for v in _regroup(word)}
    return variants


def find_entry(name: str) -> CatalogueEntry | None:
    """The entry whose id, name or alias matches ``name`` (spelling-insensitive)."""
    catalogue = load_catalogue()
    if name in catalogue:
        return catalogue[name]
    key = designation_key(name)
    for entry in catalogue.values():
        if any(designation_key(a) == key for a in entry.aliases):
            return entry
    return None


def children(entry_id: str) -> list[CatalogueEntry]:
    return [e for e in load_catalogue().values() if e.parent_id == entry_id]


def lineage(entry: CatalogueEntry) -> list[CatalogueEntry]:
    """The entry and its carriers, innermost first (submunition -> round -> launcher)."""
    catalogue = load_catalogue()
    chain = [entry]
    while chain[-1].parent_id and chain[-1].parent_id in catalogue and len(chain) < 8:
        chain.append(catalogue[chain[-1].parent_id])
    return chain
