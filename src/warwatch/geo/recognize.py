"""Place mentions in a parsed document, with the distinctions that matter for event coding.

Mentions come from spaCy's entities (GPE, LOC, FAC) plus a gazetteer matcher for proper-noun
runs the tagger missed. Each mention is classified:

- ``demonym``: "Armenian", "Azerbaijani forces" (NORP, or a name that is only a demonym in the
  gazetteer): country context, not a place; not returned as a place.
- ``org_alias``: a short form of an organisation named in the same document ("Amnesty" after
  "Amnesty International"): not a place.
- ``person_alias``: a word of a person's name given in full in the same document ("Buhari"
  after "Muhammadu Buhari"): not a place, unless it is also a sizeable one.
- ``title``: inside a job title ("Director for Eastern Europe and Central Asia"): mentioned,
  never an event place.
- ``metonymic``: a place standing for its government or team ("Turkey shells ...", "Russia
  said"): the subject of a verb of doing or saying; mentioned, never an event place.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .gazetteer import SKELETON_MATCH, Gazetteer
from .store import DEMONYM
from .words import (
    ACTOR_NOUNS,
    NOT_PLACES,
    OFFICE_WORDS,
    ORG_WORDS,
    PART_NOUNS,
    SETTLEMENT_NOUNS,
    TITLE_WORDS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# "for"/"on" name a portfolio ("Director for Eastern Europe", "Rapporteur on Myanmar"); "of"
# only after an office-like noun ("head of the Asia desk"): "Governor of Hawaii" names a real
# jurisdiction, and GeoWebNews annotates it as a literal place.
TITLE_PREPS = frozenset({"for", "on"})

# Subjects of these dependency roles stand for an actor when the place is the grammatical
# subject of an active verb (metonymy: "Turkey shells ...", "Moscow denied ...").
SUBJECT_DEPS = frozenset({"nsubj"})
# A place modifying a noun for people or institutions acting for it stands for the state
# (GeoWebNews "Non_Literal_Modifier"): "U.S. officials", "Syria's government".
MODIFIER_DEPS = frozenset({"compound", "poss", "amod", "nmod"})

# Proper-noun runs matched against the gazetteer only when the best candidate is at least this
# kind of place: a bare capitalised word that only names a village ("Amnesty", "Parkland") is far
# more often something else. 50,000 people: below it, false hits outnumbered true ones on
# GeoWebNews dev (eval/geo.py --e2e).
MATCHER_MIN_POP = 50_000
MATCHER_CODES = frozenset({"PCLI", "CONT", "ADM1", "RGN", "SEA", "OCN", "GULF", "PEN"})


# Prepositions after which a proper name is a place far more often than not.
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "outside", "into", "around", "from", "across", "towards", "toward"}
)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # character offsets
    end: int
    text: str
    source: str  # "ner:GPE" | "gazetteer"
    demonym: bool = False
    org_alias: bool = False
    person_alias: bool = False
    title: bool = False
    metonymic: bool = False
    modifier: bool = False  # "U.S. officials", "Pakistan's parliament": stands for the state

    @property
    def is_place(self) -> bool:
        return not (self.demonym or self.org_alias or self.person_alias)

    @property
    def can_be_event(self) -> bool:
        return self.is_place and not (self.title or self.metonymic or self.modifier)


def find_mentions(doc: Doc, gaz: Gazetteer) -> list[Mention]:
    """Every candidate place mention in ``doc``, classified, in text order."""
    # doc.ents and doc[i] build new Python objects on every access; the scans below read each
    # token several times, so the entities and tokens are materialised once (bench/geo_bench.py).
    ents = tuple(doc.ents)
    toks = list(doc)
    org_words = _org_first_words(ents)
    spans: list[tuple[Span, str]] = [
        (_trim(e), f"ner:{e.label_}") for e in ents if e.label_ in PLACE_LABELS
    ]
    spans += [(_trim(e), "ner:NORP") for e in ents if e.label_ == "NORP"]
    spans += [(_trim(e), "ner:relabel") for e in _mislabelled(ents, gaz, spans)]
    # A place name is capitalised; the small model tags the odd common noun GPE ("veranda").
    spans = [(sp, src) for sp, src in spans if len(sp) and sp.text[:1].isupper()]
    spans += [(s, "gazetteer") for s in _matcher_spans(doc, toks, ents, gaz)]
    spans += [(s, "gazetteer:locative") for s in _locative_spans(doc, toks, gaz, spans)]
    spans += [(s, "pattern:settlement") for s in _settlement_spans(doc, toks, ents, spans)]
    # Words of people's names, less those the text also puts where only a place goes ("in
    # Kasba Bonli", "the town of Kasba Bonli", which the tagger calls a person elsewhere).
    person_words = _person_words(ents) - {sp.text for sp, _ in spans if _after_locative(sp)}
    out = sorted(
        (_classify(span, src, gaz, org_words, person_words) for span, src in spans),
        key=lambda m: m.start,
    )
    return _spread_titles(out, doc.text)


# Labels the small English model gives to place names it does not know ("Nagorno Karabakh"
# PERSON, "The Nagorno-Karabakh" WORK_OF_ART).
RELABEL = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "EVENT", "NORP", "LANGUAGE"})
AREA_CODES = frozenset({"PCLI", "CONT", "ADM1", "RGN", "SEA", "OCN", "GULF", "PEN", "PLAT"})


def _mislabelled(
    ents: tuple[Span, ...], gaz: Gazetteer, places: list[tuple[Span, str]]
) -> list[Span]:
    """Entities with another label that are places: the same words are a place elsewhere in
    the document (one sense per discourse), or, for names of two words or more, the gazetteer
    knows them as a country, division, region or sea."""
    known = {sp.text for sp, src in places if src != "ner:NORP"}
    out = []
    for e in ents:
        if e.label_ not in RELABEL or e.label_ == "NORP":
            continue
        t = _trim(e)
        if not len(t):
            continue
        if t.text in known or (len(t) > 1 and _is_area(gaz, t.text)):
            out.append(t)
    return out


def _is_area(gaz: Gazetteer, text: str) -> bool:
    return any(
        c.kind not in (DEMONYM, SKELETON_MATCH) and c.feature_code in AREA_CODES
        for c in gaz.candidates(text)
    )


def _trim(span: Span) -> Span:
    """Drop a leading determiner and a trailing possessive: the place is "Pacific Ocean" in
    "the Pacific Ocean", "Ukraine" in "Ukraine's" (gold toponym spans exclude both)."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end]


