"""Sentence cues -> ACLED sub-event type candidates.

Rules follow the ACLED Codebook (2023), "Event Types and Sub-Event Types"
(https://acleddata.com/knowledge-base/codebook/): the means decides among Explosions/Remote
violence (chemical > suicide > grenade > air/drone > shelling/artillery/missile > remote
explosive); a demonstration is peaceful unless it meets intervention (arrests, dispersal: "Protest
with intervention"), lethal or severe force ("Excessive force against protesters") or is itself
violent ("Violent demonstration"); a territorial change goes to the government or to a non-state
actor depending on who took it; violence by an armed actor against another armed actor is an
"Armed clash", against civilians an "Attack". Stories with only disaster, crime or diplomacy
cues give no candidate (ACLED does not code them).

Scores rank candidates: a more specific means outranks a generic one ("shelling killed three":
the shelling, not an attack). They were set by hand in that order of specificity, then checked on
the CASE 2021 dev half (eval/case2021.py). The demonstration rules live in demonstration_type.py,
the means of explosions in means.py, territory changing hands in territory.py, what a verb acts on
in objects.py, the Candidate record and the actor-kind sets in candidate.py, the word lists in
event_words.py; "Other" developments, prisoner releases, broken ceasefires and livestock harm in
developments.py, cues that name no event (accusations, plans, duds) in cue_filters.py, crowd and
partisan violence in crowd_violence.py, who was harmed in harm.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .candidate import ARMED_KINDS, ST, STATE_KINDS, Candidate, first_cue
from .crowd_violence import mob, partisan_sides, police_only, unarmed_sides
from .cue_filters import (
    accusation,
    agreed_not_done,
    answered,
    followed,
    planned,
    without_duds,
)
from .demonstration_type import DEMONSTRATION_ORDER, protest_candidate, without_grievances
from .developments import (
    broken_truce,
    broken_truce_candidate,
    herders_fight,
    livestock_only,
    other_candidate,
    released_people,
    signed_order,
)
from .event_words import (
    ACCUSED,
    AFTERMATH,
    ARMS_NOUNS,
    CONFLICT_AGREEMENT,
    DISMANTLING,
    HQ_NOUNS,
    INTERCEPTED,
    INTERCEPTION,
    KILLING,
    MELEE,
    MODIFIER_DEPS,
    NON_EVENT,
    ONE_SIDED,
    PARTISAN_NOUNS,
    PLANNABLE,
    REPORTING,
    SPOILS,
)
from .harm import (
    agent_is_state,
    as_property_harm,
    civilians_attacked,
    harmless,
    people_harmed,
    raid_took_people,
)
from .means import means_candidates, sign_of_intent
from .objects import arms_taken, object_in, objects_of, took_people
from .territory import clause_told, handed_things, territory_candidate, unopposed_candidate
from .triggers import Cue

# Re-exported: assemble.py and grouping.py import these from here.
__all__ = ["ARMED_KINDS", "DEMONSTRATION_ORDER", "STATE_KINDS", "Candidate", "candidates"]

SIMPLE = {
    "SEXVIOL": (ST.SEXUAL_VIOLENCE, 8.5),
    "ABDUCT": (ST.ABDUCTION, 7.2),
    "MOB": (ST.MOB_VIOLENCE, 6.8),
    "HQ": (ST.HQ_ESTABLISHED, 6.0),
    "LOOT": (ST.LOOTING, 6.0),
    "ARREST": (ST.ARRESTS, 5.7),  # above a generic "raid": raids that arrest are Arrests
    "AGREE": (ST.AGREEMENT, 4.5),
    "CHANGE": (ST.CHANGE_TO_GROUP, 4.0),
    # Martial law, a state of emergency or mobilisation outranks the fighting that caused it.
    "EMERGENCY": (ST.CHANGE_TO_GROUP, 6.6),
    "INJURE": (ST.ATTACK, 5.0),  # "wounded by ... forces": below any named means or battle
    "CEDE": (ST.NONVIOLENT_TRANSFER, 4.8),
    "CLASH": (ST.ARMED_CLASH, 6.2),
    "ATTACK": (ST.ATTACK, 5.5),
}


def _gunfire(cues: Sequence[Cue], kinds: set[str], two_sides: bool) -> Candidate | None:
    """Shooting with small arms: between armed sides a battle, at civilians an attack."""
    labels = {c.label for c in cues}
    use = first_cue(cues, "WEAPONUSE") or first_cue(cues, "ATTACK")
    if any(c.label == "POSITION" and _whose_post(c) for c in cues):
        # "shot a commander of one of the bases": the base says who was shot, not what was hit
        cues = [c for c in cues if not (c.label == "POSITION" and _whose_post(c))]
        labels = {c.label for c in cues}
    if use is None or not labels & {"FIREARM", "POSITION"}:
        return None
    if use.label == "ATTACK" and use.lemma in ONE_SIDED:
        return Candidate(ST.ATTACK, use.span, 6.1)  # gunmen assassinating an officer
    if (two_sides and not civilians_attacked(use)) or "POSITION" in labels:
        return Candidate(ST.ARMED_CLASH, use.span, 6.4)
    if "civilians" in kinds:
        return Candidate(ST.ATTACK, use.span, 6.1)
    return Candidate(ST.ARMED_CLASH if kinds & STATE_KINDS else ST.ATTACK, use.span, 5.6)


# People named by their post ("the commander of the base"): the post identifies them.
POST_HOLDERS = frozenset(
    {"commander", "officer", "soldier", "chief", "head", "member", "guard", "director",
     "spokesman", "spokesperson", "employee", "worker", "staff", "personnel", "serviceman"}
)  # fmt: skip


def _whose_post(cue: Cue) -> bool:
    """Is the position named only as the post of a person ("a commander of one of the bases")?"""
    tok = cue.span.root
    for _ in range(4):
        if tok.dep_ != "pobj" or tok.head.lower_ != "of":
            return False
        owner = tok.head.head
        if owner.lemma_.lower() in POST_HOLDERS:
            return True
        if not owner.like_num and owner.lower_ not in ("one", "some", "each", "any"):
            return False
        tok = owner  # "one of the bases": up one more "of"
    return False


# Structures whose knocking down is sabotage (power and telecommunication lines, masts, bridges):
# deliberate destruction of property (ACLED Codebook 2023, "Looting/property destruction").
STRUCTURES = frozenset(
    """tower towers pylon pylons pole poles post posts mast masts antenna antennas line lines
    transformer transformers bridge bridges statue statues wall walls""".split()  # noqa: SIM905
)


def _simple(cues: Sequence[Cue], kinds: set[str], two_sides: bool) -> list[Candidate]:
    labels = {c.label for c in cues}
    out = []
    for cue in cues:
        if cue.label not in SIMPLE:
            continue
        if cue.label == "LOOT" and cue.lemma == "knock" and not object_in(cue, STRUCTURES):
            continue  # "knocked down his opponent", "a pedestrian knocked down": no sabotage
        sub, score = SIMPLE[cue.label]
        if (
            cue.label == "CLASH"
            and "civilians" in kinds
            and not kinds & (ARMED_KINDS | STATE_KINDS)
            and not herders_fight(cue)
        ):
            sub, score = ST.MOB_VIOLENCE, 6.2  # villagers clashing with sticks: not a battle
        if (
            cue.label == "CLASH"
            and (unarmed_sides(cue, kinds) or partisan_sides(cue, kinds))
            and not herders_fight(cue)
        ):
            sub, score = ST.MOB_VIOLENCE, 6.2  # two named groups of people brawling
        if cue.label == "CLASH" and cue.lemma == "ambush" and civilians_attacked(cue):
            # An ambush of villagers or travellers is violence against civilians (ACLED Codebook
            # 2023, "Attack"); of troops or a convoy, a battle.
            sub, score = ST.ATTACK, 6.2
        melee = cue.label == "ATTACK" and cue.lemma in MELEE
        if melee:
            score = 6.0  # above the arrest a beating comes with
        if cue.label == "CLASH" and police_only(cue, kinds):
            sub, score = ST.VIOLENT_DEMONSTRATION, 6.3  # "police clashed with traders": a riot
        if cue.label == "LOOT" and mob(cue, kinds, PARTISAN_NOUNS):
            # Property destroyed by a crowd or partisans is a riot (ACLED Codebook 2023:
            # "Looting/property destruction" is for destruction outside other violence; rioters
            # destroying property are "Mob violence").
            sub, score = ST.MOB_VIOLENCE, 6.2
        if cue.label == "ATTACK" and cue.lemma not in KILLING and mob(cue, kinds):
            sub, score = ST.MOB_VIOLENCE, 6.2  # "a group of women beat two journalists"
        elif melee or (cue.label == "ATTACK" and cue.lemma in ONE_SIDED):
            pass  # an assassination or an execution is one-sided: never a battle
        elif (
            cue.label in ("ATTACK", "INJURE")
            and (two_sides or (kinds & ARMED_KINDS and kinds & STATE_KINDS))
            and not civilians_attacked(cue)
        ):
            sub, score = ST.ARMED_CLASH, 6.0  # armed actor against state forces: a battle
        if cue.label == "INJURE" and not kinds & (ARMED_KINDS | STATE_KINDS):
            continue  # "four people were injured" alone: a toll, maybe of an accident
        if cue.label == "CHANGE" and _main_clause(cue.span.root):
            score = (
                6.45  # "the army dispatched troops after an attack": the main verb (below a rally)
            )
        if cue.label == "EMERGENCY" and "PROTEST" in labels:
            score = 4.0  # a rally against a curfew is the rally
        if cue.label == "CLASH" and _describes_subject(cue, cues):
            continue  # "the attack is a carry-over of hostilities": what the attack is part of
        if cue.label == "CLASH" and _struggling(cue):
            continue  # "police battling to contain the looting": an effort, not a battle
        if cue.label == "CLASH" and cue.span.root.head.lemma_.lower() in AFTERMATH:
            score = 4.0  # "looted after fighting": the fighting dates what the sentence reports
        if cue.label == "ATTACK" and cue.lemma == "raid" and "ARREST" in labels:
            continue  # "raids to detain activists": ACLED's Arrests
        if cue.label == "ATTACK" and cue.lemma == "raid" and harmless(cues, kinds):
            # "Police raided the newspaper's office": no one hurt, no violence against civilians;
            # a non-violent security measure (ACLED Codebook 2023, "Change to group/activity");
            # people taken in the raids ("have taken dozens in raids") are arrests.
            sub = ST.ARRESTS if raid_took_people(cue) else ST.CHANGE_TO_GROUP
        if cue.label == "CEDE" and handed_things(cue):
            continue  # "withdrew from the pact", "handed over weapons": no ground changed hands
        if cue.label == "CEDE" and agreed_not_done(cue):
            continue  # "agreed to move out": a withdrawal promised, the agreement is the event
        if cue.label == "CEDE" and _fought(cues):
            continue  # "forced them to retreat" after a clash: the clash, not a peaceful handover
        if cue.label == "AGREE" and (
            broken_truce(cue) or signed_order(cue) or not released_people(cue)
        ):
            continue  # "violated the ceasefire", "signed the decree": no agreement made
        if cue.label == "AGREE" and any(t.lemma_.lower() in CONFLICT_AGREEMENT for t in cue.span):
            # Above a clash: "agreed to a ceasefire after two weeks of fighting" is the agreement.
            score = 6.5
        out.append(Candidate(sub, cue.span, score))
    return out


def _describes_subject(cue: Cue, cues: Sequence[Cue]) -> bool:
    """A cue inside the predicate of "<event> is/was a part/continuation of <cue>": the sentence
    says what its subject event belongs to; the subject is the event."""
    root = cue.span.root
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    attr = root.head.head
    verb = attr.head
    if attr.dep_ != "attr" or verb.lemma_ != "be":
        return False
    subjects = {c.i for c in verb.children if c.dep_ == "nsubj"}
    return any(c is not cue and c.span.root.i in subjects for c in cues)


def _struggling(cue: Cue) -> bool:
    root = cue.span.root
    return root.lemma_.lower() in ("battle", "fight") and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in root.children
    )


def _main_clause(tok: Token) -> bool:
    """The sentence's main verb, or the clause a reporting verb reports ("sources said that the
    army has dispatched troops")."""
    if tok.dep_ == "ROOT":
        return True
    return tok.dep_ == "ccomp" and tok.head.dep_ == "ROOT" and tok.head.lemma_.lower() in REPORTING


