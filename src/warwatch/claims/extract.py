"""Find claims in a parsed text: who says what about an event, with which stance and hedging.

A claim is anchored on a cue (eval/CLAIMS_LABELLING.md, rule C): "according to X", a reporting,
denial or blame verb, a verification verb whose subject is a monitor ("Amnesty experts located
..."), or ACLED's "no casualties reported". Everything is read from the Doc the pipeline already
parsed (dependency labels, lemmas, entities): no second spaCy pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Claim, Stance
from .claimants import PRONOUNS, Claimant, claimants_of, lexicon_spans, normalise
from .doccache import index_at, sentences, text_of
from .lexicon import ClaimantEntry, cue_set
from .method import methods_in
from .stance import about_of, is_hedged, stance_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
RELATIVES = frozenset({"that", "which", "who"})
GENERIC_KINDS = frozenset({"group", "sources"})
# verbs whose subject is a monitor make a corroboration claim (rule S, corroborates)
VERIFY_VERBS = frozenset({"locate", "geolocate", "identify", "verify", "document", "analyse"})
MONITOR_KINDS = frozenset({"ngo", "un", "monitor"})
# definite descriptions that point back to the last body of that kind ("the NGO")
ANAPHORS = {
    "ngo": MONITOR_KINDS,
    "organisation": MONITOR_KINDS,
    "organization": MONITOR_KINDS,
    "rights group": MONITOR_KINDS,
    "group": MONITOR_KINDS,
    "agency": frozenset({"agency", "un"}),
    "ministry": frozenset({"government"}),
}
# how far back a pronoun subject may find its claimant: the quote rule's limit (quotes.py)
MAX_BACK_SENTENCES = 3
NEGATORS = frozenset({"no", "any", "without", "not"})


@dataclass(frozen=True)
class FoundClaim:
    claim: Claim
    claimant: Claimant | None
    cue: int  # token index of the cue word
    sentence: tuple[int, int]  # character offsets of its sentence


def find_claims(doc: Doc, start: int = 0, end: int | None = None) -> list[FoundClaim]:
    """Claims whose cue lies in characters [start, end) of ``doc``, in text order."""
    end = len(text_of(doc)) if end is None else end
    found: list[FoundClaim] = []
    for sent in sentences(doc):
        if sent.end_char <= start or sent.start_char >= end:
            continue
        for token in sent:
            if start <= token.idx < end:
                claim = _claim_at(token, sent, found)
                if claim is not None:
                    found.append(claim)
    return found


def sentence_hedged(sent: Span) -> bool:
    return is_hedged(t for t in sent if not _not_informant_pp(t))


def _not_informant_pp(token: Token) -> bool:
    """'according to which/the rules': not a source, so no hedge either (rule C)."""
    if token.lower_ not in ("according", "to"):
        return False
    i = token.i if token.lower_ == "according" else token.i - 1
    doc = token.doc
    if i < 0 or i + 2 >= len(doc) or doc[i].lower_ != "according":
        return False
    obj = _pobj(doc[i + 1])
    return obj is not None and obj.lemma_.lower() in cue_set("not_informants")


def _claim_at(token: Token, sent: Span, before: list[FoundClaim]) -> FoundClaim | None:
    doc = token.doc
    if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
        return _according_to(token, sent, before)
    if token.dep_ == "amod" and token.lower_ == "reported":
        return _no_reported(token, sent)
    if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.tag_.startswith("VB")):
        return _verb_claim(token, sent, before)
    return None


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _according_to(token: Token, sent: Span, before: list[FoundClaim]) -> FoundClaim | None:
    doc = token.doc
    obj = _pobj(doc[token.i + 1])
    if obj is None:
        obj = next((t for t in doc[token.i + 2 : sent.end] if t.pos_ in ("NOUN", "PROPN")), None)
    if obj is None or obj.lemma_.lower() in cue_set("not_informants"):
        return None
    pp_end = max(obj.right_edge.i + 1, obj.i + 1)
    direct = claimants_of(obj)
    named = direct[0] if direct and direct[0].kind not in GENERIC_KINDS else None
    is_document = obj.lemma_.lower() in cue_set("document_nouns")
    claimant = named or (_owner(obj, before) if is_document else None)
    if claimant is None:
        # translated copy puts the body after a participle: "the complaint made ... Amnesty"
        inside = _lex_in(doc, token.i + 2, sent.end)
        if inside:
            s, e = min((s, e) for s, e, _ in inside)
            claimant = normalise(doc, s, e)
    if claimant is None:
        claimant = _resolve(claimants_of(obj), token, before)
    relays = claimant is not None and claimant.kind in ("media", "agency")
    # by the word, not the lemma: "the source" (a coded outlet) relays, "sources" (people) assert
    first_noun = next((t for t in doc[token.i + 2 : pp_end] if t.pos_ in ("NOUN", "PROPN")), obj)
    medium = obj.lower_ in cue_set("media_heads") or first_noun.lower_ in cue_set("media_heads")
    stance = Stance.REPORTS if relays or medium else Stance.ASSERTS
    content = [t for t in sent if not (token.i <= t.i < pp_end)]
    return _make(token, sent, stance, claimant, content, hedged=True)


def _no_reported(token: Token, sent: Span) -> FoundClaim | None:
    """ACLED's "No reported combatant dead" / "without any reported casualties"."""
    head = token.head
    negated = any(c.lower_ in NEGATORS for c in head.children) or any(
        t.lower_ in NEGATORS for t in token.doc[max(sent.start, token.i - 2) : token.i]
    )
    if not negated:
        return None
    return _make(token, sent, Stance.REPORTS, None, list(head.subtree), hedged=False)


