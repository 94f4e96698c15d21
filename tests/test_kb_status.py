"""Treaty standing as of a date: entry-into-force rules, withdrawals, protocols, unknowns."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warwatch.kb.status import participation, parties, standing
from warwatch.kb.treaties import RULES, add_months, find_treaty, load_treaties

D = dt.date


@pytest.mark.parametrize("state", ["AM", "AZ", "IL"])
@pytest.mark.parametrize("year", [2008, 2010, 2014, 2020, 2023, 2026])
def test_armenia_azerbaijan_israel_never_ccm_parties(state: str, year: int) -> None:
    found = standing("cluster-munitions", state, D(year, 6, 1))
    assert found.party is False
    assert participation("cluster-munitions", state) is None


def test_ccm_deposit_enters_into_force_first_day_of_sixth_month() -> None:
    rule = RULES["cluster-munitions"]
    general = load_treaties()["cluster-munitions"].entered_into_force
    assert general == D(2010, 8, 1)
    assert rule.for_state(D(2011, 3, 24), general) == D(2011, 9, 1)
    assert rule.for_state(D(2012, 9, 30), general) == D(2013, 3, 1)
    assert (
        rule.for_state(D(2009, 1, 5), general) == general
    )  # deposited before the CCM was in force
    assert "17(2)" in rule.citation


@pytest.mark.parametrize(
    ("treaty", "deposit", "expected"),
    [
        ("cwc", D(2013, 9, 14), D(2013, 10, 14)),  # 30th day, CWC art. XXI(2)
        ("att", D(2020, 1, 1), D(2020, 3, 31)),  # 90th day, ATT art. 22(2)
        ("ccw", D(2017, 8, 9), D(2018, 2, 9)),  # six months, CCW art. 5(2)
        ("mine-ban", D(2012, 1, 9), D(2012, 7, 1)),  # first day of sixth month, art. 17(2)
        ("rome-statute", D(2003, 2, 1), D(2003, 5, 1)),  # art. 126(2)
    ],
)
def test_entry_into_force_rules(treaty: str, deposit: dt.date, expected: dt.date) -> None:
    general = load_treaties()[treaty].entered_into_force
    assert RULES[treaty].for_state(deposit, general) == expected


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2030, 12, 31)), st.integers(0, 24))
def test_add_months_lands_in_the_right_month(day: dt.date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day <= day.day


def test_withdrawn_state_bound_before_not_after() -> None:
    lt = participation("cluster-munitions", "LT")
    assert lt is not None and lt.withdrawn is not None
    before = standing("cluster-munitions", "LT", lt.withdrawn - dt.timedelta(days=1))
    after = standing("cluster-munitions", "LT", lt.withdrawn)
    assert before.party is True
    assert after.party is False and "withdrawal" in after.note
    for state in ("EE", "LV", "FI"):
        p = participation("mine-ban", state)
        assert p is not None and p.withdrawn is not None
        assert standing("mine-ban", state, p.withdrawn - dt.timedelta(days=1)).party is True
        assert standing("mine-ban", state, p.withdrawn).party is False


def test_ratified_but_not_yet_in_force_is_not_bound() -> None:
    lt = participation("cluster-munitions", "LT")
    assert lt is not None and lt.consent is not None
    found = standing("cluster-munitions", "LT", lt.consent + dt.timedelta(days=10))
    assert found.party is False and "in force for it from" in found.note


def test_ccw_party_not_assumed_to_accept_protocol_iii() -> None:
    assert standing("ccw", "IL", D(2023, 10, 10)).party is True
    p3 = standing("ccw-protocol-iii", "IL", D(2023, 10, 10))
    assert p3.party is False and "has not consented" in p3.note
    # A CCW party missing from the UNTC protocol table is unknown, not a guess either way.
    assert standing("ccw-protocol-iii", "CM", D(2023, 1, 1)).party is None


def test_later_protocol_consent_date_is_used() -> None:
    assert standing("ccw-protocol-iii", "US", D(2008, 1, 1)).party is False
    assert standing("ccw-protocol-iii", "US", D(2010, 1, 1)).party is True


@pytest.mark.parametrize("treaty", ["bwc", "geneva-conventions", "ap-i", "ap-ii"])
def test_no_source_means_unknown(treaty: str) -> None:
    found = standing(treaty, "FR", D(2020, 1, 1))
    assert found.party is None and "unknown" in found.note


def test_year_only_rome_statute_is_uncertain_inside_the_year() -> None:
    p = participation("rome-statute", "PS")
    assert p is not None and p.consent_year == 2015
    assert standing("rome-statute", "PS", D(2014, 12, 31)).party is False
    assert standing("rome-statute", "PS", D(2015, 6, 1)).party is None
    assert standing("rome-statute", "PS", D(2017, 1, 1)).party is True
    assert standing("rome-statute", "CK", D(2017, 1, 1)).party is None  # outside the source


def _header_counts() -> dict[str, int]:
    from warwatch.kb.catalogue import read_data_csv

    rows = read_data_csv("untc_xxvi_status_headers_2026-02-03.csv")
    return {r["treaty_key"]: int(r["untc_status_counts"].rsplit(":", 1)[1]) for r in rows}


def test_party_counts_match_untc_headers() -> None:
    # UNTC's "Parties : N" on 2026-02-03 counts deposits not withdrawn, in force or not yet.
    counts = _header_counts()
    assert len(counts) == 10
    for treaty, count in counts.items():
        recorded = [p for p in parties(treaty) if p.consent and not p.withdrawn]
        assert len(recorded) == count, treaty


def test_find_treaty_names() -> None:
    assert find_treaty("CCM").key == "cluster-munitions"  # type: ignore[union-attr]
    assert find_treaty("Ottawa").key == "mine-ban"  # type: ignore[union-attr]
    assert find_treaty("protocol III").key == "ccw-protocol-iii"  # type: ignore[union-attr]
    assert find_treaty("no such thing") is None


def test_rome_statute_withdrawals_with_sourced_dates() -> None:
    # PH: ratified 2011-08-30 -> in force 2011-11-01 by art. 126(2) (matches the cited source).
    assert standing("rome-statute", "PH", D(2011, 10, 31)).party is False
    assert standing("rome-statute", "PH", D(2011, 11, 1)).in_force == D(2011, 11, 1)
    assert standing("rome-statute", "PH", D(2019, 3, 16)).party is True
    assert standing("rome-statute", "PH", D(2019, 3, 17)).party is False
    # BI: withdrawal date sourced, joining date not: unknown before, not a party after.
    assert standing("rome-statute", "BI", D(2016, 1, 1)).party is None
    assert standing("rome-statute", "BI", D(2017, 10, 27)).party is False
