"""An actor mention: a span of the sentence with its kind, normalised name and country."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from ..model import ActorRole


@dataclass(frozen=True)
class Mention:
    span: Span
    kind: str
    name: str
    country_code: str | None
    role: ActorRole | None = None  # decided when the mention was found (hit objects)
    # A pronoun's named antecedent ("Posada ... kidnapped him"): the actor is named and located
    # (offsets, surface) by the antecedent, while its role is read from the pronoun's place.
    antecedent: Span | None = None
