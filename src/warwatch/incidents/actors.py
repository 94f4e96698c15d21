"""Actors of an incident and their roles, normalised to ACLED-style names.

Mentions come from the ``warwatch_actors`` component. A mention gets a role from its syntactic link
to the event word: the doer (active subject, passive "by" agent, possessor or modifier of an event
noun: "Azerbaijani bombardments") is the perpetrator; what is hit (object, passive subject, "on"/
"against"/"in" phrase) is the target, or the victim when it is people. Protesters are participants.
A source of information is not an actor: subjects of reporting verbs, "according to X", "X
sources". Demonyms and country names become state forces only when they govern the event.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..kb.actors import (
    MILITARY_NOUNS,
    POLICE_NOUNS,
    Country,
    actor_entries,
    country_of_code,
    qualified_name,
    state_name,
)
from ..model import Actor, ActorRole
from ..nlp.actors import actor_spans
from ..text.truecase import written
from .hedging import is_hedged, is_hedged_actor

REPORTING = frozenset(
    [
        "say",
        "tell",
        "report",
        "claim",
        "announce",
        "state",
        "confirm",
        "deny",
        "corroborate",
        "denounce",
        "document",
        "accord",
        "quote",
        "add",
        "note",
        "warn",
        "allege",
        "publish",
        "film",
        "show",
        "call",
        "urge",
        "condemn",
        "recall",
    ]
)
ACCUSING = frozenset({"accuse", "blame"})
SOURCE_NOUNS = frozenset(
    ["source", "sources", "official", "officials", "spokesman", "spokesperson", "statement",
     "report", "reports", "bulletin", "communique", "spokesmen"]
)  # fmt: skip
PEOPLE_KINDS = frozenset({"civilians", "protesters"})
PLACE_NOUNS = frozenset(
    [
        "area",
        "areas",
        "neighbourhood",
        "neighbourhoods",
        "neighborhood",
        "neighborhoods",
        "district",
    ]
)
OBJECT_PREPS = frozenset(
    {"on", "against", "at", "in", "into", "upon", "targeting", "outside", "inside"}
)
# "set fire to X", "set X on fire": the "to" phrase of these words is what burns.
BURNING = frozenset({"set", "fire", "torch"})
# Words of doing violence to someone or something: their subject or "by" agent is the doer, their
# object the target (or victim, when people). Chosen from ACLED's definitions of battles,
# explosions/remote violence and violence against civilians (ACLED Codebook 2023: "attack",
# "abduct", "kill", "shell", "loot", "burn") and MUC-4's incident types (attack, bombing, arson,
# kidnapping, murder; MUC-4 task definition, INCIDENT: TYPE), with the verbs that deliver a bomb
# or grenade at something ("hurled grenades at the offices") and of sabotage ("knocked down").
VIOLENCE = frozenset(
    """attack kill murder assassinate massacre execute behead shoot gun stab hack wound injure
    kidnap abduct seize capture ambush raid storm bomb shell dynamite blow detonate plant fire
    torch burn loot destroy damage hit strike target spray assault machinegun rape beat lynch
    assassination murder killing bombing attack ambush kidnapping abduction raid arson massacre
    shooting explosion explode sabotage harass knock hurl throw lob""".split()  # noqa: SIM905
)
# Nouns for members of a force: "KDF soldiers", "army conscripts", "police forces" are the force.
FORCE_NOUNS = MILITARY_NOUNS | POLICE_NOUNS | {
    "soldier", "conscript", "conscripts", "personnel", "officer", "officers", "force", "troop",
    "unit", "jets", "aircraft", "fighter", "fighters", "patrol", "patrols", "convoy"
}  # fmt: skip
# Verbs of owning up to an act: their subject, with "responsibility" as object, is the doer.
CLAIMING = frozenset({"claim", "accept", "assume", "admit"})
# Verbs that put an act on someone: "attributed to X", "blamed on X" (X is the alleged doer).
ATTRIBUTING = frozenset({"attribute", "blame", "ascribe", "impute"})
# Head nouns of physical targets, one or more per MUC-4 physical target type (MUC-4 task
# definition, PHYS TGT: TYPE: civilian residence, commercial, communications, diplomat office or
# residence, energy, financial, government office or residence, law enforcement facility,
# military, organization office, transport vehicle, transportation route, transportation facility,
# water; government and organisation offices are often named by the body: "an attack on the
# Central Elections Council", "a bomb at the Agrarian Board") and ACLED's "Looting/property
# destruction" objects (ACLED Codebook 2023).
STRUCTURES = frozenset(
    """house houses home homes residence residences building buildings headquarters office
    offices embassy consulate store stores shop shops market bank banks hotel hotels inn inns
    restaurant mall factory plant warehouse church mosque school university hospital clinic
    station substation tower towers pylon pylons pole poles post posts line lines pipeline
    pipelines transformer transformers dam aqueduct bridge bridges road highway railway
    railroad track tracks airport port terminal vehicle vehicles car cars bus buses truck
    trucks train trains jeep helicopter aircraft plane boat convoy garrison barracks base
    outpost checkpoint installation installations facility facilities premises property
    properties center centre facilities warehouse farm farms ranch estate antenna network park
    branch branches
    system booth box boxes court courthouse prison jail ministry cathedral temple stadium
    council board commission agency institute""".split()  # noqa: SIM905
)
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
    citizen national foreigner attache minor""".split()  # noqa: SIM905
)
MILITARY_PEOPLE = frozenset({"soldier", "guard", "officer"})
POLICE_PEOPLE = frozenset({"policeman", "agent"})