def _verb_claim(verb: Token, sent: Span, before: list[FoundClaim]) -> FoundClaim | None:
    lemma = verb.lemma_.lower()
    stance = stance_of(verb)
    if stance is None and lemma in VERIFY_VERBS:
        subject = _subject(verb)
        claimant = _resolve(claimants_of(subject) if subject is not None else [], verb, before)
        if claimant is None or claimant.kind not in MONITOR_KINDS:
            return None
        return _make(verb, sent, Stance.CORROBORATES, claimant, list(verb.subtree), False)
    if stance is None:
        return None
    quoted_subject = _scare_quoted_subject(verb)
    if quoted_subject is not None:
        claimant = _resolve(claimants_of(quoted_subject), verb, before)
    elif _skip_verb(verb):
        return None
    else:
        claimant = _claimant_of_verb(verb, before)
    if claimant is not None and stance == Stance.ASSERTS:
        subject = _subject(verb)
        if subject is not None and subject.lemma_.lower() in cue_set("document_nouns"):
            stance = Stance.REPORTS  # "the UPI report says"
    claimant_chars = (claimant.start, claimant.end) if claimant else (-1, -1)
    clause = verb.head if quoted_subject is not None else verb
    content = [t for t in clause.subtree if not claimant_chars[0] <= t.idx < claimant_chars[1]]
    hedged = is_hedged(content) or is_hedged([verb])
    return _make(verb, sent, stance, claimant, content, hedged)


def _scare_quoted_subject(verb: Token) -> Token | None:
    """X “corroborated” Y: quote marks make the parser read the verb as an adjective; the
    subject is the noun right before the opening mark."""
    doc = verb.doc
    if verb.dep_ != "amod" or verb.i < 2 or not doc[verb.i - 1].is_quote:
        return None
    subject = doc[verb.i - 2]
    return subject if subject.dep_ in SUBJECTS and subject.pos_ in ("NOUN", "PROPN") else None


def _skip_verb(verb: Token) -> bool:
    """Not a reporting use: a participle modifying a noun ("the emergency announced by the
    government"), a conjoined verb of the same speaker ("he said and added"), or "quoted in"."""
    lemma = verb.lemma_.lower()
    if _rhetorical(verb):
        return True
    blame = stance_of(verb) == Stance.BLAMES  # "a man accused of theft": an agentless claim
    if verb.dep_ == "acl" and not blame and not any(c.dep_ == "agent" for c in verb.children):
        return True
    if verb.dep_ == "acl" and verb.lemma_.lower() in ("announce", "declare", "state"):
        return True
    if verb.dep_ == "conj" and stance_of(verb.head) is not None:
        own_subject = any(c.dep_ in SUBJECTS for c in verb.children)
        return not own_subject
    if (
        lemma == "quote"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in SUBJECTS for c in verb.children)
    ):
        return True  # "X, …, quoted in a statement": a credit line, not a new claim
    return verb.dep_ == "amod"


def _rhetorical(verb: Token) -> bool:
    """ "no one can deny", "which cannot be denied": a negated cue under a modal, or one whose
    subject is "no one"/"nobody", states no claim (rule C)."""
    negated = any(c.dep_ == "neg" for c in verb.children)
    modal = any(c.tag_ == "MD" for c in verb.children)
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    nobody = subject is not None and (
        subject.lower_ in ("nobody", "none") or (subject.lower_ == "one" and _has_no(subject))
    )
    return (negated and modal) or nobody


