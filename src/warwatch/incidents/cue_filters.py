"""Cues that name no event of their own: a past act someone is accused of, violence planned or
threatened, an act that the reported one answers (ACLED codes events that took place, Codebook
2023, https://acleddata.com/knowledge-base/codebook/). Moved out of event_type.py unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .event_words import ACCUSED, ANSWERS, NOT_YET_HEADS, PLANNABLE
from .triggers import Cue


def accusation(cue: Cue) -> bool:
    """What a person is described as accused, charged or convicted of ("a man convicted for
    sexual abuse", "suspects charged with murder") is a past act named, not the event the sentence
    reports. A clause that accuses ("officials accused the army of shelling the village") is a
    claim about the event and stays."""
    if cue.label in ("ARREST", "PROTEST", "INTERVENE", "FORCE"):
        return False
    root = cue.span.root
    if root.dep_ not in ("pobj", "pcomp"):
        return False
    # "convicted of seizing", "convicted due to seizing" (one more step through "due to")
    for head in (root.head, root.head.head, root.head.head.head):
        if (head.lemma_.lower() in ACCUSED or head.lower_ in ACCUSED) and head.dep_ in (
            "acl",
            "amod",
            "relcl",
        ):
            return True
    return False


def planned(cue: Cue) -> bool:
    """Violence planned, threatened or called for ("they are planning a major attack",
    "threatened to shell the town") has not happened: ACLED codes events that took place. The
    cue must be what is planned (object or infinitive), not who plans."""
    if cue.label not in PLANNABLE:
        return False
    root = cue.span.root
    if _modal_future(root):
        return True
    if root.dep_ not in ("dobj", "pobj", "xcomp", "conj"):
        return False
    head = root
    for _ in range(2):
        head = head.head
        if head.lemma_.lower() in NOT_YET_HEADS:
            return True
    return False


# Modals of what may or will happen; with a perfect ("may have been a bomb") they hedge a past
# event instead, which stays.
FUTURE_MODALS = frozenset({"will", "would", "might", "may", "could", "can", "shall", "'ll"})


def _modal_future(root: Token) -> bool:
    """ "We will set off bombs", "rebels may attack the town": violence foreseen or threatened,
    not violence that took place (ACLED codes events that happened, Codebook 2023)."""
    verb = root.head if root.dep_ in ("dobj", "nsubjpass") else root
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.lower_ in FUTURE_MODALS for a in aux) and not any(
        a.lemma_.lower() == "have" for a in aux
    )


def answered(cue: Cue) -> bool:
    """An earlier act the reported one answers ("in retaliation for a gas attack", "in response
    to the shelling") is not the event the sentence reports."""
    head = cue.span.root.head
    return (
        cue.span.root.dep_ in ("pobj", "pcomp")
        and head.lower_ in ("for", "to")
        and head.head.lemma_.lower() in ANSWERS
    )


# Pronouns that stand for the event the previous sentence reported.
BACK_PRONOUNS = frozenset({"this", "it", "that"})


def followed(cue: Cue) -> bool:
    """ "This followed air strikes in the area": what the reported event came after, told as its
    antecedent, not the event itself (like "after air strikes")."""
    root = cue.span.root
    verb = root.head
    return (
        root.dep_ == "dobj"
        and verb.lemma_.lower() in ("follow", "precede")
        and any(c.dep_ == "nsubj" and c.lower_ in BACK_PRONOUNS for c in verb.children)
    )


# Explosive cue classes, and the words of a device going off.
EXPLOSIVES = frozenset({"GRENADE", "IED", "SUICIDE"})
GOING_OFF = frozenset({"explode", "detonate", "go", "blow"})


def without_duds(cues: Sequence[Cue]) -> list[Cue]:
    """A device that "did not explode" or "failed to explode" made no explosion (ACLED Codebook
    2023: Explosions/Remote violence needs the explosion); the rest of the sentence stays."""
    if not any(c.label in EXPLOSIVES for c in cues):
        return list(cues)
    sent = cues[0].span.sent
    dud = any(
        t.lemma_.lower() in GOING_OFF
        and (
            any(c.dep_ == "neg" for c in t.children)
            or (t.dep_ == "xcomp" and t.head.lemma_.lower() == "fail")
        )
        for t in sent
    )
    return [c for c in cues if c.label not in EXPLOSIVES] if dud else list(cues)


# Heads under which a withdrawal is promised, not made.
PROMISING = frozenset({"agree", "promise", "pledge", "vow", "offer", "undertake", "consent"})


def agreed_not_done(cue: Cue) -> bool:
    """ "Forces had agreed to move out of the regions": a withdrawal agreed to has not happened
    (ACLED codes the agreement, Codebook 2023 "Agreement": ceasefires, evacuation deals)."""
    root = cue.span.root
    if root.dep_ == "prep" or root.lower_ in ("out", "over"):
        root = root.head
    return root.dep_ == "xcomp" and root.head.lemma_.lower() in PROMISING
