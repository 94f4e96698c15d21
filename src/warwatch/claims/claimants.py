"""Who makes a claim: find the claimant phrase of a cue and normalise it to a canonical name.

Order of normalisation (eval/CLAIMS_LABELLING.md, rule N): a lexicon body named inside the phrase
("the Amnesty experts" -> Amnesty International); a state office with its country ("the defence
ministry of Azerbaijan" -> Ministry of Defence of Azerbaijan); a person's name without titles; a
country alone; otherwise the words as written minus leading determiners ("Armenian sources").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from .countries import iso2, short_name
from .lexicon import ClaimantEntry, claimant_by_name, claimants, offices

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span, Token

PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "we",
        "i",
        "it",
        "him",
        "her",
        "them",
        "who",
        "which",
        "that",
        "this",
        "those",
        "these",
    ]
)
# leading words that quantify or determine a group, never part of its name (rule N)
LEADING = frozenset(
    [
        "the",
        "a",
        "an",
        "some",
        "several",
        "many",
        "most",
        "around",
        "about",
        "over",
        "nearly",
        "almost",
        "one",
        "of",
        "group",
        "number",
        "few",
        "other",
        "others",
    ]
)
TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "general",
        "col",
        "colonel",
        "lt",
        "president",
        "minister",
    ]
)
CACHE_KEY = "warwatch.claims.lexicon_spans"
# characters of quote marks as mojibake ("â€™" is ’ read as cp1252), never part of a name
MOJIBAKE = frozenset("â€™œ˜\x9d\ufffd\"'`“”‘’„«»")
GENERIC_KINDS = {"sources": "sources", "source": "sources", "officials": "officials"}


@dataclass(frozen=True)
class Claimant:
    name: str
    kind: str  # lexicon kind, "person", "sources", "group" or "state"
    country: str | None
    start: int  # character offsets of the phrase in the doc
    end: int
    surface: str


@cache
def _tokenizer():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("en").tokenizer


_MATCHERS: dict[int, PhraseMatcher] = {}


def _matcher(doc: Doc) -> PhraseMatcher:
    """One PhraseMatcher per vocab: acronyms (all caps) match exactly, names case-insensitively."""
    key = id(doc.vocab)
    if key not in _MATCHERS:
        from spacy.matcher import PhraseMatcher

        matcher = PhraseMatcher(doc.vocab, attr="LOWER")
        exact = PhraseMatcher(doc.vocab, attr="ORTH")
        tok = _tokenizer()
        for entry in claimants():
            is_acronym = entry.pattern.isupper() or entry.pattern.islower()
            target = exact if (is_acronym and len(entry.pattern) <= 6) or entry.exact else matcher
            target.add(entry.name, [tok(entry.pattern)])
        _MATCHERS[key] = matcher
        _MATCHERS[-key] = exact
    return _MATCHERS[key]


def lexicon_spans(doc: Doc) -> list[tuple[int, int, ClaimantEntry]]:
    """(token start, token end, entry) for every lexicon body in the doc, longest first.
    Matched once per Doc and kept in ``doc.user_data`` (every claim asks again)."""
    cached: list[tuple[int, int, ClaimantEntry]] | None = doc.user_data.get(CACHE_KEY)
    if cached is not None:
        return cached
    _matcher(doc)
    found = list(_MATCHERS[id(doc.vocab)](doc)) + list(_MATCHERS[-id(doc.vocab)](doc))
    by_name = claimant_by_name()
    out = [(s, e, by_name[doc.vocab.strings[m]]) for m, s, e in found]
    out.sort(key=lambda t: (t[0] - t[1], t[0]))
    doc.user_data[CACHE_KEY] = out
    return out


def _office_match(tokens: list[Token]) -> tuple[str, str, str] | None:
    """(template, kind, iso2) when ``tokens`` are only an office and its country, else None."""
    words = [t.lower_ for t in tokens if t.pos_ not in ("DET", "PUNCT") and t.lower_ != "of"]
    words = [w.removesuffix("'s").removesuffix("’s") for w in words if w not in ("'s", "’s")]
    for office in offices():
        phrase = [w for w in office.phrase.split() if w != "of"]
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if words[i : i + n] != phrase:
                continue
            rest = words[:i] + words[i + n :]
            code = iso2(" ".join(rest)) if rest else None
            if code:
                return office.template, office.kind, code
    return None


def _office_prefix(tokens: list[Token]) -> tuple[str, str, str] | None:
    """ "Ministry of Defence of Azerbaijan military forces …" (a missing comma): the longest
    leading run of tokens that is an office and its country."""
    for cut in range(len(tokens) - 1, 1, -1):
        found = _office_match(tokens[:cut])
        if found:
            return found
    return None


def _strip_leading(tokens: list[Token]) -> list[Token]:
    i = 0
    while i < len(tokens) - 1 and (tokens[i].lower_ in LEADING or tokens[i].like_num):
        i += 1
    return tokens[i:]


def _person(tokens: list[Token]) -> str | None:
    ents = [t for t in tokens if t.ent_type_ == "PERSON"]
    if not ents:
        return None
    ent_tokens = [t for t in tokens if t.ent_type_ == "PERSON" and t.lower_ not in TITLES]
    # the last contiguous run of PERSON tokens: "chairman ... justice j s verma" -> "j s verma"
    run: list[Token] = []
    for t in ent_tokens:
        if run and t.i != run[-1].i + 1:
            run = []
        run.append(t)
    return " ".join(t.text for t in run) or None


def normalise(doc: Doc, start: int, end: int) -> Claimant | None:
    """The claimant named by tokens ``doc[start:end]``; None for a bare pronoun or nothing."""
    tokens = [t for t in doc[start:end] if not t.is_space and not _garbage(t)]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in ("the", "a", "an")):
        tokens.pop(0)
    if not tokens or (len(tokens) == 1 and tokens[0].lower_ in PRONOUNS):
        return None
    span = doc[tokens[0].i : tokens[-1].i + 1]
    return _name_of(doc, span, tokens)


def _garbage(token: Token) -> bool:
    """Quote marks and their mojibake (UTF-8 read as cp1252: "â€œ", "â€™â€™", "�")."""
    return token.is_quote or "â€" in token.text or all(ch in MOJIBAKE for ch in token.text)


def _name_of(doc: Doc, span: Span, tokens: list[Token]) -> Claimant:
    def make(name: str, kind: str, country: str | None) -> Claimant:
        return Claimant(name, kind, country, span.start_char, span.end_char, span.text)

    for s, e, entry in lexicon_spans(doc):
        if s >= span.start and e <= span.end:
            return make(entry.name, entry.kind, entry.country)
    office = _office_match(tokens) or _office_prefix(tokens)
    if office:
        template, kind, code = office
        return make(template.format(country=short_name(code)), kind, code)
    person = _person(tokens)
    if person and len(tokens) <= 8:
        return make(person, "person", None)
    state = iso2(span.text)
    if state:
        return make(short_name(state), "state", state)
    words = _strip_leading(tokens)
    text = doc[words[0].i : words[-1].i + 1].text
    head = words[-1].lower_
    kind = GENERIC_KINDS.get(head, "group")
    country = next((iso2(t.text) for t in words if iso2(t.text)), None)
    return make(text, kind, country)


def person_in(doc: Doc, claimant: Claimant) -> Claimant | None:
    """The person named inside a claimant phrase ("Amnesty's director Jane Roe" -> Jane Roe),
    keeping the whole phrase as surface so the title and body stay readable (quotes.py)."""
    span = doc.char_span(claimant.start, claimant.end, alignment_mode="expand")
    if span is None or claimant.kind == "person":
        return None
    name = _person(list(span))
    if name is None:
        return None
    return Claimant(name, "person", None, claimant.start, claimant.end, claimant.surface)


def phrase_range(head: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``head``: its left modifiers and the head, plus
    "of/from/in/at" attachments before any comma (appositions and relative clauses excluded)."""
    left = head.i
    for child in head.lefts:
        if child.dep_ in ("punct", "cc") or child.is_space:
            continue
        left = min(left, child.left_edge.i)
    right = head.i + 1
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod", "amod"):
            right = max(right, child.right_edge.i + 1)
        elif child.dep_ == "prep" and child.lower_ in ("of", "from", "in", "at"):
            between = head.doc[head.i : child.i]
            if any(t.text in ",;(" for t in between):
                break
            right = max(right, child.right_edge.i + 1)
        else:
            break
    return left, right


def claimants_of(head: Token) -> list[Claimant]:
    """The claimant(s) headed by ``head``, one per coordinated phrase ("X and Y said")."""
    doc = head.doc
    heads = [head, *[c for c in head.conjuncts if c.i > head.i and c.pos_ in ("NOUN", "PROPN")]]
    out: list[Claimant] = []
    for h in heads:
        s, e = phrase_range(h)
        if h is head and len(heads) > 1:
            e = min(e, heads[1].i)
            cc = [t.i for t in doc[s:e] if t.dep_ == "cc" and t.head.i == h.i]
            e = min([e, *cc])
        c = normalise(doc, s, e)
        if c:
            out.append(c)
    return out
