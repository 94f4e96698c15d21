"""Case restoration for all-caps text (wire copy, telex, FBIS transcripts).

The small English spaCy model reads case: in an all-caps text every word looks like a proper
noun, so the tagger, parser and entity recogniser fail together ("GUERRILLAS ATTACKED THE BANK"
parses as one long name). ``truecase`` rewrites such a text to ordinary case for the parser only.

The result has the same length as the input and differs from it only in the case of letters, so
every character offset into it is an offset into the original (``Article.text`` stays as
written; ``written`` returns a span's words as written). Text that is not all caps comes back
unchanged.

Rules, all general to English wire copy:
- everything lower case, then a capital at each sentence and paragraph start (not at a content
  word after an initialism with full stops: "U.S. CITIZENS" is no sentence break);
- names after a title or a naming word ("PRESIDENT ALFREDO CRISTIANI", "FATHER IGNACIO
  ELLACURIA", "IDENTIFIED AS JOSE PEREZ"): up to ``MAX_NAME`` words, stopping at punctuation, a
  function word or a word ending like a verb;
- country names, demonyms and the named groups of the actor dictionary, capitalised; so are
  days and months ("may" and "march" only next to a number);
- acronyms kept upper case: a short word inside brackets ("(DIJIN)"), a short word directly
  before a bracketed expansion ("FMLN [FARABUNDO MARTI ...]", whose expansion is capitalised as a
  name), and short words without a vowel ("FMLN").
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

MIN_LETTERS = 40  # below this a text is a headline or a phrase: too little to judge or to gain
MAX_LOWER_SHARE = 0.02  # "all caps" tolerates a stray lower-case unit ("60 kg") or typo
WRITTEN_KEY = "warwatch.text.written"  # Doc.user_data key of the text as written

# Words after which wire copy writes a person's name. From the person descriptions of the MUC-4
# task definition (HUM TGT: DESCRIPTION: government official, clergy, military, legal or
# judicial, political figure; MUC-4 Proceedings 1992, appendix "Template fill rules") and the
# English forms of address; "named"/"identified (as)" introduce a name too. Wire copy also puts
# the name straight after an occupation or a nationality ("reporter luis morales", "FPMR
# spokesman victor diaz caro", "Honduran citizens rosalio mejia", "her son guillermo"), so those nouns are here too.
TITLES = frozenset(
    """president gen general col colonel lt lieutenant capt captain maj major sgt sergeant
    commander cmdr father priest monsignor msgr bishop archbishop cardinal mayor governor
    minister judge attorney senator deputy congressman ambassador consul mr mrs ms dr doctor
    engineer professor prof journalist candidate councilman councilwoman named identified
    brother sister justice magistrate prosecutor attache secretary chancellor councillor
    inspector commissioner director manager editor reporter correspondent newsman
    photographer cameraman spokesman spokeswoman leader citizen citizens son daughter wife
    husband""".split()  # noqa: SIM905
)
# Words that introduce a list of names: "identified as X and Y", "named X and Y".
NAMING = frozenset({"named", "identified"})
# Nouns for people that wire copy follows with the person's name between commas ("a peasant,
# JOSE MANUEL POSADA, was"; "the young man, OTTO MILLA, is"): the name ends at the next comma.
APPOSED = frozenset(
    """man woman boy girl child youth peasant farmer worker student teacher pedestrian driver
    passenger businessman cattleman rancher merchant trader member official employee
    leader activist unionist resident villager citizen son daughter wife husband
    mother""".split()  # noqa: SIM905
)
# Irregular past forms of common English verbs, which end no name like "-ed" does: a name
# stops at them ("judge X Y began on 28 July", "Mayor X Y went to ...").
_IRREGULAR_PAST = frozenset(
    """began became came went left fled took made gave told said shot hit held met led fought
    struck found sent saw ran won lost kept set put stood fell broke brought bought caught
    thought knew grew threw drove rode wrote spoke chose froze stole wore tore bore swore
    sought sold paid laid hid slew""".split()  # noqa: SIM905
)
MAX_NAME = 4  # given names + two surnames, as Spanish and Portuguese names run
# Particles inside Spanish and Portuguese names ("Gustavo de Jesus Escobar"): not counted in
# MAX_NAME and left in lower case.
_PARTICLES = frozenset("de del da do dos das la y".split())  # noqa: SIM905
# Abbreviations without a vowel that English writes in lower case or title case, not acronyms.
_NOT_ACRONYMS = frozenset(
    """mr mrs ms dr st jr sr lt sgt msgr cmdr km kg mm cm ml hr hrs pm th nd rd ft lb lbs
    yds mph kph""".split()  # noqa: SIM905
)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'-]*")
_SENT_START_RE = re.compile(r"(?:^|[.!?][\"')\]]*\s+|\n\s*\n\s*|\n\s+)[\"'(\[]*([a-z])")
_BRACKET_RE = re.compile(r"[(\[]([^()\[\]\n]{1,80})[)\]]")
_ACRONYM_MAX = 6


def is_all_caps(text: str) -> bool:
    upper = sum(c.isupper() for c in text)
    lower = sum(c.islower() for c in text)
    return upper + lower >= MIN_LETTERS and lower <= MAX_LOWER_SHARE * (upper + lower)


@cache
def _names() -> tuple[frozenset[str], tuple[str, ...]]:
    """Single words and multi-word phrases that are names: countries, demonyms and the named
    groups of the actor dictionary (the generic classes, "gunmen", "civilians", are not)."""
    from ..kb.actors import actor_entries, countries, demonyms

    phrases = {p for p in (*countries(), *demonyms())}
    phrases |= {e.phrase for e in actor_entries() if e.country_code}  # named groups carry one
    phrases -= _stop_words()  # "us" is a pronoun far more often than the country
    single = frozenset(p for p in phrases if p.isalpha())
    multi = tuple(sorted((p for p in phrases if p not in single), key=len, reverse=True))
    return single, multi


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _is_acronym_shape(word: str) -> bool:
    w = word.lower()
    return 2 <= len(w) <= _ACRONYM_MAX and w.isalpha()


# Words a name in title case leaves in lower case (English and Spanish articles, prepositions).
_MINOR = frozenset("a an and the of for in on at to by de del la las los y e".split())  # noqa: SIM905


def _capitalise(out: list[str], start: int, end: int) -> None:
    """Capitalise every word in ``out[start:end]`` but articles and prepositions."""
    for m in _WORD_RE.finditer("".join(out[start:end])):
        if m.group().lower() not in _MINOR or m.start() == 0:
            out[start + m.start()] = out[start + m.start()].upper()


def _upper(out: list[str], start: int, end: int) -> None:
    out[start:end] = [c.upper() for c in out[start:end]]


def truecase(text: str) -> str:
    """``text`` in ordinary case when it is all caps, else ``text`` itself; same length."""
    if not is_all_caps(text):
        return text
    low = text.lower()
    out = list(low)
    for m in _SENT_START_RE.finditer(low):
        if not _after_initialism(low, m.start(1)):
            out[m.start(1)] = out[m.start(1)].upper()
    _names_in(low, out)
    _calendar(low, out)
    _titled_names(low, out)
    _acronyms(text, low, out)
    return "".join(out)


# An initialism written with full stops ("U.S.", "U.N.") ends a sentence less often than it
# modifies the next word ("U.S. CITIZENS", "U.N. OBSERVERS"); a new sentence mostly opens with a
# function word ("the", "a", "in", "he"), so after an initialism only a function word is taken
# to open one.
_INITIALISM_RE = re.compile(r"(?<![a-z.])(?:[a-z]\.){2,}[\"')\]]*\s+$")
_WORD_AT_RE = re.compile(r"[a-z']+")
_CLOCK = ("a.m.", "p.m.")  # a clock time often ends its sentence ("... AT 10 A.M. POLICE SAID")


def _after_initialism(low: str, i: int) -> bool:
    """The letter at ``i`` follows an initialism ("u.s. citizens") and begins a content word."""
    before = _INITIALISM_RE.search(low[max(0, i - 12) : i])
    if not before or before.group().startswith(_CLOCK):
        return False
    word = _WORD_AT_RE.match(low, i)
    return word is not None and word.group() not in _stop_words()


# Names of days and months, capitalised in English; "may" and "march" only next to a number.
_CALENDAR = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february april june
    july august september october november december""".split()  # noqa: SIM905
)
_AMBIGUOUS_MONTHS_RE = re.compile(r"(?<=\d )(?:may|march)\b|\b(?:may|march)(?= \d)")


