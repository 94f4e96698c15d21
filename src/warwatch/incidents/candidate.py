"""The candidate sub-event of one sentence, and the actor-kind sets the event rules share."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span

from ..model import EVENT_TYPE_OF, EventType, SubEventType
from .triggers import Cue

ST = SubEventType
ARMED_KINDS = frozenset({"rebel", "militia", "unidentified", "external"})
STATE_KINDS = frozenset({"state", "police"})


@dataclass(frozen=True)
class Candidate:
    sub_event: SubEventType
    trigger: Span
    score: float

    @property
    def event_type(self) -> EventType:
        return EVENT_TYPE_OF[self.sub_event]


def first_cue(cues: Sequence[Cue], label: str) -> Cue | None:
    return next((c for c in cues if c.label == label), None)
