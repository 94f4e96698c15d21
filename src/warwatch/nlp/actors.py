"""spaCy component ``warwatch_actors``: actor mentions from the actor dictionary.

Finds (1) dictionary phrases (named groups, generic classes: ``kb/data/actors.csv``), (2) state
forces written as a demonym or country name followed by a force noun ("Azerbaijani forces",
"Azerbaijan's army", "Russian armed forces"), (3) bare demonyms and country names, which the
incident stage only turns into actors where they govern an event ("Azerbaijani bombardments").

Result: ``doc.spans["ww_actors"]``; each span's ``label_`` is the actor kind (``state``,
``police``, ``rebel``, ..., ``demonym``, ``country``) and ``kb_id_`` is either the ISO country code
(state forces, demonyms, countries) or ``"entry:<n>"``, the row of ``actor_entries()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..kb.actors import MILITARY_NOUNS, POLICE_NOUNS, actor_entries, countries, demonyms

if TYPE_CHECKING:
    from collections.abc import Iterable

SPANS_KEY = "ww_actors"
FACTORY = "warwatch_actors"
# Words that may sit between a demonym and its force noun ("Azerbaijani armed forces").
_FILLERS = frozenset(
    [
        "armed",
        "security",
        "government",
        "regular",
        "special",
        "national",
        "'s",
        "'",
        "-",
        "led",
        "backed",
    ]
)


# Nouns that, after the name of a people that is not a country's demonym ("Fulani herdsmen",
# "Dinka youth", "Murle militia"), make a communal (identity) militia: ACLED names these
# "<Group> Ethnic Militia (<Country>)" (ACLED Codebook 2023, "Inter Code 4: Identity Militias";
# "ACLED Actors and Interactions", "Actor Names, Types and Inter Codes").
ETHNIC_FORCE_NOUNS = frozenset(
    ["militia", "militias", "militiamen", "youth", "youths", "herdsmen", "herders", "raiders",
     "warriors", "gunmen", "fighters", "pastoralists"]
)  # fmt: skip


# Nouns for herders, who are named by their people (ACLED Codebook 2023, "Inter Code 4:
# Identity Militias": pastoralist groups such as the Fulani are coded as ethnic militias).
PASTORAL_NOUNS = frozenset({"herdsmen", "herders", "pastoralists"})


# The singular "armed force" names a body of troops only with a word that picks one out ("the
# Salvadoran armed force", "its armed force"); bare, it is the means ("seized by armed force",
# "the use of armed force"), which as a passive agent would read as a doer.
_SINGULAR_FORCES = frozenset({"armed force"})


def _abstract_force(doc: Doc, start: int, end: int) -> bool:
    """A singular force phrase with no determiner, possessive or proper word before it."""
    if doc[start:end].text.lower() not in _SINGULAR_FORCES:
        return False
    if start == 0:
        return True
    before = doc[start - 1]
    return not (before.pos_ in ("DET", "PRON") or before.is_title or before.lower_ in ("'s", "'"))


class ActorRecognizer:
    def __init__(self, nlp: Language) -> None:
        self.entries = PhraseMatcher(nlp.vocab, attr="LOWER")
        for n, entry in enumerate(actor_entries()):
            self.entries.add(f"entry:{n}", [nlp.make_doc(entry.phrase)])
        self.places = PhraseMatcher(nlp.vocab, attr="LOWER")
        for word, country in demonyms().items():
            self.places.add(f"demonym:{country.country_code}", [nlp.make_doc(word)])
        for word, country in countries().items():
            self.places.add(f"country:{country.country_code}", [nlp.make_doc(word)])

    def __call__(self, doc: Doc) -> Doc:
        spans: list[Span] = []
        entry_at: dict[int, Span] = {}
        for match_id, start, end in self.entries(doc):
            key = doc.vocab.strings[match_id]
            entry = actor_entries()[int(key.split(":")[1])]
            if _abstract_force(doc, start, end):
                continue
            span = Span(doc, start, end, label=entry.kind, kb_id=key)
            spans.append(span)
            entry_at.setdefault(start, span)
        for match_id, start, end in self.places(doc):
            kind, code = doc.vocab.strings[match_id].split(":")
            if _pronoun_like(doc[start:end]) or _regional(doc, start, end):
                continue
            spans.append(self._state_or_bare(doc, start, end, kind, code, entry_at))
            if kind == "country":
                spans.extend(self._forces_of(doc, start, end, code))
        spans = [s for s in spans if not _describes_a_name(s, spans) and not _adjective(s)]
        taken = {i for s in spans for i in range(s.start, s.end)}
        spans.extend(self._ethnic_militias(doc, taken))
        spans.extend(self._armed_persons(doc, taken))
        spans.extend(self._acronym_groups(doc, taken))
        doc.spans[SPANS_KEY] = filter_spans(spans)
        return doc

    @staticmethod
    def _armed_persons(doc: Doc, taken: set[int]) -> list[Span]:
        """People named by the violence they do ("paid assassins", "a sniper", "the kidnappers")
        or described as armed and unknown ("four hooded individuals", "unidentified men"):
        ACLED's unidentified armed groups. ``kb_id_`` is the dictionary row of "gunmen"."""
        key = _unidentified_key()
        if key is None:
            return []
        out = []
        for tok in doc:
            if tok.i in taken or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            if tok.dep_ in ("compound", "amod") and tok.head.i > tok.i:
                continue  # "sniper fire", "killer drones": a kind of weapon, not people
            word = tok.lower_
            start = tok.i
            if word in ASSAILANT_NOUNS:
                while start > 0 and doc[start - 1].lower_ in ASSAILANT_MODIFIERS:
                    start -= 1  # "paid assassins", "drug traffickers"
            elif word in PERSON_WORDS and tok.i > 0 and doc[tok.i - 1].lower_ in ARMED_DESCRIPTORS:
                start = tok.i - 1
            else:
                continue
            if any(i in taken for i in range(start, tok.i + 1)):
                continue
            out.append(Span(doc, start, tok.i + 1, label="unidentified", kb_id=key))
        return out

    @staticmethod
    def _acronym_groups(doc: Doc, taken: set[int]) -> list[Span]:
        """A group's acronym before a noun for its fighters or members, "EPL guerrillas",
        "EPL (Popular Liberation Army) guerrillas": a named group the dictionary does not know.
        The acronym is written in capitals in a mixed-case text, or kept in capitals by the
        truecasing of an all-caps one. ``kb_id_`` is ``"group:<ACRONYM>"``."""
        out = []
        for tok in doc[:-1]:
            if tok.i in taken or not _acronym(tok):
                continue
            nxt = doc[tok.i + 1]
            if nxt.text in ("(", "["):  # skip a bracketed expansion
                close = next(
                    (t.i for t in doc[tok.i + 2 : tok.i + 12] if t.text in (")", "]")), None
                )
                if close is None or close + 1 >= len(doc):
                    continue
                nxt = doc[close + 1]
            noun = nxt.lower_
            if noun not in MEMBER_NOUNS and noun not in MILITARY_NOUNS:
                continue
            label = "state" if noun in MILITARY_NOUNS else "rebel"
            out.append(Span(doc, tok.i, nxt.i + 1, label=label, kb_id=f"group:{tok.text.upper()}"))
        return out

    @staticmethod
    def _ethnic_militias(doc: Doc, taken: set[int]) -> list[Span]:
        """ "Fulani herdsmen", "Dinka youth": a people's name and an armed-group noun. The name is
        a capitalised word that is no country, demonym, place entity or dictionary actor (the
        small model rarely tags peoples as NORP); at a sentence start it must be an NORP/ORG
        entity. ``kb_id_`` is ``"ethnic:<Name>"``."""
        out = []
        for tok in doc[1:]:
            if tok.lower_ not in ETHNIC_FORCE_NOUNS:
                continue
            name = doc[tok.i - 1]
            if name.lower_ in ("ethnic", "armed", "tribal") and name.i > 0:
                name = doc[name.i - 1]
            pastoral = tok.lower_ in PASTORAL_NOUNS
            if not _people_name(name, pastoral) or name.i in taken or _in_longer_name(tok):
                continue
            label = name.text.capitalize()
            out.append(Span(doc, name.i, tok.i + 1, label="militia", kb_id=f"ethnic:{label}"))
        out.extend(ActorRecognizer._peoples_plural(doc, taken, out))
        return out

    @staticmethod
    def _peoples_plural(doc: Doc, taken: set[int], found: list[Span]) -> list[Span]:
        """ "Fulanis attack the villages": a people's name in the plural, for a people the actor
        dictionary has an "<X> Ethnic Militia" row for or this text names with an armed-group
        noun ("Fulani herdsmen") or as a people ("the Fulani ethnic group"), is that people's
        militia (ACLED Codebook 2023, "Inter Code 4: Identity Militias"), when it acts: people
        of a group who are hit ("Fulanis were killed") are civilians, not a militia."""
        peoples = _dictionary_peoples() | {s.kb_id_.split(":", 1)[1].lower() for s in found}
        for tok in doc[:-1]:
            if tok.is_title and doc[tok.i + 1].lower_ == "ethnic":
                peoples.add(tok.lower_)
        used = taken | {i for s in found for i in range(s.start, s.end)}
        out = []
        for tok in doc:
            word = tok.lower_
            if tok.i in used or not tok.is_title or not word.endswith("s"):
                continue
            if word[:-1] in peoples and tok.pos_ in ("NOUN", "PROPN") and _acting(tok):
                label = tok.text[:-1].capitalize()
                out.append(Span(doc, tok.i, tok.i + 1, label="militia", kb_id=f"ethnic:{label}"))
        return out

    @staticmethod
    def _forces_of(doc: Doc, start: int, end: int, code: str) -> list[Span]:
        """ "military forces of Azerbaijan", "the police of Armenia": force noun + of + country."""
        i = start - 1
        if i >= 1 and doc[i].lower_ == "the":
            i -= 1
        if i < 1 or doc[i].lower_ != "of":
            return []
        noun = doc[i - 1].lower_
        if noun not in MILITARY_NOUNS and noun not in POLICE_NOUNS:
            return []
        first = i - 1
        while first > 0 and doc[first - 1].lower_ in _FILLERS | {"military", "armed"}:
            first -= 1
        label = "police" if noun in POLICE_NOUNS else "state"
        if first > 0 and doc[first - 1].lower_ in POLICE_NOUNS:  # "Police Forces of Armenia"
            first, label = first - 1, "police"
        return [Span(doc, first, end, label=label, kb_id=code)]

    @staticmethod
    def _state_or_bare(
        doc: Doc, start: int, end: int, kind: str, code: str, entry_at: dict[int, Span]
    ) -> Span:
        """Extend a demonym/country over following fillers to a force noun, if there is one."""
        i = end
        names = 0
        while i < len(doc) and i - end < 4:
            if doc[i].lower_ in _FILLERS:
                i += 1
            elif names < _MAX_UNIT_WORDS and _unit_name_word(doc[i], entry_at):
                i, names = i + 1, names + 1
            else:
                break
        if i < len(doc):
            word = doc[i].lower_
            entry = entry_at.get(i)
            if word in POLICE_NOUNS or (entry is not None and entry.label_ == "police"):
                stop = _force_end(doc, entry.end if entry is not None else i + 1)
                return Span(doc, start, stop, label="police", kb_id=code)
            if word in MILITARY_NOUNS or (entry is not None and entry.label_ == "state"):
                stop = _force_end(doc, entry.end if entry is not None else i + 1)
                return Span(doc, start, stop, label="state", kb_id=code)
        return Span(doc, start, end, label=kind, kb_id=code)


