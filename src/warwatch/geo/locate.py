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
from .contain import as_town, within_holder
from .index import ensure_gazetteer
from .parts import in_named_town
from .seat import main_town
from .words import ACTOR_NOUNS, SETTLEMENT_NOUNS

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
    owners = [p for p in places if _is_owner(doc, p)]
    origins = [p for p in places if p not in owners and _is_origin(doc, p)]
    origins += [p for p in places if p not in owners + origins and _under(doc, p, origins)]
    literal = [p for p in places if p not in owners and p not in origins]
    tspan = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if tspan is None or not places:
        return _focus(literal) or _focus(origins) or _focus(owners)
    head = tspan.root
    sent = head.sent
    in_sent = [p for p in literal if sent.start_char <= p.start < sent.end_char]
    chosen = _by_tree(doc, head, in_sent)
    if chosen is None:
        # People's home ("residents of Hadrut", "women from Artsakh") is where the event was
        # only when the sentence names no other place ("residents of X protested").
        nearest = in_sent or [p for p in origins if sent.start_char <= p.start < sent.end_char]
        if nearest:
            chosen = min(nearest, key=lambda p: (_rank_of(p), _token_gap(doc, head, p)))
    if chosen is not None:
        here = in_sent + [p for p in origins if sent.start_char <= p.start < sent.end_char]
        text = doc.text  # spaCy rebuilds it from every token on each access
        found = within_holder(finer_inside(chosen, here), here, text, places)
        return as_town(in_named_town(found, here, text), text)
    # A state named only as an actor's owner ("the forces of Armenia") says at least where;
    # the owner of what was hit before the owner of the doer ("forces of A fired on the
    # positions of the forces of B": the fire fell in B).
    owned = [p for p in owners if sent.start_char <= p.start < sent.end_char]
    hit = [p for p in owned if not _in_subject(doc, p)]
    return _focus(literal) or _focus(hit) or _focus(owned) or _focus(owners)


# People named by where they come from or live: "residents of X", "women from X", "X villagers";
# and armed men named by their home or group ("Abala herdsmen", "Nyatura militiamen").
PEOPLE_NOUNS = frozenset(
    """resident inhabitant citizen native villager people woman child man refugee migrant
    family local worker student veteran farmer youth community herdsman herder militiaman
    fighter militant gunman rebel supporter""".split()  # noqa: SIM905
)
ORIGIN_PREPS = frozenset({"of", "from"})


def _is_origin(doc: Doc, p: Place) -> bool:
    """ "residents of Hadrut", "women and children from Artsakh", "Berdavan residents",
    "residents of Hadrut city in Nagorno Karabakh": the place the people are from, not
    necessarily where they acted."""
    tok = _place_token(doc, p)
    if tok is None:
        return False
    if tok.dep_ == "compound" and tok.head.lemma_.lower() in PEOPLE_NOUNS:
        return True
    node = _position(tok, set())
    for _ in range(4):  # up through "of"/"in" phrases and conjuncts to the people noun
        via = node.head
        if node.dep_ == "pobj" and via.lower_ in ORIGIN_PREPS and _people(via.head):
            return True
        if node.dep_ not in ("pobj", "prep", "compound", "conj", "appos") or node.head is node:
            return False
        node = node.head
    return False


def _people(tok: Token) -> bool:
    return tok.lemma_.lower() in PEOPLE_NOUNS


def _under(doc: Doc, p: Place, origins: Sequence[Place]) -> bool:
    """A place hanging off a people's home within a few arcs ("residents of Hadrut city in
    Nagorno Karabakh", "veterans from Armenia and the Republic of Artsakh") is their home too."""
    tok = _place_token(doc, p)
    homes = {t.i for o in origins if (t := _place_token(doc, o)) is not None}
    homes |= {t.head.i for o in origins if (t := _place_token(doc, o)) is not None}
    if tok is None or not homes:
        return False
    up = [tok.head, tok.head.head, tok.head.head.head]
    return any(t.i in homes and t.i != tok.i for t in up)


def _in_subject(doc: Doc, p: Place) -> bool:
    tok = _place_token(doc, p)
    return tok is not None and any(t.dep_ == "nsubj" for t in [tok, *tok.ancestors])


