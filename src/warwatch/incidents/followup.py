"""Doers told outside the event's sentence: a statement of responsibility in the sentences after
it ("Al Shabaab suspected."), and a subject pronoun carried from the sentence before ("They also
captured arms.").
"""

from __future__ import annotations

from spacy.tokens import Span

from ..kb.actors import (
    Country,
)
from ..model import Actor, ActorRole
from ..text.truecase import written
from .hedging import is_hedged_actor
from .mention import Mention
from .role_syntax import _owns_up, _part_of
from .sentence_mentions import mentions

# Words of a follow-up sentence that names who did it ("Al Shabaab suspected.", "X is believed
# to be responsible", "X claimed responsibility", "the attack was blamed on X").
RESPONSIBILITY = frozenset(
    {"suspect", "suspected", "responsible", "responsibility", "blame", "attribute", "behind"}
)
ARMED_MENTION_KINDS = frozenset({"state", "police", "rebel", "militia", "unidentified", "external"})
FOLLOW_UP = 2  # sentences after the incident's last one that may name the doer (notes, wires)


def responsible(after: Span, country: Country | None) -> list[Actor]:
    """Perpetrators named in the ``FOLLOW_UP`` sentences after ``after`` by a statement of
    responsibility; hedged unless the group owns up ("claimed responsibility")."""
    out: list[Actor] = []
    sents = _following(after, FOLLOW_UP)
    for sent in sents:
        if not any(t.lemma_.lower() in RESPONSIBILITY or t.lower_ in RESPONSIBILITY for t in sent):
            continue
        for m in mentions(sent, country):
            if m.kind not in ARMED_MENTION_KINDS:
                continue
            out.append(_perpetrator(m, hedged=not _owns_up(m.span.root)))
        if out:
            break
    return out


# Subject pronouns that carry the doer over from the sentence before ("FARDC soldiers dismantled
# a position. They also captured arms.").
CARRIED_PRONOUNS = frozenset({"they", "it"})


def carried_doer(trigger: Span, country: Country | None) -> list[Actor]:
    """The perpetrator of an event word whose active subject is "they"/"it": the armed active
    subject of the sentence before, the nearest antecedent a subject pronoun takes up."""
    verb = trigger.root if trigger.root.pos_ in ("VERB", "AUX") else trigger.root.head
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "They also captured arms and released ...": the first verb's subject
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in CARRIED_PRONOUNS:
        return []
    previous = _previous(trigger.sent)
    if previous is None:
        return []
    out = []
    for m in mentions(previous, country):
        root = _part_of(m.span.root) or m.span.root
        while root.dep_ in ("compound", "amod") and root.head.i != root.i:
            root = root.head
        if m.kind not in ARMED_MENTION_KINDS or root.dep_ != "nsubj":
            continue
        if any(c.dep_ == "auxpass" for c in root.head.children):
            continue
        out.append(_perpetrator(m, hedged=is_hedged_actor(m.span)))
    return out


def _perpetrator(m: Mention, *, hedged: bool) -> Actor:
    return Actor(
        name=m.name,
        role=ActorRole.PERPETRATOR,
        country_code=m.country_code,
        hedged=hedged,
        start=m.span.start_char,
        end=m.span.end_char,
        surface=written(m.span),
    )


# Neighbouring sentences are found from the tokens at the boundary: ``doc.sents`` walks the whole
# Doc on every call, which made these per-incident lookups quadratic on long articles.
def _following(span: Span, n: int) -> list[Span]:
    """The ``n`` sentences that start at or after the end of ``span``."""
    doc, i = span.doc, span.end
    out: list[Span] = []
    while len(out) < n and i < len(doc):
        sent = doc[i].sent
        if sent.start >= span.end:
            out.append(sent)
        i = sent.end
    return out


def _previous(sent: Span) -> Span | None:
    return sent.doc[sent.start - 1].sent if sent.start > 0 else None