# A state force's own unit name may stand between the country and the force noun: "Ethiopia's
# Liyu police", "Libya's Saiqa special forces" (Wikipedia: Liyu Police; Saiqa (Libya)). Unit
# names are one or two capitalised words.
_MAX_UNIT_WORDS = 2


def _unit_name_word(tok: Token, entry_at: dict[int, Span]) -> bool:
    """A capitalised word of a unit's name: no dictionary actor, country or demonym. A region's
    name is allowed: "Ethiopia's Oromia police" are still the state's police. The small model
    often tags an unknown unit name as a place or a person ("Saiqa"), so tags are not asked."""
    if not tok.is_title or tok.i in entry_at or tok.is_sent_start:
        return False
    if tok.lower_ in demonyms() or tok.lower_ in countries():
        return False
    return tok.pos_ == "PROPN" and tok.ent_type_ != "DATE"


# Nouns for people by the violence they do: alone, an unidentified armed actor (ACLED Codebook
# 2023, "Inter Code 3: Political Militias" and unidentified armed groups; MUC-4 task definition,
# PERP: INDIVIDUAL ID, "assassins", "kidnappers").
ASSAILANT_NOUNS = frozenset(
    """assassin assassins hitman hitmen killer killers kidnapper kidnappers abductor abductors
    sniper snipers perpetrator perpetrators murderer murderers traffickers
    narcotraffickers""".split()  # noqa: SIM905
)
ASSAILANT_MODIFIERS = frozenset({"paid", "hired", "drug", "motorized", "unidentified", "unknown"})
# People described as armed or hiding who they are: "hooded individuals", "unidentified men".
PERSON_WORDS = frozenset(
    "individuals individual persons person men man subjects people youths".split()  # noqa: SIM905
)
ARMED_DESCRIPTORS = frozenset(
    {"hooded", "masked", "unidentified", "unknown", "armed", "heavily-armed", "uniformed"}
)
# Nouns for a group's fighters or members after its acronym ("EPL guerrillas", "FMLN
# detachments", a party's "cadres": its active members, Wikipedia "Cadre (politics)");
# state-force nouns (kb.actors.MILITARY_NOUNS) make the group a state force.
MEMBER_NOUNS = frozenset(
    """guerrillas guerrilla rebels rebel fighters militants terrorists commandos members
    detachments detachment columns column cells cell insurgents cadres cadre""".split()  # noqa: SIM905
)