def _disrupted(cues: Sequence[Cue]) -> Candidate | None:
    """Weapons seized, found, cleared or defused: ACLED's "Disrupted weapons use"."""
    for cue in cues:
        if cue.label == "DISRUPT" and not took_people(cue):  # "three men intercepted": arrests
            if cue.lemma in INTERCEPTION and not any(
                t.lemma_.lower() in ARMS_NOUNS | INTERCEPTED or t.lower_ in ARMS_NOUNS
                for t in cue.span.sent
            ):
                continue  # "the interception of this individual": no weapon was stopped
            if cue.lemma in DISMANTLING and not arms_taken(cue):
                continue  # "dismantled a militia position": a position, not a weapon, was taken
            return Candidate(ST.DISRUPTED_WEAPONS_USE, cue.span, 8.6)
        if cue.label in ("TAKE", "FOUND", "LOOT") and arms_taken(cue):
            return Candidate(ST.DISRUPTED_WEAPONS_USE, cue.span, 8.6)
        if cue.label == "FOUND" and any(t.lemma_.lower() in ARMS_NOUNS for t in cue.span.sent):
            return Candidate(ST.DISRUPTED_WEAPONS_USE, cue.span, 8.0)
    return None


def _base(cues: Sequence[Cue]) -> Candidate | None:
    """A base, camp, post or headquarters set up: "Headquarters or base established"."""
    for cue in cues:
        if cue.label == "BUILD" and object_in(cue, HQ_NOUNS):
            return Candidate(ST.HQ_ESTABLISHED, cue.span, 7.0)
    return None


