"""Who was harmed and who acted, for the event rules: harm to people, harmless raids, the
people a raid took, the agent of a seizure, and property harm (ACLED Codebook 2023,
https://acleddata.com/knowledge-base/codebook/). Moved out of event_type.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .candidate import ARMED_KINDS, ST, STATE_KINDS, Candidate
from .developments import LIVESTOCK_SCORE
from .event_words import KILLING, PERSON_NOUNS, POLICE_NOUNS, STATE_NOUNS
from .objects import objects_of
from .territory import clause_told
from .triggers import Cue


def harmless(cues: Sequence[Cue], kinds: set[str]) -> bool:
    """State forces alone, and no harm, weapon or other act of violence told."""
    violent = {"INJURE", "DEATH", "FIREARM", "WEAPONUSE", "SHELL", "AIR", "IED", "GRENADE"}
    return (
        bool(kinds & STATE_KINDS)
        and not kinds & ARMED_KINDS
        and not any(c.label in violent or (c.label == "ATTACK" and c.lemma != "raid") for c in cues)
    )


def raid_took_people(cue: Cue) -> bool:
    """ "Forces have taken dozens of Palestinians in a series of raids": the verb the raids are
    told under took people."""
    tok = cue.span.root
    for _ in range(6):  # up through "in a series of raids"
        if tok.pos_ == "VERB":
            return any(
                o.ent_type_ in ("PERSON", "NORP")
                or o.lemma_.lower() in PERSON_NOUNS
                or o.lower_ in ("dozens", "hundreds", "scores", "people")
                for o in objects_of(tok)
            )
        if tok.head is tok:
            return False
        tok = tok.head
    return False


def people_harmed(cues: Sequence[Cue]) -> bool:
    return any(
        (c.label == "ATTACK" and c.lemma in KILLING) or c.label in ("INJURE", "DEATH")
        for c in cues
        if clause_told(c)
    )


def as_property_harm(c: Candidate) -> Candidate:
    if c.sub_event in (ST.ATTACK, ST.ARMED_CLASH):
        return Candidate(ST.LOOTING, c.trigger, LIVESTOCK_SCORE)
    return c


# Agents that make a seizure an arrest: state forces and officials.
STATE_AGENTS = STATE_NOUNS | POLICE_NOUNS | frozenset(
    {"guard", "guards", "authorities", "authority", "officer", "officers", "force", "forces",
     "agent", "agents", "gendarme", "gendarmes", "brigade", "unit", "units", "service"}
)  # fmt: skip


def agent_is_state(verb: Token) -> bool | None:
    """ "Were seized by masked smugglers": not state; "detained by border guards": state; None
    when the clause names no agent."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    if not agents:
        return None
    return any(a.lemma_.lower() in STATE_AGENTS or a.lower_ in STATE_AGENTS for a in agents)


# Targets that are civilians or their places: an armed group attacking them commits violence
# against civilians (ACLED Codebook 2023, "Attack"), whoever else the sentence names (the police
# who reported it, the army that arrived later).
CIVILIAN_TARGETS = frozenset(
    {"civilian", "civilians", "villager", "villagers", "resident", "residents", "journalist",
     "journalists", "media", "reporter", "reporters", "worshipper", "worshippers", "pupil",
     "pupils", "passenger", "passengers", "farmer", "farmers", "community", "communities",
     "village", "villages", "hamlet", "hamlets", "family", "families", "mourner", "mourners",
     "trader", "traders", "traveller", "travellers", "traveler", "travelers", "motorist",
     "motorists", "pilgrim", "pilgrims", "shepherd", "shepherds", "fisherman", "fishermen"}
)  # fmt: skip
# Targets that make it a fight between armed sides.
ARMED_TARGETS = STATE_NOUNS | POLICE_NOUNS | frozenset(
    {"force", "forces", "base", "bases", "position", "positions", "checkpoint", "checkpoints",
     "convoy", "convoys", "patrol", "patrols", "militant", "militants", "fighter", "fighters",
     "rebel", "rebels", "officer", "officers", "guard", "guards", "post", "posts"}
)  # fmt: skip


# Verbs that say what a vehicle holds: "a bus carrying villagers" was an attack on the villagers,
# "a convoy transporting troops" one on the troops.
CARRYING = frozenset({"carry", "transport", "ferry"})


def _targets(verb: Token) -> list[Token]:
    """What ``verb`` was done to: its objects, else those of the verb it shares them with
    ("ambushed and killed two farmers"), and whom a vehicle among them was carrying."""
    objs = objects_of(verb)
    if not objs:
        objs = [o for v in verb.conjuncts if v.i > verb.i for o in objects_of(v)]
    carried = [
        o
        for t in objs
        for v in t.children
        if v.dep_ == "acl" and v.lemma_.lower() in CARRYING
        for o in objects_of(v)
    ]
    return objs + carried


def civilians_attacked(cue: Cue) -> bool:
    """ "Gunmen attacked the village", "attacked party members and the media", "ambushed a bus
    carrying villagers": what the attack was aimed at is civilian, and no armed target is among
    its objects."""
    objs = _targets(cue.span.root)
    words = {o.lemma_.lower() for o in objs} | {o.lower_ for o in objs}
    return bool(words & CIVILIAN_TARGETS) and not words & ARMED_TARGETS