def _spread_titles(found: list[Mention], text: str) -> list[Mention]:
    """'Director for Eastern Europe and Central Asia': a place coordinated with a title's place
    is part of the title too, whatever the parser attached it to."""
    for k in range(1, len(found)):
        prev, cur = found[k - 1], found[k]
        if prev.title and not cur.title and text[prev.end : cur.start].strip() in ("and", ",", "&"):
            found[k] = replace(cur, title=True)
    return found


def _classify(
    span: Span, source: str, gaz: Gazetteer, org_words: set[str], person_words: set[str]
) -> Mention:
    text = span.text
    # spaCy tags some town names NORP ("Aleppo"); a NORP span is a demonym only when the
    # gazetteer knows it as one or knows no place by that name.
    demonym = _only_demonym(gaz, text) or (source == "ner:NORP" and not _has_place(gaz, text))
    # "Amnesty" after "Amnesty International": a short form of an organisation named in the same
    # document, unless the word is also a sizeable place ("Turkey" of "Turkey Airlines").
    org_alias = not demonym and text in org_words and not _sizeable(gaz, text)
    # An unknown name with an organisation word in it ("International Amnesty") is an org.
    org_alias = org_alias or (
        not demonym and bool(ORG_WORDS & set(text.lower().split())) and not gaz.candidates(text)
    )
    # "Buhari" where the text also says "Muhammadu Buhari": the man, one sense per discourse.
    person_alias = (
        not demonym
        and not org_alias
        and source != "ner:FAC"  # "Trump Tower": a building named for a person
        and text in person_words
        and not _sizeable(gaz, text)
    )
    return Mention(
        start=span.start_char,
        end=span.end_char,
        text=text,
        source=source,
        demonym=demonym,
        org_alias=org_alias,
        person_alias=person_alias,
        title=_in_job_title(span.root),
        metonymic=_metonymic(span),
        modifier=_actor_modifier(span),
    )


def _has_place(gaz: Gazetteer, text: str) -> bool:
    return any(c.kind not in (DEMONYM, SKELETON_MATCH) for c in gaz.candidates(text))


def _only_demonym(gaz: Gazetteer, text: str) -> bool:
    cands = gaz.candidates(text)
    return bool(cands) and all(c.kind == DEMONYM for c in cands)


def _org_first_words(ents: tuple[Span, ...]) -> set[str]:
    """First words of organisation names ("Amnesty" of "Amnesty International")."""
    return {e[0].text for e in ents if e.label_ == "ORG" and len(e) > 1}


def _person_words(ents: tuple[Span, ...]) -> set[str]:
    """The full names of people named with two words or more, and each of their words."""
    out: set[str] = set()
    for e in ents:
        if e.label_ == "PERSON" and len(e) > 1:
            out.add(e.text)
            out.update(t.text for t in e if t.text[:1].isupper())
    return out


def _after_locative(span: Span) -> bool:
    """ "in X", "near the X", "the town of X": a position only a place takes."""
    i = span.start - 1
    if i >= 0 and span.doc[i].lower_ == "the":
        i -= 1
    if i < 0:
        return False
    prev = span.doc[i]
    if prev.lower_ in LOCATIVE_PREPS:
        return True
    return prev.lower_ == "of" and prev.head.lemma_.lower() in SETTLEMENT_NOUNS


