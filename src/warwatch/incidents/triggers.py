"""Event cues of a Doc, grouped by sentence, with the filters that keep them to the story's present.

Cues come from the ``warwatch_triggers`` component (``doc.spans["ww_cues"]``). A cue is dropped
when it is tied to a past year ("since the 1994 ceasefire") or negated ("no clashes were
reported"), because ACLED codes events that happened, in the period being reported. A "mine"
that is a place of extraction ("the gold mine", "the road to the mine", "miners at the mine") is
no landmine (ACLED Codebook 2023, "Remote explosive/landmine/IED" is about explosive devices).
A cue in a past-perfect relative clause ("a militia which had been involved in killings") tells
what someone had done before, not the event reported.
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


# Minerals and mining words around "mine": the pit, not the weapon (a mine's products, its staff).
MINING_WORDS = frozenset(
    {"gold", "copper", "coal", "diamond", "uranium", "iron", "salt", "lithium", "silver", "zinc",
     "nickel", "cobalt", "tin", "ore", "mining", "miner", "miners", "quarry", "open-pit",
     "opencast", "deposit", "deposits", "shaft"}
)  # fmt: skip
# "the road to the mine", "a protest at the mine": a mine told as a destination or a site.
SITE_PREPOSITIONS = frozenset({"to", "into", "at", "outside", "near", "around", "towards"})

SITE_PARTS = frozenset(
    {"entrance", "gate", "territory", "premises", "worker", "employee", "staff", "owner",
     "operator", "operation", "exploitation", "management", "director", "closure", "opening"}
)  # fmt: skip


def _extraction_site(span: Span) -> bool:
    """Is this "mine" a place of extraction rather than an explosive device?"""
    root = span.root
    if span.label_ != "IED" or root.lower_ not in ("mine", "mines"):
        return False
    if any(t.lower_ in MINING_WORDS for t in span.sent):
        return True
    if root.dep_ != "pobj":
        return False
    prep = root.head
    # "the entrance of the mine", "employees of the mine": a site's parts and staff.
    return prep.lower_ in SITE_PREPOSITIONS or (
        prep.lower_ == "of" and prep.head.lemma_.lower() in SITE_PARTS
    )


def _prior_relative(span: Span) -> bool:
    """Is the cue inside a relative clause in the past perfect ("which had been involved in
    killings and rapes", "who had attacked the convoy")? Such a clause describes a participant."""
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            return tok.dep_ == "relcl" and any(
                c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in tok.children
            )
        if tok.head is tok:
            return False
        tok = tok.head
    return False


def cues_by_sentence(doc: Doc, published: date | None) -> dict[int, list[Cue]]:
    """Sentence start token -> the cues in that sentence, in text order."""
    out: dict[int, list[Cue]] = defaultdict(list)
    if SPANS_KEY not in doc.spans:
        return out
    for span in doc.spans[SPANS_KEY]:
        if span.root.ent_type_ == "DATE":  # "On 25 March": a month, not a march
            continue
        if _extraction_site(span) or _prior_relative(span):
            continue
        negated = span.label_ not in NEGATION_IS_MEANING and _negated(span)
        if _past_year(span, published) or negated:
            continue
        out[span.sent.start].append(Cue(span.label_, span))
    return out