def candidates(
    cues: Sequence[Cue],
    kinds: set[str],
    subject_kind: str | None = None,
    *,
    two_sides: bool = False,
) -> list[Candidate]:
    """All candidates of one sentence, best first. ``kinds``: actor kinds in the sentence;
    ``two_sides``: two different armed actors are named (state forces or armed groups)."""
    cues = [
        c
        for c in without_grievances(without_duds(cues))
        if not accusation(c) and not answered(c) and not planned(c) and not followed(c)
    ]
    cues = _without_foiled(cues)
    labels = {c.label for c in cues}
    found = means_candidates(cues)
    gunfire = _gunfire(cues, kinds, two_sides)
    if gunfire is not None:
        found.append(gunfire)
    disrupted = _disrupted(cues)
    spoils = disrupted is not None and disrupted.trigger.root.lemma_.lower() in SPOILS
    # "Foiled the bandits' attack, killing nine of them": an attack stopped by fighting is the
    # fight; ACLED's Disrupted weapons use is an explosion or remote attack prevented, or arms
    # seized (Codebook 2023), so a foiled bomb plot with no one killed stays one.
    spoils = spoils or (disrupted is not None and disrupted.trigger.root.lemma_.lower() in FOILING)
    if disrupted is not None and not (spoils and _fought(cues)):
        return [
            _secondary(disrupted)
        ]  # a defused bomb or seized rifles are not an explosion or a battle
    if disrupted is not None:  # "killed four militants and recovered weapons": the fight counts
        found.append(Candidate(disrupted.sub_event, disrupted.trigger, 5.0))
    for special in (
        _base(cues),
        unopposed_candidate(cues),
        _captives(cues, kinds),
        other_candidate(cues),
        broken_truce_candidate(cues),
    ):
        if special is not None:
            found.append(special)
    protest = protest_candidate(cues, kinds)
    if protest is not None:
        found.append(protest)
    territory = territory_candidate(cues, kinds, subject_kind)
    if territory is not None:
        found.append(territory)
    found.extend(_simple(cues, kinds, two_sides))
    if not found:
        found.extend(_battle_toll(cues, kinds, two_sides))
    if territory is not None:  # the fighting that won the ground is the territorial battle
        found = [c for c in found if c.sub_event != ST.ARMED_CLASH]
    if protest is not None:  # arrests/clashes at a protest are part of the protest
        found = [c for c in found if c.sub_event not in (ST.ARRESTS, ST.ARMED_CLASH, ST.LOOTING)]
    if people_harmed(cues) and any(c.sub_event != ST.LOOTING for c in found):
        # ACLED's Looting/property destruction is destruction "outside the context of other
        # forms of violence": with people killed or wounded, the violence is the event.
        found = [c for c in found if c.sub_event != ST.LOOTING]
    if livestock_only(cues):  # animals killed by fire, no person hurt: property destroyed
        found = [as_property_harm(c) for c in found]
    labels = _story_labels(cues)
    if labels & NON_EVENT:
        # Disaster, crime or diplomacy wording: keep only unambiguous political violence, and
        # without a sign of intent ("fired", "attacked", guns, fighting) only demonstrations and
        # conflict agreements: a gas leak, a plane crash or a missile test is not an attack.
        found = [c for c in found if c.score >= 6.0 and not _crime_arrest(c, labels)]
        violence = [c for c in cues if c.label in PLANNABLE]
        if not sign_of_intent(cues) or (violence and all(map(_after, violence))):
            # "diplomats expelled after a nerve agent attack": the attack is what the
            # diplomacy answers, told as its time reference, not the story's event.
            found = [
                c
                for c in found
                if c.sub_event in DEMONSTRATION_ORDER or c.sub_event in (ST.AGREEMENT, ST.OTHER)
            ]
    return sorted([_secondary(c) for c in found], key=lambda c: -c.score)


