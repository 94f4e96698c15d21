"""Direct and indirect quotations with speaker, role and organisation.

Quote marks are paired on the raw text: curly, straight, guillemets and the odd closing mark of
translated wire copy (“… forces, “according to the statement.): while a quotation is open, the
next double mark of any shape closes it. A quotation left open ends at its paragraph's end, never
beyond. Fewer than ``MIN_WORDS`` words between the marks is a scare quote (“corroborated”), not a
quotation. A speaker is only ever taken from the text; when none is found it stays None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Quote
from .claimants import PRONOUNS, Claimant, claimants_of, lexicon_spans, normalise, person_in
from .doccache import entities, index_at, sentence_at, text_of
from .lexicon import cue_set
from .stance import stance_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .extract import FoundClaim

# Double quotation marks, and the same marks as mojibake (UTF-8 bytes read as cp1252, common in
# scraped archives: "â€œ" is “, "â€\x9d"/"â€�" is ”, "â€˜â€˜"/"â€™â€™" are ‘‘/’’) and as two
# apostrophes ('' … ''), as in the IndiaPoliceEvents articles. Longest alternatives first.
MARK_RE = re.compile("â€˜â€˜|â€™â€™|â€œ|â€\x9d|â€\ufffd|''|[“”„«»\"]")
CLOSING_ONLY = frozenset({"”", "»", "â€\x9d", "â€\ufffd", "â€™â€™"})
# a quotation is at least this many words: one to three words in marks are scare quotes or titles
# ("the NGO “corroborated” information"); chosen from the seed story and ACLED-style copy.
MIN_WORDS = 4
# how far after a closing mark the speech verb may sit ("…,” he added", "…,” said a spokesman
# for the ministry"): 8 tokens covers the inverted form with a two-word title.
AFTER_WINDOW = 8
ROLE_PREPS = ("at", "of", "for", "with", "from")
# "…burning.” She said": after a sentence-final quote only an adjacent "she said" attributes it
SHORT_AFTER = 3
# "he added" may refer back over the credit line and one more sentence (seed-style wire copy);
# further back a pronoun is left unresolved.
MAX_BACK_SENTENCES = 3
SPEAKER_KINDS = frozenset({"person", "group", "sources"})


@dataclass(frozen=True)
class FoundQuote:
    quote: Quote
    verb: int | None  # token index of the speech verb, when there is one
    claimant: Claimant | None


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Inner (start, end) of each quotation, marks excluded; unbalanced marks never raise."""
    spans: list[tuple[int, int]] = []
    open_end: int | None = None  # where the open quotation's text starts
    for m in MARK_RE.finditer(text):
        mark, i = m.group(), m.start()
        if mark == '"' and i > 0 and text[i - 1].isdigit():
            continue  # 12" (inches)
        if open_end is not None and "\n" in text[open_end:i]:
            spans.append((open_end, text.index("\n", open_end)))  # ran to its paragraph end
            open_end = None
        if open_end is None:
            if mark not in CLOSING_ONLY:
                open_end = m.end()
            continue
        spans.append((open_end, i))
        open_end = None
    if open_end is not None:
        para_end = text.find("\n", open_end)
        spans.append((open_end, len(text) if para_end < 0 else para_end))
    return [_trim(text, s, e) for s, e in spans if len(text[s:e].split()) >= MIN_WORDS]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_quotes(doc: Doc, claims: list[FoundClaim]) -> list[FoundQuote]:
    """Direct quotations in ``doc`` (then indirect ones from reporting claims), in text order."""
    direct: list[FoundQuote] = []
    for start, end in quote_spans(text_of(doc)):
        speaker, verb = _speaker(doc, start, end, direct)
        direct.append(_make(doc, start, end, speaker, verb, direct=True))
    return direct + _indirect(doc, claims, direct)


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    return [t for t in doc if start <= t.idx < end]


