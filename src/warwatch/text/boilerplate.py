"""Cut site boilerplate (footers, share bars, dated headers) off the ends of plain text.

General rules, no per-site lists. Each line is classed by the cues it matches (patterns in
``data/boilerplate.tsv``, each with a weight) and by its shape:

- ``BOILER``: enough cue weight for its length. A short line (<= ``SHORT_WORDS`` words) or one
  that does not end a sentence needs weight 2 (one unambiguous cue such as "©", "Follow us" or
  two ambiguous ones); a sentence-like line needs 3, a long one (> ``LONG_WORDS``) 4, so a news
  paragraph that merely mentions a donation or Twitter is never cut.
- ``FILLER``: no such weight, but short and not ending a sentence ("News Room", a headline in a
  "Related" list): neutral, cut only when it sits inside a footer.
- ``CONTENT``: everything else.

Tail: walk back from the last line over ``BOILER`` and ``FILLER`` lines; the footer starts at the
first ``BOILER`` line of that run (fillers before it are kept), and nothing is cut unless the run
holds a ``BOILER`` line. A ``CONTENT`` line always stops the walk, so a news paragraph is never cut.
Lines longer than ``LONG_WORDS`` words are always ``CONTENT``: some corpora hold a whole article
on one line, with its footer glued to the end. So, last, the final kept line is split into
sentences and the same walk runs over them ("... said Owen. Copyright 2018 The Associated Press.
All rights reserved. This material may not be published ...").
Head: leading ``BOILER`` lines are cut ("This story is from ...", share bars); fillers there are
titles and stay.
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
FILLER_WORDS = 15
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")
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
class Line:
    text: str
    start: int  # offset of the line in the text it came from
    end: int


@dataclass(frozen=True)
class Trim:
    """The kept text and the lines cut from each end (in text order)."""

    text: str
    head: tuple[str, ...] = ()
    tail: tuple[str, ...] = ()

    @property
    def removed(self) -> tuple[str, ...]:
        return self.head + self.tail


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


def classify(line: str) -> LineKind:
    words = len(line.split())
    ends_sentence = bool(_SENTENCE_END_RE.search(line))
    weight = cue_weight(line)
    if words <= SHORT_WORDS or not ends_sentence:
        needed = 2
    elif words <= LONG_WORDS:
        needed = 3
    else:
        needed = 4  # unreachable for BOILER (see below); kept so the ladder reads whole
    if weight >= needed and words <= LONG_WORDS:
        return LineKind.BOILER
    if words <= FILLER_WORDS and not ends_sentence:
        return LineKind.FILLER
    return LineKind.CONTENT


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their offsets in ``text``."""
    return [
        Line(m.group(), m.start(), m.end())
        for m in re.finditer(r"[^\n]+", text)
        if m.group().strip()
    ]


def footer_start(lines: list[Line]) -> int | None:
    """Index in ``lines`` where the trailing boilerplate begins, or None."""
    first_boiler = None
    for i in range(len(lines) - 1, -1, -1):
        kind = classify(lines[i].text)
        if kind is LineKind.CONTENT:
            break
        if kind is LineKind.BOILER:
            first_boiler = i
    return first_boiler


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


def trim_boilerplate(text: str) -> Trim:
    """Cut leading and trailing boilerplate; the kept text is a slice of ``text``, stripped."""
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
    return Trim(text[kept[0].start : end].strip(), head, tuple(tail))
