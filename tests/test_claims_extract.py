"""Claims: claimant normalisation, stance, hedging, topic and method, on general sentences."""

from __future__ import annotations

import pytest

from warwatch.claims.extract import find_claims
from warwatch.model import ClaimAbout, Stance


def claims(nlp, text):  # type: ignore[no-untyped-def]
    return [f.claim for f in find_claims(nlp(text))]


@pytest.mark.parametrize(
    ("text", "claimant", "stance"),
    [
        (
            "The defence ministry of Azerbaijan denied the reports.",
            "Ministry of Defence of Azerbaijan",
            Stance.DENIES,
        ),
        (
            "The Armenian MoD said two soldiers were wounded.",
            "Ministry of Defence of Armenia",
            Stance.ASSERTS,
        ),
        (
            "International Amnesty accused the army of shelling homes.",
            "Amnesty International",
            Stance.BLAMES,
        ),
        ("Two people died, according to Armenian sources.", "Armenian sources", Stance.ASSERTS),
        ("Reuters reported that the bridge was destroyed.", "Reuters", Stance.REPORTS),
        (
            "The Ukrainian foreign ministry rejected the allegations.",
            "Ministry of Foreign Affairs of Ukraine",
            Stance.DENIES,
        ),
        ("The UN confirmed that the convoy was hit.", "United Nations", Stance.CORROBORATES),
    ],
)
def test_claimant_and_stance(nlp, text, claimant, stance) -> None:  # type: ignore[no-untyped-def]
    [claim] = claims(nlp, text)
    assert (claim.claimant, claim.stance) == (claimant, stance)


def test_hedges(nlp) -> None:  # type: ignore[no-untyped-def]
    [hedged] = claims(nlp, "Local officials said the shells were allegedly fired from the hills.")
    assert hedged.hedged
    [plain] = claims(nlp, "Local officials said the shells were fired from the hills.")
    assert not plain.hedged


def test_topic(nlp) -> None:  # type: ignore[no-untyped-def]
    [c] = claims(nlp, "The ministry said three civilians were killed in the strike.")
    assert c.about == ClaimAbout.CASUALTIES
    [c] = claims(nlp, "Police said the blast was caused by a mortar shell.")
    assert c.about == ClaimAbout.WEAPON
    [c] = claims(nlp, "The government blamed the rebels for the massacre.")
    assert c.about == ClaimAbout.ATTRIBUTION


def test_methods_and_monitor_corroboration(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Human Rights Watch researchers geolocated the videos and identified remnants of "
        "cluster munitions in the yard."
    )
    found = claims(nlp, text)
    corroborations = [c for c in found if c.stance == Stance.CORROBORATES]
    assert corroborations and corroborations[0].claimant == "Human Rights Watch"
    assert {"geolocation", "munition identification"} <= set(corroborations[0].method)


def test_no_claim_without_a_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    assert claims(nlp, "The war claimed 30,000 lives in the early 1990s.") == []
    assert claims(nlp, "Troops fired on positions in 5 reported incidents during that day.") == []
    assert claims(nlp, "Fees rose, according to which the plan was changed.") == []


def test_agentless_passive_has_no_claimant(nlp) -> None:  # type: ignore[no-untyped-def]
    [c] = claims(nlp, "No casualties were reported.")
    assert c.claimant is None and c.stance == Stance.REPORTS


def test_the_ngo_resolves_to_the_last_ngo_named(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Human Rights Watch published a report. The NGO said the strikes were unlawful."
    said = [c for c in claims(nlp, text) if c.stance == Stance.ASSERTS]
    assert said and said[0].claimant == "Human Rights Watch"
