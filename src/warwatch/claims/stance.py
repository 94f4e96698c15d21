"""Stance, hedging and topic ("about") of a claim, from the cue lists in ``data/cues.yaml``."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from ..model import ClaimAbout, Stance
from .lexicon import cue_set, cues, stance_of_lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

PERSONAL_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def stance_of(verb: Token) -> Stance | None:
    """The stance a cue verb expresses, or None when it is no cue here (rules C and S)."""
    lemma = verb.lemma_.lower()
    if lemma in cues()["stance_verbs"]["denies_with_object"]:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        denial = cue_set("denial_objects")
        return Stance.DENIES if any(o.lemma_.lower() in denial for o in objects) else None
    stance = stance_of_lemma().get(lemma)
    if stance is None:
        return None
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if any(o.lemma_.lower() in cue_set("not_claim_objects") for o in objects):
        return None
    if lemma in cue_set("denounce_verbs"):
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        personal = any(o.ent_type_ in PERSONAL_ENTS or o.pos_ == "PROPN" for o in objects)
        return Stance.BLAMES if personal else Stance.ASSERTS
    if lemma == "charge" and not any(c.lower_ == "with" for c in verb.children):
        return None
    return Stance(stance)


def is_hedged(tokens: Iterable[Token]) -> bool:
    """True when the tokens carry a hedge (rule H): a hedge word, a hedge pair, claim/allege."""
    words = cue_set("hedge_words")
    verbs = cue_set("hedge_verbs")
    pairs = _hedge_pairs()
    prev: Token | None = None
    for t in tokens:
        if t.lower_ in words or (t.pos_ == "VERB" and t.lemma_.lower() in verbs):
            return True
        if prev is not None and (prev.lemma_.lower(), t.lower_) in pairs:
            return True
        if prev is not None and (prev.lower_, t.lower_) in pairs:
            return True
        prev = t
    return False


@cache
def _hedge_pairs() -> frozenset[tuple[str, str]]:
    return frozenset((str(a), str(b)) for a, b in cues()["hedge_pairs"])


def about_of(tokens: Iterable[Token], stance: Stance) -> ClaimAbout:
    """Topic by rule A: casualties, then attribution, then weapon, else occurrence."""
    words: set[str] = set()
    for t in tokens:
        words.add(t.lower_)
        words.add(t.lemma_.lower())
        if t.lower_.endswith("-made"):
            words.add("-made")
    if words & cue_set("casualty_words"):
        return ClaimAbout.CASUALTIES
    if stance == Stance.BLAMES or words & cue_set("attribution_words"):
        return ClaimAbout.ATTRIBUTION
    if words & cue_set("weapon_words"):
        return ClaimAbout.WEAPON
    return ClaimAbout.OCCURRENCE