def _speaker(
    doc: Doc, start: int, end: int, earlier: list[FoundQuote]
) -> tuple[Claimant | None, int | None]:
    tail = doc.char_span(end, len(text_of(doc)), alignment_mode="expand")
    after = [t for t in tail if not t.is_quote][:AFTER_WINDOW] if tail is not None else []
    after = _until_sentence_end(after)
    if text_of(doc)[start:end].rstrip().endswith((".", "!", "?")):
        after = after[:SHORT_AFTER]  # “… burning.” She … : a new sentence, unless "he said" follows
    for t in after:
        if t.lower_ == "according" and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "to":
            obj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in cue_set("document_nouns"):
                return _last_body_before(doc, start), None  # "according to the statement"
            found = claimants_of(obj) if obj is not None else []
            return (found[0] if found else None), None
        if t.pos_ == "VERB" and stance_of(t) is not None:
            return _verb_speaker(doc, t, end, earlier), t.i
    sent_start = _sentence_start(doc, start)
    window = doc.char_span(sent_start, max(sent_start, start - 1), alignment_mode="contract")
    before = [t for t in window if not t.is_space] if window is not None else []
    verbs = [t for t in before if t.pos_ == "VERB" and stance_of(t) is not None]
    if verbs:
        return _verb_speaker(doc, verbs[-1], end, earlier), verbs[-1].i
    if before and not any(t.pos_ in ("VERB", "AUX") for t in before):
        named = normalise(doc, before[0].i, before[-1].i + 1)
        if named is not None and named.kind not in ("group", "sources"):
            return named, None
    return None, None


def _last_body_before(doc: Doc, char: int) -> Claimant | None:
    para = text_of(doc).rfind("\n", 0, char) + 1  # same paragraph only: further back is a guess
    spans = [(s, e) for s, e, _ in lexicon_spans(doc) if para <= doc[s].idx < char]
    if not spans:
        return None
    s, e = max(spans, key=lambda t: t[1])
    return normalise(doc, s, e)


