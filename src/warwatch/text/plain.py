"""Conservative whitespace normalisation of decoded text (and mis-decoded cp1252 punctuation).

Done once, before boilerplate trimming: the result (after trimming) is ``Article.text``, the string
every later offset points into, so nothing downstream may re-normalise it.
"""

from __future__ import annotations

import re

# Line separators other than "\n" that str.splitlines() and spaCy would treat as line breaks.
_BREAKS_RE = re.compile(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_TRAILING_SPACE_RE = re.compile(r"[ \t\u00a0\u3000]+$", re.MULTILINE)
_BLANK_RUN_RE = re.compile(r"\n{3,}")


def _cp1252_c1_table() -> dict[int, str]:
    """C1 control -> the Windows-1252 character its byte stands for, where cp1252 defines one.

    Text written as Windows-1252 but decoded as ISO-8859-1 (or re-encoded by a tool that did)
    carries its curly quotes and dashes as C1 controls (U+0093 for a left double quote). Real
    C1 controls do not occur in prose, and browsers read them this way too (WHATWG HTML,
    "numeric character reference end state" table, https://html.spec.whatwg.org/#numeric-character-reference-end-state;
    WHATWG Encoding, iso-8859-1 labels mean windows-1252, https://encoding.spec.whatwg.org/#names-and-labels).
    U+0085 is left out: it is also NEL, a line break (handled in ``_BREAKS_RE``). Every entry
    maps one code point to one code point, so the text keeps its length and offsets.
    """
    table: dict[int, str] = {}
    for code in range(0x80, 0xA0):
        if code == 0x85:
            continue
        try:
            table[code] = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D: undefined in cp1252
            continue
    return table


_CP1252_C1 = _cp1252_c1_table()


def repair_cp1252_controls(text: str) -> str:
    """Mis-decoded Windows-1252 punctuation back to itself ('\x93no\x94' -> '\u201cno\u201d').

    One character for one, so offsets into the result are offsets into the input.
    """
    return text.translate(_CP1252_C1)


def normalise_whitespace(text: str) -> str:
    """One kind of line break, no trailing spaces, at most one blank line in a row, stripped.

    Spaces inside a line, tabs that start a line and every other character are left as they are,
    except C1 controls that are mis-decoded Windows-1252 punctuation (``repair_cp1252_controls``).
    """
    text = repair_cp1252_controls(text.lstrip("\ufeff"))
    text = _BREAKS_RE.sub("\n", text)
    text = _TRAILING_SPACE_RE.sub("", text)
    text = _BLANK_RUN_RE.sub("\n\n", text)
    return text.strip()
