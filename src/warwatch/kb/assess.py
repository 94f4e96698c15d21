"""Report -> Report with legal notes per incident, as of the incident's date.

Three kinds of note, never mixed (``LegalNote.basis``):
- ``treaty``: for each treaty provision governing each weapon's category, whether the attributed
  user state (perpetrator actors that are state forces with a ``country_code``) and the territorial
  state (``incident.location.country_code``) are bound on the incident date. Non-state armed
  groups are never states parties. ``state_party`` None means the sources do not say.
- ``customary``: the ICRC Customary IHL rules in play whatever the treaties.
- ``characterisation``: what the text says about legality, with who said it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Actor, ActorRole, EventType, Incident, LegalBasis, LegalNote, Report
from .characterisation import characterisations
from .customary import customary_notes
from .legal import TREATY_PROVISIONS, Provision
from .status import participation, standing
from .treaties import UNTC_SNAPSHOT, load_treaties

if TYPE_CHECKING:
    from spacy.tokens import Doc

HOSTILITIES = frozenset({EventType.BATTLES, EventType.EXPLOSIONS, EventType.VAC})
_STATE_PREFIXES = ("Military Forces of", "Police Forces of", "Government of")


@dataclass(frozen=True)
class Party:
    """A state whose treaty status matters for an incident, and why."""

    state: str
    roles: tuple[str, ...]  # "attributed user", "territorial state"
    hedged: bool


def incident_date(incident: Incident) -> dt.date | None:
    return incident.date.end or incident.date.start


def is_state_actor(actor: Actor) -> bool:
    """State forces by ACLED naming ("Military Forces of X") or the actor dictionary's kind."""
    if actor.name.startswith(_STATE_PREFIXES):
        return True
    from .actors import actor_entries

    kinds = {e.kind for e in actor_entries() if e.canonical == actor.name}
    return bool(kinds & {"state", "police"})


def _parties(incident: Incident) -> list[Party]:
    roles: dict[str, list[str]] = {}
    hedged: dict[str, bool] = {}
    for actor in incident.actors:
        if actor.role is ActorRole.PERPETRATOR and actor.country_code and is_state_actor(actor):
            roles.setdefault(actor.country_code, []).append("attributed user")
            hedged[actor.country_code] = hedged.get(actor.country_code, True) and actor.hedged
    territorial = incident.location.country_code if incident.location else None
    if territorial:
        roles.setdefault(territorial, []).append("territorial state")
    return [Party(s, tuple(dict.fromkeys(r)), hedged.get(s, False)) for s, r in roles.items()]


def _treaty_note(provision: Provision, party: Party, when: dt.date | None) -> LegalNote:
    treaty = load_treaties()[provision.treaty]
    role = " and ".join(party.roles)
    if when is None:
        recorded = participation(provision.treaty, party.state)
        never = (
            recorded is None
            and standing(provision.treaty, party.state, UNTC_SNAPSHOT).party is False
        )
        party_flag: bool | None = False if never else None
        status = (
            "never signed or joined it"
            if never
            else "incident date unknown, so status cannot be fixed"
        )
        source = treaty.status_data
    else:
        found = standing(provision.treaty, party.state, when)
        party_flag, status, source = found.party, found.note, found.source
    parts = [
        f"{party.state} ({role}): {status}",
        f"{treaty.short_name} {provision.article}: {provision.what}",
    ]
    if provision.condition:
        parts.append(provision.condition)
    if party.hedged and "attributed user" in party.roles:
        parts.append("if the attribution holds")
    return LegalNote(
        instrument=treaty.name if len(treaty.name) < 60 else treaty.short_name,
        basis=LegalBasis.TREATY,
        state=party.state,
        state_party=party_flag,
        as_of=when,
        note="; ".join(parts),
        source=source,
    )


def _non_state_notes(
    incident: Incident, provisions: list[Provision], when: dt.date | None
) -> list[LegalNote]:
    notes = []
    for actor in incident.actors:
        if actor.role is not ActorRole.PERPETRATOR or is_state_actor(actor):
            continue
        for provision in provisions:
            treaty = load_treaties()[provision.treaty]
            notes.append(
                LegalNote(
                    instrument=treaty.name if len(treaty.name) < 60 else treaty.short_name,
                    basis=LegalBasis.TREATY,
                    state=None,
                    state_party=False,
                    as_of=when,
                    note=f"{actor.name} is not a state: non-state armed groups cannot be states parties "
                    "(customary IHL binds them; the territorial state's obligations apply)",
                    source="treaty text: only states may sign, ratify or accede",
                )
            )
    return notes


# The Rome Statute governs no weapon category; it matters for every act of hostilities because the
# ICC may try war crimes committed on a state party's territory or by its nationals (art. 12(2)).
ROME = Provision(
    "rome-statute",
    "art. 12(2)",
    "ICC jurisdiction over war crimes (art. 8) committed on the territory (a) or by nationals (b) "
    "of a state party",
)


def treaty_notes(incident: Incident) -> list[LegalNote]:
    when = incident_date(incident)
    by_weapon = (p for w in incident.weapons for p in TREATY_PROVISIONS.get(w.category or "", ()))
    weapon_provisions = list(dict.fromkeys(by_weapon))
    provisions = [*weapon_provisions, *([ROME] if incident.event_type in HOSTILITIES else [])]
    notes = [_treaty_note(p, party, when) for p in provisions for party in _parties(incident)]
    return notes + _non_state_notes(incident, weapon_provisions, when)


def _assess_incident(report: Report, incident: Incident, doc: Doc) -> Incident:
    notes = treaty_notes(incident)
    if incident.event_type in HOSTILITIES or incident.weapons:
        notes += customary_notes(incident, doc)
    notes += characterisations(report, incident, doc)
    return incident.model_copy(update={"legal": tuple(dict.fromkeys(notes))})


def assess(report: Report, doc: Doc) -> Report:
    """Every incident gets its legal notes (replacing any earlier ones, so this is idempotent)."""
    incidents = tuple(_assess_incident(report, i, doc) for i in report.incidents)
    return report.model_copy(update={"incidents": incidents})