def _calendar(low: str, out: list[str]) -> None:
    for m in re.finditer("[a-z]+", low):
        if m.group() in _CALENDAR and not (m.start() and low[m.start() - 1].isalpha()):
            out[m.start()] = out[m.start()].upper()
    for m in _AMBIGUOUS_MONTHS_RE.finditer(low):
        out[m.start()] = out[m.start()].upper()


def _names_in(low: str, out: list[str]) -> None:
    single, multi = _names()
    for phrase in multi:
        for m in re.finditer(rf"(?<![a-z]){re.escape(phrase)}(?![a-z])", low):
            _capitalise(out, m.start(), m.end())
    for m in re.finditer("[a-z]+", low):  # "colombia's": the name without the clitic
        if m.group() in single and not (m.start() and low[m.start() - 1].isalpha()):
            out[m.start()] = out[m.start()].upper()


def _titled_names(low: str, out: list[str]) -> None:
    """Names after a title or a naming word (``_name_after``), and between commas after a
    person noun ("a peasant, JOSE MANUEL POSADA, near ...": at least two words, closed by a
    comma or a full stop)."""
    words = [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(low)]
    for i, (w, _, end) in enumerate(words):
        if w in TITLES:
            for start in _name_after(low, words, i + 1, naming=w in NAMING):
                out[start] = out[start].upper()
        elif w in APPOSED and low[end : end + 2] == ", ":
            name = _name_after(low, words, i + 1, naming=False, gap_ok=True)
            last = next((k for k, x in enumerate(words) if x[1] == name[-1]), 0) if name else 0
            closed = last + 1 < len(words) and low[words[last][2] : words[last + 1][1]].strip()
            if len(name) >= 2 and closed and closed[0] in ",.;":
                for start in name:
                    out[start] = out[start].upper()


