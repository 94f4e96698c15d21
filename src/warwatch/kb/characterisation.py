"""What NGOs, officials or the article itself say about legality, kept apart from the KB's findings.

A sentence counts when it uses legal vocabulary ("prohibited", "banned", "war crime", "violation
of international humanitarian law", "indiscriminate", ...) AND is about the incident: it names
one of the incident's weapon categories, lies in the incident's evidence, or refers back to the
weapons ("these weapons", "such munitions"). The speaker comes from a quote or claim in the
report that overlaps the sentence; otherwise the sentence is the article's own voice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Incident, LegalBasis, LegalNote, Report
from .weapons import find_weapons

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_LAW = r"(?:international humanitarian law|international law|humanitarian law|the laws? of war|IHL|the Geneva Conventions?)"
# Legal vocabulary. "respect international humanitarian law" is an appeal, not a characterisation,
# so the bare name of the law is not a cue; its violation is.
CUES = re.compile(
    r"\b(?:prohibited|banned|outlawed|illegal|unlawful(?:ly)?|forbidden|war crimes?|"
    r"crimes? against humanity|genocide|indiscriminate(?:ly)?|"
    rf"(?:violat\w+|breach\w*|contrary to|in defiance of)\s+(?:of\s+)?{_LAW}|"
    rf"{_LAW}\s+(?:prohibits|bans|forbids))\b",
    re.IGNORECASE,
)
ANAPHORA = re.compile(
    r"\b(?:these|such|those|the)\s+(?:weapons?|munitions?|bombs?|arms|attacks?|strikes?)\b",
    re.IGNORECASE,
)
NAMED_LAW = re.compile(
    rf"{_LAW}|(?:an?|the)\s+international\s+(?:convention|treaty)|Convention on [A-Z][\w ]+|Rome Statute",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Speaker:
    name: str
    via: str  # "quote" | "claim" | "article"


def _about_incident(sent: Span, incident: Incident, categories: set[str]) -> bool:
    if any(e.start < sent.end_char and sent.start_char < e.end for e in incident.evidence):
        return True
    if any(w.category in categories for w in find_weapons(sent)):
        return True
    # "these weapons" can only point back to weapons the incident has.
    return bool(categories) and bool(ANAPHORA.search(sent.text))


def _speaker(report: Report, incident: Incident, start: int, end: int) -> Speaker:
    for quote in report.quotes:
        if quote.start < end and start < quote.end and quote.speaker:
            org = f", {quote.organization}" if quote.organization else ""
            return Speaker(f"{quote.speaker}{org}", "quote")
    for claim in incident.claims:
        if claim.start < end and start < claim.end and claim.claimant:
            return Speaker(claim.claimant, "claim")
    return Speaker(report.article.publisher or "the article", "article")


def characterisations(report: Report, incident: Incident, doc: Doc) -> list[LegalNote]:
    """One ``basis: characterisation`` note per legality sentence about ``incident``."""
    categories = {w.category for w in incident.weapons if w.category}
    notes: list[LegalNote] = []
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in sentences:
        cue = CUES.search(sent.text)
        if cue is None or not _about_incident(sent, incident, categories):
            continue
        speaker = _speaker(report, incident, sent.start_char, sent.end_char)
        law = NAMED_LAW.search(sent.text)
        text = " ".join(sent.text.split())
        notes.append(
            LegalNote(
                instrument=law.group(0) if law else "legality (as characterised in the text)",
                basis=LegalBasis.CHARACTERISATION,
                note=f'{speaker.name} ({speaker.via}) says "{cue.group(0)}": {text[:300]}',
                source=f"{speaker.name} ({speaker.via})",
                start=sent.start_char,
                end=sent.end_char,
            )
        )
    return notes
