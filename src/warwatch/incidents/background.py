"""Present vs background: which sentences tell history or context rather than the story's event.

A sentence is background when it carries a *past* cue and no *present* anchor, or when it is a
context statement (alliances, interests, who lives where) with no event in it:

- past cues: a date well before publication ("in the early 1990s", "in May 2019"), "since ..."
  ("since the war began", "since the 1994 ceasefire"), cumulative tolls ("the conflict has killed
  400,000 people", "have died since"), historical references ("after the fall of the Soviet
  Union", "last year's attack", "decades of").
- present anchors: a date expression that resolves to within ``PRESENT_DAYS`` of publication and
  is not a phase of the conflict ("the resumption of hostilities ten days ago" is not an anchor).

``Background.numbers`` lists the figures it carries ("claimed 30,000 lives" -> deaths 30000) so
they are kept, but never counted as an incident's toll.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from ..model import Background, BackgroundKind, DatePrecision, NumberMention
from .numbers import is_number_token, quantity_starting_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# A dated event more than two months before publication is not the story's present: ACLED's
# coarsest time precision is a month, and news leads report days-to-weeks-old events.
PRESENT_DAYS = 60

_SINCE = re.compile(
    r"\bsince\s+(?:the\s+|its\s+|their\s+)?(?:(?:start|beginning|outbreak|end)\s+of\b|war\b|conflict\b|"
    r"fighting\b|independence\b|ceasefire\b|truce\b|invasion\b|uprising\b|revolution\b|coup\b|"
    r"insurgency\b|\d{4}\b|\w+\s+(?:war|conflict|ceasefire|truce|began|started|erupted)\b|it\s+began\b)",
    re.IGNORECASE,
)
_CUMULATIVE = re.compile(
    r"\b(?:has|have|had)\s+(?:so\s+far\s+|now\s+|already\s+|reportedly\s+)?(?:killed|claimed|cost|left|"
    r"displaced|uprooted)\b[^.;]{0,80}\b(?:since|so\s+far|to\s+date|as\s+of|in\s+total|over\s+the\s+(?:past|last)"
    r"\s+\w+\s+(?:years|decades|months))\b|\b(?:war|conflict|insurgency|fighting|violence|crisis|riots|attacks|clashes|unrest|carnage|"
    r"bombings|massacres)\s+"
    r"(?:that\s+|which\s+)?(?:has|have)\s+(?:so\s+far\s+|now\s+|already\s+)?(?:killed|claimed|cost|"
    r"left|displaced)\b|\b(?:so\s+far|thus\s+far|to\s+date|till\s+now|until\s+now)\b[^.;]{0,40}"
    r"\b(?:killed|died|dead|deaths|murdered)\b|\b(?:killed|died|dead|deaths|murdered|lives)\b[^.;]{0,40}"
    r"\b(?:so\s+far|thus\s+far|to\s+date|till\s+now|until\s+now)\b|\b(?:tally|overall\s+toll|total\s+"
    r"(?:death\s+)?toll|cumulative)\b"
    # tolls summed over places or days: not one incident's
    r"|\b(?:killed|died|dead|deaths|lives)\b[^.;]{0,60}(?:\bover\s+the\s+(?:last|past)\s+\w+\s+(?:days|"
    r"weeks|months)\b|\bin\s+(?:various|different|separate)\s+(?:places|incidents|areas|parts|attacks)\b"
    r"|\bacross\s+the\s+(?:state|country|region)\b)",
    re.IGNORECASE,
)
_HISTORICAL = re.compile(
    r"\b(?:fall|collapse|dissolution|break-?up)\s+of\s+the\s+(?:Soviet\s+Union|USSR|Yugoslavia|Ottoman)"
    r"|\blast\s+year'?s\b|\bdecades?\s+(?:of|ago|long)\b|\bcentur(?:y|ies)\b"
    # "history" as a past cue only when it tells the past ("historically", "a long history of
    # clashes"): "history subjects", "a historical building", "a historic deal" are present-day
    # nouns and once made a whole protest note background
    r"|\bhistorically\b|\bhistory\s+of\s+(?:\w+\s+){0,2}(?:conflict|violence|war|wars|fighting|clashes|"
    r"attacks|feuds?|tensions?|disputes?)\b"
    r"|\bthe\s+(?:1[89]\d\d|20[0-2]\d)\s+(?:ceasefire|truce|war|agreement|accord|peace|genocide|massacre|"
    r"revolution|uprising|invasion|coup|election|referendum|conflict)\b|\bin\s+the\s+(?:early\s+|late\s+|mid-?)?"
    r"(?:1[89]\d0|20[0-2]0)s\b|\bformer(?:ly)?\b[^.;]{0,30}\b(?:Soviet|colony|colonial)\b",
    re.IGNORECASE,
)
# Context: relations and standing facts. Checked only when the sentence has no event word.
_CONTEXT = re.compile(
    r"\b(?:suppliers?|supplies\s+arms|arms\s+sales|allied|allies|ally|alliance|interests?|populated|"
    r"inhabited|traditional(?:ly)?|arbiter|relations|bilateral|majority|home\s+to|borders?\s+with|"
    r"backs?|backed|backer|patron|sponsor|disputed|claimed\s+by|member\s+of|stake)\b",
    re.IGNORECASE,
)
_EVENT = re.compile(
    r"\b(?:kill\w*|attack\w*|shell\w*|bomb\w*|strikes?|struck|clash\w*|fir(?:e|ed|ing)|shoot\w*|shot|"
    r"explo\w+|blast\w*|raid\w*|hit|wound\w*|injur\w*|dead|died|deaths?|abduct\w*|kidnap\w*|arrest\w*|"
    r"detain\w*|protest\w*|demonstrat\w*|riot\w*|loot\w*|burn\w*|destroy\w*|used?|dropped|launch\w*|"
    r"seiz\w*|captur\w*|ambush\w*|massacre\w*|assault\w*|fought|fighting|"
    # territory changing hands (ACLED Codebook 2023, Battles): "wrested control of a camp"
    r"recaptur\w*|retook|retak\w*|regain\w*|wrest\w*|liberat\w*|overr[au]n|"
    r"(?:took|taken|taking|established|gained|assumed)\s+(?:\w+\s+)?control)\b",
    re.IGNORECASE,
)


_ANCHORING = frozenset({DatePrecision.DAY, DatePrecision.DAYS, DatePrecision.WEEK})


def _anchors(sent: Span, published: dt.date | None) -> tuple[bool, bool]:
    """(has a present anchor, has an old date) among the sentence's date expressions."""
    from .time import find_dates

    present = old = False
    for mention in find_dates(sent, published):
        window = mention.window
        if published is None and mention.recent and not mention.context:
            present = True
        if window.end is None:
            continue
        if published is None:
            # without a publication date only a decade ("the early 1990s") is old by itself
            old = old or (window.start is not None and (window.end - window.start).days > 400)
            continue
        if window.end < published - dt.timedelta(days=PRESENT_DAYS) or mention.context:
            # a guessed year ("the August 3 elections") cannot make a sentence history
            old = old or (
                window.end < published - dt.timedelta(days=PRESENT_DAYS) and mention.year_fixed
            )
            continue
        # only a window of days or a week anchors the present: "this year" spans a tally
        present = present or window.precision in _ANCHORING
    return present, old


