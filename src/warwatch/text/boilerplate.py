"""Cut site boilerplate (footers, share bars, dated headers) off the ends of plain text.

General rules, no per-site lists. Each line is classed by the cues it matches (patterns in
``data/boilerplate.tsv``, each with a weight) and by its shape:

- ``BOILER``: enough cue weight for its length. A short line (<= ``SHORT_WORDS`` words) or one
  that does not end a sentence needs weight 2 (one unambiguous cue such as "©", "Follow us", or
  two ambiguous ones); a sentence-like line needs 3; a line over ``LONG_WORDS`` words never is,
  so a news paragraph that merely mentions a donation or Twitter is never one.
- ``FILLER``: no such weight, but short and not ending a sentence ("News Room", a headline in a
  "Related" list, a menu item): neutral.
- ``CONTENT``: everything else.

Tail: the footer starts at the ``BOILER`` line that maximises the score of everything after it:
``BOILER`` lines add their cue weight, menu-sized ``FILLER`` lines ``MENU_SCORE``, other fillers
nothing, and ``CONTENT`` lines subtract ``CONTENT_BASE + words / CONTENT_WORDS``. The start then
moves up over menu-sized fillers right above it ("Environment", a tag). So the cut begins on boilerplate, and a
sentence-like line inside a footer ("Who will be eaten first? Our forum rules are ...", a teaser of
another story) is taken along only when more boilerplate weight sits between it and the article
than the line itself weighs; a news paragraph is never cut for a share bar that follows it.
Some corpora hold a whole article on one line with its footer glued to the end, so the same search
then runs over the sentences of the last kept line ("... said Owen. Copyright 2018 The Associated
Press. All rights reserved. This material may not be published ...").

Head: leading ``BOILER`` lines are cut ("This story is from ...", share bars); fillers there are
titles and stay. Inside: short stray boilerplate lines between paragraphs ("Advertisement",
"READ MORE: <another story's headline>", "Image copyright AP") are cut too (``is_stray``), so
another story's headline cannot pass for this one's news.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

# Chosen on the footer test set and the gold articles (eval/boilerplate.py): footer lines are
# at most ~12 words unless they carry two or more cues; news paragraphs are rarely under 13 words.
SHORT_WORDS = 12
LONG_WORDS = 60
# Headlines in "Related"/"Next story" lists run to ~25 words; news paragraphs end with punctuation.
FILLER_WORDS = 25
# A content line weighs -(5 + words / 8): even a one-word fragment outweighs two stray lines
# ("Advertisement", "Read more: ...", 2 each) above it, and a 30-word paragraph (-8.75) would
# need five unambiguous footer lines between it and the article to be cut. The glued-footer check
# in eval/boilerplate.py (every fixture footer under every gold article, with and without stray
# lines above the last paragraph) is how 5 was chosen over 4.
CONTENT_BASE = 5.0
CONTENT_WORDS = 8.0
# Menu items ("Home", "About us", "Live TV") nudge a footer along a little.
MENU_WORDS = 3
MENU_SCORE = 0.5
# The walk back stops once the lines behind the best cut so far weigh this much less than it: to
# move the cut further up, more than 60 weight of boilerplate (30 unambiguous lines) would have
# to sit inside the article. Keeps the walk short on long articles.
MAX_DEFICIT = 60.0
# "Apps & Co." or "Acme Ltd." in a menu is not the end of a sentence.
_SENTENCE_END_RE = re.compile(r"(?<!\bCo)(?<!\bInc)(?<!\bLtd)(?<!\bCorp)[.!?…][\"'”’»)\]]*\s*$")
# A sentence ends at . ! ? … (plus closing quotes/brackets) followed by space; crude, but only
# used on the last paragraph, where a wrong split can only stop the walk early.
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+")


class LineKind(StrEnum):
    BOILER = "boiler"
    FILLER = "filler"
    CONTENT = "content"


@dataclass(frozen=True)
class Cue:
    name: str
    weight: int
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Verdict:
    kind: LineKind
    weight: int  # summed cue weights
    words: int

    @property
    def score(self) -> float:
        """What the line adds to a candidate footer (see the module docstring)."""
        if self.kind is LineKind.BOILER:
            return float(self.weight)
        if self.kind is LineKind.FILLER:
            return MENU_SCORE if self.words <= MENU_WORDS else 0.0
        return -(CONTENT_BASE + self.words / CONTENT_WORDS)


@dataclass(frozen=True)
class Line:
    text: str
    start: int  # offset of the line in the text it came from
    end: int


@dataclass(frozen=True)
class Trim:
    """The kept text, the lines cut from each end and the stray lines cut inside (in text order)."""

    text: str
    head: tuple[str, ...] = ()
    tail: tuple[str, ...] = ()
    inner: tuple[str, ...] = ()

    @property
    def removed(self) -> tuple[str, ...]:
        return self.head + self.inner + self.tail


@cache
def load_cues() -> tuple[Cue, ...]:
    """Read ``data/boilerplate.tsv`` (``cue<TAB>weight<TAB>regex``; ``#`` lines are comments)."""
    raw = resources.files(__package__).joinpath("data/boilerplate.tsv").read_text("utf-8")
    cues = []
    for row in raw.splitlines():
        if not row.strip() or row.startswith("#"):
            continue
        name, weight, pattern = row.split("\t", 2)
        cues.append(Cue(name, int(weight), re.compile(pattern, re.IGNORECASE)))
    return tuple(cues)


def cues_of(line: str) -> tuple[str, ...]:
    return tuple(c.name for c in load_cues() if c.pattern.search(line))


def cue_weight(line: str) -> int:
    return sum(c.weight for c in load_cues() if c.pattern.search(line))


def judge(line: str) -> Verdict:
    words = len(line.split())
    if words > LONG_WORDS:  # never boilerplate (and too long to be a filler): skip the patterns
        return Verdict(LineKind.CONTENT, 0, words)
    ends_sentence = bool(_SENTENCE_END_RE.search(line))
    weight = cue_weight(line)
    needed = 2 if words <= SHORT_WORDS or not ends_sentence else 3
    if weight >= needed:
        return Verdict(LineKind.BOILER, weight, words)
    if words <= FILLER_WORDS and not ends_sentence:
        return Verdict(LineKind.FILLER, weight, words)
    return Verdict(LineKind.CONTENT, weight, words)


def classify(line: str) -> LineKind:
    return judge(line).kind


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their offsets in ``text``."""
    return [
        Line(m.group(), m.start(), m.end())
        for m in re.finditer(r"[^\n]+", text)
        if m.group().strip()
    ]


def footer_start(lines: list[Line]) -> int | None:
    """Index in ``lines`` where the trailing boilerplate begins, or None."""
    verdicts: dict[int, Verdict] = {}
    running = best = 0.0
    start = None
    for i in range(len(lines) - 1, -1, -1):
        verdict = _verdict(verdicts, lines, i)
        running += verdict.score
        # Strictly greater: on a tie keep the later (shorter) cut.
        if verdict.kind is LineKind.BOILER and running > best:
            best, start = running, i
        if running < best - MAX_DEFICIT:
            break
    # Menu-sized fillers right above the footer ("Environment", a tag) belong to it.
    while start is not None and start > 0:
        above = _verdict(verdicts, lines, start - 1)
        if above.kind is not LineKind.FILLER or above.words > MENU_WORDS:
            break
        start -= 1
    return start


def _verdict(cache: dict[int, Verdict], lines: list[Line], i: int) -> Verdict:
    if i not in cache:
        cache[i] = judge(lines[i].text)
    return cache[i]


def split_sentences(line: str) -> list[Line]:
    starts = [0] + [m.end() for m in _SENTENCE_SPLIT_RE.finditer(line)]
    ends = starts[1:] + [len(line)]
    return [Line(line[a:b], a, b) for a, b in zip(starts, ends, strict=True) if line[a:b].strip()]


def sentence_footer_start(line: str) -> int | None:
    """Offset in ``line`` where trailing boilerplate sentences begin, or None."""
    sentences = split_sentences(line)
    at = footer_start(sentences)
    return None if at is None else sentences[at].start


def header_end(lines: list[Line]) -> int:
    """Number of leading boilerplate lines."""
    n = 0
    while n < len(lines) and classify(lines[n].text) is LineKind.BOILER:
        n += 1
    return n


def is_stray(line: str) -> bool:
    """A short boilerplate line inside the article ("Advertisement", "READ MORE: <headline>",
    "Image copyright AP"): a ``BOILER`` line of at most ``SHORT_WORDS`` words that does not end a
    sentence, so no news sentence can be one."""
    verdict = judge(line)
    return (
        verdict.kind is LineKind.BOILER
        and verdict.words <= SHORT_WORDS
        and not _SENTENCE_END_RE.search(line)
    )


def trim_boilerplate(text: str) -> Trim:
    """Cut leading and trailing boilerplate and stray boilerplate lines inside.

    The kept text is ``text`` between the first and last kept line, stripped, minus each stray
    line and the blank lines after it; nothing else in it changes.
    """
    lines = split_lines(text)
    tail_at = footer_start(lines)
    body = lines if tail_at is None else lines[:tail_at]
    tail = [] if tail_at is None else [x.text for x in lines[tail_at:]]
    head_n = header_end(body)
    head = tuple(x.text for x in body[:head_n])
    kept = body[head_n:]
    if not kept:
        return Trim("", head, tuple(tail))
    last = kept[-1]
    end = last.end
    cut = sentence_footer_start(last.text)
    if cut is not None:
        tail.insert(0, last.text[cut:].strip())
        end = last.start + cut
    stray = [i for i in range(1, len(kept) - 1) if is_stray(kept[i].text)]
    pieces, at = [], kept[0].start
    for i in stray:
        pieces.append(text[at : kept[i].start])
        at = kept[i + 1].start
    pieces.append(text[at:end])
    inner = tuple(kept[i].text.strip() for i in stray)
    return Trim("".join(pieces).strip(), head, tuple(tail), inner)
