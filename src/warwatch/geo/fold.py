"""Name keys: how a written place name becomes a lookup key.

``fold`` is the exact key (case, diacritics, punctuation and script folded); ``skeleton`` is a
looser key for spelling variants of transliterated names ("Terter"/"Tartar", "Khankendi"/
"Xankendi"): consonants only, doubled letters merged. The skeleton is only a fallback, and the
ranker penalises it (see ``resolve.py``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from unidecode import unidecode

_NON_WORD = re.compile(r"[^a-z0-9]+")
# Leading articles and abbreviations news text writes in more than one way.
_WORD_SUBS = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_LEADING = ("the ",)
# Transliteration digraphs that different romanisations write differently; mapped to one letter
# before vowels are dropped (kh/x: Azerbaijani vs Russian-based; q/k, w/v, z/s: Arabic and
# Caucasian romanisations; ph/f, j/dzh/zh/y).
_SKELETON_SUBS = (
    ("kh", "x"),
    ("gh", "g"),
    ("ph", "f"),
    ("dzh", "j"),
    ("zh", "j"),
    ("sh", "s"),
    ("ch", "c"),
    ("q", "k"),
    ("w", "v"),
    ("z", "s"),
    ("x", "k"),
)
# unidecode has no letter for schwa; Azerbaijani names romanise it as "e" (Xankəndi/Khankendi).
_PRE = str.maketrans({"ə": "e", "Ə": "E", "’": "", "ʼ": "", "ʻ": ""})
_VOWELS = re.compile(r"[aeiouy]")


@lru_cache(maxsize=200_000)
def fold(name: str) -> str:
    """Exact lookup key: ASCII, lower case, punctuation to single spaces, no leading "the"."""
    text = unidecode(name.translate(_PRE)).lower().replace("'", "").replace("`", "")
    text = _NON_WORD.sub(" ", text).strip()
    for lead in _LEADING:
        if text.startswith(lead):
            text = text[len(lead) :]
    words = [_WORD_SUBS.get(w, w) for w in text.split()]
    return " ".join(words)


def quick_fold(name: str) -> str:
    """``fold`` for the common case, cheaper: ASCII names skip transliteration and the cache.
    Used where every capitalised run of a text is tried (resolve.named_countries)."""
    if not name.isascii():
        return fold(name)
    text = _NON_WORD.sub(" ", name.lower().replace("'", "").replace("`", "")).strip()
    if text.startswith("the ") or any(w in _WORD_SUBS for w in text.split()):
        return fold(name)  # the rare forms with a rewrite rule
    return text


@lru_cache(maxsize=200_000)
def skeleton(name: str) -> str:
    """Loose key for spelling variants; empty when the name is too short to be safe."""
    key = fold(name).replace(" ", "")
    if len(key) < 5:  # short names collide too much once vowels go (measured on GeoNames P)
        return ""
    for src, dst in _SKELETON_SUBS:
        key = key.replace(src, dst)
    head, tail = key[0], _VOWELS.sub("", key[1:])
    out = [head]
    for ch in tail:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


def is_latin(name: str) -> bool:
    """True when the name is written (mostly) in Latin script: the only ones English text uses."""
    if name.isascii():
        return any(c.isalpha() for c in name)
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    latin = sum(1 for c in letters if ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF)
    return latin * 10 >= len(letters) * 9
