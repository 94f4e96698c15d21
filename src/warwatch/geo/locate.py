"""Event location: the place where one event (given by its trigger) happened.

Order of evidence, strongest first: a place attached to the trigger in the dependency tree
("used in Stepanakert", "shelling of Afrin"), the nearest place in the trigger's clause, the
nearest in its sentence, then the story's focus (the most mentioned resolved place, a town
before a region before a country). Places that cannot be event locations (metonymic subjects,
job titles, organisation short forms, demonyms) are never chosen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import GeoPrecision, Location, Place
from ..model import Span as OffsetSpan
from .words import SETTLEMENT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# How far (dependency arcs) a place may sit from the trigger and still be "its" place: the
# prepositional object of the trigger is 2 arcs away, of a noun below it 3-4.
MAX_TREE_DISTANCE = 4
LOCATIVE_PREPS = frozenset({"in", "at", "near", "on", "across", "outside", "inside", "into",
                            "from", "around", "of", "over", "towards", "toward", "throughout"})  # fmt: skip


CONTAINER_PENALTY = 3  # tree-distance units: the inner place wins over an outer one 1-2 arcs nearer


def precision_of(feature_code: str | None) -> GeoPrecision:
    code = feature_code or ""
    if code.startswith("PCL") or code in ("TERR", "CONT"):
        return GeoPrecision.COUNTRY
    if code.startswith("ADM") or code in ("RGN", "PEN", "PLAT", "SEA", "OCN", "GULF", "LK"):
        return GeoPrecision.REGION
    if code.startswith("PPL"):
        return GeoPrecision.TOWN
    return GeoPrecision.EXACT if code else GeoPrecision.UNKNOWN


_RANK = {GeoPrecision.EXACT: 0, GeoPrecision.TOWN: 1, GeoPrecision.REGION: 2,
         GeoPrecision.COUNTRY: 3, GeoPrecision.UNKNOWN: 4}  # fmt: skip


def choose(doc: Doc, trigger: OffsetSpan, places: Sequence[Place]) -> Place | None:
    """The event place for ``trigger`` among ``places`` (already filtered to possible ones)."""
    tspan = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if tspan is None or not places:
        return _focus(places)
    head = tspan.root
    sent = head.sent
    in_sent = [p for p in places if sent.start_char <= p.start < sent.end_char]
    tree = _by_tree(doc, head, in_sent)
    if tree is not None:
        return tree
    if in_sent:
        return min(in_sent, key=lambda p: (_rank_of(p), _token_gap(doc, head, p)))
    return _focus(places)


def _rank_of(p: Place) -> int:
    # Within a sentence a country rarely is the event place when a finer one is there.
    return 1 if precision_of(p.feature_code) == GeoPrecision.COUNTRY else 0


def _place_token(doc: Doc, p: Place) -> Token | None:
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    return span.root if span is not None else None


def _path_len(a: Token, b: Token) -> int | None:
    up_a = [a, *a.ancestors]
    up_b = {t.i: n for n, t in enumerate([b, *b.ancestors])}
    for n, t in enumerate(up_a):
        if t.i in up_b:
            return n + up_b[t.i]
    return None


def _container(tok: Token, place_tokens: set[int]) -> bool:
    """True for the outer place of "the West Bank town of Jenin" or "Mogadishu's Wadajir
    district": it modifies a settlement noun that itself names another place."""
    if tok.dep_ not in ("compound", "amod", "poss", "nmod"):
        return False
    noun = tok.head
    if noun.lemma_.lower() not in SETTLEMENT_NOUNS:
        return False
    inner = [c for c in noun.children if c.i != tok.i and c.i in place_tokens]
    inner += [
        g for c in noun.children if c.lower_ == "of" for g in c.children if g.i in place_tokens
    ]
    return bool(inner)


def _by_tree(doc: Doc, head: Token, places: Sequence[Place]) -> Place | None:
    best: tuple[int, int, Place] | None = None
    toks = {id(p): _place_token(doc, p) for p in places}
    place_tokens = {t.i for t in toks.values() if t is not None}
    for p in places:
        tok = toks[id(p)]
        if tok is None:
            continue
        dist = _path_len(head, tok)
        if dist is None or dist > MAX_TREE_DISTANCE:
            continue
        locative = tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS
        outer = CONTAINER_PENALTY if _container(tok, place_tokens) else 0
        key = (dist - (1 if locative else 0) + _rank_of(p) + outer, abs(tok.i - head.i))
        if best is None or key < best[:2]:
            best = (key[0], key[1], p)
    return best[2] if best else None


def _token_gap(doc: Doc, head: Token, p: Place) -> int:
    tok = _place_token(doc, p)
    return abs(tok.i - head.i) if tok is not None else len(doc)


def _focus(places: Sequence[Place]) -> Place | None:
    """The story's main place: most mentioned resolved place, finer before coarser, first first."""
    resolved = [p for p in places if p.geonameid is not None or p.latitude is not None]
    if not resolved:
        return None
    counts = Counter(p.geonameid or p.name for p in resolved)
    return min(
        resolved,
        key=lambda p: (
            _RANK[precision_of(p.feature_code)] >= _RANK[GeoPrecision.COUNTRY],
            -counts[p.geonameid or p.name],
            p.start,
        ),
    )


def to_location(p: Place, admin1: str | None) -> Location:
    return Location(
        name=p.name,
        start=p.start,
        end=p.end,
        latitude=p.latitude,
        longitude=p.longitude,
        geonameid=p.geonameid,
        country_code=p.country_code,
        admin1=admin1 or None,
        precision=precision_of(p.feature_code) if p.latitude is not None else GeoPrecision.UNKNOWN,
        score=p.score,
    )
