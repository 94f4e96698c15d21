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
the Candidate record and the actor-kind sets in candidate.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .actors import mentions
from .candidate import ARMED_KINDS, ST, STATE_KINDS, Candidate, first_cue
from .demonstration_type import DEMONSTRATION_ORDER, protest_candidate, without_grievances
from .event_words import (
    ACCUSED,
    AFTERMATH,
    AIR_DAMAGE,
    AIR_STRIKE_WORDS,
    ANSWERS,
    ARMS_NOUNS,
    ARTILLERY_NOUNS,
    ATTEMPT_HEADS,
    CHEM_SUBSTANCES,
    CONFLICT_AGREEMENT,
    CROWD_NOUNS,
    DAMAGE_ONLY,
    DRONES,
    EXERCISES,
    FACILITY_NOUNS,
    HARM_LABELS,
    HQ_NOUNS,
    INTENT_LABELS,
    INTERCEPTED,
    INTERCEPTION,
    KILLING,
    LANDING,
    LAUNCHING,
    MELEE,
    MODIFIER_DEPS,
    NON_EVENT,
    NONSTATE_NOUNS,
    NOT_YET_HEADS,
    ONE_SIDED,
    PARTISAN_NOUNS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    PLANNABLE,
    REPORTING,
    SCUFFLE,
    SHOOTING_HEADS,
    SPOILS,
    STATE_NOUNS,
    STRIKING,
    WEAK_BLAST,
    WEAPON_ACTS,
)
from .triggers import Cue

# Re-exported: assemble.py and grouping.py import these from here.
__all__ = ["ARMED_KINDS", "DEMONSTRATION_ORDER", "STATE_KINDS", "Candidate", "candidates"]

# Means cues in order of specificity, with their sub-event and score.
MEANS = (
    ("SUICIDE", ST.SUICIDE_BOMB, 10.0),
    ("CHEM", ST.CHEMICAL_WEAPON, 9.5),
    ("GRENADE", ST.GRENADE, 8.0),
    ("AIR", ST.AIR_STRIKE, 7.6),
    ("SHELL", ST.SHELLING, 7.5),
    ("IED", ST.REMOTE_EXPLOSIVE, 7.0),
)
# Cue -> (sub-event, score) for cues whose meaning does not depend on the rest of the sentence.
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


def _means(cues: Sequence[Cue]) -> list[Candidate]:
    labels = {c.label for c in cues}
    out = []
    for label, sub, score in MEANS:
        # "detonated a car bomb": the bomb, not the generic verb, says which means it was.
        same = [c for c in cues if c.label == label]
        if label == "AIR":
            same = [c for c in same if not _not_striking_aircraft(c)]
        cue = next((c for c in same if c.lemma not in WEAK_BLAST), same[0] if same else None)
        if cue is None:
            continue
        if label == "GRENADE" and any(c.label == "AIR" and c.lemma in DRONES for c in cues):
            continue  # grenades dropped from a drone: an Air/drone strike (ACLED Codebook 2023)
        if label == "SHELL" and not _fired(cue, cues):
            continue  # "heavy weapons were deployed", "a missile site": weapons named, none fired
        if _describes_captive(cue, cues):
            continue  # "captured a commander who carried out a mortar shelling": who was taken
        if label == "SHELL" and cue.lemma == "projectile" and labels & {"PROTEST", "VIOLENT"}:
            continue  # projectiles thrown by demonstrators are stones, not rockets
        if label == "IED" and cue.lemma in WEAK_BLAST:
            deadly = any(c.label == "ATTACK" and c.lemma == "kill" for c in cues)
            if not _intent(cues) and not (deadly and not labels & NON_EVENT):
                # "a furnace exploded": a blast with nobody behind it is no attack; "killed in a
                # blast" with no accident, crime or disaster word is counted as one.
                continue
            score = 5.6 if deadly else 4.0  # "killed in a blast": the blast, not a bare killing
        # "a helicopter", "drones" alone: an aircraft is a means only when it strikes.
        air_strike = any(c.label == "AIR" and c.lemma in AIR_STRIKE_WORDS for c in cues)
        if label == "AIR" and not labels & STRIKING and not air_strike and not _air_doer(cue):
            continue
        drone_drop = label == "AIR" and cue.lemma in DRONES and "GRENADE" in labels
        if label == "AIR" and _exercise(cues) and not air_strike and not drone_drop:
            continue  # jets and helicopters in a military exercise strike nobody
        if label == "CHEM" and _modifies(cue, FACILITY_NOUNS):
            continue  # "chemical weapons facilities" struck: a site, not chemical weapons used
        if (
            label == "CHEM"
            and not _chemical_weapon(cue)
            and not labels & (WEAPON_ACTS | INTENT_LABELS)
        ):
            # "toxic chemicals were stored": a substance is a weapon only when used or fired
            # (ACLED Codebook 2023, "Chemical weapon": the use of chemical weapons in warfare).
            continue
        trigger = first_cue(cues, "WEAPONUSE")
        out.append(Candidate(sub, trigger.span if trigger else cue.span, score))
    return out


