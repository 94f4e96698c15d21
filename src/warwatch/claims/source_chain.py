"""The source chain of a report: publisher -> agency/outlet it republishes -> primary claimants.

A republished wire story is one source, not several: the publisher (``Article.publisher``, the
site) and the agencies it credits (datelines "(AFP)", credits "told Reuters", lexicon kind
agency/media) are relays; only the claimants carry independent weight (grades.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Report, Source, SourceRole
from .claimants import lexicon_spans
from .lexicon import cue_set

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .extract import FoundClaim

RELAY_KINDS = frozenset({"agency", "media"})


def source_chain(report: Report, doc: Doc, claims: list[FoundClaim]) -> tuple[Source, ...]:
    out: list[Source] = []
    seen: set[tuple[str, SourceRole]] = set()

    def add(source: Source) -> None:
        key = (source.name, source.role)
        if key not in seen:
            seen.add(key)
            out.append(source)

    publisher = report.article.publisher
    if publisher:
        at = report.article.text.find(publisher)
        start, end = (at, at + len(publisher)) if at >= 0 else (None, None)
        add(Source(name=publisher, role=SourceRole.PUBLISHER, kind="media", start=start, end=end))
    for s, e, entry in sorted(lexicon_spans(doc), key=lambda t: t[0]):
        if entry.kind in RELAY_KINDS and entry.name != publisher:
            span = doc[s:e]
            add(
                Source(
                    name=entry.name,
                    role=SourceRole.AGENCY,
                    kind=entry.kind,
                    start=span.start_char,
                    end=span.end_char,
                )
            )
    for found in claims:
        c = found.claimant
        if c is None or c.name.lower() in cue_set("both_sides"):
            continue  # "both sides" names no one: the incident's claims carry the split
        role = SourceRole.AGENCY if c.kind in RELAY_KINDS else SourceRole.CLAIMANT
        add(Source(name=c.name, role=role, kind=c.kind, start=c.start, end=c.end))
    return tuple(out)