def _until_sentence_end(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        if (t.text in ".!?" and out) or "\n" in t.text:
            break
        out.append(t)
    return out


def _sentence_start(doc: Doc, char: int) -> int:
    return sentence_at(doc, char).start_char


def _verb_speaker(doc: Doc, verb: Token, q_end: int, earlier: list[FoundQuote]) -> Claimant | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:  # inverted: "…,” said Jane Doe"
        nxt = [t for t in doc[verb.i + 1 : verb.i + 6] if t.pos_ in ("PROPN", "NOUN")]
        subject = nxt[0] if nxt else None
    if subject is None:
        return None
    if subject.lower_ in PRONOUNS:
        return _credit_line(doc, verb) or _previous_speaker(earlier, subject)
    named = [c for c in subject.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
    if (
        named and named[0].left_edge.i == subject.i + 1
    ):  # "crisis director Jane Roe": title, then name
        whole = normalise(doc, subject.left_edge.i, named[0].right_edge.i + 1)
        found = [whole] if whole is not None else []
    else:
        found = claimants_of(subject)
    if not found:
        return None
    return person_in(doc, found[0]) or found[0]


def _credit_line(doc: Doc, verb: Token) -> Claimant | None:
    """Translated wire copy names the speaker in the sentence *after* the quote:
    "…,” he recalled. Denis Krivosheev, Director … at Amnesty, quoted in a statement."""
    sent = sentence_at(doc, verb.idx)
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end]
    while nxt.is_space and nxt.i + 1 < len(doc):
        nxt = doc[nxt.i + 1]
    if nxt.ent_type_ != "PERSON" or nxt.ent_iob_ != "B":
        return None
    ent = next(e for e in entities(doc) if e.start == nxt.i)
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    return normalise(doc, ent.start, ent.end)


def _previous_speaker(earlier: list[FoundQuote], pronoun: Token) -> Claimant | None:
    """ "he added": the last person quoted shortly before (pronouns are not matched for gender).
    Further back than ``MAX_BACK_SENTENCES`` sentences it would be a guess: None."""
    want_person = pronoun.lower_ in ("he", "she", "him", "her")
    doc = pronoun.doc
    here = index_at(doc, pronoun.idx)
    for found in reversed(earlier):
        if here - index_at(doc, found.quote.end) > MAX_BACK_SENTENCES:
            return None
        c = found.claimant
        if c is not None and (c.kind == "person") == want_person:
            return c
    return None


def _role_and_org(doc: Doc, speaker: Claimant) -> tuple[str | None, str | None]:
    """Role and organisation from an apposition after the name: "NAME, ROLE at ORG, ..."."""
    if speaker.kind not in SPEAKER_KINDS:
        return None, speaker.name
    if speaker.kind != "person":
        return None, None
    at = text_of(doc).find(speaker.name)
    while at >= 0:
        rest = text_of(doc)[at + len(speaker.name) :]
        if rest.startswith(", "):
            stop = min([i for i in (rest.find(",", 2), rest.find(".", 2)) if i > 0] or [len(rest)])
            return _split_role(doc, at + len(speaker.name) + 2, at + len(speaker.name) + stop)
        at = text_of(doc).find(speaker.name, at + 1)
    return _title_before_name(doc, speaker)


def _title_before_name(doc: Doc, speaker: Claimant) -> tuple[str | None, str | None]:
    """ "Amnesty's crisis director Jane Roe", "HRW researcher John Doe": role and organisation
    from the words before the name inside the speaker's own phrase."""
    cut = speaker.surface.rfind(speaker.name)
    if cut <= 0:
        return None, None
    prefix_end = speaker.start + cut
    org: str | None = None
    role_start = speaker.start
    for s, e, entry in lexicon_spans(doc):
        if speaker.start <= doc[s].idx and doc[e - 1].idx < prefix_end:
            org, role_start = entry.name, doc[e - 1].idx + len(doc[e - 1])
            break
    role = text_of(doc)[role_start:prefix_end].strip(" ,")
    role = role.removeprefix("'s").removeprefix("’s").strip()
    return (role or None), org


def _split_role(doc: Doc, start: int, end: int) -> tuple[str | None, str | None]:
    text = text_of(doc)
    for s, e, entry in lexicon_spans(doc):
        org_start, org_end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        if start <= org_start and org_end <= end:
            role = text[start:org_start].rstrip()
            for prep in ROLE_PREPS:
                role = role.removesuffix(" " + prep)
            return (role.strip(" ,") or None), entry.name
    orgs = [
        e
        for e in entities(doc)
        if e.label_ == "ORG" and start <= e.start_char and e.end_char <= end
    ]
    if orgs:
        role = text[start : orgs[0].start_char].rstrip()
        for prep in ROLE_PREPS:
            role = role.removesuffix(" " + prep)
        return (role.strip(" ,") or None), orgs[0].text
    return None, None


def _make(
    doc: Doc, start: int, end: int, speaker: Claimant | None, verb: int | None, *, direct: bool
) -> FoundQuote:
    role, org = _role_and_org(doc, speaker) if speaker is not None else (None, None)
    # people and described speakers ("a resident", "police sources") speak; bodies are the org
    speaks = speaker is not None and speaker.kind in SPEAKER_KINDS
    quote = Quote(
        speaker=speaker.name if speaker is not None and speaks else None,
        role=role,
        organization=org,
        text=text_of(doc)[start:end],
        start=start,
        end=end,
        direct=direct,
    )
    return FoundQuote(quote, verb, speaker)


def _indirect(doc: Doc, claims: list[FoundClaim], direct: list[FoundQuote]) -> list[FoundQuote]:
    """ "X said (that) …": the that-clause of a reporting verb, when no direct quote covers it."""
    out: list[FoundQuote] = []
    for found in claims:
        verb = doc[found.cue]
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        if clause is None or found.claimant is None:
            continue
        span: Span = doc[clause.left_edge.i : clause.right_edge.i + 1]
        if any(q.quote.start < span.end_char and span.start_char < q.quote.end for q in direct):
            continue
        out.append(_make(doc, span.start_char, span.end_char, found.claimant, verb.i, direct=False))
    return out