@dataclass(frozen=True)
class Mention:
    span: Span
    kind: str
    name: str
    country_code: str | None
    role: ActorRole | None = None  # decided when the mention was found (hit objects)
    # A pronoun's named antecedent ("Posada ... kidnapped him"): the actor is named and located
    # (offsets, surface) by the antecedent, while its role is read from the pronoun's place.
    antecedent: Span | None = None


def _place_like(span: Span) -> bool:
    return span.root.lower_ in PLACE_NOUNS


def _is_source(span: Span) -> bool:
    root = span.root
    if root.dep_ == "compound" and root.head.lemma_.lower() in SOURCE_NOUNS:
        return True
    if root.lemma_.lower() in SOURCE_NOUNS:
        return True
    if _owns_up(root):  # "the FMLN claimed responsibility": the doer, not a source
        return False
    if root.dep_ in ("nsubj", "agent", "pobj") and root.head.lemma_.lower() in REPORTING:
        return not _reports_own_deed(root)
    head = root.head
    if _spoken_for(root):
        return True
    if root.dep_ == "pobj" and head.lower_ == "from":  # "reports from the Antioquia police"
        return head.head.lemma_.lower() in SOURCE_NOUNS or head.head.lower_ in SOURCE_NOUNS
    return root.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() == "accord"


# Verbs and nouns of speaking for someone ("speaking on behalf of", "a statement on behalf of").
SPEAKING = REPORTING | {"speak", "talk", "write", "address", "broadcast"}


def _spoken_for(root: Token) -> bool:
    """ "I am speaking on behalf of the armed forces", "a statement on behalf of the FMLN": the
    body a speaker speaks for is a source of what follows, not a doer in it."""
    if root.dep_ != "pobj" or root.head.lower_ != "of" or root.head.head.lower_ != "behalf":
        return False
    on = root.head.head.head
    return on.dep_ == "prep" and (
        on.head.lemma_.lower() in SPEAKING or on.head.lemma_.lower() in SOURCE_NOUNS
    )


# Pronouns a reported clause uses for the reporter itself ("the army said it had retaken X",
# "the group announced that its fighters ...").
SELF_PRONOUNS = frozenset({"it", "they", "we"})
SELF_POSSESSIVES = frozenset({"its", "their", "our"})


def _reports_own_deed(root: Token) -> bool:
    """ "The LNA reported that it had re-captured ...", "the rebels said their fighters attacked":
    a reporting subject whose reported clause has an active subject that is a pronoun for it
    ("it", "its forces") tells of its own deed, so it is the doer, not only a source. A passive
    clause ("police said they were attacked") makes the reporter the one hit, so it stays out."""
    if root.dep_ != "nsubj":
        return False
    verb = root.head
    for tok in verb.subtree:
        if tok.i <= root.i or tok.dep_ != "nsubj":
            continue
        if tok.head.i == verb.i or any(c.dep_ == "auxpass" for c in tok.head.children):
            continue
        if tok.lower_ in SELF_PRONOUNS:
            return True
        if any(c.dep_ == "poss" and c.lower_ in SELF_POSSESSIVES for c in tok.children):
            return True
    return False


