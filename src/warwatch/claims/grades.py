"""Grade each claim and give an incident its verification status, by the rules in
``data/grades.yaml`` (documented there, modelled on Airwars' confirmed/fair/weak/contested/
discounted scale). The code only evaluates conditions; every threshold lives in the data file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Claim, Stance
from .lexicon import grade_rules


@dataclass(frozen=True)
class GradedClaim:
    claim: Claim
    kind: str | None  # claimant kind (claimants.py), None for an unattributed claim
    country: str | None  # ISO2 of a state organ claimant


def _strong(claim: Claim) -> bool:
    return bool(set(claim.method) & set(grade_rules()["strong_methods"]))


def _holds(rule: dict[str, Any], g: GradedClaim) -> bool:
    c = g.claim
    checks = {
        "stance": lambda v: c.stance.value in v,
        "claimant_kind": lambda v: g.kind in v,
        "hedged": lambda v: c.hedged == v,
        "has_claimant": lambda v: (c.claimant is not None) == v,
        "strong_method": lambda v: _strong(c) == v,
    }
    return all(checks[key](value) for key, value in rule.items() if key != "grade")


def grade_claim(g: GradedClaim) -> str:
    for rule in grade_rules()["claim_grades"]:
        if _holds(rule, g):
            return str(rule["grade"])
    return "weak"


def _admission(claims: Sequence[GradedClaim], perpetrators: set[str]) -> bool:
    state_kinds = set(grade_rules()["state_kinds"])
    return any(
        g.kind in state_kinds
        and g.country in perpetrators
        and g.claim.stance in (Stance.ASSERTS, Stance.CORROBORATES)
        and not g.claim.hedged
        for g in claims
    )


def _independent(claims: Sequence[GradedClaim]) -> int:
    relays = set(grade_rules()["relay_kinds"])
    names = {g.claim.claimant for g in claims if g.claim.claimant and g.kind not in relays}
    return len(names)


def _status_holds(
    rule: dict[str, Any], claims: Sequence[GradedClaim], grades: list[str], perps: set[str]
) -> bool:
    blamers = {g.claim.claimant for g in claims if g.claim.stance == Stance.BLAMES}
    checks = {
        "admission": lambda v: _admission(claims, perps) == v,
        "any_grade": lambda v: any(x in v for x in grades),
        "opposed_blame": lambda v: (len(blamers) >= 2) == v,
        "min_independent": lambda v: _independent(claims) >= v,
    }
    return all(checks[key](value) for key, value in rule.items() if key != "status")


def verification(claims: Sequence[GradedClaim], perpetrator_countries: set[str]) -> str:
    """The incident's status on the Airwars-style scale (never ``discounted``: analysts only)."""
    grades = [g.claim.grade or grade_claim(g) for g in claims]
    for rule in grade_rules()["incident_status"]:
        if _status_holds(rule, claims, grades, perpetrator_countries):
            return str(rule["status"])
    return "weak"


def default_review() -> str:
    return str(grade_rules()["default_review"])
