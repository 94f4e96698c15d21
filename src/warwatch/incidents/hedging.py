"""Hedged attribution: "appear to have been dropped by X", "allegedly", "X accused Y of ...".

A statement is hedged when a hedge word governs the event word or the actor within the sentence:
an ancestor of either (``appear`` -> ``dropped``), or a modifier of either (``reportedly``,
``suspected militants``). The word list is written for warwatch from the usual epistemic markers
of news English (Hyland 1998, "Hedging in Scientific Research Articles", ch. 5, epistemic verbs and
adverbs) plus accusation verbs, whose object is an alleged perpetrator.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

HEDGES = frozenset(
    {
        "appear", "seem", "allegedly", "alleged", "allege", "reportedly", "purportedly",
        "suspect", "suspected", "believe", "believed", "likely", "possibly", "probably",
        "apparently", "presumably", "accuse", "blame", "claim", "may", "might", "could",
        "unconfirmed", "unverified", "purported", "suspicion", "presumed",
    }
)  # fmt: skip


def _hedge_near(token: Token) -> bool:
    if any(c.lemma_.lower() in HEDGES or c.lower_ in HEDGES for c in token.children):
        return True
    return any(a.lemma_.lower() in HEDGES or a.lower_ in HEDGES for a in token.ancestors)


def is_hedged(trigger: Span, actor: Span | None = None) -> bool:
    if _hedge_near(trigger.root):
        return True
    return actor is not None and _hedge_near(actor.root)


def is_hedged_actor(actor: Span) -> bool:
    """Only the actor's own modifiers ("suspected militants", "alleged victims")."""
    return any(c.lemma_.lower() in HEDGES or c.lower_ in HEDGES for c in actor.root.children)
