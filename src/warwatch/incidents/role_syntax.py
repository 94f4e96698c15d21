"""The role of a mention from its syntactic link to the event word or to another word of violence:
doer (subject, "by" agent, possessor of an event noun), target or victim (object, passive
subject, "on"/"against" phrase), and the positional fallback with what rules a doer out.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..kb.actors import (
    MILITARY_NOUNS,
    POLICE_NOUNS,
)
from ..model import ActorRole
from .mention import Mention
from .role_words import OBJECT_PREPS, STRUCTURES, _is_violence, _place_like
from .targets import _of_event_after_place

ACCUSING = frozenset({"accuse", "blame"})
# Nouns for members of a force: "KDF soldiers", "army conscripts", "police forces" are the force.
FORCE_NOUNS = MILITARY_NOUNS | POLICE_NOUNS | {
    "soldier", "conscript", "conscripts", "personnel", "officer", "officers", "force", "troop",
    "unit", "jets", "aircraft", "fighter", "fighters", "patrol", "patrols", "convoy"
}  # fmt: skip
# Verbs of owning up to an act: their subject, with "responsibility" as object, is the doer.
CLAIMING = frozenset({"claim", "accept", "assume", "admit"})
# Verbs that put an act on someone: "attributed to X", "blamed on X" (X is the alleged doer).
ATTRIBUTING = frozenset({"attribute", "blame", "ascribe", "impute"})


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


# Head nouns of a body a name modifies ("the Shining Path guerrilla movement", "the FMLN
# urban commando organisation"): the name stands for the body, so it takes the body's role.
BODY_NOUNS = frozenset(
    """movement organization organisation group army front party cartel faction network
    militia command""".split()  # noqa: SIM905
)


def _body_named(tok: Token) -> Token | None:
    """The body noun ``tok`` names through a chain of modifiers before it, or None."""
    head = tok
    while head.dep_ in ("compound", "amod") and head.head.i > head.i:
        head = head.head
    if head is tok or head.pos_ != "NOUN" or head.lower_ not in BODY_NOUNS | PART_NOUNS:
        return None
    return head


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
    body = _body_named(tok)
    if body is not None:  # "by members of the Shining Path guerrilla movement"
        return _role_by_violence(body)
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
    if _named_casualty(tok):  # "the wounded are X and Y", "X was among the dead"
        return ActorRole.TARGET
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
    body = _body_named(tok)
    if body is not None and tok.head != trigger:  # "the Shining Path guerrilla movement"
        return _role_by_syntax(body, trigger)
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
# Words for the people an act hit, as a copula's subject or "among" object names them.
CASUALTY_NOUNS = CASUALTY_WORDS | {"victim", "victims", "casualties", "hostages"}


def _named_casualty(tok: Token) -> bool:
    """ "The wounded are X and Y", "the victims were X", "X was among the dead": a copula that
    names who was hit (the predicate noun of "be" with a casualty word as subject, or the
    subject of "be among" the casualties)."""
    head = tok.head
    if head.lemma_.lower() != "be":
        return False
    if tok.dep_ == "attr":
        return any(c.dep_ == "nsubj" and c.lower_ in CASUALTY_NOUNS for c in head.children)
    return tok.dep_ == "nsubj" and any(
        c.dep_ == "prep"
        and c.lower_ == "among"
        and any(g.dep_ == "pobj" and g.lower_ in CASUALTY_NOUNS for g in c.children)
        for c in head.children
    )


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


# Prepositions of comparison: "rifles like the ones the army uses" names the army as a likeness,
# not as a side in the event told.
COMPARING = frozenset({"like", "unlike"})
# Verbs of letting: "we cannot let the guerrillas kill us", "do not allow them to bomb the city":
# negated, they tell of an act to be prevented, not of one done.
LETTING = frozenset({"let", "allow", "permit"})


def _out_of_event(span: Span) -> bool:
    """A mention the sentence names outside any act it reports: inside a comparison ("like the
    ones the army uses"), or the doer of an act someone will not let happen."""
    root = span.root
    if any(a.dep_ == "prep" and a.lower_ in COMPARING for a in root.ancestors):
        return True
    if _kind_of_act(span):
        return True
    verb = root.head
    if root.dep_ != "nsubj" or not _is_violence(verb) or verb.dep_ not in ("ccomp", "xcomp"):
        return False
    let = verb.head
    return let.lemma_.lower() in LETTING and any(c.dep_ == "neg" for c in let.children)


# Adjectives of a force that, alone before an event noun, say what kind of act it was ("a
# military attack", "military offensives against the rebels"), not whose. Not "paramilitary":
# headlines use it as the noun ("Paramilitary open fire on ...").
KIND_ADJECTIVES = frozenset({"military"})
# Nouns of organised acts a kind adjective qualifies as often as a word of violence.
OPERATION_NOUNS = frozenset({"operation", "offensive", "action", "campaign"})


def _kind_of_act(span: Span) -> bool:
    """A lone force adjective modifying an event noun ("military operations"): no actor named."""
    root, head = span.root, span.root.head
    if len(span) != 1 or root.lower_ not in KIND_ADJECTIVES or root.dep_ != "amod":
        return False
    return head.pos_ == "NOUN" and (_is_violence(head) or head.lemma_.lower() in OPERATION_NOUNS)
