"""Entry points the pipeline calls. (Placeholder bodies: the geo work replaces them.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Location, Place, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc


def geoparse(doc: Doc) -> tuple[Place, ...]:
    """Every place mention in the document, resolved where possible (role: mentioned)."""
    return ()


def locate_incident(doc: Doc, trigger: Span, places: tuple[Place, ...]) -> Location | None:
    """Where the event whose trigger is ``trigger`` happened, chosen among ``places``."""
    return None
