"""spaCy component ``warwatch_triggers``: event cue words from ``patterns/triggers.tsv``.

A cue is a word or phrase that signals an ACLED sub-event (``SHELL``: "shelling", "artillery"),
an ingredient of one (``WEAPONUSE``: "used", "dropped"; ``INTERVENE``: "tear gas") or a story that
ACLED does not code (``NATURAL``, ``MANMADE``, ``CRIME``, ``DIPLO``). The incident stage turns cues
into incidents; this component only finds them, with one Matcher pass (overlaps: longest wins).

Result: ``doc.spans["ww_cues"]`` with ``label_`` = cue class.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

SPANS_KEY = "ww_cues"
FACTORY = "warwatch_triggers"
# Plural endings added to lower-case alternatives so that upper-case text (whose lemmas the
# small model often leaves unchanged, e.g. "BOMBS") still matches; verb endings are listed in
# the lexicon itself because generated ones over-match ("accord" -> "according").
_SUFFIXES = ("s", "es")


@cache
def cue_rows() -> tuple[tuple[str, str], ...]:
    text = resources.files("warwatch.nlp").joinpath("patterns", "triggers.tsv").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return tuple((r["cue"], r["phrase"]) for r in csv.DictReader(lines, delimiter="\t"))


def _token_patterns(phrase: str) -> list[list[dict[str, Any]]]:
    """One phrase -> two Matcher patterns: on lemmas and on lower-cased (inflected) forms."""
    by_lemma: list[dict[str, Any]] = []
    by_lower: list[dict[str, Any]] = []
    for token in phrase.split():
        optional = token.startswith("?")
        alts = token.lstrip("?").split("|")
        inflected = sorted({a + s for a in alts for s in _SUFFIXES} | set(alts))
        lemma_tok: dict[str, Any] = {"LEMMA": {"IN": alts}}
        lower_tok: dict[str, Any] = {"LOWER": {"IN": inflected}}
        if optional:
            lemma_tok["OP"] = lower_tok["OP"] = "?"
        by_lemma.append(lemma_tok)
        by_lower.append(lower_tok)
    return [by_lemma, by_lower]


class CueRecognizer:
    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        for cue, phrase in cue_rows():
            self.matcher.add(cue, _token_patterns(phrase))

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]
        doc.spans[SPANS_KEY] = filter_spans(spans)
        return doc


def register() -> None:
    if FACTORY in Language.factories:
        return

    @Language.factory(FACTORY)
    def make_cue_recognizer(nlp: Language, name: str) -> CueRecognizer:
        return CueRecognizer(nlp)
