"""Country of manufacture stated next to a weapon: "Israeli-made", "made in Israel",
"of Israeli manufacture", "Russian-produced". Supplier phrases ("supplied by") are not origin.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from .catalogue import read_data_csv

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

MADE_WORDS = frozenset({"made", "built", "manufactured", "produced", "designed"})
# How far from the weapon the phrase may sit, in tokens: "Israeli-made M095 DPICM" puts 3 tokens
# before; "Israeli-made cluster bombs" may also carry one adjective ("Israeli-made powerful ...").
_LEFT_WINDOW = 5
_RIGHT_WINDOW = 6


@cache
def _forms() -> dict[str, str]:
    """Lower-cased adjective or country name -> ISO2 (``data/demonyms.csv`` plus pycountry)."""
    import pycountry

    forms = {row["form"].lower(): row["iso2"] for row in read_data_csv("demonyms.csv")}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                forms.setdefault(value.lower(), country.alpha_2)
    return forms


def _country_before(span: Span, index: int) -> str | None:
    """ISO2 of the one- or two-word country form ending at token ``index`` (inclusive)."""
    doc = span.doc
    for width in (2, 1):
        start = index - width + 1
        if start < 0:
            continue
        text = doc[start : index + 1].text.lower()
        if text in _forms():
            return _forms()[text]
    return None


def _country_after(span: Span, index: int) -> str | None:
    doc = span.doc
    for width in (3, 2, 1):
        end = index + width
        if end > len(doc):
            continue
        words = doc[index:end]
        text = words.text.lower()
        if text.startswith("the "):
            text = text[4:]
        if text in _forms():
            return _forms()[text]
    return None


def compound_origin(token: Token) -> str | None:
    """ISO2 from a one-token compound the tokenizer kept whole: "U.S.-made", "UK-built"."""
    prefix, sep, made = token.lower_.rpartition("-")
    return _forms().get(prefix) if sep and made in MADE_WORDS else None


def _origin_left(weapon: Span, sent_start: int) -> str | None:
    """ "<Country>-made" / "<Country> made" ending just before the weapon."""
    doc = weapon.doc
    for i in range(weapon.start - 1, max(sent_start, weapon.start - _LEFT_WINDOW) - 1, -1):
        found = compound_origin(doc[i])
        if found:
            return found
        if doc[i].lower_ in MADE_WORDS:
            j = i - 1 if i - 1 >= sent_start and doc[i - 1].text == "-" else i
            found = _country_before(weapon, j - 1) if j - 1 >= sent_start else None
            if found:
                return found
    return None


def _origin_right(weapon: Span, sent_end: int) -> str | None:
    """ "made in <Country>" / "of <Country> manufacture|origin" just after the weapon."""
    doc = weapon.doc
    for i in range(weapon.end, min(sent_end, weapon.end + _RIGHT_WINDOW)):
        if doc[i].lower_ in MADE_WORDS and i + 2 < len(doc) and doc[i + 1].lower_ == "in":
            found = _country_after(weapon, i + 2)
            if found:
                return found
        if doc[i].lower_ == "of":
            for k in (i + 2, i + 3):
                if k < len(doc) and doc[k].lower_ in {"manufacture", "origin", "make"}:
                    found = _country_before(weapon, k - 1)
                    if found:
                        return found
    return None


def origin_in_text(weapon: Span) -> str | None:
    """ISO2 of the country the text says made ``weapon``, or None."""
    doc = weapon.doc
    sentenced = doc.has_annotation("SENT_START")
    sent_start = weapon.sent.start if sentenced else 0
    sent_end = weapon.sent.end if sentenced else len(doc)
    return _origin_left(weapon, sent_start) or _origin_right(weapon, sent_end)
