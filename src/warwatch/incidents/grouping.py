"""Group sentence-level candidates into incidents.

Mentions of one event are spread over a story ("cluster bombs were used in X"; "the use of these
weapons"; "bombs which appear to have been dropped by Y"). Candidates of the same sub-event type
are one incident unless their sentences name different places (both name places, none shared).
A sentence whose only cue is a weapon-use verb ("used", "hit") joins the latest explosive
incident when it refers back to weapons ("these weapons", "they", "the munitions").
A sentence whose only cues are toll words ("Two people were killed.") and that names no actor or
place the previous incident did not name reports that incident's toll: it joins that incident
instead of making a new Attack (warwatch issue 4).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span

from ..model import EventType, Place, SubEventType
from .event_type import DEMONSTRATION_ORDER, Candidate
from .triggers import Cue

if TYPE_CHECKING:
    from .assemble import Member

ANAPHORS = frozenset(["these", "those", "such", "they", "them", "it", "the"])
# Score of an explosive event found through an anaphor: as sure as a generic explosive cue.
ANAPHOR_SCORE = 7.0
# Cues that only report a toll: "killed", "died/dead", "wounded". Other ATTACK words ("shot",
# "attacked") describe an act, so they still start an incident of their own.
TOLL_LABELS = frozenset({"DEATH", "INJURE"})
TOLL_ATTACK_LEMMAS = frozenset({"kill"})
WEAPON_NOUNS = frozenset(
    ["weapon", "weapons", "munition", "munitions", "bomb", "bombs", "device", "devices", "arms"]
)


@dataclass
class Group:
    sub_event: SubEventType
    members: list[Member] = field(default_factory=list)
    places: set[int] = field(default_factory=set)  # geonameids (or start offsets) named


def sentence_places(sent: Span, places: tuple[Place, ...]) -> set[int]:
    return {
        p.geonameid if p.geonameid is not None else -p.start
        for p in places
        if sent.start_char <= p.start < sent.end_char
    }


def refers_back(sent: Span) -> bool:
    """Does the sentence point back to weapons named before ("these weapons", "They were used")?"""
    for tok in sent:
        if tok.lower_ in WEAPON_NOUNS and any(c.lower_ in ANAPHORS for c in tok.children):
            return True
        if tok.lower_ == "they" and tok.dep_ == "nsubjpass":
            return True
    return False


def anaphoric(sent: Span, cues: list[Cue], last_means: SubEventType | None) -> Candidate | None:
    use = next((c for c in cues if c.label == "WEAPONUSE"), None)
    if use is None or last_means is None or not refers_back(sent):
        return None
    return Candidate(last_means, use.span, ANAPHOR_SCORE)


def toll_only(cues: list[Cue]) -> bool:
    """Are all of the sentence's event cues toll words ("Two people were killed.")?"""
    return bool(cues) and all(
        c.label in TOLL_LABELS or (c.label == "ATTACK" and c.lemma in TOLL_ATTACK_LEMMAS)
        for c in cues
    )


def follow_up(toll: Cue, previous: Candidate) -> Candidate:
    """The toll sentence as one more mention of the previous incident (its score adds nothing)."""
    return Candidate(previous.sub_event, toll.span, 0.0)


def _latest(groups: list[Group]) -> Group | None:
    return max(groups, key=lambda g: max(m.index for m in g.members), default=None)


def add(groups: list[Group], member: Member, places: set[int]) -> None:
    sub = member.cand.sub_event
    if member.toll_followup:  # "Two people were killed.": the toll of the incident just told
        latest = _latest(groups)
        if latest is not None:
            latest.members.append(member)
            return
    if member.anaphoric:  # "these weapons": the latest incident of that type, wherever it was
        for g in reversed(groups):
            if g.sub_event == sub:
                g.members.append(member)
                return
    if sub in DEMONSTRATION_ORDER:
        for g in groups:
            if g.sub_event in DEMONSTRATION_ORDER:
                g.members.append(member)
                g.sub_event = max(g.sub_event, sub, key=DEMONSTRATION_ORDER.index)
                g.places |= places
                return
    for g in groups:
        if g.sub_event == sub and (not places or not g.places or places & g.places):
            g.members.append(member)
            g.places |= places
            return
    groups.append(Group(sub, [member], set(places)))


def keep(cands: list[Candidate]) -> list[Candidate]:
    """The best candidate of a sentence, plus a battle told alongside an explosion (a shelling and
    the clashes around it are two ACLED events)."""
    if not cands:
        return []
    best = cands[0]
    out = [best]
    if best.event_type == EventType.EXPLOSIONS:
        out += [c for c in cands[1:2] if c.event_type == EventType.BATTLES]
    return out