def _has_no(token: Token) -> bool:
    return any(c.lower_ == "no" for c in token.children) or (
        token.i > 0 and token.doc[token.i - 1].lower_ == "no"
    )


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb``, climbing through xcomp/acomp/advcl/conj heads (3 steps at most)."""
    node = verb
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            return subj
        climbs = node.dep_ in ("xcomp", "acomp", "conj", "pcomp") or (
            node.dep_ == "advcl" and node.tag_ == "VBG"  # "…, claiming that": not "when X said"
        )
        if climbs and node.head is not node:
            node = node.head
        else:
            return None
    return None


def _claimant_of_verb(verb: Token, before: list[FoundClaim]) -> Claimant | None:
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    if agent is not None:
        obj = _pobj(agent)
        if obj is None:
            return None
        if obj.lemma_.lower() in cue_set("document_nouns"):
            return _owner(obj, before)
        return _resolve(claimants_of(obj), verb, before)
    passive = verb.tag_ == "VBN" and verb.dep_ in ("relcl", "acl")
    if any(c.dep_ == "nsubjpass" for c in verb.children) or passive:
        return None  # agentless passive: "he was accused of", "no casualties were reported"
    subject = _subject(verb)
    if subject is None:
        return None
    if subject.lower_ in RELATIVES and verb.dep_ == "relcl":
        subject = verb.head  # "a report that accuses …": the report's owner speaks
    direct = claimants_of(subject)
    if direct and direct[0].kind not in GENERIC_KINDS:
        return direct[0]  # a named body, even if its name ends in "Post" or "Report"
    if subject.lemma_.lower() in cue_set("document_nouns"):
        owner = _owner(subject, before)
        if owner is not None:
            return owner
    return _resolve(claimants_of(subject), verb, before)


def _owner(noun: Token, before: list[FoundClaim]) -> Claimant | None:
    """Who issued a document/medium: its possessor, compound, "of/from/by X", "published by X",
    else the last claimant named before it ("according to the statement")."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ in ("its", "their", "his", "her"):
            governing = noun.head if noun.head.pos_ in ("VERB", "AUX") else None
            subject = _subject(governing) if governing is not None else None
            found = claimants_of(subject) if subject is not None else []
            if found:
                return found[0]  # "HRW presented its report, which stated"
        if child.dep_ in ("poss", "compound") and child.pos_ in ("PROPN", "NOUN"):
            found = claimants_of(child)
            if found:
                return found[0]
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "by"):
            obj = _pobj(child)
            if obj is not None:
                return _resolve(claimants_of(obj), noun, before)
        if child.dep_ == "acl":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            obj = _pobj(agent) if agent is not None else None
            if obj is not None:
                return _resolve(claimants_of(obj), noun, before)
    para = text_of(noun.doc).rfind("\n", 0, noun.idx) + 1  # same paragraph only
    named = [
        f.claimant
        for f in before
        if f.claimant is not None and para <= f.claimant.start and f.claimant.end <= noun.idx
    ]
    return named[-1] if named else None


def _lex_in(doc: Doc, start: int, end: int) -> list[tuple[int, int, ClaimantEntry]]:
    return [(s, e, entry) for s, e, entry in lexicon_spans(doc) if s >= start and e <= end]


def _resolve(found: list[Claimant], cue: Token, before: list[FoundClaim]) -> Claimant | None:
    """Resolve pronouns and "the NGO" to the last fitting claimant named before the cue."""
    doc = cue.doc
    if found:
        first = found[0]
        kinds = ANAPHORS.get(first.name.lower())
        if kinds is None:
            return first
        return _last_of_kind(doc, cue, kinds) or first
    subject = _subject(cue) if cue.pos_ in ("VERB", "AUX") else None
    if subject is None or subject.lower_ not in PRONOUNS:
        return None
    here = index_at(doc, cue.idx)  # a pronoun reaches back a few sentences, never further
    before = [f for f in before if here - index_at(doc, f.sentence[0]) <= MAX_BACK_SENTENCES]
    if subject.lower_ in ("he", "she"):
        people = [f.claimant for f in before if f.claimant and f.claimant.kind == "person"]
        return people[-1] if people else None
    if subject.lower_ in ("they", "we"):
        groups = [f.claimant for f in before if f.claimant and f.claimant.kind != "person"]
        return groups[-1] if groups else None
    return None


def _last_of_kind(doc: Doc, cue: Token, kinds: frozenset[str]) -> Claimant | None:
    earlier = [(s, e, x) for s, e, x in lexicon_spans(doc) if e <= cue.i and x.kind in kinds]
    if not earlier:
        return None
    s, e, _ = max(earlier, key=lambda t: t[1])
    return normalise(doc, s, e)


def _make(
    cue: Token,
    sent: Span,
    stance: Stance,
    claimant: Claimant | None,
    content: list[Token],
    hedged: bool,
) -> FoundClaim:
    kind = claimant.kind if claimant else None
    methods = methods_in(sent, kind) if claimant is not None else ()
    claim = Claim(
        claimant=claimant.name if claimant else None,
        stance=stance,
        about=about_of(content, stance),
        hedged=hedged,
        method=methods,
        start=sent.start_char,
        end=sent.end_char,
    )
    return FoundClaim(claim, claimant, cue.i, (sent.start_char, sent.end_char))
