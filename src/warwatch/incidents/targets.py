"""What violence is done to when it is not a dictionary actor: things hit ("bombed the power
station", "an attack on a bus") and people named by what they are ("killed a peasant").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import ActorRole
from .mention import Mention
from .role_words import OBJECT_PREPS, SETTLEMENT_NOUNS, STRUCTURES, _is_violence

# "set fire to X", "set X on fire": the "to" phrase of these words is what burns.
BURNING = frozenset({"set", "fire", "torch"})
# Head nouns of people, for victims named by what they are (MUC-4 HUM TGT: TYPE: civilian,
# diplomat, government official, legal or judicial, law enforcement, military, political figure,
# clergy, ...). Plural forms reduce to these through the lemma.
PERSON_NOUNS = frozenset(
    """person people man men woman child boy girl peasant farmer worker student teacher priest
    nun bishop archbishop pastor mayor councillor governor judge magistrate prosecutor lawyer
    minister official deputy senator congressman president candidate leader activist unionist
    journalist reporter businessman merchant trader driver passenger tourist diplomat ambassador
    consul soldier officer policeman guard agent member engineer doctor nurse civilian resident
    villager relative son daughter wife husband brother sister father mother family hostage
    citizen national foreigner attache minor pedestrian bystander passerby youth employee
    cattleman rancher shopkeeper vendor""".split()  # noqa: SIM905
)
MILITARY_PEOPLE = frozenset({"soldier", "guard", "officer"})
POLICE_PEOPLE = frozenset({"policeman", "agent"})


def _object_like(tok: Token) -> bool:
    """A thing that can be hit: a building, vehicle or installation, or a named organisation or
    facility; places, dates and event words are not."""
    if tok.ent_type_ in ("DATE", "TIME", "NORP") or tok.lower_ in TIME_ZONES:
        return False  # "at 1100 GMT": the tagger may read the zone as an organisation
    if tok.lower_ in SETTLEMENT_NOUNS:  # "at Loma Verde canton": where, not what was hit
        return False
    # A structure noun heads a thing even inside a name the tagger found ("the CEL San Luis
    # substation" tagged as a GPE, "the Andres Avelino Caceres park" as a PERSON); a name with
    # another head ("Santa Ana") is none.
    if tok.pos_ in ("NOUN", "PROPN") and STRUCTURES & {tok.lower_, tok.lemma_.lower()}:
        return True
    if tok.ent_type_ in ("GPE", "LOC", "PERSON"):
        return False
    return tok.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "FAC")


def _person_like(tok: Token) -> bool:
    """People hit by violence: a named person, or a noun for people ("a peasant", "three soldiers")."""
    if tok.ent_type_ == "PERSON":  # but "Maria Cordoba International Airport" is a place
        return tok.lower_ not in STRUCTURES | SETTLEMENT_NOUNS
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in PERSON_NOUNS


def _people_class(tok: Token) -> str | None:
    """A named person keeps the name; people named by what they are take ACLED's class ("a
    peasant" -> Civilians, "three soldiers" -> Military Forces; ACLED Codebook 2023, inter codes
    1 and 7), to which the incident stage adds the country."""
    if tok.ent_type_ == "PERSON":
        return None
    lemma = tok.lemma_.lower()
    if lemma in MILITARY_PEOPLE:
        return "Military Forces"
    return "Police Forces" if lemma in POLICE_PEOPLE else "Civilians"


# Time-zone abbreviations of wire copy ("1100 GMT"): a time, never a thing hit.
TIME_ZONES = frozenset({"gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "cet", "cest"})
# Verbs whose object is the means, not what was hit ("using a stolen vehicle, they hurled
# grenades at the offices").
INSTRUMENT_VERBS = frozenset({"use", "employ", "utilize", "utilise", "wield"})


# Words of harm done to people's bodies or liberty: their "at"/"in" phrase is the scene ("three
# people were killed at the airport", "the murder of two priests at the university"), not a
# thing hit, which a bombing, an attack or a shooting "at" something has.
PEOPLE_HARM = frozenset(
    """kill killing murder assassinate assassination massacre execute execution behead beheading
    stab wound injure kidnap kidnapping abduct abduction rape lynch lynching torture
    death""".split()  # noqa: SIM905
)
SCENE_PREPS = frozenset({"at", "in", "inside", "outside"})


def _hit_heads(verb: Token) -> list[Token]:
    """Heads of what ``verb`` acts on: object, passive subject, "an attack on X", "the murder of
    X", and their conjuncts ("the bank and two stores")."""
    if verb.lemma_.lower() in INSTRUMENT_VERBS:
        return []
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    preps = OBJECT_PREPS | ({"of"} if verb.pos_ == "NOUN" else set())
    if PEOPLE_HARM & {verb.lemma_.lower(), verb.lower_}:
        preps -= SCENE_PREPS
    preps |= {"to"} if verb.lemma_.lower() in BURNING else set()
    heads += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
              for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    # "exploded in front of the agrarian board": what "front" is the front of.
    heads += [x for h in heads if h.lower_ == "front"
              for c in h.children if c.dep_ == "prep" and c.lower_ == "of"
              for x in c.children if x.dep_ == "pobj"]  # fmt: skip
    if verb.pos_ == "NOUN":
        heads += _of_after_place(verb)
    heads += _exploded_where(verb)
    return heads + [c for h in heads for c in h.conjuncts]