def _pronoun_like(span: Span) -> bool:
    """A country name that is also an English function word, written in lower case: the
    pronoun "us", not the United States ("let us", "told us"; all-caps copy is truecased with
    function words in lower case)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return span.text.islower() and span.text in STOP_WORDS


# Words that make "American" a region's adjective, not the United States' demonym ("the Central
# American peace process", "Latin American governments"; Wikipedia: Central America, Latin
# America, North America, South America).
_REGION_WORDS = frozenset({"central", "latin", "south", "north", "pan", "meso"})


def _regional(doc: Doc, start: int, end: int) -> bool:
    """ "Central American", "Latin American": a region, no state's forces."""
    if doc[start:end].text.lower() not in ("american", "americans") or start == 0:
        return False
    prev = doc[start - 1]
    if prev.text == "-" and start > 1:  # "Pan-American"
        prev = doc[start - 2]
    return prev.lower_ in _REGION_WORDS


def _describes_a_name(span: Span, spans: list[Span]) -> bool:
    """A generic class word right before a name describes it: "the terrorist Manuel Rodriguez
    Patriotic Front", "terrorist Victor Polay Campos" name one actor, the group or the person,
    not an unidentified one beside it."""
    if len(span) != 1 or not span.kb_id_.startswith("entry:"):
        return False
    if actor_entries()[int(span.kb_id_.split(":")[1])].country_code:
        return False  # a named group itself
    nxt = span.end
    if nxt >= len(span.doc):
        return False
    if span.doc[nxt].ent_type_ == "PERSON" and span.doc[nxt].ent_iob_ == "B":
        return True
    return any(
        s.start == nxt
        and s.kb_id_.startswith("entry:")
        and actor_entries()[int(s.kb_id_.split(":")[1])].country_code
        for s in spans
    )


