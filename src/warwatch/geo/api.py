"""Entry points the pipeline calls: ``geoparse`` and ``locate_incident``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Location, Place, Span
from .index import ensure_gazetteer
from .locate import choose, to_location
from .recognize import Mention, find_mentions
from .resolve import resolve_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .gazetteer import Candidate

_MENTIONS = "warwatch.geo.mentions"  # doc.user_data key: the classified mentions of this doc


def mentions(doc: Doc) -> list[Mention]:
    """The classified place mentions of ``doc`` (computed once per Doc)."""
    found = doc.user_data.get(_MENTIONS)
    if found is None:
        found = find_mentions(doc, ensure_gazetteer())
        doc.user_data[_MENTIONS] = found
    return list(found)


def geoparse(doc: Doc) -> tuple[Place, ...]:
    """Every place mention in the document, resolved where possible (role: mentioned).

    Demonyms and organisation short forms are not places and are left out; an unresolvable
    mention keeps its span with null coordinates.
    """
    places = [m for m in mentions(doc) if m.is_place]
    if not places:
        return ()
    gaz = ensure_gazetteer()
    resolved = resolve_spans(gaz, doc.text, [(m.start, m.end) for m in places])
    return tuple(place_of(r.name, r.start, r.end, r.candidate, round(r.score, 4)) for r in resolved)


def place_of(name: str, start: int, end: int, c: Candidate | None, score: float | None) -> Place:
    """The mention ``name`` at [start, end) read as gazetteer entry ``c`` (None: unresolved)."""
    return Place(
        name=name,
        start=start,
        end=end,
        latitude=c.latitude if c else None,
        longitude=c.longitude if c else None,
        geonameid=c.geonameid if c else None,
        country_code=(c.country_code or None) if c else None,
        feature_code=c.feature_code if c else None,
        score=score,
    )


def locate_incident(doc: Doc, trigger: Span, places: tuple[Place, ...]) -> Location | None:
    """Where the event whose trigger is ``trigger`` happened, chosen among ``places``."""
    found = mentions(doc)
    blocked = {(m.start, m.end) for m in found if not m.can_be_event}
    possible = [p for p in places if (p.start, p.end) not in blocked]
    chosen = choose(doc, trigger, possible)
    if chosen is None:
        # Last resort: a state named as a modifier ("near Pakistan's parliament") still says
        # where; metonymic subjects, job titles and organisations never do.
        modifiers = {(m.start, m.end) for m in found if m.modifier and not m.metonymic}
        chosen = choose(doc, trigger, [p for p in places if (p.start, p.end) in modifiers])
    if chosen is None:
        return None
    admin1 = None
    if chosen.geonameid is not None:
        cand = ensure_gazetteer().place(chosen.geonameid)
        admin1 = cand.admin1_name if cand else None
    return to_location(chosen, admin1)
