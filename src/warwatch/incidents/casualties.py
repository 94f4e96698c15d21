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
    HEDGE_WORDS,
    Quantity,
    is_number_token,
    parse_quantity,
    quantity_ending_at,
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
_LEFT_ONLY = {"dead", "died", "die", "dies", "death", "deaths", "fatalities", "fatality", "perished",
              "lives", "bodies", "injuries", "wounds"}  # fmt: skip
_RIGHT_ONLY = {"killing", "wounding", "injuring", "kills", "injures", "toll"}
_SKIP_LEFT = {"was", "were", "been", "be", "being", "have", "has", "had", "is", "are", "reportedly",
              "allegedly", "also", "later", "all", "subsequently", "both", "confirmed", "reported",
              "found", "left", "shot", "burned", "burnt", "beaten", "stabbed", "hacked", "seriously",
              "critically", "fatally", "badly", "slightly", "others", "other", "more", "people",
              "-", "of", "whom", "them", "and", "their"}  # fmt: skip
_SKIP_RIGHT = {"at", "least", "rose", "risen", "climbed", "reached", "stands", "stood", "is", "was",
               "has", "had", "to", "of", "now", "s", "'s", "down", "rises", "rising",
               "climbs", "climbing", "reaches", "hits", "jumped", "jumps"}  # fmt: skip
_SUBSET = {"including", "among", "includes", "include"}
_ADDITIVE = re.compile(r"\b(?:also|another|other|others|more|further|additional)\b", re.IGNORECASE)
_ONE = {"he", "she", "him", "her", "himself", "herself"}

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


def _single(token: Token) -> bool:
    """ "a soldier", "one local man", "him": one person."""
    if token.lower_ in _ONE and token.pos_ == "PRON":
        return True
    if token.lower_ not in ("a", "an", "one") or token.i + 1 >= len(token.doc):
        return False
    nxt = token.doc[token.i + 1]
    if nxt.pos_ == "ADJ" and token.i + 2 < len(token.doc):
        nxt = token.doc[token.i + 2]
    return nxt.tag_ in ("NN", "NNP") and nxt.lower_ not in (
        "number",
        "total",
        "dozen",
        "few",
        "lot",
    )


ONE = Quantity(1, 1, 1)


def _stops_left(tok: Token) -> bool:
    if tok.lower_ in DEATH or tok.lower_ in INJURY:
        return True
    return tok.pos_ in ("VERB", "PUNCT") and tok.lower_ not in _SKIP_LEFT and tok.text != "-"


def _left(sent: Span, t: int) -> tuple[int, list[Quantity]]:
    doc, j, found, lo = sent.doc, t - 1, [], t
    subset = False
    while j >= sent.start and t - j <= 12:
        tok = doc[j]
        if tok.text == ",":
            # a comma ends the subject unless it closes an "including ..." aside
            if not subset:
                break
            subset, j = False, j - 1
            continue
        if is_number_token(tok):
            grabbed = quantity_ending_at(sent, j)
            if grabbed is None:
                break
            lo, quantity = grabbed
            found.append(quantity)
            j = lo - 1
        elif _single(tok):
            found.append(ONE)
            lo, j = j, j - 1
        elif tok.lower_ in _SUBSET:
            found.clear()
            subset, j = True, j - 1
            continue
        elif _stops_left(tok):
            break
        else:
            j -= 1
            continue
        # after a figure, go on only through a coordination ("two women and a child")
        if not (j >= sent.start and doc[j].lower_ in ("and", *_SUBSET)):
            break
    return lo, found


def _right(sent: Span, t: int) -> tuple[int, list[Quantity]]:
    doc, j, found, hi = sent.doc, t + 1, [], t + 1
    while j < sent.end and (doc[j].lower_ in _SKIP_RIGHT or doc[j].is_space) and j - t <= 4:
        j += 1
    while j < sent.end:
        grabbed = (
            quantity_starting_at(sent, j)
            if doc[j].lower_ in HEDGE_WORDS or is_number_token(doc[j])
            else None
        )
        if grabbed is not None:
            hi, quantity = grabbed
            found.append(quantity)
        elif _single(doc[j]):
            found.append(ONE)
            hi = j + 1
        else:
            break
        j = hi
        while (
            j < sent.end
            and j - hi < 4
            and doc[j].pos_ in ("NOUN", "PROPN", "ADJ")
            and doc[j].lower_ not in DEATH
        ):
            j += 1
        hi = j
        if not (j + 1 < sent.end and doc[j].lower_ == "and"):
            break
        j += 1
    return hi, found


_PASSIVE_AUX = {"was", "were", "been", "being", "is", "are", "be", "get", "got"}


# How far left of a figureless subject a number may sit and still be its count: "At least 10 IS
# militants" (the small model parses "IS" as an auxiliary and detaches "10"). Four tokens covers
# a hedge plus the number; chosen on hand-made examples, not on gold data.
SUBJECT_REACH = 4