def _not_striking_aircraft(cue: Cue) -> bool:
    """ "Anti-aircraft guns" are ground weapons; "damaged passenger planes", "shot down a
    helicopter": the aircraft is what was hit. An aircraft word that is the object of a verb or
    of a preposition other than "by"/"from" is no means of attack."""
    root = cue.span.root
    start = cue.span.start
    doc = cue.span.doc
    if (
        start >= 1
        and doc[start - 1].lower_ in ("anti", "anti-")
        or (start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "anti")
    ):
        return True
    if any(t.lemma_.lower() in AIR_STRIKE_WORDS for t in cue.span):
        return False  # "airstrikes", "air raid", "drone strike": the strike itself
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ == "dobj" and root.head.lemma_.lower() in LAUNCHING:
        return False  # "used a drone", "launched drones", "deployed helicopters"
    if root.dep_ in ("dobj", "nsubjpass"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ not in ("by", "from")


def _air_doer(cue: Cue) -> bool:
    """ "The air force destroyed vehicles", "jets pounded the town": an aircraft doing damage."""
    root = cue.span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in AIR_DAMAGE


def _modifies(cue: Cue, nouns: frozenset[str]) -> bool:
    root = cue.span.root
    return root.dep_ in ("compound", "amod") and root.head.lemma_.lower() in nouns


def _fired(cue: Cue, cues: Sequence[Cue]) -> bool:
    """A shelling word that is an act ("shelling", "bombarded"), or a weapon noun ("rockets",
    "heavy weapons") with a word of use, harm or landing in the sentence."""
    if cue.lemma not in ARTILLERY_NOUNS and cue.span.root.lower_ not in ARTILLERY_NOUNS:
        return True
    # Acts told as verbs or nouns, not as modifiers ("a rocket-launching site").
    acts = {c.label for c in cues if c.span.root.dep_ not in ("amod", "compound")}
    if acts & ((WEAPON_ACTS - {"SHELL"}) | INTENT_LABELS | HARM_LABELS):
        return True
    return any(t.lemma_.lower() in LANDING for t in cue.span.sent)


def _describes_captive(cue: Cue, cues: Sequence[Cue]) -> bool:
    """A means named in a relative clause about someone arrested or captured."""
    if not any(c.label == "ARREST" or (c.label == "TAKE" and _took_people(c)) for c in cues):
        return False
    tok = cue.span.root
    for _ in range(4):
        if tok.dep_ == "relcl":
            return True
        if tok.head is tok:
            return False
        tok = tok.head
    return False


def _exercise(cues: Sequence[Cue]) -> bool:
    return any(c.label == "CHANGE" and c.lemma in EXERCISES for c in cues)


def _chemical_weapon(cue: Cue) -> bool:
    """ "Chemical weapons", "sarin", "a gas attack": a weapon by name, not only a substance."""
    return any(t.lemma_.lower() not in CHEM_SUBSTANCES for t in cue.span)


def _territory(cues: Sequence[Cue], kinds: set[str], subject_kind: str | None) -> Candidate | None:
    cue = next(
        (c for c in cues if c.label == "TAKE" and _took_ground(c) and not _attempted(c)),
        None,
    )
    if cue is None:
        return None  # "captured four", "seized rifles", "seized cosmetics": not ground
    side = _taker_side(cue.span.root)
    if side is None:
        state = subject_kind in STATE_KINDS if subject_kind else bool(kinds & STATE_KINDS)
        if subject_kind is None and kinds & ARMED_KINDS and not kinds & STATE_KINDS:
            state = False
    else:
        state = side == "state"
    # Above a battle told with it (7.1 > 6.4 + a toll): ACLED's "Armed clash" is a battle with
    # no reported change of control, so a capture makes the fighting a territorial battle.
    return Candidate(
        ST.GOV_REGAINS_TERRITORY if state else ST.NSA_OVERTAKES_TERRITORY, cue.span, TERRITORY_SCORE
    )


TERRITORY_SCORE = 7.1


def _attempted(cue: Cue) -> bool:
    """ "An attack to capture the base", "their bid to seize the city": an aim, not a capture."""
    root = cue.span.root
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children)
    # An infinitive of purpose ("launched an attack to capture") or after a word of trying.
    return infinitive and (root.dep_ == "advcl" or root.head.lemma_.lower() in ATTEMPT_HEADS)


