"""When did it happen: a date window resolved against the publication date.

``resolve_date(doc, sent, published)`` looks for date expressions in the incident's sentence
first, then in the story's other (non-background) sentences, then falls back to the publication
date; ``DateWindow.precision`` and ``evidence`` say which. ``find_dates(span, published)`` lists
every date expression of a span with its resolved window: spaCy's Matcher finds anchor tokens
(month and weekday names, "yesterday", "weekend", "ago", numeric shapes) and DATE/TIME entities,
and regular expressions read the few words around each anchor.

Conventions (documented because news and ACLED use them):
- A weekday ("on Sunday") is the most recent such day on or before publication; "last Sunday" is
  the most recent one strictly before it.
- A numeric date with both parts <= 12 ("3/10") is read day-first (ACLED notes and most non-US
  wire copy write dd/mm); month-first is used only when day-first would put the event more than
  a week after publication and month-first would not.
- A day and month without a year take the publication year, or the year before when that would
  put the event more than a week after publication.
- Without a publication date, relative expressions ("yesterday") cannot be resolved: the window
  stays open with precision ``unknown`` unless the text fixes an absolute date itself.
- In a sentence, a written-out calendar date wins over a relative word ("today's fighting on
  22 June"); a date the sentence names but that cannot be anchored stays ``unknown`` rather than
  borrowing another sentence's date.
- Conflict-phase dates ("the resumption of hostilities ten days ago") and long-running states
  ("banned since 2010") never date an incident.
- With no date words at all, the window is the week up to publication (precision ``week``,
  ``evidence`` None): news reports describe the recent past.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import BackgroundKind, DatePrecision, DateWindow
from ..model import Span as ModelSpan
from .numbers import parse_number

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

# How far before publication an unanchored report reaches: one week, ACLED's coarsest
# time_precision short of a month ("2 = specific week or weekend").
FALLBACK_DAYS = 7
# The last few Docs' story-level dates: assemble asks once per incident of the same Doc.
_STORY_CACHE: dict[tuple[int, dt.date | None], tuple[Doc, tuple[DateMention, ...]]] = {}
_STORY_CACHE_SIZE = 8

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_RE = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
_NUMWORD = (
    r"(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)"
)
# One alternation, one named group per kind; longer alternatives first.
_PATTERNS = {
    "iso": r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b",
    "dmy": rf"\b(?P<d>\d{{1,2}}){_ORD}\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+(?P<y>\d{{4}}))?\b",
    "mdy": rf"\b{_MONTH_RE}\s+(?P<d>\d{{1,2}}){_ORD}\b(?:,?\s+(?P<y>\d{{4}})\b)?",
    "my": rf"\b{_MONTH_RE},?\s+(?P<y>\d{{4}})\b",
    "numeric": r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?:/(?P<y>\d{4}|\d{2}))?(?![\d/])",
    "ago": rf"\b{_NUMWORD}\s+(?P<unit>day|week|month|year)s?\s+(?:ago|earlier)\b",
    "recent": r"\b(?:in|over|during)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+|several\s+|couple\s+of\s+)?(?P<unit>days|hours|24\s+hours|48\s+hours)\b|\brecent\s+days\b",
    "weekend": r"\b(?:(?P<rel>last|past|this)\s+|(?:over|during|at|on)\s+the\s+)weekend\b",
    "week": r"\b(?:(?P<rel>last|past|previous|this)\s+week|earlier\s+this\s+week)\b",
    "month": r"\b(?:(?P<rel>last|past|previous|this)\s+month|earlier\s+this\s+month)\b",
    "year": r"\b(?:(?P<rel>last|past|previous|this)\s+year|earlier\s+this\s+year)\b",
    "day": r"\b(?P<word>the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|overnight|this\s+(?:morning|afternoon|evening))\b",
    "weekday": r"\b(?P<rel>last\s+|this\s+|on\s+|since\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?P<lastweek>\s+(?:of\s+)?last\s+week\b)?",
    "decade": r"\b(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<y>1[89]\d0|20[0-2]0)'?s\b",
    "yearonly": r"\b(?P<pre>in|since|during|of|until|by)\s+(?P<y>1[89]\d\d|20\d\d)\b",
}
_DATE_RE = re.compile(
    "|".join(
        f"(?P<{kind}>{pattern.replace('(?P<', f'(?P<{kind}_')})"
        for kind, pattern in _PATTERNS.items()
    ),
    re.IGNORECASE,
)
# "the resumption of hostilities ten days ago": a date of the conflict's phase, not of an incident.
_PHASE_RE = re.compile(
    r"\b(?:resumption|outbreak|start|beginning|onset|eruption|renewal|escalation|launch|end)\s+of\s+"
    r"(?:the\s+|this\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_ABSOLUTE_KINDS = frozenset({"iso", "dmy", "mdy", "numeric"})
_RECENT_KINDS = frozenset({"day", "weekday", "weekend", "recent"})
_CALENDAR_KINDS = frozenset({"week", "month"})
_SINCE_RE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
# A "since X" state older than a month is a long-running background fact ("banned since 2010").
SINCE_CONTEXT_DAYS = 31


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    window: DateWindow
    context: bool = False  # a phase of the conflict or a long-running state, not an incident date
    # a word that by itself means the recent past ("yesterday", "on Sunday", "in recent days"),
    # so it marks the story's present even without a publication date
    recent: bool = False
    absolute: bool = False  # a calendar date written out ("3 October", "2020-10-03", "3/10")
    # False when the year was guessed from the publication date ("on 3 October")
    year_fixed: bool = True


def _day(
    d: dt.date, evidence: ModelSpan, precision: DatePrecision = DatePrecision.DAY
) -> DateWindow:
    return DateWindow(start=d, end=d, precision=precision, evidence=evidence)


def _window(a: dt.date, b: dt.date, precision: DatePrecision, evidence: ModelSpan) -> DateWindow:
    return DateWindow(start=a, end=b, precision=precision, evidence=evidence)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _with_year(m: int, d: int, year: str | None, published: dt.date | None) -> dt.date | None:
    if year:
        y = int(year)
        return _safe_date(y + 2000 if y < 100 else y, m, d)
    if published is None:
        return None
    guess = _safe_date(published.year, m, d)
    if guess and guess > published + dt.timedelta(days=7):
        guess = _safe_date(published.year - 1, m, d)
    return guess


def _numeric(g: dict[str, str | None], published: dt.date | None) -> dt.date | None:
    a, b = int(g["numeric_a"] or 0), int(g["numeric_b"] or 0)
    year = g["numeric_y"]
    day_first = _with_year(b, a, year, published) if b <= 12 else None
    month_first = _with_year(a, b, year, published) if a <= 12 else None
    if day_first and month_first and published and day_first != month_first:
        late = published + dt.timedelta(days=7)
        if day_first > late and month_first <= late:
            return month_first
    return day_first or month_first


def _month_start(d: dt.date) -> dt.date:
    return d.replace(day=1)


def _prev_month(d: dt.date) -> tuple[dt.date, dt.date]:
    end = _month_start(d) - dt.timedelta(days=1)
    return _month_start(end), end


def _absolute(
    kind: str, g: dict[str, str | None], p: dt.date | None, ev: ModelSpan
) -> DateWindow | None:
    if kind == "iso":
        d = _safe_date(int(g["iso_y"] or 0), int(g["iso_mo"] or 0), int(g["iso_d"] or 0))
        return _day(d, ev) if d else None
    if kind in ("dmy", "mdy"):
        month = _MONTHS[(g[f"{kind}_month"] or "")[:3].lower()]
        d = _with_year(month, int(g[f"{kind}_d"] or 0), g[f"{kind}_y"], p)
        return _day(d, ev) if d else None
    if kind == "my":
        month = _MONTHS[(g["my_month"] or "")[:3].lower()]
        start = dt.date(int(g["my_y"] or 0), month, 1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return _window(start, end, DatePrecision.MONTH, ev)
    if kind == "numeric":
        d = _numeric(g, p)
        return _day(d, ev) if d else None
    if kind == "decade":
        y = int(g["decade_y"] or 0)
        return _window(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), DatePrecision.YEAR, ev)
    if kind == "yearonly":
        y = int(g["yearonly_y"] or 0)
        return _window(dt.date(y, 1, 1), dt.date(y, 12, 31), DatePrecision.YEAR, ev)
    return None


def _weekday(g: dict[str, str | None], p: dt.date, ev: ModelSpan) -> DateWindow:
    target = _WEEKDAYS.index((g["weekday_wd"] or "").lower())
    if g["weekday_lastweek"]:  # "on Tuesday last week": that day of the previous calendar week
        monday = p - dt.timedelta(days=p.weekday() + 7)
        return _day(monday + dt.timedelta(days=target), ev)
    back = (p.weekday() - target) % 7
    if back == 0 and (g["weekday_rel"] or "").strip().lower() == "last":
        back = 7
    return _day(p - dt.timedelta(days=back), ev)


def _weekend(g: dict[str, str | None], p: dt.date, ev: ModelSpan) -> DateWindow:
    saturday = p - dt.timedelta(days=(p.weekday() - 5) % 7)
    if p.weekday() >= 5 and (g["weekend_rel"] or "").lower() == "last":
        saturday -= dt.timedelta(days=7)
    return _window(saturday, min(saturday + dt.timedelta(days=1), p), DatePrecision.DAYS, ev)


def _calendar(kind: str, g: dict[str, str | None], p: dt.date, ev: ModelSpan) -> DateWindow:
    rel = (g[f"{kind}_rel"] or "this").lower()
    current = rel == "this"
    if kind == "week":
        monday = p - dt.timedelta(days=p.weekday())
        if current:
            return _window(monday, p, DatePrecision.WEEK, ev)
        return _window(
            monday - dt.timedelta(days=7), monday - dt.timedelta(days=1), DatePrecision.WEEK, ev
        )
    if kind == "month":
        if current:
            return _window(_month_start(p), p, DatePrecision.MONTH, ev)
        return _window(*_prev_month(p), DatePrecision.MONTH, ev)
    if current:
        return _window(dt.date(p.year, 1, 1), p, DatePrecision.YEAR, ev)
    return _window(dt.date(p.year - 1, 1, 1), dt.date(p.year - 1, 12, 31), DatePrecision.YEAR, ev)


def _ago(g: dict[str, str | None], p: dt.date, ev: ModelSpan) -> DateWindow | None:
    n = parse_number(g["ago_n"] or "")
    if n is None:
        return None
    unit = (g["ago_unit"] or "").lower()
    if unit == "day":
        return _day(p - dt.timedelta(days=n), ev)
    if unit == "week":
        centre = p - dt.timedelta(days=7 * n)
        return _window(
            centre - dt.timedelta(days=3),
            min(centre + dt.timedelta(days=3), p),
            DatePrecision.WEEK,
            ev,
        )
    if unit == "month":
        start = _month_start(p)
        for _ in range(n):
            start = _prev_month(start)[0]
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return _window(start, end, DatePrecision.MONTH, ev)
    y = p.year - n
    return _window(dt.date(y, 1, 1), dt.date(y, 12, 31), DatePrecision.YEAR, ev)


def _relative(kind: str, g: dict[str, str | None], p: dt.date, ev: ModelSpan) -> DateWindow | None:
    one = dt.timedelta(days=1)
    if kind == "day":
        word = " ".join((g["day_word"] or "").lower().split())
        if word == "yesterday":
            return _day(p - one, ev)
        if word == "the day before yesterday":
            return _day(p - 2 * one, ev)
        if word in ("last night", "overnight"):
            return _window(p - one, p, DatePrecision.DAYS, ev)
        return _day(p, ev)
    if kind == "recent":
        unit = (g["recent_unit"] or "days").lower()
        back = FALLBACK_DAYS if unit == "days" else 2 if "48" in unit else 1
        return _window(p - back * one, p, DatePrecision.DAYS, ev)
    if kind == "weekend":
        return _weekend(g, p, ev)
    if kind == "weekday":
        return _weekday(g, p, ev)
    if kind in ("week", "month", "year"):
        return _calendar(kind, g, p, ev)
    if kind == "ago":
        return _ago(g, p, ev)
    return None


def _resolve(kind: str, g: dict[str, str | None], p: dt.date | None, ev: ModelSpan) -> DateWindow:
    window = _absolute(kind, g, p, ev)
    if window is None and p is not None:
        window = _relative(kind, g, p, ev)
    return window or DateWindow(precision=DatePrecision.UNKNOWN, evidence=ev)


_ANCHOR_WORDS = sorted(
    {m for m in _MONTHS} | {"january", "february", "march", "april", "june", "july", "august",
     "sept", "september", "october", "november", "december"} | set(_WEEKDAYS)
    | {"yesterday", "today", "todays", "tonight", "night", "overnight", "morning", "afternoon",
       "evening", "weekend", "week", "month", "year", "ago", "earlier", "days", "hours", "recent"}
)  # fmt: skip
# Numeric dates and years as token shapes (spaCy's SHAPE caps runs at 4): "3/10" -> "d/dd",
# "13/10/2020" -> "dd/dd/dddd", "2020-10-03" -> "dddd-dd-dd", "1994" -> "dddd", "1990s" -> "ddddx".
_ANCHOR_SHAPES = sorted(
    {f"{a}/{b}" for a in ("d", "dd") for b in ("d", "dd")}
    | {f"{a}/{b}/{y}" for a in ("d", "dd") for b in ("d", "dd") for y in ("dd", "dddd")}
    | {"dddd", "ddddx", "dddd-dd-dd"}
)
_MATCHERS: dict[int, tuple[Vocab, Matcher]] = {}


def _anchor_matcher(vocab: Vocab) -> Matcher:
    cached = _MATCHERS.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        from spacy.matcher import Matcher

        matcher = Matcher(vocab)
        matcher.add("WORD", [[{"LOWER": {"IN": _ANCHOR_WORDS}}]])
        matcher.add("SHAPE", [[{"SHAPE": {"IN": _ANCHOR_SHAPES}}]])
        cached = (vocab, matcher)
        _MATCHERS[id(vocab)] = cached
    return cached[1]


class DocCache:
    """What ``find_dates`` needs of one Doc, built once: ``doc.text`` (spaCy rebuilds it from
    every token on each access, which made per-sentence calls quadratic), the date anchors of
    the whole Doc, and the answers already given per span (assemble, background and casualties
    ask about the same sentences several times)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        # the patterns are single tokens, so matching the Doc once finds exactly what matching
        # each sentence finds; DATE/TIME entities are anchors too (the regexes decide)
        anchors = [(s, e) for _, s, e in _anchor_matcher(doc.vocab)(doc)]
        anchors += [(e.start, e.end) for e in doc.ents if e.label_ in ("DATE", "TIME")]
        self.anchors = sorted(anchors, key=lambda a: a[0])
        self.anchor_starts = [a[0] for a in self.anchors]
        self.mentions: dict[tuple[int, int, dt.date | None], tuple[DateMention, ...]] = {}
        # ``background.background_kind`` per (start, end, published), same reason
        self.background: dict[tuple[int, int, dt.date | None], BackgroundKind | None] = {}