def _belongs_to_named(span: Span, spans: list[Span]) -> bool:
    """ "MiG fighters belonging to the Libyan National Army", "gunmen belonging to Al Shabaab":
    a generic class word (no dictionary country of its own) said to belong to another actor
    names that actor's men or machines, so only the owner is an actor."""
    key = span.kb_id_
    if key.startswith("entry:") and actor_entries()[int(key.split(":")[1])].country_code:
        return False
    for clause in (c for c in span.root.children if c.dep_ == "acl"):
        if clause.lemma_.lower() != "belong":
            continue
        inside = {t.i for t in clause.subtree}
        if any(o is not span and o.start in inside for o in spans):
            return True
    return False


def mentions(sent: Span, default_country: Country | None) -> list[Mention]:
    """Actor mentions in a sentence, sources left out, names normalised."""
    out = []
    spans = list(actor_spans(sent.doc))
    for span in spans:
        if span.start < sent.start or span.end > sent.end or _is_source(span):
            continue
        if _belongs_to_named(span, spans):
            continue
        kind, key = span.label_, span.kb_id_
        if key.startswith("ethnic:"):
            country = default_country
            name = f"{key.split(':', 1)[1]} Ethnic Militia"
            name = f"{name} ({country.name})" if country else name
            code = country.country_code if country else None
        elif key.startswith("group:"):  # an acronym the dictionary does not know
            name, code = key.split(":", 1)[1], None
        elif key.startswith("entry:"):
            entry = actor_entries()[int(key.split(":")[1])]
            country = country_of_code(entry.country_code) if entry.country_code else default_country
            name = qualified_name(entry, country)
            code = entry.country_code or (country.country_code if country else None)
        else:
            country = country_of_code(key)
            name = state_name("police" if kind == "police" else "state", country)
            code = key
        out.append(Mention(span, kind, name, code))
    return out


def people(sent: Span, taken: list[Mention]) -> list[Mention]:
    """Named persons of the sentence (spaCy PERSON entities) not already an actor mention: they
    can be victims ("gunmen killed Luis Morales") or perpetrators, by syntax only; and personal
    pronouns that stand for a named person ("... tried to kidnap him"), see ``pronoun_people``."""
    used = {i for m in taken for i in range(m.span.start, m.span.end)}
    named = [
        Mention(ent, "person", ent.text, None)
        for ent in sent.ents
        if ent.label_ == "PERSON"
        and not used & set(range(ent.start, ent.end))
        and ent[-1].lower_ not in STRUCTURES  # "Maria Cordoba International Airport"
    ]
    return named + pronoun_people(sent)


# Personal pronouns that can be what violence was done to, by grammatical number. Object forms
# anywhere ("shot them to death", "killed her"); subject forms only as the passive subject ("he
# was kidnapped"), since an active subject pronoun is a doer (see ``carried_doer``). "her" as a
# possessive ("her house") is left out by its dependency.
SINGULAR_PRONOUNS = frozenset({"him", "her", "he", "she"})
PLURAL_PRONOUNS = frozenset({"them", "they"})
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
PRONOUN_DEPS = frozenset({"dobj", "pobj", "nsubjpass", "dative"})


def _persons_before(sent: Span, before: int) -> list[Span]:
    """PERSON entities of ``sent`` and of the sentence before it that end before token
    ``before``, nearest first."""
    doc = sent.doc
    sents = [sent]
    if sent.start > 0:
        sents.insert(0, doc[sent.start - 1].sent)
    ents = [e for s in sents for e in s.ents if e.label_ == "PERSON" and e.end <= before]
    return sorted(ents, key=lambda e: -e.start)


def _clause_verb(tok: Token) -> Token:
    """The verb whose clause ``tok`` is an argument of (through a preposition for objects)."""
    head = tok.head
    return head.head if tok.dep_ == "pobj" else head


def _coordinated(ent: Span, ents: list[Span]) -> list[Span]:
    """``ent`` with the PERSON entities coordinated with it ("X and Y")."""
    root = ent.root
    top = root
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    group = {top.i, *(c.i for c in top.conjuncts)}
    return [e for e in ents if e.root.i in group]


