"""Killed and injured reported for an incident: ``casualties(span) -> (fatalities, injured)``.

How a toll is read (rules, so analysts can predict the output):
- A death or injury word ("killed", "died", "dead", "deaths", "lives", "bodies", "wounded",
  "injured", "hurt") is found with spaCy's Matcher; its figure is the quantity next to it: on the
  left for passive/intransitive forms ("two women and a child were killed" -> 3, "12 dead"), on
  the right for active ones ("killing at least 12 people", "the strike killed a soldier" -> 1).
  Coordinated groups are added; a group after "including"/"among them" is a subset, not added.
- Hedges keep their meaning (``numbers.parse_quantity``): "at least 12" -> low 12 best 12;
  "between 5 and 10" -> low 5 best 5 high 10; "up to 30" -> best 30 high 30; vague plurals follow
  ACLED ("dozens" -> 12). A plural with no figure ("soldiers were killed") gives no number.
- Zero only where the text says so: "no one was killed", "no casualties were reported" (both
  killed and injured are 0), "nobody was hurt" (both). No toll at all gives ``Count()`` (null).
- Arrested, detained, kidnapped, displaced and missing people are never counted: only the death
  and injury words above trigger a count.
- Attackers: everyone reported dead in the event is counted, attackers included ("killing 12 people
  and himself" -> 13), as ACLED's fatality column does (ACLED attributes no deaths to sides,
  source: ACLED "Fatalities" FAQ, 2023/2024); "12 people, including the bomber" stays 12.
- Several mentions: figures in one sentence are added ("3 soldiers were killed and 2 civilians
  died" -> 5); a later sentence replaces the running figure when larger (it usually restates the
  toll) and adds to it only when it says "also", "another", "other" or "more".
- Background is excluded: a figure in a background sentence or clause ("a war in the early 1990s
  that claimed 30,000 lives", "the conflict has killed 400,000 since 2011") is never counted.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Count
from .background import background_kind
from .numbers import (
    ONE,
    PRONOUNS_OF_ONE,
    Quantity,
    figure_after,
    figure_before,
    is_number_token,
    parse_quantity,
    quantity_starting_at,
)

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.tokens import Span, Token
    from spacy.vocab import Vocab

DEATH = {
    "killed", "kill", "kills", "killing", "dead", "died", "die", "dies", "death", "deaths",
    "fatalities", "fatality", "perished", "slain", "murdered", "lives", "bodies", "massacred",
    "beheaded", "lynched", "toll", "assassinated", "assassinate", "assassinates", "executed",
    "gunned", "slaughtered",
}  # fmt: skip
INJURY = {
    "injured",
    "injuring",
    "injures",
    "injure",
    "wounded",
    "wounding",
    "wounds",
    "hurt",
    "injuries",
}
_STOP = frozenset(DEATH | INJURY)
_LEFT_ONLY = {"dead", "died", "die", "dies", "death", "deaths", "fatalities", "fatality", "perished",
              "lives", "bodies", "injuries", "wounds"}  # fmt: skip
_RIGHT_ONLY = {"killing", "wounding", "injuring", "kills", "injures", "toll"}
_ADDITIVE = re.compile(r"\b(?:also|another|other|others|more|further|additional)\b", re.IGNORECASE)

_NEG_BOTH = re.compile(
    r"\b(?:no|without(?:\s+any)?|zero)\s+(?:reported\s+|immediate\s+|human\s+)?casualt(?:y|ies)\b"
    r"|\b(?:no\s+one|nobody|none)\s+(?:\w+\s+){0,2}(?:hurt|harmed|killed\s+or\s+(?:injured|wounded|hurt))\b",
    re.IGNORECASE,
)
_NEG_DEATH = re.compile(
    r"\b(?:no\s+one|nobody|none)\s+(?:\w+\s+){0,2}(?:killed|died|dead)\b|\bno\s+(?:reported\s+)?"
    r"(?:deaths|fatalities|loss\s+of\s+li(?:fe|ves)|lives\s+were\s+lost)\b|\bwithout\s+(?:any\s+)?"
    r"(?:deaths|fatalities|loss\s+of\s+life)\b",
    re.IGNORECASE,
)
_NEG_INJURY = re.compile(
    r"\b(?:no\s+one|nobody|none)\s+(?:\w+\s+){0,2}(?:injured|wounded)\b|\bno\s+(?:reported\s+)?"
    r"injur(?:y|ies)\b|\bwithout\s+(?:any\s+)?injur(?:y|ies)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """One figure attached to a death or injury word."""

    death: bool
    quantity: Quantity
    start: int
    end: int
    sent_start: int
    additive: bool
    background: bool
    total: bool = False  # "the death toll rose to 20": a running total, not a new group


_MATCHERS: dict[int, tuple[Vocab, Matcher]] = {}


def _matcher(vocab: Vocab) -> Matcher:
    cached = _MATCHERS.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        from spacy.matcher import Matcher

        matcher = Matcher(vocab)
        matcher.add("DEATH", [[{"LOWER": {"IN": sorted(DEATH)}}]])
        matcher.add("INJURY", [[{"LOWER": {"IN": sorted(INJURY)}}]])
        cached = (vocab, matcher)
        _MATCHERS[id(vocab)] = cached
    return cached[1]


_PASSIVE_AUX = {"was", "were", "been", "being", "is", "are", "be", "get", "got"}


# How far left of a figureless subject a number may sit and still be its count: "At least 10 IS
# militants" (the small model parses "IS" as an auxiliary and detaches "10"). Four tokens covers
# a hedge plus the number; chosen on hand-made examples, not on gold data.
SUBJECT_REACH = 4


def _toll(sent: Span, t: int) -> tuple[int, int, list[Quantity]]:
    """ "the death toll rose to 17": the first figure within a few words; "from 544 to 607": 607."""
    doc = sent.doc
    for j in range(t + 1, min(sent.end, t + 9)):
        if doc[j].pos_ == "PUNCT" or doc[j].lower_ == "and":
            break
        grabbed = quantity_starting_at(sent, j) if is_number_token(doc[j]) else None
        if grabbed is None:
            continue
        quantity = grabbed[1]
        if doc[j - 1].lower_ == "from" and quantity.high is not None:
            quantity = Quantity(quantity.high, quantity.high, quantity.high)
        return t, grabbed[0], [quantity]
    return t, t + 1, []


_HYPOTHETICAL_MARKS = {"if", "unless", "whether", "when", "once"}
_MODALS = {"will", "would", "may", "might", "could", "can", "should", "must"}


def _not_asserted(token: Token) -> bool:
    """ "did not die", "if one dies", "will kill": no death is reported."""
    children = list(token.children)
    if any(c.dep_ == "neg" for c in children):
        return True
    if token.tag_ in ("VBZ", "VBP") and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _HYPOTHETICAL_MARKS for c in children
    ):
        return True
    return token.tag_ == "VB" and any(c.lower_ in _MODALS for c in children)


def _lives_lost(token: Token) -> bool:
    """ "claimed 30,000 lives", "lost their lives", "30 lives": lives counted as lost."""
    if token.i > 0 and is_number_token(token.doc[token.i - 1]):
        return True
    return token.head.lemma_.lower() in ("claim", "cost", "take", "lose", "lost")


def _figure(sent: Span, t: int) -> tuple[int, int, list[Quantity]]:
    """(first token, end token, quantities) of the figure attached to trigger token ``t``."""
    doc = sent.doc
    word = doc[t].lower_
    if word == "death" and doc[t].head.lower_ != "to":
        return t, t + 1, []  # "death" alone names no count ("the two beyond death")
    if word == "toll":
        return _toll(sent, t)
    if _not_asserted(doc[t]) or (word == "lives" and not _lives_lost(doc[t])):
        return t, t + 1, []
    if word == "lives" and t - 2 >= sent.start and doc[t - 2].lower_ in ("lost", "lose"):
        t -= 2  # "five soldiers lost their lives": the subject of "lost"
        word = "lost"
    if doc[t].dep_ == "acl" and doc[t].tag_ == "VBN":
        # "one of the persons killed was ...", "the 58 passengers killed in ...": the noun counts
        head = doc[t].head
        quantity = _noun_quantity(head) if head.pos_ in ("NOUN", "NUM", "PROPN") else None
        return doc[t].head.left_edge.i, t + 1, [quantity] if quantity else []
    # "were killed", "were reportedly killed", "were reported killed": the figure is on the left
    passive = t - 1 >= sent.start and (
        doc[t - 1].lower_ in _PASSIVE_AUX
        or (
            t - 2 >= sent.start
            and doc[t - 2].lower_ in _PASSIVE_AUX
            and (
                doc[t - 1].pos_ == "ADV" or doc[t - 1].lower_ in ("reported", "confirmed", "found")
            )
        )
    )
    if word not in _LEFT_ONLY and not passive:
        hi, found = figure_after(sent, t)
        if not found and _singular_object(doc[t]):
            found = [ONE]  # "armed men killed former separatist leader X"
        if found or word in _RIGHT_ONLY:
            return t, hi, found
    subject = _subject(doc[t]) if word not in ("dead", "deaths", "fatalities", "toll") else None
    if subject is not None and subject[1]:
        return subject[0], t + 1, subject[1]
    lo, found = figure_before(sent, t, _STOP)
    if subject is not None and lo < subject[0] - SUBJECT_REACH:
        return lo, t + 1, []  # the number sits in another phrase, not on the subject
    return lo, t + 1, found


_MASS_NOUNS = {"livestock", "cattle", "time", "morale", "hope", "momentum", "plan", "deal", "bill"}


_NOT_ONE = _MASS_NOUNS | {"nobody", "none", "noone", "no-one", "number", "toll", "total", "all"}


def _singular_object(verb: Token) -> bool:
    return any(
        c.dep_ == "dobj" and c.tag_ in ("NN", "NNP") and c.lower_ not in _NOT_ONE
        and not any(g.dep_ == "nummod" for g in c.children)
        for c in verb.children
    )  # fmt: skip


def _noun_quantity(noun: Token, *, strict: bool = False) -> Quantity | None:
    """The figure of one subject noun: its number ("at least four people"), "a man" -> 1.

    ``strict``: only a written count or "a/an/one" counts, not a bare or definite singular
    (a relative clause's antecedent may be a thing: "the abduction that was executed").
    """
    if noun.lower_ in ("cent", "percent", "%"):
        return None  # "25 per cent of them": a share, not a count
    if is_number_token(noun):
        words = [c for c in noun.children if c.dep_ in ("advmod", "quantmod", "compound", "nummod")]
        tokens = sorted([noun, *(t for c in words for t in c.subtree)], key=lambda t: t.i)
        return parse_quantity(" ".join(t.text for t in tokens))
    for child in noun.children:
        if child.dep_ == "nummod":
            return parse_quantity(" ".join(t.text for t in child.subtree))
    if noun.lower_ in PRONOUNS_OF_ONE:
        return ONE
    # "a soldier", "the colonel", "Civilian killed in ..." (headlines): one person
    one = noun.tag_ in ("NN", "NNP") and noun.lower_ not in _NOT_ONE
    if strict:
        one = one and any(c.lower_ in ("a", "an", "one") for c in noun.children)
    if one and not any(c.lower_ in ("no", "any", "every", "each") for c in noun.children):
        return ONE
    return None


def _subject(trigger: Token) -> tuple[int, list[Quantity]] | None:
    """The figure from the parse: the subject of "killed"/"died" and the nouns joined to it.

    Used before the left-to-right walk because a subject can carry a clause with its own
    numbers ("a man accused of stealing 11 goats was beaten to death" -> 1, not 11).
    Returns None when the parse gives no subject, [] when the subject has no figure.
    """
    verb = trigger
    if trigger.lower_ == "death" and trigger.head.lower_ == "to":
        verb = trigger.head.head  # "beaten to death", "stabbed to death"
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and subjects[0].lower_ in ("who", "that", "which"):
        if verb.dep_ != "relcl":
            return None
        subjects = [verb.head]  # "those who died": the relative clause's antecedent
        quantity = _noun_quantity(verb.head, strict=True)
        return verb.head.left_edge.i, [quantity] if quantity else []
    if not subjects:
        return None
    nouns = [subjects[0], *(c for c in subjects[0].conjuncts if c.i > subjects[0].i)]
    for appos in (c for c in subjects[0].children if c.dep_ == "appos"):
        # "Two police officers, one civil servant and one resident": a list the parser read as an
        # apposition; a named apposition ("a leader, Abdelhadi Z.,") carries no number and is skipped
        if any(g.dep_ == "nummod" for g in appos.children):
            nouns += [appos, *(c for c in appos.conjuncts if c.i > appos.i)]
    quantities = [_noun_quantity(n) for n in nouns]
    if any(q is None for q in quantities):
        return subjects[0].left_edge.i, []
    return subjects[0].left_edge.i, [q for q in quantities if q is not None]


def _combine(quantities: list[Quantity]) -> Quantity:
    """Coordinated groups add up; an unknown bound stays unknown."""

    def total(values: list[int | None]) -> int | None:
        return None if any(v is None for v in values) else sum(v for v in values if v is not None)

    return Quantity(
        total([q.best for q in quantities]),
        total([q.low for q in quantities]),
        total([q.high for q in quantities]),
        any(q.vague for q in quantities),
    )


def _clause(token: Token) -> Span:
    """The clause a trigger belongs to, for the background check (see module docstring)."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    node = verb.head if verb.dep_ in ("relcl", "acl") else verb
    skip = {c.i for c in node.children if c.dep_ in ("conj", "parataxis") and c.i != token.i}
    tokens = [t.i for t in node.subtree if not any(a.i in skip for a in (t, *t.ancestors))]
    return token.doc[min(tokens) : max(tokens) + 1] if tokens else token.doc[token.i : token.i + 1]


# "justice for the killing of two activists", "an inquiry into the death of a woman": a death named
# as the subject of protest or inquiry is an earlier event, not the toll of this one.
_REFERENCE_PREPS = {"for", "against", "over", "into", "about", "condemning", "denouncing"}


_REFERENCING = {"protest", "demonstrate", "march", "rally", "demand", "justice", "investigation",
                "inquiry", "probe", "connection", "outrage", "anger", "condemn", "mourn", "commemorate"}  # fmt: skip


def _referenced(token: Token) -> bool:
    if token.pos_ == "NOUN" and token.head.lower_ in _REFERENCE_PREPS:
        return True
    # "protested against a string of attacks that killed seven": the object of a protest or an
    # inquiry is an earlier event
    return any(
        a.lower_ in _REFERENCE_PREPS | {"with"} and a.head.lemma_.lower() in _REFERENCING
        for a in token.ancestors
    )


def _clause_background(
    token: Token, published: dt.date | None, cache: dict[tuple[int, int], bool]
) -> bool:
    clause = _clause(token)
    if len(clause) < 3:
        return False  # no parse (or a bare word): nothing a clause-level cue could sit in
    key = (clause.start, clause.end)
    if key not in cache:
        cache[key] = background_kind(clause, published) is not None
    return cache[key]


def find_mentions(span: Span, published: dt.date | None = None) -> tuple[Mention, ...]:
    """Every death/injury figure in ``span``, background ones flagged."""
    found = []
    sentence_background: dict[int, bool] = {}
    clauses: dict[tuple[int, int], bool] = {}
    # a Doc from a tokenizer alone has no sentences: the whole span then stands for one
    has_sents = span.doc.has_annotation("SENT_START")
    for match in _matcher(span.doc.vocab)(span, as_spans=True):
        token = match[0]
        sent = token.sent if has_sents else span
        lo, hi, quantities = _figure(sent, token.i)
        if not quantities:
            continue
        if sent.start not in sentence_background:
            sentence_background[sent.start] = background_kind(sent, published) is not None
        background = (
            sentence_background[sent.start]
            or _referenced(token)
            or _clause_background(token, published, clauses)
        )
        doc = span.doc
        start, end = doc[min(lo, token.i)].idx, doc[max(hi, token.i + 1) - 1]
        found.append(
            Mention(
                death=match.label_ == "DEATH",
                quantity=_combine(quantities),
                start=start,
                end=end.idx + len(end.text),
                sent_start=sent.start,
                additive=bool(_ADDITIVE.search(doc[lo:hi].text)),
                background=background,
                total=token.lower_ == "toll",
            )
        )
    return tuple(found)


def _larger(a: Quantity, b: Quantity) -> Quantity:
    return b if (b.best or 0) > (a.best or 0) else a


def _aggregate(mentions: list[Mention]) -> Count:
    """One Count from the mentions of one kind (rules in the module docstring)."""
    running: Quantity | None = None
    start = end = None
    seen: set[tuple[int, int]] = set()
    for sent_start in dict.fromkeys(m.sent_start for m in mentions):
        group = [m for m in mentions if m.sent_start == sent_start]
        parts = []
        for m in group:
            if (m.start, m.end) not in seen and not m.total:
                seen.add((m.start, m.end))
                parts.append(m.quantity)
        here = _combine(parts) if parts else None
        for m in group:
            if m.total:
                here = m.quantity if here is None else _larger(here, m.quantity)
        if here is None:
            continue
        if running is None:
            running = here
        elif any(m.additive for m in group):
            running = _combine([running, here])
        else:
            running = _larger(running, here)
        start = (
            min(m.start for m in group) if start is None else min(start, *(m.start for m in group))
        )
        end = max(m.end for m in group) if end is None else max(end, *(m.end for m in group))
    if running is None:
        return Count()
    return Count(best=running.best, low=running.low, high=running.high, start=start, end=end)


def _negative(span: Span, pattern: re.Pattern[str]) -> Count | None:
    match = pattern.search(span.text)
    if match is None:
        return None
    base = span.start_char
    return Count(best=0, low=0, high=0, start=base + match.start(), end=base + match.end())


def casualties(span: Span, *, published: dt.date | None = None) -> tuple[Count, Count]:
    """(fatalities, injured) reported for the event in ``span``; ``Count()`` when not reported.

    ``published`` lets background cues use the publication date ("in May 2019" is old only
    relative to it); without it, relative words ("on Sunday") still mark the present.
    """
    mentions = [m for m in find_mentions(span, published) if not m.background]
    fatalities = _aggregate([m for m in mentions if m.death])
    injured = _aggregate([m for m in mentions if not m.death])
    both = _negative(span, _NEG_BOTH)
    if fatalities.best is None and fatalities.low is None:
        fatalities = both or _negative(span, _NEG_DEATH) or fatalities
    if injured.best is None and injured.low is None:
        injured = both or _negative(span, _NEG_INJURY) or injured
    return fatalities, injured
