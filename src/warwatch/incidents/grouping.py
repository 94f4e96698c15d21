"""Group sentence-level candidates into incidents.

Mentions of one event are spread over a story ("cluster bombs were used in X"; "the use of these
weapons"; "bombs which appear to have been dropped by Y"). Candidates of the same sub-event type
are one incident unless their sentences name different places (both name places, none shared).
A sentence whose only cue is a weapon-use verb ("used", "hit") joins the latest explosive
incident when it refers back to weapons ("these weapons", "they", "the munitions").
A sentence whose only cues are toll words ("Two people were killed.") and that names no actor or
place the previous incident did not name reports that incident's toll: it joins that incident
instead of making a new Attack (warwatch issue 4).
A battle told in one sentence and a change of territory told in another ("fighting in X"; "the
army took control of X") are one territorial incident: ACLED codes a battle in which territory
changes hands as "Government regains territory" or "Non-state actor overtakes territory", not as
an armed clash (ACLED Codebook 2019/2023, section "Battles": sub-event types).
Riot violence told with no protest word ("The group threw stones") in a story whose crowd was
introduced as a mob ("gathered to take justice into their own hands") is the mob's violence: ACLED
splits riots into "Violent demonstration" (demonstrators) and "Mob violence" (rioters with no
demonstration), Codebook 2023, "Riots".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Span

from ..model import EVENT_TYPE_OF, EventType, Place, SubEventType
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
# Battles in which territory changes hands (ACLED Codebook, "Battles").
TERRITORY_BATTLES = frozenset(
    {SubEventType.GOV_REGAINS_TERRITORY, SubEventType.NSA_OVERTAKES_TERRITORY}
)
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
    if (
        _territory_join(groups, member, places)
        or _riot_join(groups, member, places)
        or _perpetrator_arrest(groups, member)
    ):
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


def _same_place(g: Group, places: set[int]) -> bool:
    return not places or not g.places or bool(places & g.places)


def _territory_join(groups: list[Group], member: Member, places: set[int]) -> bool:
    """Fold an armed clash and a change of territory at the same place into one territorial
    incident (the battle is how the territory changed hands, ACLED Codebook "Battles")."""
    sub = member.cand.sub_event
    if sub == SubEventType.ARMED_CLASH:
        for g in groups:
            if g.sub_event in TERRITORY_BATTLES and _same_place(g, places):
                g.members.append(member)
                g.places |= places
                return True
        return False
    if sub not in TERRITORY_BATTLES:
        return False
    clash = next(
        (g for g in groups if g.sub_event == SubEventType.ARMED_CLASH and _same_place(g, places)),
        None,
    )
    if clash is None or any(g.sub_event in TERRITORY_BATTLES for g in groups):
        return False
    clash.sub_event = sub
    clash.members.append(member)
    clash.places |= places
    return True


def _protest_told(members: list[Member]) -> bool:
    """Does a member's own sentence carry a protest word? (A protest cue carried over from an
    earlier sentence, "Police used tear gas to disperse them", does not count.)"""
    return any(
        c.label == "PROTEST" and m.sent.start <= c.span.start < m.sent.end
        for m in members
        for c in m.cues
    )


def _riot_join(groups: list[Group], member: Member, places: set[int]) -> bool:
    """Fold demonstration violence told without a protest word into the mob of the same story
    (and a mob into such violence told before it): one riot, coded as mob violence."""
    sub = member.cand.sub_event
    if sub == SubEventType.VIOLENT_DEMONSTRATION and not _protest_told([member]):
        target = next(
            (
                g
                for g in groups
                if g.sub_event == SubEventType.MOB_VIOLENCE and _same_place(g, places)
            ),
            None,
        )
    elif sub == SubEventType.MOB_VIOLENCE:
        target = next(
            (
                g
                for g in groups
                if g.sub_event == SubEventType.VIOLENT_DEMONSTRATION
                and not _protest_told(g.members)
                and _same_place(g, places)
            ),
            None,
        )
    else:
        return False
    if target is None:
        return False
    target.sub_event = SubEventType.MOB_VIOLENCE
    target.members.append(member)
    target.places |= places
    return True


# Words for the doer of an act just told: "the attacker was detained", "the gunman was arrested".
DOER_WORDS = frozenset(
    {"attacker", "attackers", "assailant", "assailants", "gunman", "gunmen", "shooter",
     "shooters", "perpetrator", "perpetrators", "culprit", "culprits", "latter", "bomber"}
)  # fmt: skip
VIOLENT_TYPES = frozenset({EventType.BATTLES, EventType.EXPLOSIONS, EventType.VAC})


def _perpetrator_arrest(groups: list[Group], member: Member) -> bool:
    """The arrest of the doer of a violent act told before ("The attacker was detained by police")
    is that act's aftermath, not an event of its own: ACLED codes the act (Codebook 2023,
    "Arrests" covers detentions as a strategic development in their own right)."""
    if member.cand.sub_event != SubEventType.ARRESTS:
        return False
    root = member.cand.trigger.root
    held = [c for c in root.children if c.dep_ in ("nsubjpass", "dobj")]
    if not any(t.lower_ in DOER_WORDS for t in held):
        return False
    target = next((g for g in reversed(groups) if _event_type(g) in VIOLENT_TYPES), None)
    if target is None:
        return False
    target.members.append(member)
    return True


def _event_type(g: Group) -> EventType | None:
    return EVENT_TYPE_OF.get(g.sub_event)


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