def _modifies_noun(ent: Span) -> bool:
    """A person named as the possessor or "of" complement of another noun ("X's son-in-law",
    "one of the bodyguards of X"): the noun phrase it modifies is the nearer referent."""
    root = ent.root
    # Up through the name's own noun phrase ("X, bank superintendent": the title heads it).
    while root.dep_ in ("compound", "nmod", "appos", "conj") and root.head.i != root.i:
        root = root.head
    if root.dep_ == "poss":
        return True
    head = root.head
    return root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PRON", "NUM")


def pronoun_people(sent: Span) -> list[Mention]:
    """Personal pronouns of ``sent`` in a victim's place, resolved to the nearest PERSON entity
    before them in the same or the previous sentence, of matching number: a singular pronoun
    takes one named person, a plural one ("them") the nearest coordinated persons ("X and Y").
    A person who is an argument of the pronoun's own verb is not its antecedent ("Gomez shot
    him": him is not Gomez, the binding principle for personal pronouns)."""
    out: list[Mention] = []
    for tok in sent:
        low = tok.lower_
        if low not in SINGULAR_PRONOUNS | PLURAL_PRONOUNS or tok.dep_ not in PRONOUN_DEPS:
            continue
        if low not in OBJECT_PRONOUNS and tok.dep_ != "nsubjpass":
            continue
        verb = _clause_verb(tok)
        ents = [e for e in _persons_before(sent, tok.i) if _clause_verb(e.root) != verb]
        if not ents:
            continue
        nearest = ents[0]
        if _modifies_noun(nearest):
            continue  # "the bodyguards of X ... attacked him": him is the nearer noun, unnamed
        group = _coordinated(nearest, ents)
        if low in PLURAL_PRONOUNS:
            if len(group) < 2:
                continue  # "them" for one named person: the antecedent is someone else
            chosen = group
        else:
            chosen = [nearest]
        span = sent.doc[tok.i : tok.i + 1]
        out += [Mention(span, "person", e.text, None, antecedent=e) for e in chosen]
    return out


def _owns_up(tok: Token) -> bool:
    """ "X claimed responsibility (for ...)": X is the doer."""
    head = tok.head
    return (
        tok.dep_ == "nsubj"
        and head.lemma_.lower() in CLAIMING
        and any(c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in head.children)
    )


def _held_responsible(tok: Token) -> bool:
    """ "Shining Path members were responsible for the attack", "X is behind the attack", "the
    hand of X is behind it": the subject of "be responsible (for)" or "be behind" is the doer (hedged like any other attribution when a hedge governs it)."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in HAND_NOUNS:
        tok = tok.head.head  # "the hand of the drug traffickers is behind the murder"
    head = tok.head
    return (
        tok.dep_ == "nsubj"
        and head.lemma_.lower() == "be"
        and any(
            (c.dep_ == "acomp" and c.lower_ == "responsible")
            or (c.dep_ == "prep" and c.lower_ == "behind")  # "X is behind the attack"
            for c in head.children
        )
    )


# "The hand of X (is behind ...)": the idiom names X as the one who acted.
HAND_NOUNS = frozenset({"hand", "hands"})


def _is_violence(tok: Token) -> bool:
    return tok.lemma_.lower() in VIOLENCE or tok.lower_ in VIOLENCE


def _object_like(tok: Token) -> bool:
    """A thing that can be hit: a building, vehicle or installation, or a named organisation or
    facility; places, dates and event words are not."""
    if tok.ent_type_ in ("DATE", "TIME", "NORP") or tok.lower_ in TIME_ZONES:
        return False  # "at 1100 GMT": the tagger may read the zone as an organisation
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
        return tok.lower_ not in STRUCTURES
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


def _hit_heads(verb: Token) -> list[Token]:
    """Heads of what ``verb`` acts on: object, passive subject, "an attack on X", "the murder of
    X", and their conjuncts ("the bank and two stores")."""
    if verb.lemma_.lower() in INSTRUMENT_VERBS:
        return []
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    preps = OBJECT_PREPS | ({"of"} if verb.pos_ == "NOUN" else set())
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
    before = [s for s in pronoun.doc.sents if s.end <= sent.start][-1:]
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
    verbs = [trigger.root] + [
        t
        for t in trigger.sent
        if (_is_violence(t) or _places_explosive(t) or _exploded_where(t)) and t.i != trigger.root.i
    ]
    out: list[Mention] = []
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
            out.append(Mention(span, kind, name or span.text, None, role))
            if kind == "person" and name is not None:  # "a peasant, Jose Manuel Posada"
                for ent in _names_of(head):
                    if not used & set(range(ent.start, ent.end)):
                        used |= set(range(ent.start, ent.end))
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


