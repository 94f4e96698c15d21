"""A state's standing under a treaty, always computed as of a date.

Sources, in order of preference (see the headers of the files in ``data/``):
- ``untc_xxvi_participants_2026-02-03.csv``: UNTC dates (signature, consent, withdrawal) for the
  CCM, Mine Ban Convention, CCW and its later Protocols/amendment, CWC, ATT, TPNW. Preferred
  because it carries full dates, includes every participant (Cook Islands, Niue, ...) and keeps
  withdrawals, and it derives from UNTC pages rather than from an unlicensed repository.
- ``ccw_protocols_I-III_consent_2026-02-03.csv``: consent flags for CCW Protocols I-III.
- ``rome_statute_status_year_only.csv``: Rome Statute, year only (dates inside it are uncertain).
No states-parties data for the BWC, the Geneva Conventions or AP I/II: status is unknown (None).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from .catalogue import read_data_csv
from .treaties import UNTC_SNAPSHOT, load_treaties

UNTC_SOURCE = (
    "UN Treaty Collection status as at 2026-02-03 (data/untc_xxvi_participants_2026-02-03.csv)"
)
PROTOCOLS_SOURCE = "UN Treaty Collection XXVI-2 Protocols I-III table as at 2026-02-03 (data/ccw_protocols_I-III_consent_2026-02-03.csv)"
ROME_SOURCE = "UN Treaty Collection XVIII-10 via ikethepike/mondiale, year only (data/rome_statute_status_year_only.csv)"
# States absent from the year-only source's universe: no row there means unknown, not "not a party".
ROME_UNIVERSE_GAPS = frozenset({"CK", "MH", "WS", "VC", "NU"})
_PROTOCOL_COLUMNS = {
    "ccw-protocol-i": "protocol_i",
    "ccw-protocol-ii": "protocol_ii_original",
    "ccw-protocol-iii": "protocol_iii",
}


@dataclass(frozen=True)
class Participation:
    """What the sources record for one state and one treaty (no judgement about any date)."""

    treaty: str
    state: str
    signed: dt.date | None = None
    consent: dt.date | None = None  # deposit of ratification/accession/...
    consent_type: str | None = None
    consent_year: int | None = None  # when only the year is known
    provisional: dt.date | None = None
    withdrawn: dt.date | None = None  # effective date
    withdrawn_undated: bool = False
    consent_assumed: bool = False  # protocol consent dated by the CCW consent (UNTC gives none)
    source: str = UNTC_SOURCE


@dataclass(frozen=True)
class Standing:
    """A state's standing under a treaty on ``as_of``. ``party`` None means unknown."""

    treaty: str
    state: str
    as_of: dt.date
    party: bool | None
    signatory: bool
    in_force: dt.date | None
    note: str
    source: str


