"""Conservative whitespace normalisation of decoded text.

Done once, before boilerplate trimming: the result (after trimming) is ``Article.text``, the string
every later offset points into, so nothing downstream may re-normalise it.
"""

from __future__ import annotations

import re

# Line separators other than "\n" that str.splitlines() and spaCy would treat as line breaks.
_BREAKS_RE = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_TRAILING_SPACE_RE = re.compile(r"[ \t\u00a0\u3000]+$", re.MULTILINE)
_BLANK_RUN_RE = re.compile(r"\n{3,}")


def normalise_whitespace(text: str) -> str:
    """One kind of line break, no trailing spaces, at most one blank line in a row, stripped.

    Spaces inside a line, tabs that start a line and every other character are left as they are.
    """
    text = text.lstrip("\ufeff")
    text = _BREAKS_RE.sub("\n", text)
    text = _TRAILING_SPACE_RE.sub("", text)
    text = _BLANK_RUN_RE.sub("\n\n", text)
    return text.strip()
