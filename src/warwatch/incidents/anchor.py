"""An incident location named with its province in brackets ("Formosa (Formosa)") is read inside
that province.

News and wire copy write "Town (Province)"; the gazetteer resolver does not read the bracket and
may take the name abroad (Formosa, Brazil). When the reading is not inside any first-level
division of the bracketed name, the most populous place of that name inside one is taken instead
(the resolver's own baseline, ``geo.resolve.most_populous``), a town before the division itself. Readings already inside, and names
with no place inside, are left alone.

The recogniser may cut a long name short ("San Fernando" of "San Fernando del Valle de
Catamarca (Catamarca)") or miss it ("in Dolores (Buenos Aires)", the tagger reading a person):
the name is taken up to the bracket, and an incident with no location takes the first
"Town (Province)" of the story whose town lies in the province, the form wire copy and ACLED
notes use for the event's place. A town the gazetteer has nowhere inside its bracketed province
gives way to the province (at its main town, geo.seat).
"""

from __future__ import annotations

import re

from ..geo.api import place_of
from ..geo.gazetteer import Candidate
from ..geo.index import ensure_gazetteer
from ..geo.locate import to_location
from ..geo.resolve import lookup_name, most_populous
from ..model import Location
from .story_country import Bracket, bracket_after


def _inside(c: Candidate, divisions: tuple[Candidate, ...]) -> bool:
    return any(c.country_code == d.country_code and c.admin1 == d.admin1 for d in divisions)


# The rest of a name the recogniser cut short, up to a bracket: " del Valle de Catamarca".
_REST = re.compile(r"^(?:\s+(?:de|del|la|las|los|el|[A-Z][\w'.-]*))+(?=\s*\()")
# A capitalised name, with Spanish/Portuguese connectors, right before a bracket.
_BEFORE = re.compile(r"([A-Z][\w'.-]*(?:\s+(?:de|del|la|las|los|el|[A-Z][\w'.-]*))*)\s*$")


def in_province(where: Location | None, text: str, found: list[Bracket]) -> Location | None:
    if where is None or where.start is None or where.end is None:
        return where or _first_bracketed(text, found)
    bracket = bracket_after(text, where.end, found)
    name, end = where.name, where.end
    if bracket is None and (rest := _REST.match(text[where.end :])):
        end = where.end + rest.end()
        name = text[where.start : end]
        bracket = bracket_after(text, end, found)
    if bracket is None:
        return where
    gaz = ensure_gazetteer()
    now = gaz.place(where.geonameid) if where.geonameid is not None else None
    if now is not None and _inside(now, bracket.divisions):
        return where
    again = _read_inside(name, where.start, end, bracket, where.score)
    return again or _the_province(text, bracket, where)


def _the_province(text: str, bracket: Bracket, where: Location) -> Location:
    """The bracketed province itself, for a town it names that the gazetteer has nowhere inside
    it ("Villa X (Santa Fe)" read in Spain): the bracket says where the town is, at region
    precision. Kept as read when the name is a province of several countries."""
    if len(bracket.divisions) != 1:
        return where
    division = bracket.divisions[0]
    close = text.find(")", bracket.offset)
    if close < 0:
        return where
    start, end = bracket.offset + 1, close
    return to_location(
        place_of(text[start:end], start, end, division, where.score), division.admin1_name
    )


def _first_bracketed(text: str, found: list[Bracket]) -> Location | None:
    """The first "Town (Province)" of ``text`` whose town lies in the province."""
    for bracket in found:
        m = _BEFORE.search(text[: bracket.offset])
        if m is None:
            continue
        where = _read_inside(m.group(1), m.start(1), m.end(1), bracket, None)
        if where is not None:
            return where
    return None


def _read_inside(
    name: str, start: int, end: int, bracket: Bracket, score: float | None
) -> Location | None:
    gaz = ensure_gazetteer()
    inside = [c for c in lookup_name(gaz, name) if _inside(c, bracket.divisions)]
    # "Formosa (Formosa)": the town, not the province it shares its name with.
    towns = [c for c in inside if c.feature_code.startswith("PPL")]
    best = most_populous(towns or inside)
    if best is None:
        return None
    return to_location(place_of(name, start, end, best, score), best.admin1_name)