def _side(tok: Token) -> str | None:
    """ "state" or "nonstate" when the word itself or its modifiers say which side it is. A name
    ("the National Democratic Alliance Army") is the actor knowledge base's to judge, not ours."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "NORP", "GPE", "PERSON"):
        return None
    words = {tok.lemma_.lower(), tok.lower_} | {
        c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
    }
    if tok.lemma_.lower() in NONSTATE_NOUNS or tok.lower_ in NONSTATE_NOUNS:
        return "nonstate"
    return "state" if words & STATE_NOUNS else None


def _taker_side(verb: Token) -> str | None:
    """Which side took the ground, read from the capture verb: its subject ("army units seized"),
    its agent ("taken by militants"), "fell to" whom, or else whom it was taken from ("recaptured
    territory from militants": the government side). A pronoun subject sends the search up to the
    clause that names the actor ("the army said it had retaken"). A name is looked up in the
    actor knowledge base. None: the sentence does not say."""
    takers = _takers(verb)
    for taker in takers:
        side = _side(taker) or _named_side(taker)
        if side is not None:
            return side
    for loser in (g for c in verb.children if c.lower_ == "from" for g in c.children):
        # A name read as state forces is not trusted here: group names carry "Army" too.
        side = _side(loser) or ("nonstate" if _named_side(loser) == "nonstate" else None)
        if side is not None:
            return "state" if side == "nonstate" else "nonstate"
    return None


def _takers(verb: Token) -> list[Token]:
    tok = verb
    for _ in range(3):
        takers = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        takers += [g for c in tok.children if c.dep_ == "agent" for g in c.children]
        if tok.lemma_.lower() == "fall":
            takers += [g for c in tok.children if c.lower_ == "to" for g in c.children]
        if takers:
            return takers
        if tok.dep_ not in ("conj", "xcomp", "ccomp", "advcl") or tok.head is tok:
            break
        tok = tok.head
    return []


def _named_side(tok: Token) -> str | None:
    """The side of the actor name ``tok`` belongs to ("the Libyan National Army": state forces)."""
    for m in mentions(tok.sent, None):
        if m.span.start <= tok.i < m.span.end or m.span.root.head == tok:
            if m.kind in STATE_KINDS:
                return "state"
            if m.kind in ARMED_KINDS:
                return "nonstate"
    return None


def _gunfire(cues: Sequence[Cue], kinds: set[str], two_sides: bool) -> Candidate | None:
    """Shooting with small arms: between armed sides a battle, at civilians an attack."""
    labels = {c.label for c in cues}
    use = first_cue(cues, "WEAPONUSE") or first_cue(cues, "ATTACK")
    if use is None or not labels & {"FIREARM", "POSITION"}:
        return None
    if use.label == "ATTACK" and use.lemma in ONE_SIDED:
        return Candidate(ST.ATTACK, use.span, 6.1)  # gunmen assassinating an officer
    if two_sides or "POSITION" in labels:
        return Candidate(ST.ARMED_CLASH, use.span, 6.4)
    if "civilians" in kinds:
        return Candidate(ST.ATTACK, use.span, 6.1)
    return Candidate(ST.ARMED_CLASH if kinds & STATE_KINDS else ST.ATTACK, use.span, 5.6)


def _simple(cues: Sequence[Cue], kinds: set[str], two_sides: bool) -> list[Candidate]:
    labels = {c.label for c in cues}
    out = []
    for cue in cues:
        if cue.label not in SIMPLE:
            continue
        sub, score = SIMPLE[cue.label]
        if (
            cue.label == "CLASH"
            and "civilians" in kinds
            and not kinds & (ARMED_KINDS | STATE_KINDS)
        ):
            sub, score = ST.MOB_VIOLENCE, 6.2  # villagers clashing with sticks: not a battle
        if cue.label == "CLASH" and (_unarmed_sides(cue, kinds) or _partisan_sides(cue, kinds)):
            sub, score = ST.MOB_VIOLENCE, 6.2  # two named groups of people brawling
        melee = cue.label == "ATTACK" and cue.lemma in MELEE
        if melee:
            score = 6.0  # above the arrest a beating comes with
        if cue.label == "CLASH" and _police_only(cue, kinds):
            sub, score = ST.VIOLENT_DEMONSTRATION, 6.3  # "police clashed with traders": a riot
        if cue.label == "LOOT" and _mob(cue, kinds, PARTISAN_NOUNS):
            # Property destroyed by a crowd or partisans is a riot (ACLED Codebook 2023:
            # "Looting/property destruction" is for destruction outside other violence; rioters
            # destroying property are "Mob violence").
            sub, score = ST.MOB_VIOLENCE, 6.2
        if cue.label == "ATTACK" and cue.lemma not in KILLING and _mob(cue, kinds):
            sub, score = ST.MOB_VIOLENCE, 6.2  # "a group of women beat two journalists"
        elif melee or (cue.label == "ATTACK" and cue.lemma in ONE_SIDED):
            pass  # an assassination or an execution is one-sided: never a battle
        elif cue.label in ("ATTACK", "INJURE") and (
            two_sides or (kinds & ARMED_KINDS and kinds & STATE_KINDS)
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
        if cue.label == "CLASH" and cue.span.root.head.lemma_.lower() in AFTERMATH:
            score = 4.0  # "looted after fighting": the fighting dates what the sentence reports
        if cue.label == "ATTACK" and cue.lemma == "raid" and "ARREST" in labels:
            continue  # "raids to detain activists": ACLED's Arrests
        if cue.label == "CEDE" and _handed_things(cue):
            continue  # "withdrew from the pact", "handed over weapons": no ground changed hands
        if cue.label == "CEDE" and _fought(cues):
            continue  # "forced them to retreat" after a clash: the clash, not a peaceful handover
        if cue.label == "AGREE" and any(t.lemma_.lower() in CONFLICT_AGREEMENT for t in cue.span):
            # Above a clash: "agreed to a ceasefire after two weeks of fighting" is the agreement.
            score = 6.5
        out.append(Candidate(sub, cue.span, score))
    return out


def _mob(cue: Cue, kinds: set[str], more: frozenset[str] = frozenset()) -> bool:
    """An unorganised group of people doing violence (ACLED Codebook 2023, "Mob violence"): the
    doer is a crowd word ("about 30 men", "a group of women") and no armed group or force is named."""
    if kinds & (ARMED_KINDS | STATE_KINDS):
        return False
    root = cue.span.root
    doers = [t for t in root.children if t.dep_ == "nsubj"]
    doers += [g for t in root.children if t.dep_ == "agent" for g in t.children]
    doers += [g for t in doers for p in t.children if p.lower_ == "of" for g in p.children]
    crowd = CROWD_NOUNS | more
    return any(t.lemma_.lower() in crowd or t.lower_ in crowd for t in doers)


def _police_only(cue: Cue, kinds: set[str]) -> bool:
    """Police scuffling with people no armed group, army or country is named among."""
    return (
        cue.lemma in SCUFFLE
        and "police" in kinds
        and not kinds & (ARMED_KINDS | {"state", "demonym", "country"})
    )


def _unarmed_sides(cue: Cue, kinds: set[str]) -> bool:
    """A scuffle between named groups none of which is armed, a state force or a country."""
    armed = ARMED_KINDS | STATE_KINDS | {"demonym", "country"}
    return cue.lemma in SCUFFLE and bool(kinds) and not kinds & armed


def _partisan_sides(cue: Cue, kinds: set[str]) -> bool:
    """ "Clashes between supporters of X and members of Y": the sides are partisans, not armed
    organised groups (ACLED Codebook 2023: an "Armed clash" is between armed, organised groups;
    unorganised violent groups are "Mob violence"). No armed group or force is named; a country
    can be ("members of the New Armenia group")."""
    if kinds & (ARMED_KINDS | STATE_KINDS):
        return False
    root = cue.span.root
    sides = [c for c in root.children if c.dep_ == "nsubj"]
    # "clashes between X and Y", or "clashes broke out/occurred between X and Y"
    holders = [root, root.head] if root.dep_ in ("nsubj", "nsubjpass") else [root]
    preps = [c for h in holders for c in h.children if c.lower_ in ("between", "with", "among")]
    sides += [g for p in preps for g in p.children]
    sides += [cc for t in sides for cc in t.conjuncts]
    return bool(sides) and all(
        t.lemma_.lower() in PARTISAN_NOUNS or t.lower_ in PARTISAN_NOUNS for t in sides
    )


def _main_clause(tok: Token) -> bool:
    """The sentence's main verb, or the clause a reporting verb reports ("sources said that the
    army has dispatched troops")."""
    if tok.dep_ == "ROOT":
        return True
    return tok.dep_ == "ccomp" and tok.head.dep_ == "ROOT" and tok.head.lemma_.lower() in REPORTING


def _objects(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    return objs + [cc for o in objs for cc in o.conjuncts]


def _disrupted(cues: Sequence[Cue]) -> Candidate | None:
    """Weapons seized, found, cleared or defused: ACLED's "Disrupted weapons use"."""
    for cue in cues:
        if cue.label == "DISRUPT" and not _took_people(cue):  # "three men intercepted": arrests
            if cue.lemma in INTERCEPTION and not any(
                t.lemma_.lower() in ARMS_NOUNS | INTERCEPTED or t.lower_ in ARMS_NOUNS
                for t in cue.span.sent
            ):
                continue  # "the interception of this individual": no weapon was stopped
            return Candidate(ST.DISRUPTED_WEAPONS_USE, cue.span, 8.6)
        if cue.label in ("TAKE", "FOUND", "LOOT") and _arms_taken(cue):
            return Candidate(ST.DISRUPTED_WEAPONS_USE, cue.span, 8.6)
        if cue.label == "FOUND" and any(t.lemma_.lower() in ARMS_NOUNS for t in cue.span.sent):
            return Candidate(ST.DISRUPTED_WEAPONS_USE, cue.span, 8.0)
    return None


def _arms_taken(cue: Cue) -> bool:
    return _object_in(cue, ARMS_NOUNS)


def _object_in(cue: Cue, nouns: frozenset[str]) -> bool:
    """The verb's object is one of ``nouns``, or a quantity of them ("a total of 206 rifles",
    "a number of barracks"). Word forms count too: the small model lemmatises "bases" as "basis"."""
    objs = _objects(cue.span.root)
    objs += [g for o in objs for p in o.children if p.lower_ == "of" for g in p.children]
    return any(o.lemma_.lower() in nouns or o.lower_ in nouns for o in objs)


def _base(cues: Sequence[Cue]) -> Candidate | None:
    """A base, camp, post or headquarters set up: "Headquarters or base established"."""
    for cue in cues:
        if cue.label == "BUILD" and _object_in(cue, HQ_NOUNS):
            return Candidate(ST.HQ_ESTABLISHED, cue.span, 7.0)
    return None


def _unopposed(cues: Sequence[Cue]) -> Candidate | None:
    """A withdrawal, or a takeover "without resistance": "Non-violent transfer of territory"."""
    labels = {c.label for c in cues}
    fought = any(c.label == "CLASH" and c.span.root.dep_ not in MODIFIER_DEPS for c in cues)
    if fought or not labels & {"CEDE", "UNOPPOSED"}:
        return None
    unopposed = first_cue(cues, "UNOPPOSED")
    entered = unopposed is not None and any(t.lemma_ == "enter" for t in unopposed.span.sent)
    if "UNOPPOSED" in labels and not labels & {"TAKE", "CEDE"} and not entered:
        return None
    cede = next((c for c in cues if c.label == "CEDE" and not _handed_things(c)), None)
    if "CEDE" in labels and cede is None and "TAKE" not in labels and not entered:
        return None  # "handed over their list of demands", "handed over weapons": no ground
    cue = first_cue(cues, "TAKE") or cede or (unopposed if entered else None)
    # Above a capture (TERRITORY_SCORE): "took the town without a fight" is no battle.
    return Candidate(ST.NONVIOLENT_TRANSFER, cue.span, 7.2) if cue else None


def _handed_things(cue: Cue) -> bool:
    """ "Handed over a list of demands", "handed over their weapons", "withdrew from the pact":
    objects that are no place."""
    objs = [o for o in _objects(cue.span.root) if not cue.span.start <= o.i < cue.span.end]
    # "withdrew from the pact": what is left is named after "from"
    objs += [g for p in cue.span.root.children if p.lower_ == "from" for g in p.children]
    objs += [g for o in objs for p in o.children if p.lower_ == "of" for g in p.children]
    return bool(objs) and not any(
        _place_like(o) or o.lemma_.lower() in HQ_NOUNS or o.pos_ == "PRON" for o in objs
    )  # "from which they withdrew": a pronoun may stand for a place


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
        for c in without_grievances(cues)
        if not _accusation(c) and not _answered(c) and not _planned(c)
    ]
    labels = {c.label for c in cues}
    found = _means(cues)
    gunfire = _gunfire(cues, kinds, two_sides)
    if gunfire is not None:
        found.append(gunfire)
    disrupted = _disrupted(cues)
    spoils = disrupted is not None and disrupted.trigger.root.lemma_.lower() in SPOILS
    if disrupted is not None and not (spoils and _fought(cues)):
        return [disrupted]  # a defused bomb or seized rifles are not an explosion or a battle
    if disrupted is not None:  # "killed four militants and recovered weapons": the fight counts
        found.append(Candidate(disrupted.sub_event, disrupted.trigger, 5.0))
    for special in (_base(cues), _unopposed(cues), _captives(cues, kinds)):
        if special is not None:
            found.append(special)
    protest = protest_candidate(cues, kinds)
    if protest is not None:
        found.append(protest)
    territory = _territory(cues, kinds, subject_kind)
    if territory is not None:
        found.append(territory)
    found.extend(_simple(cues, kinds, two_sides))
    if territory is not None:  # the fighting that won the ground is the territorial battle
        found = [c for c in found if c.sub_event != ST.ARMED_CLASH]
    if protest is not None:  # arrests/clashes at a protest are part of the protest
        found = [c for c in found if c.sub_event not in (ST.ARRESTS, ST.ARMED_CLASH, ST.LOOTING)]
    labels = _story_labels(cues)
    if labels & NON_EVENT:
        # Disaster, crime or diplomacy wording: keep only unambiguous political violence, and
        # without a sign of intent ("fired", "attacked", guns, fighting) only demonstrations and
        # conflict agreements: a gas leak, a plane crash or a missile test is not an attack.
        found = [c for c in found if c.score >= 6.0 and not _crime_arrest(c, labels)]
        if not _intent(cues):
            found = [
                c
                for c in found
                if c.sub_event in DEMONSTRATION_ORDER or c.sub_event == ST.AGREEMENT
            ]
    return sorted(found, key=lambda c: -c.score)


def _accusation(cue: Cue) -> bool:
    """What a person is described as accused, charged or convicted of ("a man convicted for
    sexual abuse", "suspects charged with murder") is a past act named, not the event the sentence
    reports. A clause that accuses ("officials accused the army of shelling the village") is a
    claim about the event and stays."""
    if cue.label in ("ARREST", "PROTEST", "INTERVENE", "FORCE"):
        return False
    root = cue.span.root
    if root.dep_ not in ("pobj", "pcomp"):
        return False
    for head in (root.head, root.head.head):
        if (head.lemma_.lower() in ACCUSED or head.lower_ in ACCUSED) and head.dep_ in (
            "acl",
            "amod",
            "relcl",
        ):
            return True
    return False


def _planned(cue: Cue) -> bool:
    """Violence planned, threatened or called for ("they are planning a major attack",
    "threatened to shell the town") has not happened: ACLED codes events that took place. The
    cue must be what is planned (object or infinitive), not who plans."""
    if cue.label not in PLANNABLE:
        return False
    root = cue.span.root
    if root.dep_ not in ("dobj", "pobj", "xcomp", "conj"):
        return False
    head = root
    for _ in range(2):
        head = head.head
        if head.lemma_.lower() in NOT_YET_HEADS:
            return True
    return False


def _answered(cue: Cue) -> bool:
    """An earlier act the reported one answers ("in retaliation for a gas attack", "in response
    to the shelling") is not the event the sentence reports."""
    head = cue.span.root.head
    return (
        cue.span.root.dep_ in ("pobj", "pcomp")
        and head.lower_ in ("for", "to")
        and head.head.lemma_.lower() in ANSWERS
    )


def _intent(cues: Sequence[Cue]) -> bool:
    for c in cues:
        if c.label in INTENT_LABELS and not (c.label == "LOOT" and c.lemma in DAMAGE_ONLY):
            if _blaze(c):
                continue
            return True
        if c.label == "ATTACK" and c.lemma not in ("kill", "killing", "die"):
            return True
    return False


def _blaze(cue: Cue) -> bool:
    """ "A fire broke out", "burned in a fire": the noun is a blaze, not a weapon fired; "opened
    fire", "returned fire", "came under fire" are shooting."""
    root = cue.span.root
    return (
        cue.label == "WEAPONUSE"
        and cue.lemma == "fire"
        and root.pos_ == "NOUN"
        and root.head.lemma_.lower() not in SHOOTING_HEADS
    )


def _took_ground(cue: Cue) -> bool:
    """ "Seized the town", "took control", "fell to": ground; "seized rifles" or "captured four"
    are not. An object counts as ground when it is a named place or a place noun."""
    if _took_people(cue) or _arms_taken(cue):
        return False
    # "made gains": the cue's own words are no object.
    objs = [o for o in _objects(cue.span.root) if not cue.span.start <= o.i < cue.span.end]
    if not objs and len(cue.span) == 1:
        # A bare "captured" needs ground named around it: "the captured town" is ground,
        # "seven killed and others captured" is not.
        root = cue.span.root
        near = [c for c in root.children if c.dep_ == "nsubj"]
        near += [root.head] if root.dep_ in ("acl", "relcl", "amod") else []
        return any(_place_like(t) for t in near)
    if not objs:
        # "took control of services" is no ground; "took control of (the length of) the
        # highway" is: the "of" chain is followed two steps.
        held = [g for t in cue.span for p in t.children if p.lower_ == "of" for g in p.children]
        held += [g for h in held for p in h.children if p.lower_ == "of" for g in p.children]
        return not held or any(_place_like(h) for h in held)
    return any(_place_like(o) for o in objs)


def _place_like(o: Token) -> bool:
    return (
        o.ent_type_ in ("GPE", "LOC", "FAC", "ORG")
        or o.pos_ == "PROPN"
        or o.lemma_.lower() in PLACE_NOUNS
        or o.lower_ in PLACE_NOUNS
    )


def _took_people(cue: Cue) -> bool:
    return any(
        o.ent_type_ in ("PERSON", "NORP")
        or o.lemma_.lower() in PERSON_NOUNS
        or o.like_num
        or o.lower_ in ("dozens", "hundreds", "scores", "thousands")
        for o in _objects(cue.span.root)
    )


def _fought(cues: Sequence[Cue]) -> bool:
    """A battle or a killing told in the sentence itself (not as a modifier)."""
    for c in cues:
        if c.label == "CLASH" and c.span.root.dep_ not in MODIFIER_DEPS:
            return True
        if c.label == "ATTACK" and c.lemma in ("kill", "killing"):
            return True
    return False


def _captives(cues: Sequence[Cue], kinds: set[str]) -> Candidate | None:
    """People "captured" or "taken" are arrested (ACLED "Arrests"), places captured are not;
    prisoners taken in a battle are part of the battle."""
    takes = [c for c in cues if c.label == "TAKE"]
    if any(c.label == "CLASH" for c in cues) or not all(_took_people(c) for c in takes):
        return None  # "seized the town and captured its commander": the town is the event
    for cue in cues:
        if cue.label == "TAKE" and _took_people(cue):
            # Seized by state forces: an arrest; by anyone else: an abduction (ACLED Codebook).
            state = not (kinds & ARMED_KINDS and not kinds & STATE_KINDS)
            return Candidate(ST.ARRESTS if state else ST.ABDUCTION, cue.span, 6.7)
    return None


def _story_labels(cues: Sequence[Cue]) -> set[str]:
    """Cue classes that say what kind of story this is. A diplomacy word as a modifier ("during a
    visit") or a crime someone is accused of ("executed a man accused of robbery") is context."""
    out = set()
    crime = {c.span.root.i for c in cues if c.label == "CRIME"}
    taken = {o.i for c in cues if c.label == "TAKE" for o in _objects(c.span.root)}
    for c in cues:
        root = c.span.root
        if c.label == "DIPLO" and root.dep_ in MODIFIER_DEPS:
            continue
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


def _crime_arrest(c: Candidate, labels: set[str]) -> bool:
    return c.sub_event in (ST.ARRESTS, ST.ATTACK) and "CRIME" in labels
