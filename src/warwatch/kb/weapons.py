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
from .origin import MADE_WORDS as _MADE_WORDS
from .origin import compound_origin, origin_in_text

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span, Token
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
    return _doc_is_upper(span.doc) or not span.text.islower()


def _doc_is_upper(doc: Doc) -> bool:
    # doc.text is rebuilt from every token on each access: answer once per Doc, not per mention.
    key = "warwatch.kb.doc_is_upper"
    if key not in doc.user_data:
        doc.user_data[key] = doc.text.isupper()
    return bool(doc.user_data[key])


def _is_mine_noun(span: Span) -> bool:
    """The noun "mine" takes a determiner or modifier ("a mine", "anti-tank mine") or modifies a
    noun itself ("mine explosions"); the pronoun does neither ("not mine"). The tagger confuses
    the two, so the neighbours decide."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    return (prev is not None and prev.pos_ in _MODIFIER_POS) or (
        nxt is not None and nxt.is_alpha and nxt.pos_ in {"NOUN", "PROPN", "X"}
    )


def _in_person_name(token: Token) -> bool:
    """Part of a multi-word PERSON entity made of plain words ("Iskander Ahmed"). A lone PERSON
    tag is not enough: the small English model tags many weapon names as PERSON ("Iskander
    missiles", "GBU-39 bombs", "Uragan 9M27K")."""
    if token.ent_type_ != "PERSON":
        return False
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return entity is not None and len(entity) > 1 and all(t.is_alpha for t in entity)


# Words that make a bare "mine(s)" a mining site ("workers of the gold mine", "protested against
# the new mines"); chosen from ACLED Armenia protest notes about the Amulsar and Sotk mines.
_MINING = frozenset(
    {
        "mining",
        "miners",
        "miner",
        "ore",
        "gold",
        "copper",
        "coal",
        "molybdenum",
        "uranium",
        "quarry",
        "exploitation",
        "extraction",
        "deposit",
        "deposits",
    }
)


# A bare "mine(s)" is a weapon only next to words of explosions, casualties or armed forces
# (chosen from the MUC-4 and ACLED Armenia notes: "mine explosions", "stepped on a mine",
# "troops laid mines"), and never in a sentence about mining.
_MINE_WEAPON_CUES = frozenset(
    {
        "explode",
        "explosion",
        "blast",
        "detonate",
        "step",
        "kill",
        "wound",
        "injure",
        "demine",
        "demining",
        "clear",
        "clearance",
        "plant",
        "lay",
        "minefield",
        "ordnance",
        "soldier",
        "troop",
        "force",
        "military",
        "army",
        "sapper",
        "deminer",
        "hit",
        "strike",
        "maim",
    }
)


def _mine_as_weapon(span: Span) -> bool:
    doc = span.doc
    scope = span.sent if doc.has_annotation("SENT_START") else doc[:]
    words = {t.lower_ for t in scope} | {t.lemma_.lower() for t in scope}
    return not words & _MINING and bool(words & _MINE_WEAPON_CUES)


def _plausible(entry: CatalogueEntry, span: Span) -> bool:
    if not _is_name_like(entry, span):
        return False
    if len(span) != 1:
        return True
    token = span[0]
    if token.lower_ in {"mine", "mines"} and not _mine_as_weapon(span):
        return False
    if token.lower_ == "mine":
        return _is_mine_noun(span)
    if not entry.generic and _in_person_name(token):
        return False  # "Iskander Ahmed", "Fazil Iskander"
    friends = _FALSE_FRIENDS.get(token.lower_, set())
    prev = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    nxt = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    return prev not in friends and not (
        token.lower_ == "shell" and nxt in {"company", "oil", "plc"}
    )


def _candidate_spans(span: Span) -> list[tuple[CatalogueEntry, Span]]:
    from spacy.util import filter_spans

    catalogue = load_catalogue()
    doc = span.doc
    found: dict[tuple[int, int], CatalogueEntry] = {}
    # Matching a Span yields Doc token indices (spaCy 3.8), not indices within the Span.
    for match_id, s, e in _matcher(doc.vocab)(doc[span.start : span.end]):
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


# Words that open a noun phrase without describing the weapon ("several", "other"): not absorbed.
_QUANTIFIERS = {
    "several",
    "many",
    "other",
    "more",
    "most",
    "few",
    "some",
    "such",
    "same",
    "further",
}
_UNITS = {"kg", "kilos", "kilograms", "kilogrammes", "pounds", "lbs", "tons", "tonnes", "grams"}
_CALIBRES = {"caliber", "calibre", "mm", "millimetre", "millimeter", "cal"}
_ORDINALS = {"first", "second", "third", "fourth", "fifth", "last", "latest", "next"}
_MAX_MODIFIERS = 6  # "60 KG OF" + "POWERFUL CZECHOSLOVAK - MADE" fit; longer is another phrase


def _modifier_start(sp: Span, floor: int) -> int:
    """Token index where the weapon's noun phrase starts: numbers, adjectives, quantities ("60 KG
    OF") and origin compounds ("Israeli-made") before the designation belong to the mention."""
    doc = sp.doc
    i = sp.start
    while i > floor and sp.start - i < _MAX_MODIFIERS:
        prev = doc[i - 1]
        if compound_origin(prev):  # "U.S.-made"
            i -= 1
            continue
        if prev.text == "-" or prev.lower_ in _MADE_WORDS:
            j = i - 2 if prev.lower_ in _MADE_WORDS and doc[i - 2].text == "-" else i - 1
            if j - 1 >= floor and doc[j - 1].is_alpha:
                i = j - 1
                continue
            break
        if prev.lower_ == "of" and i - 2 >= floor and doc[i - 2].lower_ in _UNITS:
            i -= 2
            continue
        describes = prev.like_num or prev.lower_ in _CALIBRES or prev.pos_ == "ADJ"
        excluded = prev.lower_ in _QUANTIFIERS or prev.lower_ in _ORDINALS
        if not describes or excluded or not (prev.is_alpha or prev.like_num):
            break
        i -= 1
    return i


# Nouns a weapon word names a kind of, not a weapon: "explosives experts", "the bomb squad".
# (Weapons held, traded or seized stay mentions: possession and stockpiles matter to the
# treaties in ``kb.assess``, e.g. the Mine Ban Treaty, art. 1.)
_NOT_WEAPON_HEADS = frozenset(
    """expert experts squad squads specialist specialists technician technicians dealer dealers
    factory factories""".split()  # noqa: SIM905
)


# Domains of the figurative "time bomb" in news language ("a demographic time bomb", "the
# monetary time bomb"): a problem bound to burst, not a device.
_FIGURATIVE_DOMAINS = frozenset(
    """economic monetary financial fiscal social political demographic ecological environmental
    debt inflation population""".split()  # noqa: SIM905
)


def _figurative(core: Span) -> bool:
    """ "to defuse the monetary time bomb": a "time bomb" qualified by an abstract domain."""
    doc = core.doc
    i = core.start
    if core.root.lower_ not in ("bomb", "bombs") or i < 2 or doc[i - 1].lower_ != "time":
        return False
    return doc[i - 2].lower_ in _FIGURATIVE_DOMAINS


def _names_a_trade(core: Span) -> bool:
    """ "bomb squad", "explosives experts": the weapon word modifies people or a trade. Also a
    lone weapon word used as a finite verb or infinitive ("all they can do is bomb the place"):
    the act is the event's business (triggers), the weapon is then unnamed. Gerunds stay:
    the tagger takes the noun "shelling" in "Azerbaijani shelling hit ..." for one (VBG)."""
    tok = core.root
    if len(core) == 1 and tok.pos_ == "VERB" and tok.tag_ != "VBG":
        return True
    return tok.dep_ in ("compound", "amod") and tok.head.lower_ in _NOT_WEAPON_HEADS


# Verbs of weapons taken, found, traded, kept or made rather than used: a weapon their object is
# held, and names no means of an attack (ACLED Codebook 2023, "Explosions/Remote violence" codes
# weapons used; a cache seized is "Disrupted weapons use", a purchase or a find no explosion).
HOLDING = frozenset(
    """seize confiscate capture find discover recover uncover buy purchase acquire steal store
    stockpile hide smuggle sell supply deliver receive possess manufacture traffic
    transport""".split()  # noqa: SIM905
)
# Nouns of a holding whose "of" object is the weapon ("a cache of grenades", "the seizure of
# explosives"); quantities ("large amounts of weapons", "a number of rockets") pass the question
# to the verb they are the object of.
HOLDING_NOUNS = frozenset(
    """seizure confiscation cache stockpile haul arsenal purchase sale shipment consignment
    """.split()  # noqa: SIM905
)


def held(tok: Token) -> bool:
    """The weapon word ``tok`` is what a holding verb took, traded, found or kept ("seized rifles,
    grenades and ammunition", "large amounts of weapons were bought", "a cache of mines")."""
    for _ in range(6):  # up conjunct lists and "amounts of" chains; parses are shallow
        if tok.dep_ in ("conj", "appos", "compound", "amod", "nmod") and tok.head is not tok:
            tok = tok.head
        elif (
            tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "NUM")
        ):
            if tok.head.head.lemma_.lower() in HOLDING_NOUNS:
                return True
            tok = tok.head.head
        else:
            break
    head = tok.head
    if _guards(tok) or _listed(tok) or _taught(tok):
        return True
    return tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in HOLDING


