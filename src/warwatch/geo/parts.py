"""A part of a town named in a sentence that also names the town: "in Rosario (Santa Fe), people
gathered in the Las Flores neighbourhood", "in Veinticinco de Mayo, teachers met at San Martin
Square", "in General Pico, residents protested in front of the City Hall".

Squares, streets and neighbourhoods are very often named after people and other places, so the
gazetteer reads them as a namesake town elsewhere ("Las Flores", "San Martin") or not at all
("City Hall"). The event is in the town the sentence names with them: a part read farther
from that town than a town's extent (``TOWN_RADIUS_KM``), or not read, gives way to the town,
as ACLED codes such events at the town (geo-precision 1).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Place
from .geodesy import haversine_km

# Words that make a name a part of a town, written after it ("Las Flores neighbourhood") or as
# its last word ("San Martin Square", "City Hall").
PART_WORDS = frozenset(
    """square plaza neighborhood neighbourhood avenue street park quarter market hall court
    school hospital station""".split()  # noqa: SIM905
)
# "<part>[ square] in [the] <town>"
_IN = re.compile(r"^(?:\s+[a-z]+)?\s+in\s+(?:the\s+)?$")
# How far a part may lie from the town it is in: the 25 km of a town's extent that ACLED-style
# evaluations accept for a town-level location.
TOWN_RADIUS_KM = 25.0


def _is_part(p: Place, text: str) -> bool:
    following = text[p.end :].split(maxsplit=1)
    after = following[0].lower().strip(".,;)") if following else ""
    last = p.name.split()[-1].lower() if p.name.split() else ""
    return after in PART_WORDS or last in PART_WORDS


def in_named_town(p: Place, here: Sequence[Place], text: str) -> Place:
    """``p``, or the nearest town the sentence names when ``p`` is a part of a town read far
    from it or not at all (see the module doc)."""
    if not _is_part(p, text):
        return p
    towns = [
        q
        for q in here
        if q.start != p.start
        and q.latitude is not None
        and (q.feature_code or "").startswith("PPL")
    ]
    # The town written before it ("in Rosario, ... the X neighbourhood"), else the one it is
    # written as being in ("at Freedom square in Yerevan").
    before = [q for q in towns if q.end <= p.start]
    after = [q for q in towns if q.start >= p.end and _IN.match(text[p.end : q.start])]
    if not before and not after:
        return p
    town = max(before, key=lambda q: q.start) if before else min(after, key=lambda q: q.start)
    points = (p.latitude, p.longitude, town.latitude, town.longitude)
    if None not in points and haversine_km(*points) <= TOWN_RADIUS_KM:  # type: ignore[arg-type]
        return p
    return town