def _in_job_title(token: Token) -> bool:
    """True when the mention hangs off a title noun through for/of/on ('Director for Asia')."""
    node = token
    for _ in range(5):  # conjuncts and compounds sit a few arcs below the preposition
        head = node.head
        if head is node:
            return False
        if node.dep_ == "pobj" and head.lower_ in TITLE_PREPS:
            return head.head.lemma_.lower() in TITLE_WORDS
        if node.dep_ == "pobj" and head.lower_ == "of":
            return head.head.lemma_.lower() in OFFICE_WORDS
        node = head
    return False


def _actor_modifier(span: Span) -> bool:
    """ "U.S. officials", "Russia's ambassador", "Britain's decision": the state, not a
    location. A possessive of a part of the place ("Sarajevo's streets") stays literal."""
    root = span.root
    head = root.head.lemma_.lower()
    if root.dep_ in MODIFIER_DEPS and head in ACTOR_NOUNS:
        return True
    return root.dep_ == "poss" and head not in SETTLEMENT_NOUNS and head not in PART_NOUNS


def _metonymic(span: Span) -> bool:
    root = span.root
    # "Russia and China vetoed ...": a conjunct shares the role of the first member.
    for _ in range(5):
        if root.dep_ != "conj" or root.head is root:
            break
        root = root.head
    if root.dep_ not in SUBJECT_DEPS:
        return False
    verb = root.head
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_ != "be"


def _matcher_spans(
    doc: Doc, toks: list[Token], ents: tuple[Span, ...], gaz: Gazetteer
) -> list[Span]:
    """Proper-noun runs (up to 3 tokens) outside entities that name a sizeable place."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    i = 0
    while i < len(toks):
        if i in taken or toks[i].pos_ != "PROPN" or not toks[i].text[:1].isupper():
            i += 1
            continue
        for n in (3, 2, 1):
            span = doc[i : i + n]
            if len(span) < n or any(j in taken or toks[j].pos_ != "PROPN" for j in range(i, i + n)):
                continue
            if _plausible(span) and _sizeable(gaz, span.text):
                out.append(span)
                i += n - 1
                break
        i += 1
    return out


def _locative_spans(
    doc: Doc, toks: list[Token], gaz: Gazetteer, found: list[tuple[Span, str]]
) -> list[Span]:
    """Names right after a locative preposition ("in Lashkar Gah", "near Damboa") that the
    gazetteer knows, whatever their size or the tagger's label (it often calls small towns
    PERSON or ORG): the preposition is the evidence a small place needs."""
    taken = {i for s, _ in found for i in range(s.start, s.end)}
    out = []
    for tok in toks:
        if tok.lower_ not in LOCATIVE_PREPS or tok.i + 1 >= len(toks):
            continue
        start = tok.i + 1 + (toks[tok.i + 1].lower_ == "the")
        if start >= len(toks) or start in taken or not toks[start].text[:1].isupper():
            continue
        for n in (3, 2, 1):
            span = doc[start : start + n]
            if len(span) < n or any(
                j in taken or toks[j].pos_ != "PROPN" for j in range(start, start + n)
            ):
                continue
            if _plausible(span) and _has_place(gaz, span.text):
                out.append(span)
                taken.update(range(span.start, span.end))
                break
    return out


def _plausible(span: Span) -> bool:
    text = span.text
    if len(span) == 1 and (text.lower() in NOT_PLACES or (text.isupper() and len(text) <= 4)):
        return False
    return not (
        len(span) == 1
        and span[0].is_sent_start
        and span[0].i + 1 < len(span.doc)
        and span.doc[span[0].i + 1].pos_ == "PROPN"
    )  # "Kelly Smith" at a sentence start


def _settlement_spans(
    doc: Doc, toks: list[Token], ents: tuple[Span, ...], found: list[tuple[Span, str]]
) -> list[Span]:
    """ "the town of Khan Touman", "the province of Al-Raqqa": the name after "<settlement
    noun> of" is a place even when no gazetteer knows it (it then stays unresolved)."""
    taken = {i for s, _ in found for i in range(s.start, s.end)}
    taken |= {
        i for e in ents if e.label_ in ("DATE", "TIME", "CARDINAL") for i in range(e.start, e.end)
    }
    out = []
    for tok in toks:
        if tok.lower_ != "of" or tok.head.lemma_.lower() not in SETTLEMENT_NOUNS:
            continue
        end = start = tok.i + 1
        while (
            end < len(toks) and end - start < 4 and end not in taken and toks[end].pos_ == "PROPN"
        ):
            end += 1
        if end > start and toks[start].text[:1].isupper():
            span = doc[start:end]
            out.append(span)
            taken.update(range(start, end))
    return out


def _sizeable(gaz: Gazetteer, text: str) -> bool:
    for c in gaz.candidates(text):
        if c.kind in (DEMONYM, SKELETON_MATCH):
            continue
        if c.feature_code in MATCHER_CODES or c.population >= MATCHER_MIN_POP:
            return True
    return False
