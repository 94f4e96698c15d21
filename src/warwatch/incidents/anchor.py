"""An incident location named with its province in brackets ("Formosa (Formosa)") is read inside
that province.

News and wire copy write "Town (Province)"; the gazetteer resolver does not read the bracket and
may take the name abroad (Formosa, Brazil). When the reading is not inside any first-level
division of the bracketed name, the most populous place of that name inside one is taken instead
(the resolver's own baseline, ``geo.resolve.most_populous``), a town before the division itself. Readings already inside, and names
with no place inside, are left alone.
"""

from __future__ import annotations

from ..geo.api import place_of
from ..geo.gazetteer import Candidate
from ..geo.index import ensure_gazetteer
from ..geo.locate import to_location
from ..geo.resolve import lookup_name, most_populous
from ..model import Location
from .story_country import Bracket, bracket_after


def _inside(c: Candidate, divisions: tuple[Candidate, ...]) -> bool:
    return any(c.country_code == d.country_code and c.admin1 == d.admin1 for d in divisions)


def in_province(where: Location | None, text: str, found: list[Bracket]) -> Location | None:
    if where is None or where.start is None or where.end is None:
        return where
    bracket = bracket_after(text, where.end, found)
    if bracket is None:
        return where
    gaz = ensure_gazetteer()
    now = gaz.place(where.geonameid) if where.geonameid is not None else None
    if now is not None and _inside(now, bracket.divisions):
        return where
    inside = [c for c in lookup_name(gaz, where.name) if _inside(c, bracket.divisions)]
    # "Formosa (Formosa)": the town, not the province it shares its name with.
    towns = [c for c in inside if c.feature_code.startswith("PPL")]
    best = most_populous(towns or inside)
    if best is None:
        return where
    place = place_of(where.name, where.start, where.end, best, where.score)
    return to_location(place, best.admin1_name)