def _toll(sent: Span, t: int) -> tuple[int, int, list[Quantity]]:
    """ "the death toll rose from 544 to 607": the last figure within a few words."""
    doc, last = sent.doc, None
    j = t + 1
    while j < min(sent.end, t + 9) and doc[j].pos_ != "PUNCT":
        grabbed = quantity_starting_at(sent, j) if is_number_token(doc[j]) else None
        if grabbed is not None:
            quantity = grabbed[1]
            if j > sent.start and doc[j - 1].lower_ == "from" and quantity.high is not None:
                quantity = Quantity(
                    quantity.high, quantity.high, quantity.high
                )  # "from 544 to 607"
            last = (grabbed[0], quantity)
            j = grabbed[0]
        else:
            j += 1
    return (t, last[0], [last[1]]) if last else (t, t + 1, [])


def _figure(sent: Span, t: int) -> tuple[int, int, list[Quantity]]:
    """(first token, end token, quantities) of the figure attached to trigger token ``t``."""
    doc = sent.doc
    word = doc[t].lower_
    if word == "death" and doc[t].head.lower_ != "to":
        return t, t + 1, []  # "death" alone names no count ("the two beyond death")
    if word == "toll":
        return _toll(sent, t)
    if word == "lives" and t - 2 >= sent.start and doc[t - 2].lower_ in ("lost", "lose"):
        t -= 2  # "five soldiers lost their lives": the subject of "lost"
        word = "lost"
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
        hi, found = _right(sent, t)
        if not found and _singular_object(doc[t]):
            found = [ONE]  # "armed men killed former separatist leader X"
        if found or word in _RIGHT_ONLY:
            return t, hi, found
    subject = _subject(doc[t]) if word not in ("dead", "deaths", "fatalities", "toll") else None
    if subject is not None and subject[1]:
        return subject[0], t + 1, subject[1]
    lo, found = _left(sent, t)
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


def _noun_quantity(noun: Token) -> Quantity | None:
    """The figure of one subject noun: its number ("at least four people"), "a man" -> 1."""
    if noun.lower_ in ("cent", "percent", "%"):
        return None  # "25 per cent of them": a share, not a count
    if is_number_token(noun):
        words = [c for c in noun.children if c.dep_ in ("advmod", "quantmod", "compound", "nummod")]
        tokens = sorted([noun, *(t for c in words for t in c.subtree)], key=lambda t: t.i)
        return parse_quantity(" ".join(t.text for t in tokens))
    for child in noun.children:
        if child.dep_ == "nummod":
            return parse_quantity(" ".join(t.text for t in child.subtree))
    if noun.lower_ in _ONE:
        return ONE
    # "a soldier", "the colonel", "Civilian killed in ..." (headlines): one person
    one = noun.tag_ in ("NN", "NNP") and noun.lower_ not in _NOT_ONE
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
    if not subjects or subjects[0].lower_ in ("who", "that", "which"):
        return None
    nouns = [subjects[0], *(c for c in subjects[0].conjuncts if c.i > subjects[0].i)]
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
                "inquiry", "probe", "outrage", "anger", "condemn", "mourn", "commemorate"}  # fmt: skip


def _referenced(token: Token) -> bool:
    if token.pos_ == "NOUN" and token.head.lower_ in _REFERENCE_PREPS:
        return True
    # "protested against a string of attacks that killed seven": the object of a protest or an
    # inquiry is an earlier event
    return any(
        a.lower_ in _REFERENCE_PREPS and a.head.lemma_.lower() in _REFERENCING
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


_DISPLACED = {"displaced", "refugees", "fled", "homeless", "evacuated", "uprooted", "flee"}
_PEOPLE = {"people", "civilians", "residents", "persons", "inhabitants", "villagers", "children",
           "women", "men", "soldiers", "troops", "fighters"}  # fmt: skip


def background_numbers(sent: Span) -> list[tuple[int, str]]:
    """(value, of) for the figures of a background sentence: deaths, injured, displaced, people."""
    numbers: list[tuple[int, str]] = []
    covered: set[int] = set()
    for m in find_mentions(sent):
        if m.quantity.best is not None:
            numbers.append((m.quantity.best, "deaths" if m.death else "injured"))
            covered.update(range(m.start, m.end))
    doc = sent.doc
    for token in sent:
        if token.idx in covered or not is_number_token(token) or token.i + 1 >= len(doc):
            continue
        if token.i > sent.start and is_number_token(doc[token.i - 1]):
            continue  # inside a longer figure already read
        grabbed = quantity_starting_at(sent, token.i)
        # vague words ("several powers") and "one of the ..." are not figures worth keeping
        if (
            grabbed is None
            or grabbed[1].best is None
            or grabbed[1].vague
            or doc[grabbed[0] - 1].lower_ == "of"
        ):
            continue
        following = {t.lower_ for t in doc[grabbed[0] : min(grabbed[0] + 4, sent.end)]}
        preceding = {t.lower_ for t in doc[max(token.i - 2, sent.start) : token.i]}
        if (following | preceding) & _DISPLACED:
            of = "displaced"
        else:
            of = "people" if following & _PEOPLE else "other"
        numbers.append((grabbed[1].best, of))
    return numbers
