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

from ..model import (
    Actor,
    ActorRole,
    DateWindow,
    EventType,
    Incident,
    LegalBasis,
    LegalNote,
    Report,
)
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


def is_armed_group(actor: Actor) -> bool:
    """A non-state armed group: not state forces, not an unidentified actor (who may be a state),
    not civilians, protesters or rioters (ACLED actor classes in the actor dictionary)."""
    if is_state_actor(actor) or actor.name.startswith("Unidentified"):
        return False
    from .actors import actor_entries

    kinds = {e.kind for e in actor_entries() if e.canonical == actor.name.split(" (")[0]}
    return not kinds & {"protesters", "rioters", "civilians", "unidentified"}


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


def _undated_status(treaty: str, state: str) -> tuple[bool | None, str]:
    """Without a date only "never joined" is certain (status can only change by joining)."""
    never = (
        participation(treaty, state) is None
        and standing(treaty, state, UNTC_SNAPSHOT).party is False
    )
    if never:
        return False, f"incident date unknown; never signed or joined it (as at {UNTC_SNAPSHOT})"
    return None, "incident date unknown, so its status on that date cannot be fixed"


def _niac_scope(treaty: str, state: str, when: dt.date | None) -> str:
    """CCW Protocols reach non-international armed conflicts only via the 2001 Art. 1 amendment."""
    if not treaty.startswith("ccw-") or treaty == "ccw-amendment-article-1":
        return ""
    accepted = standing("ccw-amendment-article-1", state, when or UNTC_SNAPSHOT).party
    said = {True: "has accepted it", False: "has not accepted it", None: "acceptance unknown"}[
        accepted
    ]
    return (
        "in a non-international armed conflict the Protocol binds only states that accepted the "
        f"2001 amendment to CCW art. 1 ({state} {said})"
    )


def _dated_status(treaty: str, state: str, window: DateWindow) -> tuple[bool | None, str, str]:
    """Standing on the window's last day; unknown if it changed inside the window (a withdrawal
    or an entry into force between its first and last day)."""
    when = window.end or window.start or UNTC_SNAPSHOT
    found = standing(treaty, state, when)
    since = window.start
    if since is not None and since < when:
        earlier = standing(treaty, state, since)
        if earlier.party != found.party:
            note = f"changed within the incident's date window: on {since}: {earlier.note}; on {when}: {found.note}"
            return None, note, found.source
    return found.party, found.note, found.source


def _treaty_note(provision: Provision, party: Party, window: DateWindow) -> LegalNote:
    treaty = load_treaties()[provision.treaty]
    when = window.end or window.start
    if when is None:
        party_flag, status = _undated_status(provision.treaty, party.state)
        source = treaty.status_data
    else:
        party_flag, status, source = _dated_status(provision.treaty, party.state, window)
    parts = [
        f"{party.state} ({' and '.join(party.roles)}): {status}",
        f"{treaty.short_name} {provision.article}: {provision.what}",
        provision.condition,
        _niac_scope(provision.treaty, party.state, when),
        "if the attribution holds" if party.hedged and "attributed user" in party.roles else "",
    ]
    return LegalNote(
        instrument=treaty.name if len(treaty.name) < 60 else treaty.short_name,
        basis=LegalBasis.TREATY,
        state=party.state,
        state_party=party_flag,
        as_of=when,
        note="; ".join(p for p in parts if p),
        source=source,
    )


def _non_state_notes(
    incident: Incident, provisions: list[Provision], when: dt.date | None
) -> list[LegalNote]:
    notes = []
    for actor in incident.actors:
        if actor.role is not ActorRole.PERPETRATOR or not is_armed_group(actor):
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
    notes = [
        _treaty_note(p, party, incident.date) for p in provisions for party in _parties(incident)
    ]
    return notes + _non_state_notes(incident, weapon_provisions, when)


ATT_EXPORT = Provision(
    "att",
    "arts. 6-7",
    "a state party must not authorise arms exports it knows would be used in attacks on civilians "
    "(art. 6(3)) and must assess the risk of serious violations of IHL (art. 7)",
)


def supplier_notes(report: Report, incident: Incident) -> list[LegalNote]:
    """ATT standing of a state the text names as arms supplier to the incident's attributed user."""
    users = {p.state for p in _parties(incident) if "attributed user" in p.roles}
    notes = []
    for rel in report.relations:
        if rel.type != "arms_supplier" or rel.object not in users or len(rel.subject) != 2:
            continue
        supplier = Party(rel.subject, (f"arms supplier to {rel.object} per the text",), False)
        note = _treaty_note(ATT_EXPORT, supplier, incident.date)
        extra = "when these weapons were transferred is not known from the text"
        notes.append(
            note.model_copy(
                update={"note": f"{note.note}; {extra}", "start": rel.start, "end": rel.end}
            )
        )
    return notes


def _assess_incident(report: Report, incident: Incident, doc: Doc) -> Incident:
    notes = treaty_notes(incident) + supplier_notes(report, incident)
    if (
        incident.event_type in HOSTILITIES
    ):  # conduct-of-hostilities rules; not for arrests, protests
        notes += customary_notes(incident, doc)
    notes += characterisations(report, incident, doc)
    return incident.model_copy(update={"legal": tuple(dict.fromkeys(notes))})


def assess(report: Report, doc: Doc) -> Report:
    """Every incident gets its legal notes (replacing any earlier ones, so this is idempotent)."""
    incidents = tuple(_assess_incident(report, i, doc) for i in report.incidents)
    return report.model_copy(update={"incidents": incidents})