# The last few Docs' caches, identity-checked: kept out of ``doc.user_data`` so a Doc stays
# serialisable; a batch handles one Doc at a time, so a handful is plenty.
_DOC_CACHE: dict[int, DocCache] = {}


def doc_cache(doc: Doc) -> DocCache:
    """The per-Doc cache of ``doc`` (created on first use)."""
    cached = _DOC_CACHE.get(id(doc))
    if cached is None or cached.doc is not doc:
        cached = DocCache(doc)
        _DOC_CACHE[id(doc)] = cached
        while len(_DOC_CACHE) > _STORY_CACHE_SIZE:
            _DOC_CACHE.pop(next(iter(_DOC_CACHE)))
    return cached


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (see ``DocCache``)."""
    return doc_cache(doc).text


def _windows(cache: DocCache, start: int, end: int) -> list[tuple[int, int]]:
    """Character ranges around date anchor words, so the (slow) regex never scans plain prose.

    A window reaches 5 tokens left and right of its anchor: the longest expression, "the day
    before yesterday", "2020 - 10 - 03" (tokens), fits.
    """
    doc, ranges = cache.doc, list[tuple[int, int]]()
    first = bisect_left(cache.anchor_starts, start)
    last = bisect_left(cache.anchor_starts, end)
    for a_start, a_end in cache.anchors[first:last]:
        if a_end > end:
            continue  # an entity running past the span is not the span's (``Span.ents``)
        lo, hi = max(start, a_start - 5), min(end, a_end + 5)
        c_start, c_end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        if ranges and c_start <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(c_end, ranges[-1][1]))
        else:
            ranges.append((c_start, c_end))
    return ranges


def find_dates(span: Span, published: dt.date | None) -> tuple[DateMention, ...]:
    """Every date expression in ``span`` with its window; offsets are into the whole Doc."""
    cache = doc_cache(span.doc)
    key = (span.start, span.end, published)
    hit = cache.mentions.get(key)
    if hit is not None:
        return hit
    text, found = cache.text, []
    for lo, hi in _windows(cache, span.start, span.end):
        for match in _DATE_RE.finditer(text, lo, hi):
            found.append(_mention(match, text, span.start_char, published))
    result = tuple(m for m in found if m is not None)
    cache.mentions[key] = result
    return result


def _mention(
    match: re.Match[str], text: str, floor: int, published: dt.date | None
) -> DateMention | None:
    kind = match.lastgroup or ""
    if kind == "weekday" and not (match.group(0)[0].isupper() or match.group("weekday_rel")):
        return None  # lower-case "sunday" without "on"/"last" is rarely a date
    evidence = ModelSpan(start=match.start(), end=match.end())
    window = _resolve(kind, match.groupdict(), published, evidence)
    before = text[max(floor, match.start() - 60) : match.start()]
    since = bool(_SINCE_RE.search(before)) or (match.group(0).lower().startswith("since"))
    context = bool(_PHASE_RE.search(before))
    if since and published is None:
        context = True  # "since 2010" without a publication date: a state, not the event's date
    elif since and window.start is not None and published is not None:
        context = context or window.start < published - dt.timedelta(days=SINCE_CONTEXT_DAYS)
        window = window.model_copy(update={"end": published, "precision": DatePrecision.DAYS})
    recent = kind in _RECENT_KINDS or (
        kind in _CALENDAR_KINDS and "last" not in match.group(0).lower()
    )
    absolute = kind in _ABSOLUTE_KINDS
    year_fixed = not absolute or kind == "iso" or bool(match.group(f"{kind}_y"))
    return DateMention(evidence.start, evidence.end, window, context, recent, absolute, year_fixed)


def _usable(mention: DateMention) -> bool:
    return not mention.context and mention.window.start is not None


def _story_dates(doc: Doc, published: dt.date | None) -> tuple[DateMention, ...]:
    """Date mentions of the story's non-background sentences, computed once per Doc.

    Kept in a small module-level cache rather than ``doc.user_data`` so a Doc stays serialisable.
    """
    key = (id(doc), published)
    cached = _STORY_CACHE.get(key)
    if cached is not None and cached[0] is doc:
        return cached[1]
    from .background import is_background

    found: list[DateMention] = []
    for sent in doc.sents:
        mentions = find_dates(sent, published)
        if mentions and not is_background(sent, published):
            found.extend(m for m in mentions if _usable(m))
    _STORY_CACHE[key] = (doc, tuple(found))
    while len(_STORY_CACHE) > _STORY_CACHE_SIZE:
        _STORY_CACHE.pop(next(iter(_STORY_CACHE)))
    return tuple(found)


def _choose(mentions: tuple[DateMention, ...]) -> DateMention | None:
    """A written-out calendar date wins over a relative word ("today's fighting ... on 22 June":
    the note's "today" is its source's day, the date is what the text fixes); otherwise the first.
    """
    usable = [m for m in mentions if _usable(m)]
    return next((m for m in usable if m.absolute), usable[0] if usable else None)


def resolve_date(doc: Doc, sent: Span, published: dt.date | None) -> DateWindow:
    """The date window of the event described in ``sent``."""
    mentions = find_dates(sent, published)
    chosen = _choose(mentions)
    if chosen is not None:
        return chosen.window
    unresolved = [m for m in mentions if not m.context]
    if unresolved:
        # the sentence names a time we cannot anchor ("on 23 December" with no year and no
        # publication date): keep only what the text fixes, and say where it is
        return DateWindow(precision=DatePrecision.UNKNOWN, evidence=unresolved[0].window.evidence)
    chosen = _choose(_story_dates(doc, published))
    if chosen is not None:
        return chosen.window
    if published is None:
        return DateWindow(precision=DatePrecision.UNKNOWN)
    return DateWindow(
        start=published - dt.timedelta(days=FALLBACK_DAYS),
        end=published,
        precision=DatePrecision.WEEK,
    )
