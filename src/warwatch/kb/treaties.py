"""The weapons and IHL treaties: what each is, and when it enters into force for a state.

Rows come from ``data/treaties.csv`` (UNTC-confirmed dates, see its header) and
``data/treaties_ihl.csv`` (Geneva Conventions, AP I, AP II). Each treaty's own rule for entry into
force for a state that joins after the treaty is in force is coded below with its article.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from .catalogue import designation_key, read_data_csv


class RuleKind(StrEnum):
    FIRST_DAY_OF_SIXTH_MONTH = "first day of the sixth month after deposit"
    DAYS_AFTER = "days after deposit"
    MONTHS_AFTER = "months after deposit"
    FIRST_DAY_OF_MONTH_AFTER_60_DAYS = "first day of the month after the 60th day after deposit"
    ON_DEPOSIT = "on deposit"


@dataclass(frozen=True)
class EntryIntoForce:
    kind: RuleKind
    citation: str
    n: int = 0

    def for_state(self, deposit: dt.date, general: dt.date) -> dt.date:
        """The date the treaty binds a state that deposited on ``deposit``.

        A state that deposited before the treaty itself entered into force is bound from the
        general entry-into-force date ``general``.
        """
        return max(general, self._after(deposit))

    def _after(self, deposit: dt.date) -> dt.date:
        if self.kind is RuleKind.FIRST_DAY_OF_SIXTH_MONTH:
            return add_months(deposit.replace(day=1), 6)
        if self.kind is RuleKind.DAYS_AFTER:
            return deposit + dt.timedelta(days=self.n)
        if self.kind is RuleKind.MONTHS_AFTER:
            return add_months(deposit, self.n)
        if self.kind is RuleKind.FIRST_DAY_OF_MONTH_AFTER_60_DAYS:
            return add_months((deposit + dt.timedelta(days=60)).replace(day=1), 1)
        return deposit

    def describe(self) -> str:
        what = f"{self.n} {self.kind.value}" if self.n else self.kind.value
        return f"{what} ({self.citation})"


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day ``months`` later, clipped to the month's last day (31 Aug + 6 months = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


_CCW_PROTOCOL = EntryIntoForce(RuleKind.MONTHS_AFTER, "CCW art. 5(4)", 6)
# Per-state entry-into-force rules, each from the instrument's own text (article cited).
RULES: dict[str, EntryIntoForce] = {
    "cluster-munitions": EntryIntoForce(RuleKind.FIRST_DAY_OF_SIXTH_MONTH, "CCM art. 17(2)"),
    "mine-ban": EntryIntoForce(RuleKind.FIRST_DAY_OF_SIXTH_MONTH, "Mine Ban Convention art. 17(2)"),
    "cwc": EntryIntoForce(RuleKind.DAYS_AFTER, "CWC art. XXI(2): 30th day", 30),
    "att": EntryIntoForce(RuleKind.DAYS_AFTER, "ATT art. 22(2): 90th day", 90),
    "tpnw": EntryIntoForce(RuleKind.DAYS_AFTER, "TPNW art. 15(2): 90th day", 90),
    "ccw": EntryIntoForce(RuleKind.MONTHS_AFTER, "CCW art. 5(2)", 6),
    "ccw-protocol-i": _CCW_PROTOCOL,
    "ccw-protocol-ii": _CCW_PROTOCOL,
    "ccw-protocol-iii": _CCW_PROTOCOL,
    "ccw-protocol-iv": EntryIntoForce(
        RuleKind.MONTHS_AFTER, "Additional Protocol IV art. 2, applying CCW art. 5(3)-(4)", 6
    ),
    "ccw-amended-protocol-ii": EntryIntoForce(
        RuleKind.MONTHS_AFTER, "Amended Protocol II art. 2, applying CCW art. 5(3)-(4)", 6
    ),
    "ccw-protocol-v": _CCW_PROTOCOL,
    "ccw-amendment-article-1": EntryIntoForce(RuleKind.MONTHS_AFTER, "CCW art. 8(1)(b)", 6),
    "rome-statute": EntryIntoForce(
        RuleKind.FIRST_DAY_OF_MONTH_AFTER_60_DAYS, "Rome Statute art. 126(2)"
    ),
    "bwc": EntryIntoForce(RuleKind.ON_DEPOSIT, "BWC art. XIV(4)"),
    "geneva-conventions": EntryIntoForce(
        RuleKind.MONTHS_AFTER,
        "GC I art. 58 and 61 (immediate effect for parties to a conflict, art. 62)",
        6,
    ),
    "ap-i": EntryIntoForce(RuleKind.MONTHS_AFTER, "AP I art. 95(2) and 96", 6),
    "ap-ii": EntryIntoForce(RuleKind.MONTHS_AFTER, "AP II art. 23(2) and 24(2)", 6),
}

# Which packaged table holds each treaty's states-parties data, and how precise it is.
UNTC_SNAPSHOT = dt.date(2026, 2, 3)
STATUS_DATA: dict[str, str] = {
    **{
        k: "UNTC full dates as at 2026-02-03"
        for k in (
            "cluster-munitions",
            "mine-ban",
            "cwc",
            "att",
            "tpnw",
            "ccw",
            "ccw-protocol-iv",
            "ccw-amended-protocol-ii",
            "ccw-protocol-v",
            "ccw-amendment-article-1",
        )
    },
    **{
        k: "UNTC XXVI-2 consent flags (no dates) as at 2026-02-03"
        for k in (
            "ccw-protocol-i",
            "ccw-protocol-ii",
            "ccw-protocol-iii",
        )
    },
    "rome-statute": "UNTC via ikethepike/mondiale, year only",
}


@dataclass(frozen=True)
class Treaty:
    key: str
    name: str
    short_name: str
    adopted: dt.date | None
    entered_into_force: dt.date | None
    depositary_ref: str
    what_it_prohibits: str
    source: str
    rule: EntryIntoForce

    @property
    def status_data(self) -> str:
        return STATUS_DATA.get(self.key, "none: no states-parties source packaged yet")


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@cache
def load_treaties() -> dict[str, Treaty]:
    treaties: dict[str, Treaty] = {}
    for row in [*read_data_csv("treaties.csv"), *read_data_csv("treaties_ihl.csv")]:
        treaties[row["key"]] = Treaty(
            key=row["key"],
            name=row["name"],
            short_name=row["short_name"],
            adopted=_date(row["adopted"]),
            entered_into_force=_date(row["entered_into_force"]),
            depositary_ref=row["depositary_ref"],
            what_it_prohibits=row["what_it_prohibits"],
            source=row["date_sources"],
            rule=RULES[row["key"]],
        )
    return treaties


# Common names not derivable from the table's name/short_name columns.
_NICKNAMES = {
    "ottawa": "mine-ban",
    "mine ban": "mine-ban",
    "ottawa convention": "mine-ban",
    "apmbc": "mine-ban",
    "ccm": "cluster-munitions",
    "oslo": "cluster-munitions",
    "icc": "rome-statute",
    "rome": "rome-statute",
    "protocol iii": "ccw-protocol-iii",
    "protocol v": "ccw-protocol-v",
    "protocol iv": "ccw-protocol-iv",
    "protocol i": "ccw-protocol-i",
    "amended protocol ii": "ccw-amended-protocol-ii",
    "btwc": "bwc",
    "api": "ap-i",
    "apii": "ap-ii",
    "geneva": "geneva-conventions",
}


def find_treaty(name: str) -> Treaty | None:
    """A treaty by key, short name, full name or common nickname (case/spelling-insensitive)."""
    treaties = load_treaties()
    wanted = name.strip().lower()
    key = _NICKNAMES.get(wanted, wanted)
    if key in treaties:
        return treaties[key]
    norm = designation_key(wanted)
    for treaty in treaties.values():
        names = (treaty.key, treaty.short_name, treaty.name)
        if any(designation_key(n) == norm for n in names):
            return treaty
    for treaty in treaties.values():
        if norm and norm in designation_key(treaty.short_name):
            return treaty
    return None
