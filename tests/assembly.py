"""Helpers for tests of incident assembly on sentences written for the tests.

``assembled`` runs ``incidents.assemble`` with no places (pair it with the ``no_gazetteer``
fixture so no event location is looked up); ``geoparsed`` runs it on the places ``geo`` finds.
"""

from __future__ import annotations

import hashlib
from datetime import date

from spacy.language import Language

from warwatch import geo
from warwatch.incidents import assemble
from warwatch.model import Actor, ActorRole, Article, Report

PUBLISHED = date(2024, 3, 10)


def article_of(text: str, published: date | None = None) -> Article:
    return Article(text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), published=published)


def assembled(nlp: Language, text: str, published: date | None = PUBLISHED) -> Report:
    return assemble(nlp(text), article_of(text, published), ())


def geoparsed(nlp: Language, text: str) -> Report:
    doc = nlp(text)
    return assemble(doc, article_of(text), geo.geoparse(doc))


def all_actors(report: Report) -> list[Actor]:
    return [a for inc in report.incidents for a in inc.actors]


def first_type(nlp: Language, text: str) -> str | None:
    """Sub-event type of the first (most salient) incident, with no publication date."""
    report = assembled(nlp, text, published=None)
    return report.incidents[0].sub_event_type.value if report.incidents else None


def actors(nlp: Language, text: str) -> tuple[str, list[Actor]]:
    """The text and every actor of every incident found in it (no places)."""
    return text, all_actors(assembled(nlp, text))


def victims(text: str, found: list[Actor]) -> list[str]:
    """The words of each victim among ``found``."""
    return [text[a.start : a.end] for a in found if a.role == ActorRole.VICTIM]
