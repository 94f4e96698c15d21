"""What a verb acts on, read from the parse: its objects, and whether they are people, arms or
places. Shared by the event typing rules (``event_type``, ``territory``, ``means``)."""

from __future__ import annotations

from spacy.tokens import Token

from .event_words import (
    ARMS_NOUNS,
    PERSON_NOUNS,
    PLACE_NOUNS,
)
from .triggers import Cue


def objects_of(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    return objs + [cc for o in objs for cc in o.conjuncts]


def object_in(cue: Cue, nouns: frozenset[str]) -> bool:
    """The verb's object is one of ``nouns``, or a quantity of them ("a total of 206 rifles",
    "a number of barracks"). Word forms count too: the small model lemmatises "bases" as "basis"."""
    objs = objects_of(cue.span.root)
    objs += [g for o in objs for p in o.children if p.lower_ == "of" for g in p.children]
    return any(o.lemma_.lower() in nouns or o.lower_ in nouns for o in objs)


def arms_taken(cue: Cue) -> bool:
    return object_in(cue, ARMS_NOUNS)


def took_people(cue: Cue) -> bool:
    return any(
        o.ent_type_ in ("PERSON", "NORP")
        or o.lemma_.lower() in PERSON_NOUNS
        or (o.like_num and o.ent_type_ not in SUM_ENTITIES)
        or o.lower_ in ("dozens", "hundreds", "scores", "thousands")
        for o in objects_of(cue.span.root)
    )


# A number that is a sum or a measure ("recovered $500,000", "seized 20 kg") counts no people.
SUM_ENTITIES = frozenset({"MONEY", "QUANTITY", "PERCENT"})


def place_like(o: Token) -> bool:
    return (
        o.ent_type_ in ("GPE", "LOC", "FAC", "ORG")
        or o.pos_ == "PROPN"
        or o.lemma_.lower() in PLACE_NOUNS
        or o.lower_ in PLACE_NOUNS
    )


def in_relative_clause(tok: Token) -> bool:
    """Inside a relative clause about someone ("an activist who died in police detention",
    "the man who carried the rifle"): the word or one of its three nearest heads heads it."""
    for _ in range(4):
        if tok.dep_ == "relcl":
            return True
        if tok.head is tok:
            return False
        tok = tok.head
    return False
