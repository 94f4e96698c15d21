"""The customary IHL rules in play for an incident, whatever the treaties (``basis: customary``).

Customary rules bind every party to an armed conflict, states and non-state armed groups alike
(ICRC Customary IHL Study, 2005). Which rules are listed depends on the incident's weapons and on
what the incident's own sentences name (populated areas, hospitals, schools, places of worship).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Incident, LegalBasis, LegalNote
from .legal import (
    CATEGORY_RULES,
    DISTINCTION,
    INDISCRIMINATE,
    POPULATED,
    PROPORTIONALITY,
    PROTECTED_OBJECTS,
    WIDE_AREA,
    CustomaryRule,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_ALL_PARTIES = (
    "binds every party to the conflict, state or non-state, whatever its treaty commitments"
)


def incident_sentences(incident: Incident, doc: Doc) -> list[Span]:
    """The sentences of the incident's evidence, else the sentence of its trigger."""
    if not doc.has_annotation("SENT_START"):
        return [doc[:]]
    spans = [*incident.evidence, incident.trigger]
    return [
        s for s in doc.sents if any(e.start < s.end_char and s.start_char < e.end for e in spans)
    ]


def _note(
    rule: CustomaryRule, incident: Incident, why: str, token: Token | None = None
) -> LegalNote:
    return LegalNote(
        instrument=rule.instrument,
        basis=LegalBasis.CUSTOMARY,
        as_of=incident.date.end or incident.date.start,
        note=f"{why}; {_ALL_PARTIES}",
        source=rule.source,
        start=token.idx if token is not None else None,
        end=token.idx + len(token.text) if token is not None else None,
    )


def _first(sentences: list[Span], words: frozenset[str] | set[str]) -> Token | None:
    return next((t for s in sentences for t in s if t.lower_ in words), None)


def _hostilities_notes(
    incident: Incident, sentences: list[Span], categories: list[str]
) -> list[LegalNote]:
    """Distinction always; indiscriminate attacks when wide-area weapons meet a populated area,
    or when the text itself calls the attack indiscriminate."""
    notes = [
        _note(
            DISTINCTION,
            incident,
            "attacks may be directed only at combatants and military objectives",
        )
    ]
    populated = _first(sentences, POPULATED)
    indiscriminate = _first(sentences, {"indiscriminate", "indiscriminately"})
    wide = sorted({c for c in categories if c in WIDE_AREA})
    if wide and populated is not None:
        why = (
            f'{", ".join(wide)} used in a populated area ("{populated.text}"): explosive weapons '
            "with wide-area effects in populated areas"
        )
        notes.append(_note(INDISCRIMINATE, incident, why, populated))
        notes.append(
            _note(
                PROPORTIONALITY,
                incident,
                "civilians and civilian objects in the area of attack",
                populated,
            )
        )
    elif indiscriminate is not None:
        notes.append(
            _note(
                INDISCRIMINATE,
                incident,
                "the text describes the attack as indiscriminate",
                indiscriminate,
            )
        )
    return notes


def _weapon_notes(incident: Incident, categories: list[str]) -> list[LegalNote]:
    notes = []
    for category in dict.fromkeys(categories):
        for rule in CATEGORY_RULES.get(category, ()):
            why = f"weapon category: {category}"
            if rule.numbers == (71,):
                why += " (whether it is by nature indiscriminate is disputed for this category)"
            notes.append(_note(rule, incident, why))
    return notes


def _protected_notes(incident: Incident, sentences: list[Span]) -> list[LegalNote]:
    notes = []
    seen: set[tuple[int, ...]] = set()
    for token in (t for s in sentences for t in s):
        protected = PROTECTED_OBJECTS.get(token.lower_)
        if protected is not None and protected.numbers not in seen:
            seen.add(protected.numbers)
            why = f'the text names a protected object ("{token.text}")'
            notes.append(_note(protected, incident, why, token))
    return notes


def customary_notes(incident: Incident, doc: Doc) -> list[LegalNote]:
    sentences = incident_sentences(incident, doc)
    categories = [w.category for w in incident.weapons if w.category]
    return (
        _hostilities_notes(incident, sentences, categories)
        + _weapon_notes(incident, categories)
        + _protected_notes(incident, sentences)
    )
