"""Verification methods named in a sentence (rule M): geolocation, munition identification, ...

The cue words live in ``data/cues.yaml: methods``; a method fires on any of its ``any`` words, or
on one of its ``verbs`` together with one of its ``objects`` in the same sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import cues

if TYPE_CHECKING:
    from spacy.tokens import Span

OFFICIAL = "official statement"
# a statement is an *official* one when made by a state organ or called official/joint
STATE_KINDS = frozenset({"government", "military", "police", "state"})
OFFICIAL_WORDS = frozenset({"official", "officially", "joint", "joined"})


def methods_in(sent: Span, claimant_kind: str | None = None) -> tuple[str, ...]:
    """Methods named in ``sent``, in the order of ``cues.yaml``."""
    words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    verbs = {t.lemma_.lower() for t in sent if t.pos_ in ("VERB", "AUX")}
    found: list[str] = []
    for name, rule in cues()["methods"].items():
        any_words = set(rule.get("any", []))
        hit = bool(words & any_words)
        objects = set(rule.get("objects", []))
        if not hit and rule.get("verbs"):
            hit = bool(verbs & set(rule["verbs"])) and bool(words & objects)
        if not hit and rule.get("with"):
            hit = bool(words & set(rule["with"])) and bool(words & objects)
        if hit and name == OFFICIAL:
            hit = claimant_kind in STATE_KINDS or bool(words & OFFICIAL_WORDS)
        if hit:
            found.append(name)
    return tuple(found)