# An inventory a verb of listing spells out ("the equipment included rifles and grenades", "the
# shipment consisted of mortars"): arms held or traded, no means of an attack.
LISTING = frozenset({"include", "comprise", "consist", "contain"})
INVENTORY_NOUNS = frozenset(
    """equipment arms weapon weaponry materiel shipment consignment cargo cache arsenal
    stockpile haul aid package deal purchase sale order""".split()  # noqa: SIM905
)
# Training in a weapon's handling ("trained in the use of grenade launchers", "a course on the
# handling of explosives"): a skill taught, no means of an attack.
HANDLING = frozenset({"use", "handling", "operation", "manufacture", "assembly", "maintenance"})
TRAINING = frozenset({"train", "training", "instruction", "instruct", "course", "teach", "drill"})


def _listed(tok: Token) -> bool:
    """The weapon is an item of an inventory: object of a listing verb whose subject is arms,
    equipment or a shipment (a bomb that "contained 60 kg of dynamite" is no inventory)."""
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head  # "consisted of mortars"
    if tok.dep_ not in ("dobj", "pobj", "attr") or verb.lemma_.lower() not in LISTING:
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in INVENTORY_NOUNS
        for c in verb.children
    )


def _taught(tok: Token) -> bool:
    """ "trained in the use of grenade launchers": the weapon's handling is what a training
    word is about."""
    while tok.dep_ in ("conj", "appos", "compound", "amod") and tok.head is not tok:
        tok = tok.head
    noun = tok  # ``held`` may have climbed the "of" chain up to the handling noun already
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        noun = tok.head.head
    if noun.lemma_.lower() not in HANDLING or noun.dep_ != "pobj":
        return False
    return noun.head.head.lemma_.lower() in TRAINING


