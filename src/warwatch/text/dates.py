"""A publication date stated in a page's own header line ("This story is from March 10, 2002").

Used only when neither the user nor the page's metadata gave one. Only lines that the boilerplate
trimmer cut from the head *and* that carry the ``story_dated`` cue are read, so a date inside the
article (an event date) is never taken for the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from .boilerplate import cues_of

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_RES = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_YEAR}-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
)


def parse_date(line: str) -> dt.date | None:
    """The first written-out or ISO date in ``line``."""
    for pattern in _DATE_RES:
        m = pattern.search(line)
        if m is None:
            continue
        groups = m.groupdict()
        month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower()]
        try:
            return dt.date(int(groups["year"]), month, int(groups["day"]))
        except ValueError:
            continue
    return None


def header_date(head_lines: Iterable[str]) -> dt.date | None:
    """The date of the first dated header line among the lines cut from the head."""
    for line in head_lines:
        if "story_dated" in cues_of(line):
            found = parse_date(line)
            if found is not None:
                return found
    return None
