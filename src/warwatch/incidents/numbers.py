"""Numbers written in digits or words: "3,000", "1.5 million", "thirty-five", "two dozen", "dozens".

``parse_number`` gives one integer for a phrase or ``None``; ``parse_quantity`` gives a
``Quantity`` (low/best/high) and also understands vague plurals ("dozens", "hundreds") and
hedges ("at least", "more than", "between 5 and 10", "up to 30").

Vague plurals follow ACLED's convention for reported fatalities, chosen so our figures are
comparable with ACLED data: "tens" -> 10, "dozens" -> 12, "hundreds" -> 100, "and so on", and the
most conservative estimate when a figure is vague (source: ACLED, "Fatalities", Uses and
limitations of ACLED data, published 27 Feb 2023, updated 7 May 2024, acleddata.com knowledge
base). A literal reading of "dozens" would be ">= 24"; we keep ACLED's 12 as ``best`` *and*
``low`` so ``low <= best`` always holds. "several" and "a few" are not in that rule: we code 3,
the smallest count English calls "several"/"a few" (warwatch's own conservative choice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

UNITS = {
    "zero": 0, "a": 1, "an": 1, "one": 1, "single": 1, "lone": 1,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "couple": 2, "pair": 2, "dozen": 12, "score": 20,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Vague plurals: ACLED's rule (see module docstring) for tens/dozens/hundreds/thousands; "scores"
# by analogy (one score); several/a few/a handful: warwatch's conservative 3.
VAGUE = {
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000,
    "millions": 1_000_000, "several": 3, "few": 3, "handful": 3,
}  # fmt: skip
NUMBER_WORDS = frozenset(UNITS) | frozenset(SCALES) | frozenset(VAGUE)

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")
_SPLIT = re.compile(r"[\s\-]+")


@dataclass(frozen=True)
class Quantity:
    best: int | None
    low: int | None
    high: int | None
    vague: bool = False  # a plural like "dozens" rather than a count


def _digits(word: str) -> float | None:
    if _DIGITS.match(word):
        return float(word.replace(",", ""))
    return None


def _words_value(words: list[str]) -> tuple[float, bool] | None:
    """Value of number words ("two hundred thirty-five", "1.5 million", "two dozen")."""
    total = 0.0
    current = 0.0
    seen = False
    vague = False
    previous = ""
    for word in words:
        if word in ("and", "of"):
            # "two hundred and five", "a dozen of": joins parts of one number, never two numbers
            if word == "and" and previous not in SCALES:
                return None
            continue
        previous = word
        number = _digits(word)
        if number is not None:
            current += number
        elif word in UNITS:
            # "a dozen"/"two dozen": the unit multiplies what came before it
            if word in ("dozen", "score", "couple", "pair") and current:
                current *= UNITS[word]
            else:
                current += UNITS[word]
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0.0
        elif word in VAGUE:
            current = (current or 1) * VAGUE[word] if word not in ("few", "several") else 3
            vague = True
        else:
            return None
        seen = True
    return (total + current, vague) if seen else None


def parse_number(text: str) -> int | None:
    """One integer for a number phrase, or ``None`` when it is not one.

    >>> parse_number("3,000"), parse_number("thirty-five"), parse_number("1.5 million")
    (3000, 35, 1500000)
    """
    words = [w for w in _SPLIT.split(text.strip().lower().rstrip(".")) if w]
    if not words:
        return None
    value = _words_value(words)
    if value is None:
        return None
    return round(value[0])


# Hedges before a figure. "more than 20": ACLED codes the stated figure (most conservative), so
# best = low = 20, not 21.
_LOWER = ("at least", "more than", "over", "above", "in excess of", "no fewer than", "upwards of")
_UPPER = ("up to", "as many as", "nearly", "almost", "at most", "no more than", "fewer than",
          "less than", "under")  # fmt: skip
_RANGE = re.compile(r"^(?:between\s+)?(.+?)\s+(?:and|to|-|or)\s+(.+)$")


def parse_quantity(text: str) -> Quantity | None:
    """A figure with its hedge: "at least 12" -> (best 12, low 12, high None)."""
    phrase = " ".join(_SPLIT.split(text.strip().lower()))
    for hedge in _LOWER:
        if phrase.startswith(hedge + " "):
            inner = parse_quantity(phrase[len(hedge) + 1 :])
            return Quantity(inner.best, inner.best, None, inner.vague) if inner else None
    for hedge in _UPPER:
        if phrase.startswith(hedge + " "):
            inner = parse_quantity(phrase[len(hedge) + 1 :])
            return Quantity(inner.best, None, inner.best, inner.vague) if inner else None
    for hedge in ("about", "around", "approximately", "roughly", "some", "an estimated",
                  "estimated"):  # fmt: skip
        if phrase.startswith(hedge + " "):
            # an approximate figure: a best estimate without bounds
            inner = parse_quantity(phrase[len(hedge) + 1 :])
            return Quantity(inner.best, None, None, inner.vague) if inner else None
    for filler in ("a total of", "a further", "another", "the", "all"):
        if phrase.startswith(filler + " "):
            return parse_quantity(phrase[len(filler) + 1 :])
    if phrase.startswith("dozens of") or phrase.startswith("hundreds of"):
        phrase = phrase.split(" ")[0]
    words = phrase.split(" ")
    value = _words_value(words)
    if value is not None:
        n = round(value[0])
        return Quantity(n, n, None if value[1] else n, value[1])
    ranged = _RANGE.match(phrase)
    if ranged:
        low, high = parse_number(ranged.group(1)), parse_number(ranged.group(2))
        if low is not None and high is not None and low <= high:
            # the most conservative figure is the best estimate (ACLED rule, module docstring)
            return Quantity(low, low, high)
    return None


# --- figures in parsed text -----------------------------------------------------------------------
# Words that may stand in a figure's hedge ("at least", "between ... and", "a total of").
HEDGE_WORDS = {
    "at", "least", "more", "than", "over", "up", "to", "as", "many", "nearly", "almost", "about",
    "around", "some", "approximately", "roughly", "between", "and", "another", "estimated", "an",
    "total", "of", "further", "no", "fewer", "less", "under", "upwards", "excess", "in", "a",
    "the", "all",
}  # fmt: skip
_EXCLUDED_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}


_DATE_WORDS = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|"
    r"\b(?:day|week|month|year|hour|minute|am|pm|o'clock|decade|century)s?\b|\b\d{4}\b|[/:%$€£]",
    re.IGNORECASE,
)


def _is_date_like(token: Token) -> bool:
    """A number inside a date/time/money entity ("2 July", "10 pm"), not a head count.

    spaCy's small model also tags head counts as DATE ("between 5 and 10"): only entities with a
    date word, a year or a time/money sign exclude their numbers.
    """
    if token.ent_type_ in ("MONEY", "PERCENT", "ORDINAL"):
        return True
    doc, lo, hi = token.doc, token.i, token.i + 1
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    return bool(_DATE_WORDS.search(doc[lo:hi].text))


def is_number_token(token: Token) -> bool:
    """A token that is (part of) a head count: "12", "twelve", "dozens"; not "2" in "2 July"."""
    nxt = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    if nxt in ("per", "percent", "%", "pc"):
        return False  # "25 per cent of them": a share, not a count
    if token.ent_type_ in _EXCLUDED_ENTS and _is_date_like(token):
        return False
    if (
        token.lower_ == "one"
        and token.i > 0
        and token.doc[token.i - 1].lower_ in ("no", "any", "every")
    ):
        return False  # "no one was killed" is a zero, read by the negative patterns
    return (
        token.like_num and any(c.isdigit() for c in token.text) or token.lower_ in NUMBER_WORDS
    ) and (token.lower_ not in ("a", "an"))


def _parse_tokens(doc_span: Span) -> Quantity | None:
    if not any(is_number_token(t) for t in doc_span):
        return None
    return parse_quantity(doc_span.text)


def quantity_ending_at(sent: Span, i: int) -> tuple[int, Quantity] | None:
    """The quantity phrase ending at token ``i`` (doc index), widened left over its hedge."""
    doc, lo = sent.doc, i
    while lo - 1 >= sent.start and (is_number_token(doc[lo - 1]) or doc[lo - 1].text == "-"):
        lo -= 1
    if _partitive(sent, i + 1):
        return None
    best = None
    for k in range(0, 5):  # "between 5 and 10", "no fewer than 3": hedges are up to 4 tokens
        if lo - k < sent.start:
            break
        if k and doc[lo - k].lower_ not in HEDGE_WORDS and not is_number_token(doc[lo - k]):
            break
        quantity = _parse_tokens(doc[lo - k : i + 1])
        if quantity is not None:
            best = (lo - k, quantity)
    return best


def quantity_starting_at(sent: Span, i: int) -> tuple[int, Quantity] | None:
    """The quantity phrase starting at token ``i``; returns (end index, quantity)."""
    doc, hi = sent.doc, i
    if doc[i].lower_ == "and":
        return None
    while hi < sent.end and (
        doc[hi].lower_ in HEDGE_WORDS or is_number_token(doc[hi]) or doc[hi].text == "-"
    ):
        hi += 1
    for end in range(hi, i, -1):
        quantity = _parse_tokens(doc[i:end])
        if quantity is not None:
            return None if _partitive(sent, end) else (end, quantity)
    return None


def _partitive(sent: Span, i: int) -> bool:
    """ "40 of these deaths", "tens of those killed": a part of a toll counted elsewhere."""
    doc = sent.doc
    if i + 1 >= sent.end or doc[i].lower_ != "of":
        return False
    if doc[i + 1].lower_ in ("these", "those", "them", "whom"):
        return True
    # "157 of the deaths", "two of the dead": part of a toll; "one of the soldiers" is a count
    return (
        doc[i + 1].lower_ == "the"
        and i + 2 < sent.end
        and doc[i + 2].lower_ in ("deaths", "dead", "victims", "killed", "casualties", "injured")
    )


# --- the figure next to a word ----------------------------------------------------------------
# Words the walk from a death/injury word back to its subject passes over ("were reportedly shot").
_SKIP_LEFT = {"was", "were", "been", "be", "being", "have", "has", "had", "is", "are", "reportedly",
              "allegedly", "also", "later", "all", "subsequently", "both", "confirmed", "reported",
              "found", "left", "shot", "burned", "burnt", "beaten", "stabbed", "hacked", "seriously",
              "critically", "fatally", "badly", "slightly", "others", "other", "more", "people",
              "-", "of", "whom", "them", "and", "their"}  # fmt: skip
# ... and forward to its object or total ("killed at least", "toll rose to").
_SKIP_RIGHT = {"at", "least", "rose", "risen", "climbed", "reached", "stands", "stood", "is", "was",
               "has", "had", "to", "of", "now", "s", "'s", "down", "rises", "rising",
               "climbs", "climbing", "reaches", "hits", "jumped", "jumps"}  # fmt: skip
# A group after these is part of a figure already counted ("12 people, including 3 children").
_SUBSET = {"including", "among", "includes", "include"}
PRONOUNS_OF_ONE = {"he", "she", "him", "her", "himself", "herself"}
# Words a noun group after a figure does not run into ("killed 3 soldiers and wounded ...").
_COUNT_STOP = frozenset({"killed", "dead", "died", "wounded", "injured", "hurt"})


def single_person(token: Token) -> bool:
    """ "a soldier", "one local man", "him": one person."""
    if token.lower_ in PRONOUNS_OF_ONE and token.pos_ == "PRON":
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


def _stops_left(tok: Token, stop: frozenset[str]) -> bool:
    if tok.lower_ in stop:
        return True
    return tok.pos_ in ("VERB", "PUNCT") and tok.lower_ not in _SKIP_LEFT and tok.text != "-"


def figure_before(sent: Span, t: int, stop: frozenset[str]) -> tuple[int, list[Quantity]]:
    """Figures left of token ``t`` ("two women and a child were killed"); ``stop`` ends the walk."""
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
        elif single_person(tok):
            found.append(ONE)
            lo, j = j, j - 1
        elif tok.lower_ in _SUBSET:
            found.clear()
            subset, j = True, j - 1
            continue
        elif _stops_left(tok, stop):
            break
        else:
            j -= 1
            continue
        # after a figure, go on only through a coordination ("two women and a child")
        if not (j >= sent.start and doc[j].lower_ in ("and", *_SUBSET)):
            break
    return lo, found


def figure_after(sent: Span, t: int) -> tuple[int, list[Quantity]]:
    """Figures right of token ``t`` ("killing at least 12 people and himself")."""
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
        elif single_person(doc[j]):
            found.append(ONE)
            hi = j + 1
        else:
            break
        j = hi
        while (
            j < sent.end
            and j - hi < 4
            and doc[j].pos_ in ("NOUN", "PROPN", "ADJ")
            and doc[j].lower_ not in _COUNT_STOP
        ):
            j += 1
        hi = j
        if not (j + 1 < sent.end and doc[j].lower_ == "and"):
            break
        j += 1
    return hi, found
