"""spaCy component ``warwatch_triggers``: event cue words from ``patterns/triggers.tsv``.

A cue is a word or phrase that signals an ACLED sub-event (``SHELL``: "shelling", "artillery"),
an ingredient of one (``WEAPONUSE``: "used", "dropped"; ``INTERVENE``: "tear gas") or a story that
ACLED does not code (``NATURAL``, ``MANMADE``, ``CRIME``, ``DIPLO``). The incident stage turns cues
into incidents; this component only finds them, with one PhraseMatcher pass per attribute (overlaps: longest wins).

Result: ``doc.spans["ww_cues"]`` with ``label_`` = cue class.
"""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..datafiles import data_rows

SPANS_KEY = "ww_cues"
FACTORY = "warwatch_triggers"
# Plural endings added to lower-case alternatives so that upper-case text (whose lemmas the
# small model often leaves unchanged, e.g. "BOMBS") still matches; verb endings are listed in
# the lexicon itself because generated ones over-match ("accord" -> "according").
_SUFFIXES = ("s", "es")


@cache
def cue_rows() -> tuple[tuple[str, str], ...]:
    rows = data_rows("warwatch.nlp", "patterns", "triggers.tsv", delimiter="\t")
    return tuple((r["cue"], r["phrase"]) for r in rows)


def _expand(phrase: str) -> list[list[str]]:
    """A lexicon phrase -> every word sequence it stands for ("?a|an" optional, "|" choices)."""
    seqs: list[list[str]] = [[]]
    for token in phrase.split():
        alts = token.lstrip("?").split("|")
        grown = [s + [a] for s in seqs for a in alts]
        seqs = grown + seqs if token.startswith("?") else grown
    return seqs


def _inflect_last(words: list[str]) -> list[list[str]]:
    return [words] + [words[:-1] + [words[-1] + s] for s in _SUFFIXES]


