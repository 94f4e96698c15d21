"""Violence by crowds and partisans: ACLED Codebook 2023 (https://acleddata.com/knowledge-base/
codebook/), Riots: "Mob violence" is violence by an unorganised group, "Violent demonstration" by
demonstrators; an "Armed clash" needs armed, organised groups. Moved out of event_type.py.
"""

from __future__ import annotations

from .candidate import ARMED_KINDS, STATE_KINDS
from .event_words import CROWD_NOUNS, PARTISAN_NOUNS, SCUFFLE
from .triggers import Cue

# A party's rank and file: crowds, not its armed wing (Wikipedia "Cadre (politics)").
PARTY_RANKS = frozenset({"cadre", "cadres", "supporter", "supporters", "follower", "followers",
                         "youth", "youths"})  # fmt: skip


def mob(cue: Cue, kinds: set[str], more: frozenset[str] = frozenset()) -> bool:
    """An unorganised group of people doing violence (ACLED Codebook 2023, "Mob violence"): the
    doer is a crowd word ("about 30 men", "a group of women") and no armed group or force is named.
    Partisans named by their party ("party cadres smashed windows") stay a crowd even where the
    party itself is known as a militia: the words say its rank and file acted, not its armed wing."""
    if kinds & STATE_KINDS:
        return False
    root = cue.span.root
    doers = [t for t in root.children if t.dep_ == "nsubj"]
    doers += [g for t in root.children if t.dep_ == "agent" for g in t.children]
    doers += [g for t in doers for p in t.children if p.lower_ == "of" for g in p.children]
    if kinds & ARMED_KINDS:  # "members" or "fighters" of an armed group are that group
        ranks = more & PARTY_RANKS
        return any(t.lemma_.lower() in ranks or t.lower_ in ranks for t in doers)
    crowd = CROWD_NOUNS | more
    return any(t.lemma_.lower() in crowd or t.lower_ in crowd for t in doers)


def police_only(cue: Cue, kinds: set[str]) -> bool:
    """Police scuffling with people no armed group, army or country is named among."""
    return (
        cue.lemma in SCUFFLE
        and "police" in kinds
        and not kinds & (ARMED_KINDS | {"state", "demonym", "country"})
    )


def unarmed_sides(cue: Cue, kinds: set[str]) -> bool:
    """A scuffle between named groups none of which is armed, a state force or a country."""
    armed = ARMED_KINDS | STATE_KINDS | {"demonym", "country"}
    return cue.lemma in SCUFFLE and bool(kinds) and not kinds & armed


def partisan_sides(cue: Cue, kinds: set[str]) -> bool:
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
