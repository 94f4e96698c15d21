"""Persons of a sentence as possible victims or doers: PERSON entities, and personal pronouns
resolved to the named person they stand for ("Posada ... kidnapped him").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .mention import Mention
from .role_words import SETTLEMENT_NOUNS, STRUCTURES


def people(sent: Span, taken: list[Mention]) -> list[Mention]:
    """Named persons of the sentence (spaCy PERSON entities) not already an actor mention: they
    can be victims ("gunmen killed Luis Morales") or perpetrators, by syntax only; and personal
    pronouns that stand for a named person ("... tried to kidnap him"), see ``pronoun_people``."""
    used = {i for m in taken for i in range(m.span.start, m.span.end)}
    named = [
        Mention(ent, "person", ent.text, None)
        for ent in sent.ents
        if ent.label_ == "PERSON"
        and not used & set(range(ent.start, ent.end))
        and ent[-1].lower_ not in STRUCTURES | SETTLEMENT_NOUNS  # "Maria Cordoba Airport"
    ]
    return named + pronoun_people(sent)


# Personal pronouns that can be what violence was done to, by grammatical number. Object forms
# anywhere ("shot them to death", "killed her"); subject forms only as the passive subject ("he
# was kidnapped"), since an active subject pronoun is a doer (see ``carried_doer``). "her" as a
# possessive ("her house") is left out by its dependency.
SINGULAR_PRONOUNS = frozenset({"him", "her", "he", "she"})
PLURAL_PRONOUNS = frozenset({"them", "they"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
PRONOUN_DEPS = frozenset({"dobj", "pobj", "nsubjpass", "dative"})


def _persons_before(sent: Span, before: int) -> list[Span]:
    """PERSON entities of ``sent`` and of the sentence before it that end before token
    ``before``, nearest first."""
    doc = sent.doc
    sents = [sent]
    if sent.start > 0:
        sents.insert(0, doc[sent.start - 1].sent)
    ents = [e for s in sents for e in s.ents if e.label_ == "PERSON" and e.end <= before]
    return sorted(ents, key=lambda e: -e.start)


def _clause_verb(tok: Token) -> Token:
    """The verb whose clause ``tok`` is an argument of (through a preposition for objects)."""
    head = tok.head
    return head.head if tok.dep_ == "pobj" else head


def _coordinated(ent: Span, ents: list[Span]) -> list[Span]:
    """``ent`` with the PERSON entities coordinated with it ("X and Y")."""
    root = ent.root
    top = root
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    group = {top.i, *(c.i for c in top.conjuncts)}
    return [e for e in ents if e.root.i in group]


def _modifies_noun(ent: Span) -> bool:
    """A person named as the possessor or "of" complement of another noun ("X's son-in-law",
    "one of the bodyguards of X"): the noun phrase it modifies is the nearer referent."""
    root = ent.root
    # Up through the name's own noun phrase ("X, bank superintendent": the title heads it).
    while root.dep_ in ("compound", "nmod", "appos", "conj") and root.head.i != root.i:
        root = root.head
    if root.dep_ == "poss":
        return True
    head = root.head
    return root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PRON", "NUM")


def pronoun_people(sent: Span) -> list[Mention]:
    """Personal pronouns of ``sent`` in a victim's place, resolved to the nearest PERSON entity
    before them in the same or the previous sentence, of matching number: a singular pronoun
    takes one named person, a plural one ("them") the nearest coordinated persons ("X and Y").
    A person who is an argument of the pronoun's own verb is not its antecedent ("Gomez shot
    him": him is not Gomez, the binding principle for personal pronouns)."""
    out: list[Mention] = []
    for tok in sent:
        low = tok.lower_
        if low not in SINGULAR_PRONOUNS | PLURAL_PRONOUNS or tok.dep_ not in PRONOUN_DEPS:
            continue
        if low not in OBJECT_PRONOUNS and tok.dep_ != "nsubjpass":
            continue
        verb = _clause_verb(tok)
        ents = [e for e in _persons_before(sent, tok.i) if _clause_verb(e.root) != verb]
        if not ents:
            continue
        nearest = ents[0]
        if _modifies_noun(nearest):
            continue  # "the bodyguards of X ... attacked him": him is the nearer noun, unnamed
        group = _coordinated(nearest, ents)
        if low in PLURAL_PRONOUNS:
            if len(group) < 2:
                continue  # "them" for one named person: the antecedent is someone else
            chosen = group
        else:
            chosen = [nearest]
        span = sent.doc[tok.i : tok.i + 1]
        out += [Mention(span, "person", e.text, None, antecedent=e) for e in chosen]
    return out