def _d(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@cache
def _untc() -> dict[tuple[str, str], Participation]:
    rows: dict[tuple[str, str], Participation] = {}
    for r in read_data_csv("untc_xxvi_participants_2026-02-03.csv"):
        rows[(r["treaty_key"], r["iso2"])] = Participation(
            treaty=r["treaty_key"],
            state=r["iso2"],
            signed=_d(r["signature_date"]),
            consent=_d(r["consent_date"]),
            consent_type=r["consent_type"] or None,
            provisional=_d(r["provisional_application_date"]),
            withdrawn=_d(r["withdrawal_effective_date"]),
        )
    return rows


@cache
def _protocols() -> dict[str, dict[str, str]]:
    return {r["iso2"]: r for r in read_data_csv("ccw_protocols_I-III_consent_2026-02-03.csv")}


@cache
def _rome() -> dict[str, Participation]:
    rows: dict[str, Participation] = {}
    for r in read_data_csv("rome_statute_status_year_only.csv"):
        year = int(r["year"]) if r["year"] else None
        rows[r["iso2"]] = Participation(
            treaty="rome-statute",
            state=r["iso2"],
            consent_year=year if r["standing"] == "party" else None,
            signed=dt.date(year, 1, 1) if r["standing"] == "signatory" and year else None,
            withdrawn_undated=r["standing"] == "withdrawn",
            source=ROME_SOURCE,
        )
    for r in read_data_csv("rome_statute_withdrawals.csv"):
        rows[r["iso2"]] = Participation(
            treaty="rome-statute",
            state=r["iso2"],
            consent=_d(r["consent_date"]),
            consent_type="ratification" if r["consent_date"] else None,
            withdrawn=_d(r["withdrawal_effective_date"]),
            source=f"{ROME_SOURCE}; withdrawal: {r['source']} (data/rome_statute_withdrawals.csv)",
        )
    return rows


def _protocol_participation(treaty: str, state: str) -> Participation | None:
    ccw = _untc().get(("ccw", state))
    row = _protocols().get(state)
    if ccw is None or row is None or row[_PROTOCOL_COLUMNS[treaty]] != "1":
        return None
    later = _d(row[_PROTOCOL_COLUMNS[treaty].split("_original")[0] + "_later_consent_date"])
    return Participation(
        treaty=treaty,
        state=state,
        consent=later or ccw.consent,
        consent_type="consent to be bound",
        withdrawn=ccw.withdrawn,
        consent_assumed=later is None,
        source=PROTOCOLS_SOURCE,
    )


def participation(treaty: str, state: str) -> Participation | None:
    """The recorded participation of ``state`` (ISO2) in ``treaty`` (key), or None if none."""
    if treaty in _PROTOCOL_COLUMNS:
        return _protocol_participation(treaty, state)
    if treaty == "rome-statute":
        return _rome().get(state)
    return _untc().get((treaty, state))


def parties(treaty: str) -> list[Participation]:
    """Every recorded participant of ``treaty`` (signatories, parties, withdrawn)."""
    if treaty in _PROTOCOL_COLUMNS:
        found = (_protocol_participation(treaty, s) for s in _protocols())
        return [p for p in found if p is not None]
    if treaty == "rome-statute":
        return list(_rome().values())
    return [p for (t, _), p in _untc().items() if t == treaty]


def has_status_data(treaty: str) -> bool:
    return (
        treaty in _PROTOCOL_COLUMNS
        or treaty == "rome-statute"
        or any(t == treaty for t, _ in _untc())
    )


def standing(treaty: str, state: str, as_of: dt.date) -> Standing:
    """Whether ``state`` is bound by ``treaty`` on ``as_of``, with a note that says why."""
    t = load_treaties()[treaty]
    if not has_status_data(treaty):
        note = f"unknown: no states-parties source for the {t.short_name} is packaged yet"
        return Standing(treaty, state, as_of, None, False, None, note, "none")
    p = participation(treaty, state)
    if p is None:
        party, note = _absent(treaty, state, as_of)
        source = ROME_SOURCE if treaty == "rome-statute" else UNTC_SOURCE
        return Standing(
            treaty, state, as_of, party, False, None, _caveat(treaty, as_of, note), source
        )
    party, in_force, note = _recorded(p, as_of)
    signatory = p.signed is not None and p.signed <= as_of
    return Standing(
        treaty, state, as_of, party, signatory, in_force, _caveat(treaty, as_of, note), p.source
    )


def _absent(treaty: str, state: str, as_of: dt.date) -> tuple[bool | None, str]:
    if treaty == "rome-statute" and state in ROME_UNIVERSE_GAPS:
        return None, "unknown: the year-only source does not cover this state"
    if treaty in _PROTOCOL_COLUMNS:
        ccw = _untc().get(("ccw", state))
        if ccw is not None and state not in _protocols():
            return None, "unknown: CCW party missing from the UNTC Protocols I-III table"
        if ccw is not None:
            return False, (
                f"not a party as of {as_of}: party to the CCW (consent {ccw.consent}) but has not "
                "consented to this Protocol (each CCW Protocol binds only states that accepted it)"
            )
    return False, f"not a party as of {as_of} (no signature or consent recorded)"


def _year_only(p: Participation, as_of: dt.date) -> tuple[bool | None, None, str]:
    """Only the joining year is known: dates inside the window it implies are uncertain."""
    t = load_treaties()[p.treaty]
    general = t.entered_into_force or dt.date.min
    year = p.consent_year or 0
    earliest = t.rule.for_state(dt.date(year, 1, 1), general)
    latest = t.rule.for_state(dt.date(year, 12, 31), general)
    joined = f"joined in {year} (only the year is known)"
    if as_of >= latest:
        return True, None, f"party as of {as_of}: {joined}; in force by {latest} at the latest"
    if as_of < earliest:
        return False, None, f"not a party as of {as_of}: {joined}"
    return None, None, f"uncertain on {as_of}: {joined}; in force between {earliest} and {latest}"


def _undated_consent(p: Participation, as_of: dt.date) -> tuple[bool | None, None, str]:
    """No consent date: a withdrawn former party, or a signatory that never ratified."""
    if p.withdrawn is not None:
        if as_of >= p.withdrawn:
            return False, None, f"not a party as of {as_of}: withdrawal took effect {p.withdrawn}"
        return (
            None,
            None,
            f"was a party until its withdrawal took effect {p.withdrawn}; joining date not in the source",
        )
    return (
        False,
        None,
        (
            f"not a party as of {as_of}: signatory since {p.signed}, not bound by the treaty "
            "(a signatory must not defeat its object and purpose, VCLT art. 18)"
        ),
    )


def _recorded(p: Participation, as_of: dt.date) -> tuple[bool | None, dt.date | None, str]:
    t = load_treaties()[p.treaty]
    general = t.entered_into_force or dt.date.min
    if p.withdrawn_undated:
        return None, None, "withdrew (UNTC brackets its dates); the dates are not in the source"
    if p.consent_year is not None:
        return _year_only(p, as_of)
    if p.consent is None:
        return _undated_consent(p, as_of)
    in_force = t.rule.for_state(p.consent, general)
    joined = f"{p.consent_type or 'consent'} deposited {p.consent}, in force for it from {in_force} ({t.rule.citation})"
    if p.consent_assumed:
        joined += "; UNTC gives no protocol date, the CCW consent date is assumed"
    if p.withdrawn is not None and as_of >= p.withdrawn:
        return (
            False,
            in_force,
            f"not a party as of {as_of}: withdrawal took effect {p.withdrawn} ({joined})",
        )
    if as_of >= in_force:
        return True, in_force, f"party as of {as_of}: {joined}"
    provisional = (
        f"; applying it provisionally since {p.provisional}"
        if p.provisional and p.provisional <= as_of
        else ""
    )
    return False, in_force, f"not yet bound as of {as_of}: {joined}{provisional}"


def _caveat(treaty: str, as_of: dt.date, note: str) -> str:
    if treaty != "rome-statute" and as_of > UNTC_SNAPSHOT:
        return f"{note}; source status is as at {UNTC_SNAPSHOT}, later changes are not known"
    return note