# Explosive things a verb may put somewhere: "placed a bomb in the offices", "left explosives
# at the door" (MUC-4 bombings: the place the bomb was put is the target).
EXPLOSIVE_NOUNS = frozenset(
    "bomb bombs explosive explosives dynamite device devices charge charges".split()  # noqa: SIM905
)
# Verbs of exploding: "the gas station where the car bomb went off" - the place is the target.
EXPLODING = frozenset({"explode", "detonate", "blast", "blow", "go"})


def _places_explosive(verb: Token) -> bool:
    """A verb whose object is an explosive ("placed a bomb"): what it is put in or on is hit."""
    return verb.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lower_ in EXPLOSIVE_NOUNS for c in verb.children
    )


def _exploded_where(verb: Token) -> list[Token]:
    """ "the gas station where the car bomb went off": the noun a "where" clause of exploding
    describes."""
    lemma = verb.lemma_.lower()
    if verb.dep_ != "relcl" or lemma not in EXPLODING:
        return []
    if lemma == "go" and not any(c.lower_ == "off" for c in verb.children):
        return []
    if not any(c.lower_ == "where" for c in verb.children):
        return []
    return [verb.head]


def _of_event_after_place(tok: Token) -> bool:
    """``tok`` is what an event noun earlier in the sentence was done to, by ``_of_after_place``."""
    return any(
        t.pos_ == "NOUN" and _is_violence(t) and tok in _of_after_place(t)
        for t in tok.doc[tok.sent.start : tok.i]
    )


def _of_after_place(noun: Token) -> list[Token]:
    """ "the murder in La Paz, Bolivia, of X": an "of" phrase separated from its event noun by
    where it happened, which the parser hangs on the place or elsewhere. The words between
    must all belong to the place phrase (a locative preposition, names, articles, commas)."""
    sent = noun.sent
    i = noun.i + 1
    if i >= sent.end or noun.doc[i].lower_ not in ("in", "at", "near"):
        return []
    for tok in noun.doc[i + 1 : min(sent.end, i + 8)]:
        if tok.lower_ == "of":
            return [g for g in tok.children if g.dep_ == "pobj"]
        place_word = tok.pos_ in ("PROPN", "DET") or tok.ent_type_ in ("GPE", "LOC")
        if not (place_word or tok.is_space or tok.text == ","):  # "in la paz, Bolivia,"
            return []
    return []


def _phrase(head: Token) -> Span:
    """The head noun with its left modifiers and an "of" phrase ("the headquarters of the
    police"), without a leading determiner."""
    doc = head.doc
    end = head.i + 1
    for c in head.rights:
        if c.dep_ == "prep" and c.lower_ == "of":  # up to its noun, not what follows it
            end = max([g.i + 1 for g in c.children if g.dep_ == "pobj"] or [end])
    span = doc[head.left_edge.i : end]
    if span[0].dep_ in ("det", "predet") and len(span) > 1:
        span = span[1:]
    return span