def _lemma_forms(words: list[str]) -> list[list[str]]:
    """The phrase as lemmas: a plural last word also as its singular ("throw bottles" must match
    the lemmas of "throwing bottles": throw, bottle). Singular by dropping "s"; a wrong stem
    ("gase") matches no lemma and does no harm."""
    last = words[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        return [words, words[:-1] + [last[:-1]]]
    return [words]


class CueRecognizer:
    """Two PhraseMatchers (on lemmas and on lower-cased words): a Matcher with ``IN`` sets calls
    Python for every token and pattern and ran ~20x slower than the base pipeline."""

    def __init__(self, nlp: Language) -> None:
        self.by_lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        for cue, phrase in cue_rows():
            seqs = _expand(phrase)
            lemma_docs = [Doc(nlp.vocab, words=w, lemmas=w) for s in seqs for w in _lemma_forms(s)]
            lower_docs = [Doc(nlp.vocab, words=w) for s in seqs for w in _inflect_last(s)]
            self.by_lemma.add(cue, lemma_docs)
            self.by_lower.add(cue, lower_docs)

    def __call__(self, doc: Doc) -> Doc:
        found = list(self.by_lemma(doc)) + list(self.by_lower(doc)) + self._across_quotes(doc)
        spans = [Span(doc, s, e, label=m) for m, s, e in found]
        spans += _road_closures(doc)
        spans += _closed_with_demands(doc)
        doc.spans[SPANS_KEY] = filter_spans(spans)
        return doc

    def _across_quotes(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Phrases a writer quoted part of ("took \u201ccomplete control\u201d", "a 'massive'
        attack"): matched on the words without the quotation marks, kept only where a mark lies
        inside, as (match id, start, end) in ``doc`` with the marks included."""
        keep = [t.i for t in doc if t.text not in QUOTE_MARKS]
        if len(keep) == len(doc):
            return []
        bare = Doc(
            doc.vocab, words=[doc[i].text for i in keep], lemmas=[doc[i].lemma_ for i in keep]
        )
        out = []
        for m, s, e in list(self.by_lemma(bare)) + list(self.by_lower(bare)):
            start, end = keep[s], keep[e - 1] + 1
            if end - start > e - s:
                out.append((m, start, end))
        return out


# Quotation marks as tokens (straight, curly, guillemets, PTB-style): not words of a phrase.
QUOTE_MARKS = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "\u00ab", "\u00bb",
                         "``", "''"})  # fmt: skip


# A road closed or blocked by the crowd is a demonstration (ACLED Codebook 2023, "Peaceful
# protest"/"Violent demonstration": road blockades); the lexicon phrase covers "closed the main
# road", this covers words between verb and road ("closed Yerevan-Gyumri road", "closed one of
# the main streets") through the parse. Who closed it (troops, police) is judged downstream
# (incidents/demonstration_type._troops_block).
_ROADS = frozenset({"road", "highway", "street", "route", "intersection", "bridge", "railway",
                    "motorway", "crossroads", "junction", "traffic"})  # fmt: skip
_ROAD_REACH = 6  # tokens from verb to road noun kept in one cue span


# Words a road's name or description may carry between the verb and the road noun.
_NAMING_POS = frozenset({"DET", "ADJ", "PROPN", "PUNCT", "NUM"})
_CLOSED_FORMS = frozenset({"block", "blocks", "blocked", "blocking", "close", "closes", "closed",
                           "closing", "shut", "shuts", "shutting"})  # fmt: skip


def _road_noun(token: Token) -> bool:
    return token.lemma_.lower() in _ROADS or token.lower_ in _ROADS


def _road_closures(doc: Doc) -> list[Span]:
    """PROTEST spans "closed <road's name or description> road". Read from the words, not the
    parse: the small model often takes "closed" before a place name for an adjective ("residents
    of Karbi closed Yerevan-Vanadzor highway")."""
    found = []
    for verb in doc:
        if verb.lower_ not in _CLOSED_FORMS or (verb.i > 0 and doc[verb.i - 1].pos_ == "DET"):
            continue  # "the closed road": a state, not an act
        for i in range(verb.i + 1, min(verb.i + 1 + _ROAD_REACH, len(doc))):
            word = doc[i]
            if _road_noun(word):
                found.append(Span(doc, verb.i, i + 1, label="PROTEST"))
                break
            if word.pos_ not in _NAMING_POS and word.lower_ not in ("one", "of", "main"):
                break
    return found


# Civilians by occupation or residence: when they close a building and make demands, they are
# demonstrating (ACLED Codebook 2023, "Peaceful protest": a physical gathering to demonstrate, sit-ins
# and blockades included). Troops, police or officials closing a building are not.
_CIVIC_NOUNS = frozenset(
    {"resident", "worker", "employee", "citizen", "farmer", "villager", "student", "teacher",
     "activist", "trader", "vendor", "driver", "parent", "pensioner", "miner", "local",
     "inhabitant", "mother", "veteran", "supporter", "doctor", "nurse", "merchant", "shopkeeper"}
)  # fmt: skip
_OCCUPYING = frozenset({"occupy", "occupied", "occupies", "occupying"})


def _civic(token: Token) -> bool:
    """A civic group: "workers", "a group of citizens", "residents of the village"."""
    if token.lemma_.lower() in _CIVIC_NOUNS:
        return True
    members = [g for p in token.children if p.lower_ == "of" for g in p.children]
    return any(g.lemma_.lower() in _CIVIC_NOUNS for g in members)


def _closed_with_demands(doc: Doc) -> list[Span]:
    """PROTEST spans: civilians who close, block or occupy a place and make a demand in the same
    sentence ("workers closed the town hall and demanded their wages")."""
    found = []
    for verb in doc:
        if verb.lower_ not in _CLOSED_FORMS | _OCCUPYING or verb.pos_ != "VERB":
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ == "conj":
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        demand = any(t.lemma_.lower() == "demand" for t in verb.sent)
        if demand and any(_civic(s) for s in subjects):
            found.append(Span(doc, verb.i, verb.i + 1, label="PROTEST"))
    return found


def register() -> None:
    if FACTORY in Language.factories:
        return

    @Language.factory(FACTORY)
    def make_cue_recognizer(nlp: Language, name: str) -> CueRecognizer:
        return CueRecognizer(nlp)