# Nouns for part of a group: "members of X", "a column of X", "commando groups of X" do what X
# does, so X takes the role of the noun.
PART_NOUNS = frozenset(
    """member members group groups column columns commando commandos unit units detachment
    detachments cell cells squad squads faction factions band bands militant militants fighter
    fighters guerrilla guerrillas""".split()  # noqa: SIM905
)
# Quantity words for part of a group: "a number of Ethiopian forces were killed", "two of the
# soldiers", "dozens of militants": the group takes the role the quantity has.
QUANTITY_NOUNS = frozenset(
    """number numbers dozen dozens score scores hundred hundreds thousand thousands handful
    majority some many several most few all one two three four five six seven eight nine
    ten""".split()  # noqa: SIM905
)


def _part_of(tok: Token) -> Token | None:
    """The part noun ``tok`` is the "of" complement of ("members of the Shining Path")."""
    head = tok.head
    if (
        tok.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.lower_ in PART_NOUNS | QUANTITY_NOUNS
    ):
        return head.head
    return None


# Event nouns whose possessor, when a person, is who suffered it: "Valencia's murder", "the
# colonel's kidnapping" (but "the FMLN's attack": a group's attack is its own).
SUFFERED = frozenset(
    """murder assassination execution killing kidnapping abduction death disappearance
    lynching beheading""".split()  # noqa: SIM905
)


def _suffers(tok: Token, event: Token) -> bool:
    return tok.ent_type_ == "PERSON" and bool(SUFFERED & {event.lemma_.lower(), event.lower_})


def _suffering_noun(tok: Token) -> bool:
    """A noun of what befalls someone ("death", "murder", "kidnapping"): its "of" object is who
    it befell, whatever else the sentence says ("the death of six soldiers as a result of
    guerrilla attacks")."""
    return tok.pos_ == "NOUN" and bool(SUFFERED & {tok.lemma_.lower(), tok.lower_})


def _suffered_in_clause(tok: Token) -> bool:
    """ "X, who was shot", "X, a municipal official who was killed", "X and Y, members of the
    front who were killed": a relative clause of the person (or of an apposition to them) says
    violence was done to them."""
    heads = [tok, *[c for c in tok.children if c.dep_ == "appos"]]
    for head in heads:
        for clause in (c for c in head.children if c.dep_ == "relcl"):
            verbs = [clause, *clause.conjuncts]
            if any(
                _is_violence(v) and any(c.dep_ == "nsubjpass" for c in v.children) for v in verbs
            ):
                return True
    return False


def _role_by_violence(tok: Token) -> ActorRole | None:
    """The role of ``tok`` relative to any word of violence it is linked to, for mentions the
    event word does not govern: "sprayed with bullets by assailants", "blamed on the FMLN"."""
    part = _part_of(tok)
    if part is not None:
        return _role_by_violence(part)
    if tok.dep_ in ("compound", "amod") and tok.head.lower_ in PART_NOUNS:  # "Shining Path members"
        return _role_by_violence(tok.head)
    if _modifies_force(tok):  # "a military convoy was ambushed": the convoy's role
        return _role_by_violence(tok.head)
    # Before the apposition's head: in "the funeral of a party member, X, a municipal official
    # who was shot", X's own apposition says what was done to X, the head says nothing.
    if _suffered_in_clause(tok):
        return ActorRole.TARGET
    if tok.dep_ == "appos":  # "kidnapped a peasant, Jose Manuel Posada": the peasant's role
        return _role_by_violence(tok.head)
    if _owns_up(tok) or _held_responsible(tok):
        return ActorRole.PERPETRATOR
    dep, head = tok.dep_, tok.head
    if dep == "conj":
        return _role_by_violence(head)
    if dep == "pobj" and head.lower_ == "of" and _of_event_after_place(tok):
        return ActorRole.TARGET  # "the murder in La Paz, Bolivia, of X"
    if dep == "pobj" and head.lower_ == "of" and _suffering_noun(head.head):
        return ActorRole.TARGET  # "the death of six soldiers", "the kidnapping of a mayor"
    if dep == "pobj" and head.lower_ in ("at", "against") and head.head.lemma_.lower() in AIMING:
        return ActorRole.TARGET  # "an action aimed directly at the police"
    if dep == "pobj" and head.lower_ in ("to", "on") and head.head.lemma_.lower() in ATTRIBUTING:
        return ActorRole.PERPETRATOR
    verb = head.head if dep == "pobj" else head
    if not _is_violence(verb):
        return None
    if dep == "nsubj" or (dep == "pobj" and (head.dep_ == "agent" or head.lower_ == "by")):
        return ActorRole.PERPETRATOR
    if dep == "poss" and verb.pos_ == "NOUN":  # "the FMLN's attack"; "Valencia's murder"
        return ActorRole.TARGET if _suffers(tok, verb) else ActorRole.PERPETRATOR
    if dep in ("dobj", "nsubjpass"):
        return ActorRole.TARGET
    if dep == "pobj" and head.lower_ in OBJECT_PREPS:
        return ActorRole.TARGET
    return None