# How far a candidate told as an addition ("they also captured arms") falls below the rest: below
# the main event of the sentence before it, which a lead or repeat bonus lifts by 1.5 or more.
ALSO_PENALTY = 2.0


def _secondary(c: Candidate) -> Candidate:
    """ "They also captured arms and released six hostages": "also" tells an addition to an event
    already reported, not the story's main event."""
    verb = c.trigger.root
    if verb.pos_ != "VERB" and verb.head.pos_ == "VERB":
        verb = verb.head
    if any(t.dep_ == "advmod" and t.lower_ == "also" for t in verb.children):
        return Candidate(c.sub_event, c.trigger, c.score - ALSO_PENALTY)
    return c


def _battle_toll(cues: Sequence[Cue], kinds: set[str], two_sides: bool) -> list[Candidate]:
    """Deaths told with state forces and an armed group, or two armed sides, and no other event
    word ("military operations left seven militants dead"): the dead fell in a battle, ACLED's
    "Armed clash" (Codebook 2023: armed, organised groups engaging each other)."""
    death = first_cue(cues, "DEATH")
    if death is None or not (two_sides or (kinds & ARMED_KINDS and kinds & STATE_KINDS)):
        return []
    return [Candidate(ST.ARMED_CLASH, death.span, 6.0)]