def _thing_before(pronoun: Token) -> Token | None:
    """The thing "it" stands for when violence is done to it: the nearest structure noun before
    it in its sentence ("oil will not flow through the pipeline until May because it was blown
    up"), else in the sentence before; none when a person or group comes nearer (then "it" may
    be them) or when no structure is named."""
    sent = pronoun.sent
    # the sentence before, from its last token (``doc.sents`` would walk the whole Doc)
    before = [pronoun.doc[sent.start - 1].sent] if sent.start > 0 else []
    scope = [t for t in sent if t.i < pronoun.i][::-1] + [t for s in before for t in s][::-1]
    for tok in scope:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod"):
            continue
        if _object_like(tok):
            return tok
        if _person_like(tok):
            return None
    return None


def hit_objects(trigger: Span, taken: list[Mention]) -> list[Mention]:
    """What the event word, or another word of violence in its sentence, acts on when it is not
    an actor: "bombed the power station", "an attack on a bus" (targets), "killed a peasant",
    "three soldiers were wounded" (victims)."""
    used = {i for m in taken for i in range(m.span.start, m.span.end)}
    # A bare PERSON mention has a role only by its own syntax; its name given to the people hit
    # ("the boy, who was identified as X, was injured": X is the boy) still names the victim.
    by_actor = {i for m in taken if m.kind != "person" for i in range(m.span.start, m.span.end)}
    verbs = [trigger.root] + [
        t
        for t in trigger.sent
        if (_is_violence(t) or _places_explosive(t) or _exploded_where(t)) and t.i != trigger.root.i
    ]
    out: list[Mention] = []
    here: set[int] = set()  # tokens of what this function found
    for verb in verbs:
        for head in _hit_heads(verb):
            if head.lower_ == "it":  # "the pipeline ... because it was blown up again"
                head = _thing_before(head) or head
            if head.i in used:
                continue
            if _person_like(head):
                kind, role = "person", ActorRole.VICTIM
                name = _people_class(head)
            elif _object_like(head):
                kind, role, name = "object", ActorRole.TARGET, None
            else:
                continue
            span = _phrase(head)
            used |= set(range(span.start, span.end))
            here |= set(range(span.start, span.end))
            out.append(Mention(span, kind, name or span.text, None, role))
            if kind == "person" and name is not None:  # "a peasant, Jose Manuel Posada"
                for ent in _names_of(head):
                    if not (by_actor | here) & set(range(ent.start, ent.end)):
                        used |= set(range(ent.start, ent.end))
                        here |= set(range(ent.start, ent.end))
                        out.append(Mention(ent, "person", ent.text, None, role))
    return out


def _names_of(head: Token) -> list[Span]:
    """Person names given to people named by what they are: an apposition ("a peasant, Jose
    Manuel Posada,"), "named X" ("a cattleman named X"), "identified as X (and Y)"."""
    doc = head.doc
    toks: list[Token] = []
    for c in head.children:
        if c.dep_ == "appos":
            toks += [c, *c.conjuncts]
        elif c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("name", "identify", "be"):
            toks += [t for t in c.subtree if t.i > c.i]
    for anc in [head.head] if head.dep_ == "nsubjpass" else []:
        if anc.lemma_.lower() == "identify":  # "the engineers were identified as X and Y"
            toks += [t for t in anc.subtree if t.i > anc.i]
    toks += _identified_next(head)
    ents = {
        e.start: e
        for t in toks
        for e in doc.ents
        if e.label_ == "PERSON" and e.start <= t.i < e.end
    }
    return [ents[k] for k in sorted(ents)]


def _identified_next(head: Token) -> list[Token]:
    """ "Terrorists murdered four engineers. The French engineers were identified as X and Y.":
    the next sentence names the same people (its passive subject has the head's lemma) with
    "identified as"; the words after "identified"."""
    doc = head.doc
    end = head.sent.end
    if end >= len(doc):
        return []
    nxt = doc[end].sent
    for verb in (t for t in nxt if t.lemma_.lower() == "identify"):
        subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if subj and subj[0].lemma_.lower() == head.lemma_.lower():
            return [t for t in verb.subtree if t.i > verb.i]
    return []
