"""kb.assess on hand-built Reports: treaty, customary and characterisation notes kept apart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from warwatch.kb import assess, find_weapons
from warwatch.model import (
    Actor,
    ActorRole,
    Article,
    DateWindow,
    EventType,
    Incident,
    LegalBasis,
    Location,
    Quote,
    Report,
    Span,
    SubEventType,
    TextSpan,
)

CCM = "Convention on Cluster Munitions"


def _at(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


def _incident(
    nlp,
    text: str,
    *,
    actor: str,
    code: str | None,
    where: str | None,
    when: dt.date | None,
    hedged: bool = False,
) -> tuple[Report, object]:
    doc = nlp(text)
    a0, a1 = _at(text, text.split()[0])
    trig = _at(text, "fired") if "fired" in text else _at(text, text.split()[1])
    incident = Incident(
        event_type=EventType.EXPLOSIONS,
        sub_event_type=SubEventType.SHELLING,
        trigger=TextSpan(start=trig[0], end=trig[1], text=text[trig[0] : trig[1]]),
        date=DateWindow(start=when, end=when),
        location=Location(name="somewhere", country_code=where) if where else None,
        actors=(
            Actor(
                name=actor,
                role=ActorRole.PERPETRATOR,
                country_code=code,
                hedged=hedged,
                start=a0,
                end=a1,
            ),
        ),
        weapons=tuple(find_weapons(doc[:])),
        evidence=(Span(start=0, end=len(text)),),
    )
    return Report(article=Article(text=text, sha256="0" * 64), incidents=(incident,)), doc


def _notes(report: Report, basis: LegalBasis, instrument: str | None = None) -> list:
    return [
        n
        for n in report.incidents[0].legal
        if n.basis is basis and (instrument is None or n.instrument == instrument)
    ]


TEXT = "Troops fired cluster munitions at a residential district near the hospital."


def test_state_party_gets_treaty_finding_non_party_only_customary(nlp) -> None:
    when = dt.date(2020, 6, 1)
    party, doc = _incident(
        nlp, TEXT, actor="Military Forces of France", code="FR", where=None, when=when
    )
    out = assess(party, doc)
    ccm = _notes(out, LegalBasis.TREATY, CCM)
    assert [(n.state, n.state_party) for n in ccm] == [("FR", True)]
    non_party, doc = _incident(
        nlp, TEXT, actor="Military Forces of United States", code="US", where=None, when=when
    )
    out = assess(non_party, doc)
    assert not any(n.state_party for n in _notes(out, LegalBasis.TREATY))
    assert [(n.state, n.state_party) for n in _notes(out, LegalBasis.TREATY, CCM)] == [
        ("US", False)
    ]
    customary = " ".join(n.instrument for n in _notes(out, LegalBasis.CUSTOMARY))
    for rule in ("Rules 1, 7", "Rules 11, 12", "Rule 71", "Rule 28"):
        assert rule in customary


def test_withdrawal_changes_the_finding(nlp) -> None:
    for when, expected in ((dt.date(2024, 6, 1), True), (dt.date(2025, 6, 1), False)):
        report, doc = _incident(
            nlp, TEXT, actor="Military Forces of Lithuania", code="LT", where="LT", when=when
        )
        ccm = _notes(assess(report, doc), LegalBasis.TREATY, CCM)
        assert [n.state_party for n in ccm] == [expected]
        assert ccm[0].as_of == when


def test_non_state_group_is_never_a_state_party(nlp) -> None:
    report, doc = _incident(
        nlp, TEXT, actor="Rebel Group (Syria)", code="SY", where="SY", when=dt.date(2016, 1, 1)
    )
    treaty = _notes(assess(report, doc), LegalBasis.TREATY)
    assert all(n.state != "SY" or "territorial" in n.note for n in treaty)
    assert any(
        n.state is None and n.state_party is False and "not a state" in n.note for n in treaty
    )
    unknown, doc = _incident(
        nlp,
        TEXT,
        actor="Unidentified Armed Group (Syria)",
        code="SY",
        where="SY",
        when=dt.date(2016, 1, 1),
    )
    treaty = _notes(assess(unknown, doc), LegalBasis.TREATY)
    assert not any("not a state" in n.note for n in treaty)  # an unidentified actor may be a state


def test_hedged_attribution_and_unknown_date(nlp) -> None:
    report, doc = _incident(
        nlp,
        TEXT,
        actor="Military Forces of Lithuania",
        code="LT",
        where=None,
        when=None,
        hedged=True,
    )
    ccm = _notes(assess(report, doc), LegalBasis.TREATY, CCM)
    assert ccm[0].state_party is None and ccm[0].as_of is None
    assert "date unknown" in ccm[0].note and "if the attribution holds" in ccm[0].note


def test_assess_is_idempotent(nlp) -> None:
    report, doc = _incident(
        nlp,
        TEXT,
        actor="Military Forces of France",
        code="FR",
        where="FR",
        when=dt.date(2020, 6, 1),
    )
    once = assess(report, doc)
    assert assess(once, doc) == once


def test_seed_story_law(nlp, seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    doc = nlp(text)
    weapons = tuple(w for w in find_weapons(doc[:]) if "M095" in w.name)
    assert weapons and weapons[0].origin_country == "IL"
    actor = _at(text, "Azerbaijani forces")
    trig = _at(text, "dropped")
    quote = _at(text, "The use of cluster bombs is prohibited in all circumstances")
    incident = Incident(
        event_type=EventType.EXPLOSIONS,
        sub_event_type=SubEventType.SHELLING,
        trigger=TextSpan(start=trig[0], end=trig[1], text="dropped"),
        date=DateWindow(start=dt.date(2020, 9, 27), end=dt.date(2020, 10, 4)),
        location=Location(name="Stepanakert", country_code="AZ"),
        actors=(
            Actor(
                name="Military Forces of Azerbaijan",
                role=ActorRole.PERPETRATOR,
                country_code="AZ",
                hedged=True,
                start=actor[0],
                end=actor[1],
            ),
        ),
        weapons=weapons,
    )
    report = Report(
        article=Article(text=text, sha256="0" * 64, publisher="The Eastern Herald"),
        incidents=(incident,),
        quotes=(
            Quote(
                speaker="Denis Krivosheev",
                organization="Amnesty International",
                text="...",
                start=quote[0],
                end=quote[1] + 60,
            ),
        ),
    )
    out = assess(report, doc)
    ccm = _notes(out, LegalBasis.TREATY, CCM)
    assert [(n.state, n.state_party, n.as_of) for n in ccm] == [("AZ", False, dt.date(2020, 10, 4))]
    assert (
        "not a party as of 2020-10-04" in ccm[0].note and "if the attribution holds" in ccm[0].note
    )
    chars = _notes(out, LegalBasis.CHARACTERISATION)
    amnesty = [n for n in chars if "prohibited in all circumstances" in text[n.start : n.end]]
    assert len(amnesty) == 1 and "Amnesty" in (amnesty[0].source or "")
    assert amnesty[0].state_party is None and amnesty[0].state is None
    assert not any("calls on all parties" in text[n.start : n.end] for n in chars)


def test_characterisation_needs_the_incident(nlp) -> None:
    text = (
        "Troops fired artillery at the village. Separately, officials met in the capital. "
        "Such weapons are banned, a rights group said."
    )
    report, doc = _incident(
        nlp,
        text,
        actor="Military Forces of France",
        code="FR",
        where="FR",
        when=dt.date(2020, 6, 1),
    )
    bare = report.model_copy(
        update={
            "incidents": (
                report.incidents[0].model_copy(
                    update={"weapons": (), "evidence": (Span(start=0, end=38),)}
                ),
            )
        }
    )
    assert _notes(assess(bare, doc), LegalBasis.CHARACTERISATION) == []
    armed = assess(report, doc)
    (char,) = _notes(armed, LegalBasis.CHARACTERISATION)
    assert text[char.start : char.end].startswith("Such weapons are banned")


def test_named_arms_supplier_gets_its_att_standing(nlp) -> None:
    from warwatch.model import Relation

    text = "Troops fired cluster munitions at a residential district. Israel supplies arms to them."
    report, doc = _incident(
        nlp,
        text,
        actor="Military Forces of Azerbaijan",
        code="AZ",
        where="AZ",
        when=dt.date(2020, 10, 4),
    )
    rel = Relation(type="arms_supplier", subject="IL", object="AZ", start=58, end=len(text))
    out = assess(report.model_copy(update={"relations": (rel,)}), doc)
    (att,) = [n for n in _notes(out, LegalBasis.TREATY) if n.instrument == "Arms Trade Treaty"]
    assert att.state == "IL" and att.state_party is False and att.start == 58
    assert "arms supplier to AZ" in att.note
    other = rel.model_copy(update={"object": "FR"})
    out = assess(report.model_copy(update={"relations": (other,)}), doc)
    assert not [n for n in _notes(out, LegalBasis.TREATY) if n.instrument == "Arms Trade Treaty"]


def test_no_hostilities_rules_outside_hostilities(nlp) -> None:
    report, doc = _incident(
        nlp,
        "Police seized anti-personnel mines in a raid.",
        actor="Police Forces of France",
        code="FR",
        where="FR",
        when=dt.date(2020, 6, 1),
    )
    seized = report.incidents[0].model_copy(
        update={
            "event_type": EventType.STRATEGIC,
            "sub_event_type": SubEventType.DISRUPTED_WEAPONS_USE,
        }
    )
    out = assess(report.model_copy(update={"incidents": (seized,)}), doc)
    assert _notes(out, LegalBasis.CUSTOMARY) == []
    assert [
        n.state_party
        for n in _notes(out, LegalBasis.TREATY)
        if "Mines" in n.instrument or "Mine" in n.instrument
    ]


def test_status_change_inside_the_date_window_is_unknown(nlp) -> None:
    report, doc = _incident(
        nlp,
        TEXT,
        actor="Military Forces of Lithuania",
        code="LT",
        where=None,
        when=dt.date(2025, 3, 10),
    )
    window = report.incidents[0].date.model_copy(update={"start": dt.date(2025, 3, 1)})
    spanning = report.incidents[0].model_copy(update={"date": window})
    out = assess(report.model_copy(update={"incidents": (spanning,)}), doc)
    (ccm,) = _notes(out, LegalBasis.TREATY, CCM)
    assert (
        ccm.state_party is None
        and "changed within" in ccm.note
        and ccm.as_of == dt.date(2025, 3, 10)
    )
