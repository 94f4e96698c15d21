"""Actors of an incident and their roles, normalised to ACLED-style names.

Mentions come from the ``warwatch_actors`` component. A mention gets a role from its syntactic link
to the event word: the doer (active subject, passive "by" agent, possessor or modifier of an event
noun: "Azerbaijani bombardments") is the perpetrator; what is hit (object, passive subject, "on"/
"against"/"in" phrase) is the target, or the victim when it is people. Protesters are participants.
A source of information is not an actor: subjects of reporting verbs, "according to X", "X
sources". Demonyms and country names become state forces only when they govern the event.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span

from ..model import Actor, ActorRole
from ..text.truecase import written
from .followup import carried_doer, responsible
from .hedging import is_hedged, is_hedged_actor
from .mention import Mention
from .persons import people
from .role_syntax import (
    _demonstrating,
    _fallback_role,
    _out_of_event,
    _role_by_syntax,
    _role_by_violence,
)
from .role_words import _in_words_only, _place_like
from .sentence_mentions import mentions
from .targets import hit_objects

__all__ = [
    "Mention",
    "assign_roles",
    "carried_doer",
    "hit_objects",
    "mentions",
    "merge_actors",
    "people",
    "responsible",
]

PEOPLE_KINDS = frozenset({"civilians", "protesters"})


def assign_roles(
    sent_mentions: Iterable[Mention], trigger: Span, *, by_position: bool = True
) -> list[Actor]:
    """Actors linked to ``trigger`` (in the same sentence), with roles and hedging.
    ``by_position``: an armed actor before the event word is its perpetrator even without a
    syntactic link (off for demonstrations, where bystanders are named too)."""
    out: list[Actor] = []
    if _in_words_only(trigger.root):  # "verbally attacked the president": no doer, no victim
        return out
    for m in sent_mentions:
        if _out_of_event(m.span):
            continue
        role = m.role or _role_by_syntax(m.span.root, trigger.root)
        if role is None and by_position:  # in demonstrations only the event word decides
            role = _role_by_violence(m.span.root)
        if role is None and not by_position and _demonstrating(m):
            role = ActorRole.PARTICIPANT
        if role is None and (by_position or m.kind in PEOPLE_KINDS):
            role = _fallback_role(m, trigger)
        if role is None:
            continue
        if m.antecedent is not None and role != ActorRole.TARGET:
            continue  # a pronoun stands in for a victim only ("kidnapped him"), not for a doer
        if m.kind == "protesters":
            role = ActorRole.PARTICIPANT if role == ActorRole.PERPETRATOR else role
        elif m.kind == "object" and role == ActorRole.PERPETRATOR:
            continue
        elif (
            role == ActorRole.TARGET
            and m.kind in PEOPLE_KINDS | {"person"}
            and not _place_like(m.span)
        ):
            role = ActorRole.VICTIM
        # The event's hedge ("appear to have been dropped by X") qualifies who did it; what was
        # hit is hedged only by its own words ("alleged victims").
        evidence = m.antecedent if m.antecedent is not None else m.span
        hedged = (
            is_hedged(trigger, m.span) if role == ActorRole.PERPETRATOR else is_hedged_actor(m.span)
        )
        out.append(
            Actor(
                name=m.name,
                role=role,
                country_code=m.country_code,
                hedged=hedged,
                start=evidence.start_char,
                end=evidence.end_char,
                surface=written(evidence),
            )
        )
    return out


_SPECIFIC = {"state": 3, "police": 3, "demonym": 1, "country": 1}


def merge_actors(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    """One actor per (name, role). Hedged if any mention hedges it: one hedged attribution by the
    source means the attribution is not established. The longest surface form keeps its offsets."""
    merged: dict[tuple[str, ActorRole], Actor] = {}
    for a in actors:
        key = (a.name, a.role)
        old = merged.get(key)
        if old is None:
            merged[key] = a
            continue
        best = a if (a.end - a.start) > (old.end - old.start) else old
        merged[key] = best.model_copy(update={"hedged": old.hedged or a.hedged})
    # The crowd of a demonstration comes first, as ACLED's actor1 ("Protesters (X)" with
    # "Police Forces of X" as actor2 when police intervene); elsewhere there is no participant.
    order = {
        ActorRole.PARTICIPANT: 0,
        ActorRole.PERPETRATOR: 1,
        ActorRole.TARGET: 2,
        ActorRole.VICTIM: 3,
    }
    return tuple(sorted(merged.values(), key=lambda a: (order[a.role], a.start)))