def _modifies_force(tok: Token) -> bool:
    """ "a military convoy", "police officers", "an army patrol" with only the force word
    recognised as the actor: the force's people or vehicles are what the sentence says did or
    suffered something, so the force word takes their role, not one of its own by position."""
    head = tok.head
    return (
        tok.dep_ in ("compound", "amod")
        and head.i > tok.i
        and (head.lower_ in FORCE_NOUNS or head.lemma_.lower() in FORCE_NOUNS)
    )


def _role_by_syntax(tok: Token, trigger: Token) -> ActorRole | None:
    """The role of ``tok`` relative to the event word, or None when they are not linked."""
    part = _part_of(tok)
    if part is not None:
        return _role_by_syntax(part, trigger)
    if _modifies_force(tok) and tok.head != trigger:
        return _role_by_syntax(tok.head, trigger)
    if tok.dep_ == "appos":
        return _role_by_syntax(tok.head, trigger)
    dep, head = tok.dep_, tok.head
    if head == trigger:
        if dep == "poss" and _suffers(tok, head):
            return ActorRole.TARGET
        if dep == "nsubj" and head.lemma_.lower() in DYING:  # "six guerrillas died": the dead
            return ActorRole.TARGET
        if dep in ("nsubj", "poss", "amod", "compound", "nmod"):
            return ActorRole.PERPETRATOR
        if dep in ("nsubjpass", "dobj", "attr"):
            return ActorRole.TARGET
    if dep == "pobj" and head.head == trigger:
        prep = head.lower_
        if prep == "by" or head.dep_ == "agent":
            return ActorRole.PERPETRATOR
        if prep in OBJECT_PREPS or prep == "of":
            return ActorRole.TARGET
    if dep == "conj":
        return _role_by_syntax(head, trigger)
    # "X accused Y of shelling": Y is the (alleged) perpetrator.
    if dep == "dobj" and head.lemma_.lower() in ACCUSING and trigger in head.subtree:
        return ActorRole.PERPETRATOR
    return None


def _demonstrating(m: Mention) -> bool:
    """In a demonstration, civilians who are the subject of a clause ("angry residents barricaded
    roads") are the crowd."""
    return m.kind == "civilians" and m.span.root.dep_ == "nsubj" and not _place_like(m.span)


def _fallback_role(m: Mention, trigger: Span) -> ActorRole | None:
    if m.kind == "protesters":
        return ActorRole.PARTICIPANT
    if m.kind == "civilians":
        return ActorRole.TARGET if _place_like(m.span) else ActorRole.VICTIM
    if m.kind in ("demonym", "country", "person", "object"):
        return None
    if _owner_of_thing(m.span) and (
        m.kind in ("state", "police") or m.span.root.head.lemma_.lower() in STRUCTURES
    ):  # "a police post", "the paramilitary group's outpost"
        return None
    if _not_a_doer(m.span):
        return None
    return ActorRole.PERPETRATOR if m.span.start < trigger.start else None


