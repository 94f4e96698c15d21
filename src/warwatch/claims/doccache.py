"""The Doc's text, sentences and entities, built once per Doc: ``doc.text``, ``doc.sents``,
``token.sent`` and ``doc.ents`` rescan the whole Doc on every call (quadratic on long articles)."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

CACHE_KEY = "warwatch.claims.sentences"
ENTS_KEY = "warwatch.claims.entities"
TEXT_KEY = "warwatch.claims.text"


def sentences(doc: Doc) -> list[Span]:
    cached: list[Span] | None = doc.user_data.get(CACHE_KEY)
    if cached is None:
        cached = list(doc.sents)
        doc.user_data[CACHE_KEY] = cached
    return cached


def index_at(doc: Doc, char: int) -> int:
    """Index of the sentence holding character ``char`` (the last one that starts before it)."""
    starts = [s.start_char for s in sentences(doc)]
    return max(0, bisect_right(starts, char) - 1)


def sentence_at(doc: Doc, char: int) -> Span:
    return sentences(doc)[index_at(doc, char)]


def entities(doc: Doc) -> tuple[Span, ...]:
    cached: tuple[Span, ...] | None = doc.user_data.get(ENTS_KEY)
    if cached is None:
        cached = tuple(doc.ents)
        doc.user_data[ENTS_KEY] = cached
    return cached


def text_of(doc: Doc) -> str:
    cached: str | None = doc.user_data.get(TEXT_KEY)
    if cached is None:
        cached = doc.text
        doc.user_data[TEXT_KEY] = cached
    return cached


def clear(doc: Doc) -> None:
    """Drop this module's caches (and the lexicon matches) so a Doc leaves the stage as it came:
    Spans in ``user_data`` would not survive serialisation (DocBin with user data)."""
    for key in (CACHE_KEY, ENTS_KEY, TEXT_KEY, "warwatch.claims.lexicon_spans"):
        doc.user_data.pop(key, None)