def _is_owner(doc: Doc, p: Place) -> bool:
    """ "the military forces of Armenia", "the Ministry of Defence of Azerbaijan": a place named
    as whose an actor is stands for the state or its government, as "Armenian forces" does, not
    for where the forces acted (GeoWebNews's "Non_Literal_Modifier"; the recogniser marks the
    possessive and compound forms "Armenia's forces", "Armenia forces")."""
    tok = _place_token(doc, p)
    for _ in range(2):  # "the Ministry of Defence of Armenia": up through one more "of"
        if tok is None or tok.dep_ != "pobj" or tok.head.lower_ != "of":
            return False
        noun = tok.head.head
        if noun.lemma_.lower() in ACTOR_NOUNS or noun.lower_ in ACTOR_NOUNS:
            return True
        tok = noun
    return False


def finer_inside(chosen: Place, places: Sequence[Place]) -> Place:
    """The finest place among ``places`` that lies inside ``chosen``: "near Vardenis city in
    Armenia", "near Chinari, Tavush" (the ACLED note form "Town, Province"): a sentence that
    names a town and the division or country holding it places the event in the town. Several
    towns inside: the one written nearest to the coarse name."""
    rank = _RANK[precision_of(chosen.feature_code)]
    if rank < _RANK[GeoPrecision.REGION] or chosen.latitude is None:
        return chosen
    inside = [
        p
        for p in places
        if p.latitude is not None
        and _RANK[precision_of(p.feature_code)] < rank
        and _contains(chosen, p)
    ]
    if not inside:
        return chosen
    return min(inside, key=lambda p: abs(p.start - chosen.start))


def _contains(area: Place, p: Place) -> bool:
    if not area.country_code or area.country_code != p.country_code:
        return False
    if precision_of(area.feature_code) == GeoPrecision.COUNTRY:
        return True
    code = area.feature_code or ""
    if not code.startswith(("ADM1", "ADM2")) or area.geonameid is None or p.geonameid is None:
        return False  # a region with no administrative code: containment unknown
    gaz = ensure_gazetteer()
    outer, inner = gaz.place(area.geonameid), gaz.place(p.geonameid)
    if outer is None or inner is None or not outer.admin1 or outer.admin1 != inner.admin1:
        return False
    return code.startswith("ADM1") or (bool(outer.admin2) and outer.admin2 == inner.admin2)


def _rank_of(p: Place) -> int:
    # Within a sentence a country rarely is the event place when a finer one is there.
    return 1 if precision_of(p.feature_code) == GeoPrecision.COUNTRY else 0


def _place_token(doc: Doc, p: Place) -> Token | None:
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    return span.root if span is not None else None


def _position(tok: Token, place_tokens: set[int]) -> Token:
    """Where a place name sits in the sentence: "near Vardenis city", "Davit Bek village was
    shelled": the settlement noun the name modifies stands in the name's place, unless that
    noun names another place too ("the West Bank town of Jenin")."""
    settlement = tok.dep_ in ("compound", "appos") and tok.head.lemma_.lower() in SETTLEMENT_NOUNS
    if settlement and not _container(tok, place_tokens) and tok.head.i not in place_tokens:
        return tok.head
    return tok


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
        pos = _position(tok, place_tokens)
        dist = _path_len(head, pos)
        if dist is None or dist > MAX_TREE_DISTANCE:
            continue
        locative = pos.dep_ == "pobj" and pos.head.lower_ in LOCATIVE_PREPS
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
    """The event location for place ``p``. A division (ADM1/ADM2) is put at its main town,
    as ACLED codes an event known only at region level (geo.seat); name, GeoNames id and the
    region precision still say that only the region is known."""
    lat, lon = p.latitude, p.longitude
    if p.geonameid is not None and (p.feature_code or "").startswith(("ADM1", "ADM2")):
        gaz = ensure_gazetteer()
        division = gaz.place(p.geonameid)
        town = main_town(gaz, division) if division is not None else None
        if town is not None:
            lat, lon = town[1], town[2]
    return Location(
        name=p.name,
        start=p.start,
        end=p.end,
        latitude=lat,
        longitude=lon,
        geonameid=p.geonameid,
        country_code=p.country_code,
        admin1=admin1 or None,
        precision=precision_of(p.feature_code) if p.latitude is not None else GeoPrecision.UNKNOWN,
        score=p.score,
    )
