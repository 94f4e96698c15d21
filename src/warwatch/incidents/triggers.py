"""Event cues of a Doc, grouped by sentence, with the filters that keep them to the story's present.

Cues come from the ``warwatch_triggers`` component (``doc.spans["ww_cues"]``). A cue is dropped
when it is tied to a past year ("since the 1994 ceasefire") or negated ("no clashes were
reported"), because ACLED codes events that happened, in the period being reported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span

from ..nlp.triggers import SPANS_KEY

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
# Cue classes whose words carry the negation themselves ("no resistance").
NEGATION_IS_MEANING = frozenset({"UNOPPOSED"})
NEGATIONS = frozenset({"no", "not", "never", "without", "n't"})


@dataclass(frozen=True)
class Cue:
    label: str  # cue class from nlp/patterns/triggers.tsv
    span: Span

    @property
    def lemma(self) -> str:
        return self.span.root.lemma_.lower()


def _past_year(span: Span, published: date | None) -> bool:
    """A year in the cue's own phrase that is before the story's year ("the 1994 ceasefire")."""
    this_year = published.year if published else None
    root = span.root
    # The cue's own modifiers, and objects of its prepositions ("the war in 1994"); not the
    # whole subtree, which for a verb is the whole clause.
    near = [c for c in root.children] + [
        g for c in root.children if c.dep_ == "prep" for g in c.children
    ]
    for tok in near:
        m = _YEAR.match(tok.text)
        if m and (this_year is None or int(m.group(1)) < this_year):
            return True
    return False


def _negated(span: Span) -> bool:
    root = span.root
    near = list(root.children) + ([root.head] if root.dep_ in ("dobj", "nsubjpass") else [])
    return any(t.dep_ in ("neg", "det") and t.lower_ in NEGATIONS for t in near)


def cues_by_sentence(doc: Doc, published: date | None) -> dict[int, list[Cue]]:
    """Sentence start token -> the cues in that sentence, in text order."""
    out: dict[int, list[Cue]] = defaultdict(list)
    if SPANS_KEY not in doc.spans:
        return out
    for span in doc.spans[SPANS_KEY]:
        if span.root.ent_type_ == "DATE":  # "On 25 March": a month, not a march
            continue
        negated = span.label_ not in NEGATION_IS_MEANING and _negated(span)
        if _past_year(span, published) or negated:
            continue
        out[span.sent.start].append(Cue(span.label_, span))
    return out