def background_kind(sent: Span, published: dt.date | None) -> BackgroundKind | None:
    """Why ``sent`` (a sentence or clause) is background, or None when it is the present.

    Answered once per span and Doc: assemble, casualties and the story's dates ask again."""
    from .time import doc_cache

    cache = doc_cache(sent.doc)
    key = (sent.start, sent.end, published)
    if key not in cache.background:
        cache.background[key] = _kind(sent, cache.text[sent.start_char : sent.end_char], published)
    return cache.background[key]


def _kind(sent: Span, text: str, published: dt.date | None) -> BackgroundKind | None:
    present, old = _anchors(sent, published)
    if present:
        return None
    if old or _SINCE.search(text) or _CUMULATIVE.search(text) or _HISTORICAL.search(text):
        return BackgroundKind.HISTORICAL
    if not _EVENT.search(text) and _CONTEXT.search(text):
        return BackgroundKind.CONTEXT
    return None


def is_background(sent: Span, published: dt.date | None) -> bool:
    """True when ``sent`` tells history or context, not an event of the story's present."""
    return background_kind(sent, published) is not None


def find_background(doc: Doc, published: dt.date | None) -> tuple[Background, ...]:
    """Every background sentence of ``doc`` with the figures it carries."""

    found = []
    for sent in doc.sents:
        kind = background_kind(sent, published)
        if kind is None:
            continue
        numbers = tuple(NumberMention(value=v, of=of) for v, of in _figures(sent))
        found.append(
            Background(start=sent.start_char, end=_text_end(sent), kind=kind, numbers=numbers)
        )
    return tuple(found)


def _text_end(sent: Span) -> int:
    """End of the sentence's last word: spaCy keeps paragraph breaks as trailing space tokens."""
    for token in reversed(sent):
        if not token.is_space:
            return token.idx + len(token.text)
    return sent.end_char


_DISPLACED = {"displaced", "refugees", "fled", "homeless", "evacuated", "uprooted", "flee"}
_PEOPLE = {"people", "civilians", "residents", "persons", "inhabitants", "villagers", "children",
           "women", "men", "soldiers", "troops", "fighters"}  # fmt: skip


def _figures(sent: Span) -> list[tuple[int, str]]:
    """(value, of) for the figures of a background sentence: deaths, injured, displaced, people."""
    from .casualties import find_mentions

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
        if of == "other" and not token.text[0].isdigit():
            continue  # "between these two countries": a small word number about nobody
        numbers.append((grabbed[1].best, of))
    return numbers