def _adjective(span: Span) -> bool:
    """A one-word militia entry that qualifies a force noun ("paramilitary police", "militia
    forces") is the kind of that force, not a second actor beside it."""
    if len(span) != 1 or span.label_ != "militia" or not span.kb_id_.startswith("entry:"):
        return False
    root = span.root
    head = root.head.lower_
    return root.dep_ in ("amod", "compound") and head in MILITARY_NOUNS | POLICE_NOUNS


def _in_longer_name(tok: Token) -> bool:
    """A capitalised force noun followed by another capitalised proper word is part of an
    organisation's name ("the Ijaw Youth Council", "the Dinka Youth Union"), not a people's
    armed men."""
    if not tok.is_title or tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    return nxt.is_title and nxt.pos_ == "PROPN"


def _acronym(tok: Token) -> bool:
    text = tok.text
    return 2 <= len(text) <= 6 and text.isalpha() and text.isupper() and tok.pos_ == "PROPN"


def _acting(tok: Token) -> bool:
    """Written as the one who acts: active subject, modifier of an event noun ("Fulanis
    attack"), or passive agent ("by Fulanis")."""
    if tok.dep_ in ("nsubj", "compound"):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "by"


def _force_end(doc: Doc, stop: int) -> int:
    """The end of a force phrase written with two force nouns ("Azerbaijani military forces",
    "Ethiopian police forces"): the span covers both, so its root is the head noun."""
    if stop < len(doc) and doc[stop].lower_ in MILITARY_NOUNS | POLICE_NOUNS:
        return stop + 1
    return stop


def _dictionary_peoples() -> set[str]:
    """Peoples the actor dictionary names a militia of ("Fulani Ethnic Militia" -> "fulani")."""
    suffix = " Ethnic Militia"
    return {
        e.canonical[: -len(suffix)].lower() for e in actor_entries() if e.canonical.endswith(suffix)
    }


def _unidentified_key() -> str | None:
    """The dictionary row that names unidentified armed groups ("gunmen")."""
    for n, entry in enumerate(actor_entries()):
        if entry.kind == "unidentified" and entry.canonical == "Unidentified Armed Group":
            return f"entry:{n}"
    return None


def _people_name(tok: Token, pastoral: bool = False) -> bool:
    """A capitalised word that can name a people. ``pastoral``: before a herders' noun the small
    model's place tag is not trusted (it tags most unknown capitalised words as places), as
    pastoralists are named by their people ("Fulani herdsmen"), hardly by a town."""
    if not tok.is_title or tok.lower_ in demonyms() or tok.lower_ in countries():
        return False
    places = ("FAC", "DATE", "TIME", "CARDINAL") if pastoral else ("GPE", "LOC", "FAC", "DATE")
    if tok.ent_type_ in places or tok.ent_type_ in ("TIME", "CARDINAL"):
        return False
    return not tok.is_sent_start or tok.ent_type_ in ("NORP", "ORG")


def actor_spans(doc: Doc) -> Iterable[Span]:
    return doc.spans.get(SPANS_KEY, ())


def register() -> None:
    if FACTORY in Language.factories:
        return

    @Language.factory(FACTORY)
    def make_actor_recognizer(nlp: Language, name: str) -> ActorRecognizer:
        return ActorRecognizer(nlp)