def _name_after(
    low: str, words: list[tuple[str, int, int]], i: int, *, naming: bool, gap_ok: bool = False
) -> list[int]:
    """Start offsets of the name words from ``words[i]``: up to MAX_NAME words, ended by
    punctuation, a function word, a verb-like ending or another title. After a naming word
    ("identified as X and Y") "as" is skipped and "and" starts the next name."""
    stop = _stop_words()
    out: list[int] = []
    run = 0
    first = True
    while i < len(words):
        w, start, _ = words[i]
        gap = low[words[i - 1][2] : start]
        # The first name word may follow a comma (apposition) or an abbreviated title ("MR.").
        if gap.strip() and not (first and (gap_ok or gap.strip() == ".")):
            break
        first = False
        if naming and w == "as" and not out:
            i += 1
            continue
        if naming and w == "and" and run:
            run = 0
            i += 1
            continue
        if run and w in _PARTICLES:  # "gustavo DE jesus": inside the name, kept lower case
            i += 1
            continue
        if w in stop or w in TITLES or w in _IRREGULAR_PAST or run == MAX_NAME:
            break
        if w.endswith(("ed", "ing")):  # a verb-like ending
            break
        out.append(start)
        run += 1
        i += 1
    return out


def _acronyms(text: str, low: str, out: list[str]) -> None:
    for m in _BRACKET_RE.finditer(text):
        inner = m.group(1).strip()
        words = _WORD_RE.findall(inner)
        if len(words) == 1 and _is_acronym_shape(inner):  # "(DIJIN)"
            _upper(out, m.start(1), m.end(1))
            continue
        before = re.search(r"([A-Za-z]+)\s*$", text[: m.start()])
        if len(words) > 1 and before and _is_acronym_shape(before.group(1)):
            _upper(out, before.start(1), before.end(1))  # "FMLN [FARABUNDO MARTI ...]"
            _capitalise(out, m.start(1), m.end(1))
    for m in _WORD_RE.finditer(low):
        w = m.group()
        if _is_acronym_shape(w) and not re.search("[aeiouy]", w) and w not in _NOT_ACRONYMS:
            _upper(out, m.start(), m.end())


def written(span: Span) -> str:
    """The words of ``span`` as the article wrote them (the Doc may hold a truecased copy)."""
    original = span.doc.user_data.get(WRITTEN_KEY)
    return original[span.start_char : span.end_char] if original else span.text


class TruecasingTokenizer:
    """Wraps a spaCy tokenizer: all-caps text is tokenized (and so tagged, parsed, recognised)
    in restored case; the text as written is kept in ``doc.user_data[WRITTEN_KEY]``."""

    def __init__(self, tokenizer: object) -> None:
        self.inner = tokenizer

    def __call__(self, text: str) -> Doc:
        cased = truecase(text)
        doc: Doc = self.inner(cased)  # type: ignore[operator]
        if cased is not text:
            doc.user_data[WRITTEN_KEY] = text
        return doc

    def __getattr__(self, name: str) -> object:  # rules, prefix_search, ... of the wrapped one
        if name == "inner":  # not yet set (unpickling): no recursion
            raise AttributeError(name)
        return getattr(self.inner, name)
