"""Weapons in text: designations and types linked to the catalogue (``find_weapons``).

One spaCy ``PhraseMatcher`` over every catalogue alias (and its spelling variants) on the ``LOWER``
attribute, built once per vocabulary and cached. Matching is spaCy's; the Python work after it is
per match, never per token x catalogue entry.

Origin: "Israeli-made", "made in Israel", "of Israeli manufacture" next to a weapon set
``origin_country`` from the text, and the text wins over the catalogue. Why: the catalogue gives
the designer's country, but licensed copies and clones are common (Grad rockets are produced in
a dozen countries), and the report is the evidence the record must follow. The catalogue's
origin stays available through ``catalogue_id`` (``catalogue.load_catalogue()[id].origin_country``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Weapon
from .catalogue import CatalogueEntry, load_catalogue, spelling_variants
from .origin import origin_in_text

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Span
    from spacy.vocab import Vocab

# Catalogue ids of generic rows that carry no more than "some weapon of this kind": when one
# directly follows a named system ("Grad rockets", "Iskander missiles") it is the same mention.
_ABSORBABLE_CATEGORIES = {"explosive weapon", "explosive weapon with wide-area effects"}
# Single words that are also ordinary English in other senses; a match is dropped when the
# neighbouring word shows that sense ("think tank", "fuel tank", "coal mine", "The Lancet").
_FALSE_FRIENDS: dict[str, set[str]] = {
    "tank": {"think", "fuel", "water", "oil", "gas", "septic", "storage", "fish", "petrol"},
    "tanks": {"think", "fuel", "water", "oil", "gas", "septic", "storage", "fish", "petrol"},
    "mine": {"coal", "gold", "copper", "diamond", "salt", "iron", "uranium", "open-pit"},
    "mines": {"coal", "gold", "copper", "diamond", "salt", "iron", "uranium", "open-pit"},
    "lancet": {"the"},
    "shell": {"royal", "dutch"},
}


_MODIFIER_POS = {"DET", "ADJ", "NUM", "NOUN", "PROPN"}


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> PhraseMatcher:
    """The PhraseMatcher for one vocabulary; match ids are catalogue ids."""
    import spacy
    from spacy.matcher import PhraseMatcher

    tokenizer = spacy.blank("en", vocab=vocab).tokenizer
    matcher = PhraseMatcher(vocab, attr="LOWER")
    for entry in load_catalogue().values():
        texts = {v for alias in entry.aliases for v in spelling_variants(alias)}
        matcher.add(entry.id, [tokenizer(t) for t in sorted(texts)])
    return matcher


def _is_name_like(entry: CatalogueEntry, span: Span) -> bool:
    """Named systems written as plain words ("Grad", "Lancet") must be capitalised as names."""
    if entry.generic or any(c.isdigit() for c in span.text):
        return True
    doc_is_upper = span.doc.text.isupper()
    return doc_is_upper or not span.text.islower()


def _plausible(entry: CatalogueEntry, span: Span) -> bool:
    if not _is_name_like(entry, span):
        return False
    if len(span) == 1:
        token = span[0]
        if token.pos_ == "PRON" or (not entry.generic and token.ent_type_ == "PERSON"):
            return False  # "mine" the pronoun; "Iskander" the given name
        friends = _FALSE_FRIENDS.get(token.lower_, set())
        prev = span.doc[span.start - 1].lower_ if span.start > 0 else ""
        nxt = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        if prev in friends or (token.lower_ == "shell" and nxt in {"company", "oil", "plc"}):
            return False
        # The noun "mine" takes a determiner or modifier ("a mine", "anti-tank mine"); the
        # pronoun never does ("not mine"), and the tagger confuses the two.
        if token.lower_ == "mine" and (
            span.start == 0 or span.doc[span.start - 1].pos_ not in _MODIFIER_POS
        ):
            return False
    return True


def _candidate_spans(span: Span) -> list[tuple[CatalogueEntry, Span]]:
    from spacy.util import filter_spans

    catalogue = load_catalogue()
    doc = span.doc
    found: dict[tuple[int, int], CatalogueEntry] = {}
    for match_id, start, end in _matcher(doc.vocab)(doc[span.start : span.end]):
        s, e = span.start + start, span.start + end
        entry = catalogue[doc.vocab.strings[match_id]]
        # Two entries may share an alias; the named system beats the generic type.
        if (s, e) not in found or found[(s, e)].generic:
            found[(s, e)] = entry
    spans = [doc[s:e] for s, e in found]
    kept = filter_spans([sp for sp in spans if _plausible(found[(sp.start, sp.end)], sp)])
    return [(found[(sp.start, sp.end)], sp) for sp in sorted(kept, key=lambda sp: sp.start)]


def _merge_generic_heads(
    pairs: list[tuple[CatalogueEntry, Span]],
) -> list[tuple[CatalogueEntry, Span]]:
    """ "M095 DPICM cluster bombs" -> one mention; "Smerch cluster rockets" stays two (the
    launcher is not a cluster munition, its rockets are)."""
    merged: list[tuple[CatalogueEntry, Span]] = []
    for entry, sp in pairs:
        if merged:
            prev_entry, prev_sp = merged[-1]
            adjacent = sp.start == prev_sp.end
            same = entry.category == prev_entry.category
            if (
                adjacent
                and entry.generic
                and not prev_entry.generic
                and (same or entry.category in _ABSORBABLE_CATEGORIES)
            ):
                merged[-1] = (prev_entry, sp.doc[prev_sp.start : sp.end])
                continue
        merged.append((entry, sp))
    return merged


def find_weapons(span: Span) -> list[Weapon]:
    """Weapon mentions in ``span`` (a sentence or a whole ``doc[:]``), in text order.

    Offsets are character offsets into the Doc's text. ``name``, ``kind`` and ``category`` come
    from the catalogue entry; ``origin_country`` from the text when it says so, else the entry.
    """
    weapons: list[Weapon] = []
    for entry, sp in _merge_generic_heads(_candidate_spans(span)):
        origin = origin_in_text(sp) or entry.origin_country
        weapons.append(
            Weapon(
                name=entry.name,
                kind=entry.kind,
                category=entry.category,
                origin_country=origin,
                start=sp.start_char,
                end=sp.end_char,
                catalogue_id=entry.id,
            )
        )
    return weapons