def _not_a_doer(span: Span) -> bool:
    """By its place in the sentence, a mention that cannot be the doer of a later event word:
    the object of another verb ("the Ortega government trained FMLN fighters", "urges the
    militants to ...") or the subject of "be" ("the police are in charge of the investigation
    into the attack"). Links to words of violence and to the event word were read before
    this, so "X accused Y of the attack" and "X killed Y" keep their roles."""
    root = _part_of(span.root) or span.root  # "guerrillas of an unknown group": the guerrillas'
    while root.dep_ in ("compound", "amod", "nmod", "poss", "conj") and root.head.i != root.i:
        root = root.head
    if root.dep_ in ("dobj", "dative"):
        return True
    if root.dep_ == "pobj" and root.head.lower_ in ("from", "of") and root.head.head.i != root.i:
        # "a plane confiscated from drug traffickers", "squads composed of soldiers", "in
        # search of guerrillas": whom something was taken from, what a body is made of, who
        # was sought
        return root.head.head.lemma_.lower() in TAKEN_FROM | COMPOSED | SOUGHT
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in DYING | LAW_VERBS:
        # "six guerrillas died in a skirmish with army troops": the dead; "police arrested X,
        # who took part in the attack": the law acting after the event, not its doer
        return True
    if any(c.dep_ == "amod" and c.lower_ in CASUALTY_WORDS for c in span.root.children):
        return True  # "left behind by wounded rebels who fled": the wounded
    return root.dep_ == "nsubj" and root.head.lemma_.lower() == "be"


# Verbs whose "from" object lost something, and whose "of" object a body is made of.
TAKEN_FROM = frozenset({"confiscate", "seize", "capture", "take", "recover", "steal", "buy"})
COMPOSED = frozenset({"compose", "consist", "comprise", "make"})
SOUGHT = frozenset({"search", "hunt", "pursuit"})
DYING = frozenset({"die", "perish"})
# Verbs of pointing an act at someone: their "at"/"against" object is what it was meant to hit.
AIMING = frozenset({"aim", "direct"})
# Verbs of the law's response to violence (ACLED's "Arrests" is its own event, read from its own
# trigger): their subject is no doer of the violence told beside them.
LAW_VERBS = frozenset(
    {"arrest", "detain", "jail", "charge", "prosecute", "sentence", "convict", "investigate"}
)
# Adjectives that make people casualties ("wounded rebels", "the dead soldiers").
CASUALTY_WORDS = frozenset({"wounded", "injured", "dead", "slain", "killed", "murdered"})


def _owner_of_thing(span: Span) -> bool:
    """ "a police post", "the army's actions": state forces named as the modifier of a thing are
    not, by position alone, the doer of the event. (Named groups modifying their members, "FMLN
    guerrillas", keep their positional role.)"""
    root = span.root
    head = root.head
    if root.dep_ not in ("compound", "amod", "nmod", "poss") or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.lower_ in FORCE_NOUNS or head.lemma_.lower() in FORCE_NOUNS:  # "KDF soldiers"
        return False
    return not _is_violence(head) and head.i >= span.end


def assign_roles(
    sent_mentions: Iterable[Mention], trigger: Span, *, by_position: bool = True
) -> list[Actor]:
    """Actors linked to ``trigger`` (in the same sentence), with roles and hedging.
    ``by_position``: an armed actor before the event word is its perpetrator even without a
    syntactic link (off for demonstrations, where bystanders are named too)."""
    out = []
    for m in sent_mentions:
        role = m.role or _role_by_syntax(m.span.root, trigger.root)
        if role is None and by_position:  # in demonstrations only the event word decides
            role = _role_by_violence(m.span.root)
        if role is None and not by_position and _demonstrating(m):
            role = ActorRole.PARTICIPANT
        if role is None and (by_position or m.kind in PEOPLE_KINDS):
            role = _fallback_role(m, trigger)
        if role is None:
            continue
        if m.antecedent is not None and role != ActorRole.TARGET:
            continue  # a pronoun stands in for a victim only ("kidnapped him"), not for a doer
        if m.kind == "protesters":
            role = ActorRole.PARTICIPANT if role == ActorRole.PERPETRATOR else role
        elif m.kind == "object" and role == ActorRole.PERPETRATOR:
            continue
        elif (
            role == ActorRole.TARGET
            and m.kind in PEOPLE_KINDS | {"person"}
            and not _place_like(m.span)
        ):
            role = ActorRole.VICTIM
        # The event's hedge ("appear to have been dropped by X") qualifies who did it; what was
        # hit is hedged only by its own words ("alleged victims").
        evidence = m.antecedent if m.antecedent is not None else m.span
        hedged = (
            is_hedged(trigger, m.span) if role == ActorRole.PERPETRATOR else is_hedged_actor(m.span)
        )
        out.append(
            Actor(
                name=m.name,
                role=role,
                country_code=m.country_code,
                hedged=hedged,
                start=evidence.start_char,
                end=evidence.end_char,
                surface=written(evidence),
            )
        )
    return out