def _after(cue: Cue) -> bool:
    """In a phrase that dates something else: "after a nerve agent attack"."""
    root = cue.span.root
    while root.dep_ in ("compound", "amod") and root.head is not root:
        root = root.head
    return root.dep_ == "pobj" and root.head.lemma_.lower() in AFTERMATH


# Verbs of stopping an attack in progress (what was stopped is told by the rest of the sentence).
FOILING = frozenset({"foil", "thwart"})


def _without_foiled(cues: Sequence[Cue]) -> list[Cue]:
    """ "Foiled an attack on the village, killing seven attackers": with a fight told, the attack
    that was foiled did not happen; only the fight that stopped it is an event."""
    foils = [c.span.root for c in cues if c.label == "DISRUPT" and c.lemma in FOILING]
    if not foils or not _fought(cues):
        return list(cues)
    return [
        c
        for c in cues
        if not (c.label != "DISRUPT" and c.span.root.dep_ == "dobj" and c.span.root.head in foils)
    ]


def _fought(cues: Sequence[Cue]) -> bool:
    """A battle or a killing told in the sentence itself (not as a modifier)."""
    for c in cues:
        if c.label == "CLASH" and clause_told(c):
            return True
        if c.label == "ATTACK" and c.lemma in ("kill", "killing"):
            return True
    return False


