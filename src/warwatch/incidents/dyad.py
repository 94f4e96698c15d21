"""ACLED's actor dyad for a battle: both sides are participants, listed in inter-code order.

The ACLED Codebook (2023; the acledR codebook table in shared/gold carries the same definitions):
"Actor 1 and Actor 2 do not imply directionality (e.g. attacker or defender)", and the
  interaction code names the pair lower inter code first ("12 = Military versus Rebels"; inter
  codes 1 State Forces, 2 Rebel Groups, 3 Political Militias, 4 Identity Militias, 5 Rioters,
  6 Protesters, 7 Civilians, 8 External/Other Forces). In a battle both sides fight, so an
  armed side the story has being attacked is a participant as much as the attacker, and the
  sides are listed in inter-code order.

(ACLED also codes an event with no known perpetrator to "Unidentified Armed Group (Country)".
That is a convention of ACLED rows, not something the text says, and MUC-4 templates leave the
perpetrator empty then; so it is not added to the incident here.)
"""

from __future__ import annotations

from functools import cache

from ..kb.actors import actor_entries
from ..kb.missions import is_contingent
from ..model import Actor, ActorRole, EventType

# ACLED inter code of each actor-dictionary kind (ACLED Codebook 2023, "Inter codes"). Named
# militias and unidentified groups are 3; "X Ethnic Militia" names are identity militias (4).
INTER_OF_KIND = {
    "state": 1, "police": 1, "rebel": 2, "militia": 3, "unidentified": 3, "rioters": 5,
    "protesters": 6, "civilians": 7, "external": 8,
}  # fmt: skip
ARMED_KINDS = frozenset({"state", "police", "rebel", "militia", "unidentified", "external"})
SIDES = (ActorRole.PERPETRATOR, ActorRole.PARTICIPANT)


@cache
def _kind_by_name() -> dict[str, str]:
    out: dict[str, str] = {}
    for e in actor_entries():
        out.setdefault(e.canonical, e.kind)
    return out


def kind_of(name: str) -> str | None:
    """The dictionary kind of an ACLED-style name, with or without its "(Country)"."""
    if name.startswith("Military Forces"):
        return "state"
    if name.startswith("Police Forces"):
        return "police"
    if " Ethnic Militia" in name:
        return "militia"
    if is_contingent(name):  # a state's troops in a mission rank with the state forces they are
        return "state"
    base = name.split(" (", 1)[0]
    return _kind_by_name().get(name) or _kind_by_name().get(base)


def inter_code(name: str) -> int:
    kind = kind_of(name)
    if " Ethnic Militia" in name:
        return 4
    return INTER_OF_KIND.get(kind, 9) if kind else 9


def clash_sides(actors: tuple[Actor, ...], event_type: EventType) -> tuple[Actor, ...]:
    """In a battle (armed clash, territory taken or regained), armed actors hit are participants,
    and the sides come first in inter-code order (attackers before the attacked within a code);
    other events keep their roles and order."""
    if event_type != EventType.BATTLES:
        return actors
    out = [
        a.model_copy(update={"role": ActorRole.PARTICIPANT})
        if a.role == ActorRole.TARGET and kind_of(a.name) in ARMED_KINDS
        else a
        for a in actors
    ]
    sides = [a for a in out if a.role in SIDES]
    rest = [a for a in out if a.role not in SIDES]
    sides.sort(key=lambda a: (inter_code(a.name), a.role != ActorRole.PERPETRATOR, a.start))
    return tuple(sides + rest)
