"""What the knowledge base holds, for people: the library behind ``warwatch kb ...``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .catalogue import (
    CatalogueEntry,
    children,
    designation_key,
    find_entry,
    lineage,
    load_catalogue,
)
from .legal import CATEGORY_RULES, TREATY_PROVISIONS, Provision
from .status import Participation, Standing, has_status_data, parties, standing
from .treaties import Treaty, load_treaties


@dataclass(frozen=True)
class TreatyView:
    treaty: Treaty
    as_of: dt.date
    rows: tuple[tuple[Participation, Standing], ...]  # empty when no status source is packaged
    has_data: bool


@dataclass(frozen=True)
class WeaponView:
    entry: CatalogueEntry
    carriers: tuple[CatalogueEntry, ...]  # parent, grandparent, ...
    children: tuple[CatalogueEntry, ...]
    provisions: tuple[Provision, ...]
    customary: tuple[str, ...]


def _participants(treaty: Treaty) -> list[Participation]:
    """Recorded participants; for a CCW Protocol also the CCW parties that have not accepted it,
    so the table shows who is bound by the Convention but not by this Protocol."""
    found = {p.state: p for p in parties(treaty.key)}
    if treaty.key.startswith("ccw-") and has_status_data(treaty.key):
        for p in parties("ccw"):
            found.setdefault(p.state, Participation(treaty.key, p.state, source=p.source))
    return sorted(found.values(), key=lambda p: p.state)


def treaty_view(treaty: Treaty, as_of: dt.date) -> TreatyView:
    rows = tuple((p, standing(treaty.key, p.state, as_of)) for p in _participants(treaty))
    return TreatyView(treaty, as_of, rows, has_status_data(treaty.key))


def state_view(state: str, as_of: dt.date) -> list[Standing]:
    """The state's standing under every treaty in the KB on ``as_of``."""
    return [standing(key, state.upper(), as_of) for key in load_treaties()]


def find_weapons_by_name(name: str) -> list[CatalogueEntry]:
    """The exact entry if one matches, else every entry whose name or alias contains ``name``."""
    exact = find_entry(name)
    if exact is not None:
        return [exact]
    key = designation_key(name)
    return [
        e
        for e in load_catalogue().values()
        if key and any(key in designation_key(a) for a in e.aliases)
    ]


def weapon_view(entry: CatalogueEntry) -> WeaponView:
    return WeaponView(
        entry=entry,
        carriers=tuple(lineage(entry)[1:]),
        children=tuple(children(entry.id)),
        provisions=TREATY_PROVISIONS.get(entry.category, ()),
        customary=tuple(r.instrument for r in CATEGORY_RULES.get(entry.category, ())),
    )
