"""Find the publisher's name in a copyright line ("© 2021 Reuters. All rights reserved.")."""

from __future__ import annotations

import re
from collections.abc import Iterable

# "copyright" as a word counts only where it is a mark: at the line start, or before ©/year/"by".
_MARK_RE = re.compile(
    r"©|\(c\)|^\s*copyright\b|\bcopyright\b(?=\s*(?:©|\(c\)|(?:19|20)\d\d|by\b))",
    re.IGNORECASE,
)
# Credits of a picture, not of the page: "Image copyright Getty Images".
_MEDIA_CREDIT_RE = re.compile(r"\b(?:image|photo|picture|video|graphic)s?\s*$", re.IGNORECASE)
_LEADING_NOISE_RE = re.compile(
    r"^(?:\s|©|\(c\)|copyright\b|(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?|by\b|[,:;.|-])+",
    re.IGNORECASE,
)
# Where the name ends: a sentence stop, "All rights reserved", or a separator.
_NAME_END_RE = re.compile(
    r"\.\s|\.$|\s[|•·–—-]\s|\|\s*|\ball rights reserved\b|,\s*all\b"
    r"|,?\s+(?:LLC|Inc|Ltd|Limited|GmbH|plc|S\.A|Corp)\b\.?",
    re.IGNORECASE,
)
_TRAILING_YEAR_RE = re.compile(r"[\s,]*(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\s*$")
MAX_NAME_WORDS = 8  # "The Eastern Herald", "Associated Press"; longer is a sentence, not a name


def publisher_from_copyright(line: str) -> str | None:
    """The name after a © / (c) / Copyright mark, or None if the line has none."""
    m = _MARK_RE.search(line)
    if m is None or _MEDIA_CREDIT_RE.search(line[: m.start()]):
        return None
    rest = _LEADING_NOISE_RE.sub("", line[m.start() :])
    end = _NAME_END_RE.search(rest)
    name = rest[: end.start()] if end else rest
    name = _TRAILING_YEAR_RE.sub("", name).strip(" \t,;:-–—'\"")
    if not name or not name[0].isalnum() or len(name.split()) > MAX_NAME_WORDS:
        return None
    return name


def find_publisher(lines: Iterable[str]) -> str | None:
    """The first publisher named by a copyright line among ``lines``."""
    for line in lines:
        name = publisher_from_copyright(line)
        if name:
            return name
    return None
