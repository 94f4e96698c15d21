"""Context relations between states, kept apart from incidents: arms supply and alliances.

"Israel is one of the major arms suppliers to Azerbaijan" -> arms_supplier IL -> AZ;
"X supplies/sells weapons to Y"; "Y bought drones from X"; "Turkey, allied with Azerbaijan" ->
ally TR -> AZ; "X's ally Y" / "Y, an ally of X". Countries are resolved from names and demonyms
(countries.py). Read from the parsed Doc only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Relation
from .countries import iso2
from .doccache import entities, sentence_at

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ARMS = frozenset(
    [
        "arms",
        "weapon",
        "weapons",
        "munition",
        "munitions",
        "ammunition",
        "drone",
        "drones",
        "missile",
        "missiles",
        "rocket",
        "rockets",
        "tank",
        "tanks",
        "aircraft",
        "jet",
        "jets",
        "artillery",
        "military",
        "equipment",
        "hardware",
    ]
)
SUPPLIER_NOUNS = frozenset({"supplier", "exporter", "provider", "seller", "vendor"})
SUPPLY_VERBS = frozenset({"supply", "sell", "export", "deliver", "provide", "ship", "transfer"})
BUY_VERBS = frozenset({"buy", "purchase", "import", "acquire", "procure", "receive"})


def find_relations(doc: Doc) -> list[Relation]:
    out: list[Relation] = []
    for token in doc:
        rel = _relation_at(token)
        if rel is not None and rel not in out and rel.subject != rel.object:
            out.append(rel)
    return out


def _relation_at(token: Token) -> Relation | None:
    lemma = token.lemma_.lower()
    if lemma in SUPPLIER_NOUNS and _has_arms(token):
        return _supplier_noun(token)
    if token.pos_ == "VERB" and lemma in SUPPLY_VERBS and _arms_object(token):
        return _pair("arms_supplier", _subject(token), _prep_obj(token, ("to",)), token)
    if token.pos_ == "VERB" and lemma in BUY_VERBS and _arms_object(token):
        return _pair("arms_supplier", _prep_obj(token, ("from",)), _subject(token), token)
    if token.lower_ in ("allied", "aligned"):
        return _pair(
            "ally", _country_left(token, via_head=True), _prep_obj(token, ("with",)), token
        )
    if lemma == "ally" and token.pos_ == "NOUN":
        return _ally_noun(token)
    return None


def _has_arms(token: Token) -> bool:
    near = [c.lower_ for c in token.children] + [token.doc[token.i - 1].lower_ if token.i else ""]
    return any(w in ARMS for w in near)


def _arms_object(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ in ("dobj", "obj") and (
            child.lower_ in ARMS or any(c.lower_ in ARMS for c in child.subtree)
        ):
            return True
    return False


def _country(token: Token | None) -> tuple[str, int, int] | None:
    """(ISO2, start char, end char) of the country named at ``token`` (whole entity)."""
    if token is None:
        return None
    doc = token.doc
    for ent in entities(doc):
        if ent.start <= token.i < ent.end and ent.label_ in ("GPE", "NORP"):
            code = iso2(ent.text)
            if code:
                return code, ent.start_char, ent.end_char
    code = iso2(token.text)
    return (code, token.idx, token.idx + len(token)) if code else None


def _subject(verb: Token) -> Token | None:
    node = verb
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if node.head is node:
            return None
        node = node.head
    return None


def _prep_obj(token: Token, preps: tuple[str, ...]) -> Token | None:
    for child in token.children:
        if child.dep_ in ("prep", "dative") and child.lower_ in preps:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    # the parser often hangs "to Y" on a neighbour: take the first "to <country>" to the right
    sent = sentence_at(token.doc, token.idx)
    for t in token.doc[token.i + 1 : sent.end - 1]:
        if t.lower_ in preps and _country(token.doc[t.i + 1]) is not None:
            return token.doc[t.i + 1]
    return None


def _country_left(token: Token, *, via_head: bool) -> Token | None:
    if via_head and _country(token.head) is not None:
        return token.head
    for t in reversed(token.doc[sentence_at(token.doc, token.idx).start : token.i]):
        if _country(t) is not None:
            return t
    return None


def _supplier_noun(token: Token) -> Relation | None:
    obj = _prep_obj(token, ("to", "for", "of"))
    subject = _subject(token) if token.dep_ != "nsubj" else None
    if subject is None or _country(subject) is None:
        subject = _country_left(token, via_head=False)
    return _pair("arms_supplier", subject, obj, token)


def _ally_noun(token: Token) -> Relation | None:
    """ "Russia's ally Armenia" / "Armenia, an ally of Russia" / "Russia's ally"."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = _prep_obj(token, ("of",))
    other = token.head if token.dep_ == "appos" else None
    if other is None:
        other = next((c for c in token.children if c.dep_ == "appos"), None)
    if other is None:
        other = _subject(token)
    return _pair("ally", other, owner, token)


def _pair(kind: str, subject: Token | None, obj: Token | None, cue: Token) -> Relation | None:
    s, o = _country(subject), _country(obj)
    if s is None or o is None:
        return None
    start = min(s[1], o[1], cue.idx)
    end = max(s[2], o[2], cue.idx + len(cue))
    return Relation(type=kind, subject=s[0], object=o[0], start=start, end=end)