# Words of a follow-up sentence that names who did it ("Al Shabaab suspected.", "X is believed
# to be responsible", "X claimed responsibility", "the attack was blamed on X").
RESPONSIBILITY = frozenset(
    {"suspect", "suspected", "responsible", "responsibility", "blame", "attribute", "behind"}
)
ARMED_MENTION_KINDS = frozenset({"state", "police", "rebel", "militia", "unidentified", "external"})
FOLLOW_UP = 2  # sentences after the incident's last one that may name the doer (notes, wires)


def responsible(after: Span, country: Country | None) -> list[Actor]:
    """Perpetrators named in the ``FOLLOW_UP`` sentences after ``after`` by a statement of
    responsibility; hedged unless the group owns up ("claimed responsibility")."""
    doc = after.doc
    out: list[Actor] = []
    sents = [s for s in doc.sents if s.start >= after.end][:FOLLOW_UP]
    for sent in sents:
        if not any(t.lemma_.lower() in RESPONSIBILITY or t.lower_ in RESPONSIBILITY for t in sent):
            continue
        for m in mentions(sent, country):
            if m.kind not in ARMED_MENTION_KINDS:
                continue
            out.append(
                Actor(
                    name=m.name,
                    role=ActorRole.PERPETRATOR,
                    country_code=m.country_code,
                    hedged=not _owns_up(m.span.root),
                    start=m.span.start_char,
                    end=m.span.end_char,
                    surface=written(m.span),
                )
            )
        if out:
            break
    return out


# Subject pronouns that carry the doer over from the sentence before ("FARDC soldiers dismantled
# a position. They also captured arms.").
CARRIED_PRONOUNS = frozenset({"they", "it"})


def carried_doer(trigger: Span, country: Country | None) -> list[Actor]:
    """The perpetrator of an event word whose active subject is "they"/"it": the armed active
    subject of the sentence before, the nearest antecedent a subject pronoun takes up."""
    verb = trigger.root if trigger.root.pos_ in ("VERB", "AUX") else trigger.root.head
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # "They also captured arms and released ...": the first verb's subject
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ not in CARRIED_PRONOUNS:
        return []
    doc = trigger.doc
    before = [s for s in doc.sents if s.end <= trigger.sent.start]
    if not before:
        return []
    out = []
    for m in mentions(before[-1], country):
        root = _part_of(m.span.root) or m.span.root
        while root.dep_ in ("compound", "amod") and root.head.i != root.i:
            root = root.head
        if m.kind not in ARMED_MENTION_KINDS or root.dep_ != "nsubj":
            continue
        if any(c.dep_ == "auxpass" for c in root.head.children):
            continue
        out.append(
            Actor(
                name=m.name,
                role=ActorRole.PERPETRATOR,
                country_code=m.country_code,
                hedged=is_hedged_actor(m.span),
                start=m.span.start_char,
                end=m.span.end_char,
                surface=written(m.span),
            )
        )
    return out


_SPECIFIC = {"state": 3, "police": 3, "demonym": 1, "country": 1}


def merge_actors(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    """One actor per (name, role). Hedged if any mention hedges it: one hedged attribution by the
    source means the attribution is not established. The longest surface form keeps its offsets."""
    merged: dict[tuple[str, ActorRole], Actor] = {}
    for a in actors:
        key = (a.name, a.role)
        old = merged.get(key)
        if old is None:
            merged[key] = a
            continue
        best = a if (a.end - a.start) > (old.end - old.start) else old
        merged[key] = best.model_copy(update={"hedged": old.hedged or a.hedged})
    # The crowd of a demonstration comes first, as ACLED's actor1 ("Protesters (X)" with
    # "Police Forces of X" as actor2 when police intervene); elsewhere there is no participant.
    order = {
        ActorRole.PARTICIPANT: 0,
        ActorRole.PERPETRATOR: 1,
        ActorRole.TARGET: 2,
        ActorRole.VICTIM: 3,
    }
    return tuple(sorted(merged.values(), key=lambda a: (order[a.role], a.start)))
