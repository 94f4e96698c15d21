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
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..kb.actors import Country, actor_entries, country_of_code, qualified_name, state_name
from ..model import Actor, ActorRole
from ..nlp.actors import actor_spans
from .hedging import is_hedged, is_hedged_actor

REPORTING = frozenset(
    [
        "say",
        "tell",
        "report",
        "claim",
        "announce",
        "state",
        "confirm",
        "deny",
        "corroborate",
        "denounce",
        "document",
        "accord",
        "quote",
        "add",
        "note",
        "warn",
        "allege",
        "publish",
        "film",
        "show",
        "call",
        "urge",
        "condemn",
        "recall",
    ]
)
ACCUSING = frozenset({"accuse", "blame"})
SOURCE_NOUNS = frozenset(
    ["source", "sources", "official", "officials", "spokesman", "spokesperson", "statement"]
)
PEOPLE_KINDS = frozenset({"civilians", "protesters"})
PLACE_NOUNS = frozenset(
    [
        "area",
        "areas",
        "neighbourhood",
        "neighbourhoods",
        "neighborhood",
        "neighborhoods",
        "district",
    ]
)
OBJECT_PREPS = frozenset({"on", "against", "at", "in", "into", "upon", "targeting"})


@dataclass(frozen=True)
class Mention:
    span: Span
    kind: str
    name: str
    country_code: str | None


def _place_like(span: Span) -> bool:
    return span.root.lower_ in PLACE_NOUNS


def _is_source(span: Span) -> bool:
    root = span.root
    if root.dep_ == "compound" and root.head.lemma_.lower() in SOURCE_NOUNS:
        return True
    if root.lemma_.lower() in SOURCE_NOUNS:
        return True
    if root.dep_ in ("nsubj", "agent", "pobj") and root.head.lemma_.lower() in REPORTING:
        return True
    head = root.head
    return root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() == "accord"


def mentions(sent: Span, default_country: Country | None) -> list[Mention]:
    """Actor mentions in a sentence, sources left out, names normalised."""
    out = []
    for span in actor_spans(sent.doc):
        if span.start < sent.start or span.end > sent.end or _is_source(span):
            continue
        kind, key = span.label_, span.kb_id_
        if key.startswith("entry:"):
            entry = actor_entries()[int(key.split(":")[1])]
            country = country_of_code(entry.country_code) if entry.country_code else default_country
            name = qualified_name(entry, country)
            code = entry.country_code or (country.country_code if country else None)
        else:
            country = country_of_code(key)
            name = state_name("police" if kind == "police" else "state", country)
            code = key
        out.append(Mention(span, kind, name, code))
    return out


def people(sent: Span, taken: list[Mention]) -> list[Mention]:
    """Named persons of the sentence (spaCy PERSON entities) not already an actor mention: they
    can be victims ("gunmen killed Luis Morales") or perpetrators, by syntax only."""
    used = {i for m in taken for i in range(m.span.start, m.span.end)}
    return [
        Mention(ent, "person", ent.text, None)
        for ent in sent.ents
        if ent.label_ == "PERSON" and not used & set(range(ent.start, ent.end))
    ]


def _object_like(tok: Token) -> bool:
    """A thing that can be hit: a common noun, or a named building/organisation, not a place."""
    if tok.pos_ == "NOUN":
        return tok.ent_type_ not in ("GPE", "LOC", "DATE", "TIME", "NORP")
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "FAC")


def hit_objects(trigger: Span, taken: list[Mention]) -> list[Mention]:
    """What the event word acts on when it is not an actor: "bombed the power station", "an
    attack on a bus". The phrase is the head noun and its left modifiers."""
    used = {i for m in taken for i in range(m.span.start, m.span.end)}
    root = trigger.root
    heads = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [g for c in root.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    out = []
    for head in heads:
        if head.i in used or not _object_like(head):
            continue
        span = trigger.doc[head.left_edge.i : head.i + 1]
        if span[0].dep_ == "det":
            span = span[1:]
        out.append(Mention(span, "object", span.text, None))
    return out


def _role_by_syntax(tok: Token, trigger: Token) -> ActorRole | None:
    """The role of ``tok`` relative to the event word, or None when they are not linked."""
    dep, head = tok.dep_, tok.head
    if head == trigger:
        if dep in ("nsubj", "poss", "amod", "compound", "nmod"):
            return ActorRole.PERPETRATOR
        if dep in ("nsubjpass", "dobj", "attr"):
            return ActorRole.TARGET
    if dep == "pobj" and head.head == trigger:
        prep = head.lower_
        if prep == "by" or head.dep_ == "agent":
            return ActorRole.PERPETRATOR
        if prep in OBJECT_PREPS or prep == "of":
            return ActorRole.TARGET
    if dep == "conj":
        return _role_by_syntax(head, trigger)
    # "X accused Y of shelling": Y is the (alleged) perpetrator.
    if dep == "dobj" and head.lemma_.lower() in ACCUSING and trigger in head.subtree:
        return ActorRole.PERPETRATOR
    return None


def _fallback_role(m: Mention, trigger: Span) -> ActorRole | None:
    if m.kind == "protesters":
        return ActorRole.PARTICIPANT
    if m.kind == "civilians":
        return ActorRole.TARGET if _place_like(m.span) else ActorRole.VICTIM
    if m.kind in ("demonym", "country", "person", "object"):
        return None
    return ActorRole.PERPETRATOR if m.span.start < trigger.start else None


def assign_roles(
    sent_mentions: Iterable[Mention], trigger: Span, *, by_position: bool = True
) -> list[Actor]:
    """Actors linked to ``trigger`` (in the same sentence), with roles and hedging.
    ``by_position``: an armed actor before the event word is its perpetrator even without a
    syntactic link (off for demonstrations, where bystanders are named too)."""
    out = []
    for m in sent_mentions:
        role = _role_by_syntax(m.span.root, trigger.root)
        if role is None and (by_position or m.kind in PEOPLE_KINDS):
            role = _fallback_role(m, trigger)
        if role is None:
            continue
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
        hedged = (
            is_hedged(trigger, m.span) if role == ActorRole.PERPETRATOR else is_hedged_actor(m.span)
        )
        out.append(
            Actor(
                name=m.name,
                role=role,
                country_code=m.country_code,
                hedged=hedged,
                start=m.span.start_char,
                end=m.span.end_char,
                surface=m.span.text,
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
    order = {
        ActorRole.PERPETRATOR: 0,
        ActorRole.PARTICIPANT: 1,
        ActorRole.TARGET: 2,
        ActorRole.VICTIM: 3,
    }
    return tuple(sorted(merged.values(), key=lambda a: (order[a.role], a.start)))