# Verbs of weapons kept in place to protect something ("a radar protected by missiles"): they
# are deployed, not fired, and name no means of an attack told beside them.
GUARDING = frozenset({"protect", "guard", "defend", "secure", "shield"})


def _guards(tok: Token) -> bool:
    """ "protected by missiles and machineguns", "missiles guard the base": the weapon is the
    doer of a guarding verb (its "by" agent or active subject)."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "by":
        return head.head.lemma_.lower() in GUARDING
    return tok.dep_ == "nsubj" and head.lemma_.lower() in GUARDING


def find_weapons(span: Span | Doc, *, held_too: bool = True) -> list[Weapon]:
    """Weapon mentions in ``span`` (a sentence or a whole ``doc[:]``), in text order.

    Offsets are character offsets into the Doc's text. ``name``, ``kind`` and ``category`` come
    from the catalogue entry; ``origin_country`` from the text when it says so, else the entry.
    A weapon word that names a team or trade ("bomb squad") is no mention. ``held_too=False``
    leaves out weapons only seized, found, bought or stored (``held``): they are the object of
    a seizure, not the instrument of the violence told beside them.
    """
    from spacy.tokens import Doc as SpacyDoc

    whole: Span = span[:] if isinstance(span, SpacyDoc) else span  # a Doc is its own whole span
    weapons: list[Weapon] = []
    floor = whole.start
    sentenced = whole.doc.has_annotation("SENT_START")
    for entry, core in _merge_generic_heads(_candidate_spans(whole)):
        if _names_a_trade(core) or _figurative(core) or (not held_too and held(core.root)):
            continue
        origin = origin_in_text(core) or entry.origin_country
        sent_start = core.sent.start if sentenced else 0
        sp = whole.doc[_modifier_start(core, max(floor, sent_start)) : core.end]
        floor = core.end  # never reach back into the previous mention
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


def catalogue_entry(weapon: Weapon) -> CatalogueEntry | None:
    """The catalogue row behind a found weapon: its own origin, maker, carriers and source,
    to set beside what the text said (``weapon.origin_country`` follows the text)."""
    return load_catalogue().get(weapon.catalogue_id or "")