def _captives(cues: Sequence[Cue], kinds: set[str]) -> Candidate | None:
    """People "captured" or "taken" are arrested (ACLED "Arrests"), places captured are not;
    prisoners taken in a battle are part of the battle."""
    takes = [c for c in cues if c.label == "TAKE"]
    if any(c.label == "CLASH" for c in cues) or not all(took_people(c) for c in takes):
        return None  # "seized the town and captured its commander": the town is the event
    for cue in cues:
        if cue.label == "TAKE" and took_people(cue):
            # Seized by state forces: an arrest; by anyone else: an abduction (ACLED Codebook).
            # The agent of "were seized by X" says who; else the kinds named in the sentence.
            agent = agent_is_state(cue.span.root)
            state = (
                agent
                if agent is not None
                else not (kinds & ARMED_KINDS and not kinds & STATE_KINDS)
            )
            return Candidate(ST.ARRESTS if state else ST.ABDUCTION, cue.span, 6.7)
    return None


def _story_labels(cues: Sequence[Cue]) -> set[str]:
    """Cue classes that say what kind of story this is. A diplomacy word as a modifier ("during a
    visit") or a crime someone is accused of ("executed a man accused of robbery") is context."""
    out = set()
    crime = {c.span.root.i for c in cues if c.label == "CRIME"}
    taken = {o.i for c in cues if c.label == "TAKE" for o in objects_of(c.span.root)}
    hit = {o.i for c in cues if c.label in PLANNABLE for o in _struck(c.span.root)}
    for c in cues:
        root = c.span.root
        if c.label == "DIPLO" and (root.dep_ in MODIFIER_DEPS or root.i in hit):
            continue  # "gunmen attacked the embassy": the embassy was the target, not diplomacy
        if c.label == "MANMADE" and root.i in taken:
            continue  # "overran a bomb factory": a site captured, not an industrial accident
        if c.label == "CRIME" and root.dep_ in ("compound", "amod") and root.head.i not in crime:
            continue  # "a drugs rehabilitation centre": a place, not a crime story
        if c.label == "CRIME" and ACCUSED & {
            root.head.lemma_.lower(),
            root.head.head.lemma_.lower(),
        }:
            continue
        out.add(c.label)
    return out


def _struck(word: Token) -> list[Token]:
    """What a violence word was done to: its object ("attacked the embassy") or, for a noun, the
    object of its "on"/"against" ("an attack on the consulate")."""
    preps = [p for p in word.children if p.lower_ in ("on", "against")]
    return objects_of(word) + [o for p in preps for o in p.children if o.dep_ == "pobj"]


def _crime_arrest(c: Candidate, labels: set[str]) -> bool:
    return c.sub_event in (ST.ARRESTS, ST.ATTACK) and "CRIME" in labels
