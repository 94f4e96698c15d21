"""The means of an explosion or remote violence: ACLED Codebook (2023), "Explosions/Remote
violence" (https://acleddata.com/knowledge-base/codebook/). The most specific means wins (chemical >
suicide > grenade > air/drone > shelling/artillery/missile > remote explosive), and a means counts
only when used: aircraft that are hit, weapons only named or stored substances are none."""

from __future__ import annotations

from collections.abc import Sequence

from ..kb.weapons import held
from .candidate import ST, Candidate, first_cue
from .event_words import (
    AIR_DAMAGE,
    AIR_STRIKE_WORDS,
    ARTILLERY_NOUNS,
    CHEM_SUBSTANCES,
    DAMAGE_ONLY,
    DRONES,
    EXERCISES,
    FACILITY_NOUNS,
    HARM_LABELS,
    INTENT_LABELS,
    LANDING,
    LAUNCHING,
    NON_EVENT,
    SHOOTING_HEADS,
    STRIKING,
    WEAK_BLAST,
    WEAPON_ACTS,
)
from .objects import in_relative_clause, object_in, took_people
from .triggers import Cue

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


def means_candidates(cues: Sequence[Cue]) -> list[Candidate]:
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
        if label == "SHELL" and _battle_weapon(cue, cues):
            continue  # "both sides clashed with heavy weapons": a battle, not remote fire
        if held(cue.span.root):
            continue  # "seized rifles and grenades", "bought mortars": weapons held, none used
        if label == "IED" and cue.lemma == "blow" and object_in(cue, INFLATED):
            continue  # "blew up balloons", "blew up the photo": inflated or enlarged
        if _describes_captive(cue, cues):
            continue  # "captured a commander who carried out a mortar shelling": who was taken
        if label == "SHELL" and cue.lemma == "projectile" and labels & {"PROTEST", "VIOLENT"}:
            continue  # projectiles thrown by demonstrators are stones, not rockets
        if label == "IED" and cue.lemma in WEAK_BLAST and not _explosives_used(cue):
            deadly = any(c.label == "ATTACK" and c.lemma == "kill" for c in cues)
            if not sign_of_intent(cues) and not (deadly and not labels & NON_EVENT):
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


# Things one blows up without explosives (inflated, or enlarged).
INFLATED = frozenset({"balloon", "balloons", "tyre", "tyres", "tire", "tires", "photo", "picture"})


def _explosives_used(cue: Cue) -> bool:
    """ "Destroyed a mast using explosives", "blew up the bridge with explosives": explosives as
    the instrument of a deliberate act are an explosive device used (ACLED Codebook 2023,
    "Remote explosive/landmine/IED"), not a blast of unknown cause."""
    root = cue.span.root
    if root.lower_ not in ("explosive", "explosives"):
        return False
    head = root.head
    return (root.dep_ == "dobj" and head.lemma_.lower() == "use") or (
        root.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in WRECKING
    )


# Verbs of deliberate damage that explosives can be the instrument of ("blew up X with explosives";
# not "a car packed with explosives", a device found).
WRECKING = frozenset({"blow", "destroy", "attack", "target", "strike", "damage", "demolish", "hit"})


def _battle_weapon(cue: Cue, cues: Sequence[Cue]) -> bool:
    """Heavy weapons named as what a battle was fought with ("clashed with heavy weapons",
    "fought with mortars"): both sides fighting at close range is an armed clash, shelling is
    fire at a target that cannot answer (ACLED Codebook 2023, "Armed clash" and
    "Shelling/artillery/missile attack")."""
    if _listed_with_small_arms(cue, cues):
        return True
    root = cue.span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "with":
        return False
    return any(c.label == "CLASH" and c.span.root.i == prep.head.i for c in cues)


# Tokens that may stand between the items of one list of weapons ("small arms/sniper rifles and
# mortars", "rifles, machine guns and artillery").
LIST_POS = frozenset({"NOUN", "PROPN", "ADJ", "SYM", "PUNCT", "CCONJ", "NUM", "DET"})

# Words that make a gun a heavy weapon.
HEAVY_GUN_WORDS = frozenset({"aircraft", "anti-aircraft", "anti", "tank", "anti-tank", "naval"})


def _listed_with_small_arms(cue: Cue, cues: Sequence[Cue]) -> bool:
    """Heavy weapons fired in one list with small arms ("fired with small arms/sniper rifles/
    mortars on the positions"): an exchange of fire at close range, which ACLED codes as an armed
    clash; shelling is long-range fire alone (ACLED Codebook 2023, "Armed clash")."""
    doc = cue.span.doc
    for other in cues:
        if other.label != "FIREARM" or other.span.sent.start != cue.span.sent.start:
            continue
        if any(
            t.lower_ in HEAVY_GUN_WORDS for t in doc[max(other.span.start - 3, 0) : other.span.end]
        ):
            continue  # "anti-aircraft guns", "tank guns": heavy weapons themselves
        first, second = sorted((other.span, cue.span), key=lambda sp: sp.start)
        if second.start < first.end:
            continue  # overlapping words ("grenade" in "grenade launchers"): no list
        between = doc[first.end : second.start]
        if len(between) <= 8 and all(t.pos_ in LIST_POS for t in between):
            return True
    return False


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
    # "attacked the air force installations", "the air force's base was shelled": the aircraft
    # word names the owner of what was hit; the thing it modifies decides.
    while root.dep_ in ("compound", "poss", "conj") and root.head is not root:
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
    if not any(c.label == "ARREST" or (c.label == "TAKE" and took_people(c)) for c in cues):
        return False
    return in_relative_clause(cue.span.root)


def _exercise(cues: Sequence[Cue]) -> bool:
    return any(c.label == "CHANGE" and c.lemma in EXERCISES for c in cues)


def _chemical_weapon(cue: Cue) -> bool:
    """ "Chemical weapons", "sarin", "a gas attack": a weapon by name, not only a substance."""
    return any(t.lemma_.lower() not in CHEM_SUBSTANCES for t in cue.span)


def sign_of_intent(cues: Sequence[Cue]) -> bool:
    for c in cues:
        if c.label in INTENT_LABELS and not (c.label == "LOOT" and c.lemma in DAMAGE_ONLY):
            if _blaze(c):
                continue
            return True
        if c.label == "ATTACK" and c.lemma not in ("kill", "killing", "die"):
            return True
        if c.label == "IED" and c.lemma in BLAST_ACTS and c.span.root.pos_ == "VERB":
            return True  # "dynamited the pipeline", "blew up two towers": someone set it off
    return False


# Verbs of setting off an explosive at something: done by someone, unlike "exploded" or "a blast".
BLAST_ACTS = frozenset({"dynamite", "bomb", "blow"})


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
