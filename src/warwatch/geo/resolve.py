"""Toponym resolution: rank each span's candidates with what the whole document says.

A candidate's raw score adds: its size (log population), what kind of feature it is (a country
name is a country), how its name matched (own name > alternate name > spelling variant), the
countries the document names (country names and demonyms anywhere in the text), containment
("Martuni, in Nagorno-Karabakh", "Alexandria, Louisiana"), the kind the words around the name
give ("Jackson and Madison counties", "Washington state", "The Washington Post": ``cues.py``),
the kind of the other members of a list it is in ("Utah, Virginia, Washington and Wyoming"),
and, in a second pass, the countries and first-level divisions of the places chosen for the
other spans, how close it lies to them, and how many other names could lie in its division
(counting only names whose first answer lies elsewhere, each name once however often repeated).
Two more terms: in "X, Y" the reading of Y that contains an X wins ("Buffalo, New York" is the
state), and a town matched only through an alternate name that another place of its country
bears as its own name (a former name, "Kaliningrad" for Korolev) is charged a penalty. Weights
were set on the dev halves of GeoWebNews, TR-News and LGL by coordinate ascent (eval/geo_tune.py, 2026-11-27: mean Acc@161 on the tuning
half 75.2 -> 77.8 %, on the held-back half 81.1 -> 81.9 %); W_CUE, W_LIST, W_SUPPORT and PLAUSIBLE
were added later the same day and set by hand on a small grid against all four corpora (eval/geo.py
--spans; the tune/check halves of eval/geo_tune.py moved the same way for LGL). The calibrated
score is described in ``calibrate.py``.
"""

from __future__ import annotations

import math
import re
import weakref
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .calibrate import LONE_MARGIN, UNRESOLVED_BELOW, calibrated
from .cues import Cue, cue, fits
from .fold import fold, quick_fold
from .gazetteer import SKELETON_MATCH, Candidate, Gazetteer
from .geodesy import RadPoint, haversine_km, nearest_km, rad_point
from .store import ALT, DEMONYM, MAIN
from .words import FACILITY_WORDS, FEATURE_NOUNS, GENERIC, ORG_WORDS, PART_NOUNS, SETTLEMENT_NOUNS

# Prior for a kind of feature, added to log10(population); a country is far more often meant by
# its name than a same-named town, a first-level division more often than a small town.
FEATURE_PRIOR = {
    "PCLI": 1.5, "PCLD": 2.0, "PCLS": 2.0, "PCLF": 2.0, "TERR": 1.5, "CONT": 3.0,
    "ADM1": -0.5, "ADM2": -0.8, "ADM3": -0.8, "ADMD": 0.0,
    "PPLC": 0.5, "PPLA": 0.5, "PPL": 0.0,
    "RGN": 1.5, "PEN": 1.5, "PLAT": 1.5, "SEA": 2.0, "OCN": 2.0, "GULF": 2.0, "LK": 1.0,
    "STRT": 1.5,
    # An airport named in the news is a hub: as likely meant as a town of its size, no less.
    "AIRP": 0.0,
}  # fmt: skip
KIND_PRIOR = {MAIN: 0.0, ALT: -0.5, DEMONYM: 0.0, SKELETON_MATCH: -2.0}
W_POP = 1.0
# Fame: of same-named towns, the one known in many languages (GeoNames alternate names:
# Cambridge GB 54, Cambridge MD 16; Oxford GB vs Oxford MS) is the one a report means, unless
# the story has local evidence for the other or names its country. Taken as a penalty of
# W_FAME x log10 of how many times fewer names a town has than the name's best-known town, in
# the second pass only where neither holds: as a plain prior term (every town, 0.5) it moved
# TR-News's London, Ontario stories to London GB (95.2 -> 93.8) and "Quebec" from the province
# to the city. eval/geo.py --spans, 2026-11-27, 0 -> 0.5: LGL 87.1 -> 87.4, GeoVirus 84.7 ->
# 84.8, GeoWebNews 91.6 =, TR-News 95.2 =; 0.3 the same, 0.75-2.0 LGL 87.2-87.3.
W_FAME = 0.5
W_NAMED_COUNTRY = 1.0  # the text names the candidate's country (name or demonym)
W_COUNTRY_SHARE = 4.0  # x share of the other spans' first-pass answers in that country
W_ADMIN1_SHARE = 4.0  # x share of the other spans' answers in the same first-level division
W_CONTAINED = 6.0  # "X, Y" / "X in Y" and the candidate lies in Y
W_CUE = 3.0  # the words around the name give its kind ("X counties", "X state") and it fits
W_DISTANCE = 0.6  # x log10(1 + km) to the nearest other answer (second pass)
COUNTRYLIKE = frozenset({"PCLI", "PCLD", "PCLS", "PCLF", "TERR", "CONT"})
AREA_CODES = COUNTRYLIKE | {"RGN", "SEA", "OCN", "GULF", "LK", "STRT", "PEN", "PLAT", "ADM1"}

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_JOIN = re.compile(r"^\s*(?:,|\bin\b|\bnear\b|\bof\b|,\s*in\b)\s*$", re.IGNORECASE)
# "Paris, TX": a US state by its postal code, which GeoNames uses as the state's admin1 code
# (US.TX); the gazetteer holds no two-letter name keys (too ambiguous on their own).
_POSTAL = re.compile(r"^\s*,\s*([A-Z]{2})\b(?![.'’-]?\w)")
_AFTER_COMMA = re.compile(r"^\s*,\s*((?:[A-Z][\w.'’-]*\s?){1,3})")


@dataclass(frozen=True, slots=True)
class Resolved:
    start: int
    end: int
    name: str
    candidate: Candidate | None
    score: float  # calibrated probability that the answer is within 161 km (calibrate.py)
    margin: float = 0.0  # raw score of the answer minus the runner-up's (LONE_MARGIN if alone)


def lookup_name(gaz: Gazetteer, name: str) -> tuple[Candidate, ...]:
    found = gaz.candidates(name)
    if not _exact(found) and (bare := _POSSESSIVE.sub("", name)) != name:
        found = gaz.candidates(bare) or found
    if not _exact(found) and (inner := _embedded(gaz, name)):
        # A place named inside a longer name ("Colorado State") competes with the spelling
        # variants of the whole ("Colorado do Oeste"); before, any variant hid it.
        seen = {c.id for c in inner}
        found = inner + tuple(c for c in found if c.id not in seen)
    return found


def _exact(found: Sequence[Candidate]) -> bool:
    return any(c.kind != SKELETON_MATCH for c in found)


# Words that make a name an institution or facility rather than a place ("Colorado State
# University", "Birmingham City", "Lake Manassas"): the place inside is found by backing off to
# the longest run of the other words that the gazetteer knows.
_MAX_WORDS = 6
# Words that join a kind to a place ("Bank of Japan", "Summit of the Americas").
_JOINERS = frozenset({"of", "the", "and", "for", "de", "&"})
# The kind words around a backed-off place: generic feature words and institution words.
_KIND_WORDS = (
    GENERIC | ORG_WORDS | SETTLEMENT_NOUNS | PART_NOUNS | FACILITY_WORDS | FEATURE_NOUNS | _JOINERS
)
# A lone backed-off word that shares its name with other proper words ("Brands Hatch", "Federal
# University of Technology", "Woodman Point") is most often an ordinary word inside a longer
# proper name, not a place: it is kept only when it names something this size or an area (a
# country, a division, a continent): "Robinson College Cambridge" keeps Cambridge. Set on the
# four corpora of eval/geo.py --spans (2026-11-27).
_LONE_WORD_MIN_POP = 100_000


def _embedded(gaz: Gazetteer, name: str) -> tuple[Candidate, ...]:
    """Candidates for the longest proper sub-phrase of a multi-word name with no match itself.

    Among one-word parts, a word after "of" names the place ("Bank of Japan": the bank is in
    Japan) and the word before it the kind of thing, so the head before "of" is never tried.
    A lone word whose other words are not all kind words must name something big
    (``_LONE_WORD_MIN_POP``), or the name is left unresolved: a wild guess is worse than none.
    """
    words = name.split()
    if not 1 < len(words) <= _MAX_WORDS:
        return ()
    for n in range(len(words) - 1, 1, -1):
        for i in range(len(words) - n + 1):
            part = " ".join(words[i : i + n])
            if not part[:1].isupper():
                continue
            found = tuple(c for c in gaz.candidates(part) if c.kind != SKELETON_MATCH)
            if found:
                return _as_embedded(found)
    folded = [fold(w) for w in words]
    of_at = max((i for i, w in enumerate(folded) if w == "of"), default=-1)
    for i, word in enumerate(words):
        if not word[:1].isupper() or folded[i] in _KIND_WORDS or i < of_at or _abbreviation(word):
            continue
        found = tuple(c for c in gaz.candidates(word) if c.kind != SKELETON_MATCH)
        if _acronym(word):  # "US Federal Reserve" is the country's, "MDC" no town's
            found = tuple(c for c in found if _big(c))
        if not found:
            continue
        # An institution's words ("X Hospital", "X Municipal District") say it lies in X, a
        # feature's ("X Township", "X Park") that X is most often a namesake nearby; acronyms
        # ("MDC", "GMU") are an organisation's. Any other word makes X part of a longer name.
        if not all(
            w in _KIND_WORDS or _acronym(words[j]) or w.isdigit()
            for j, w in enumerate(folded)
            if j != i
        ):
            found = tuple(c for c in found if _big(c))
        if found:
            return _as_embedded(found)
    return ()


def _abbreviation(word: str) -> bool:
    """ "No.", "St.", "Mr.": a shortened word, no place alone. Not "U.S." (all capitals), nor a
    name ending a sentence ("Idaho." in "Paris, Idaho. Mr. Carlsen")."""
    return len(word) <= 3 and word.endswith(".") and not word.isupper()


def _acronym(word: str) -> bool:
    return word.isupper() and len(word) <= 4


def _big(c: Candidate) -> bool:
    return c.feature_code in AREA_CODES or c.population >= _LONE_WORD_MIN_POP


def _as_embedded(found: Sequence[Candidate]) -> tuple[Candidate, ...]:
    """A place found inside a longer name matched it only in part: rank it as an alternate."""
    return tuple(replace(c, kind=max(c.kind, ALT)) if c.kind != DEMONYM else c for c in found)


_CAPITALISED = re.compile(r"[A-Z][\w’'.-]*")
# Folded key of one capitalised word, and the key's first word, per process: a text's words
# repeat across a batch, and folding every 1-3 word run was half the resolver's time (cProfile,
# 2026-11-27). Folding word by word and joining gives the same key as folding the run
# (quick_fold maps punctuation runs to one space), except for a leading "the", which no
# country key starts with: the run is tried again from the next word.
_WORD_KEYS: dict[str, tuple[str, str]] = {}


def _word_key(word: str) -> tuple[str, str]:
    hit = _WORD_KEYS.get(word)
    if hit is None:
        key = quick_fold(_POSSESSIVE.sub("", word))  # "Turkey's envoy" names Turkey
        hit = (key, key.partition(" ")[0])
        if len(_WORD_KEYS) > 200_000:  # bound memory on endless streams
            _WORD_KEYS.clear()
        _WORD_KEYS[word] = hit
    return hit


def named_countries(gaz: Gazetteer, text: str) -> Counter[str]:
    """Countries the text names, by country name, alternate name or demonym (1-3 word runs)."""
    keys = gaz.country_keys()
    firsts = gaz.country_first_words()
    words = [_word_key(w) for w in _CAPITALISED.findall(text)]
    out: Counter[str] = Counter()
    for i, (_, first) in enumerate(words):
        if first not in firsts:
            continue
        for n in (3, 2, 1):
            cc = keys.get(" ".join(k for k, _ in words[i : i + n]))
            if cc:
                out[cc] += 1
                break
    return out


def _containers(gaz: Gazetteer, text: str, spans: Sequence[tuple[int, int]], i: int,
                cands: Sequence[tuple[Candidate, ...]]) -> tuple[Candidate, ...]:  # fmt: skip
    """Candidates for the place that span ``i`` is said to lie in, if the text says so."""
    end = spans[i][1]
    if i + 1 < len(spans) and _JOIN.match(text[end : spans[i + 1][0]]):
        return tuple(
            c
            for c in cands[i + 1]
            if c.feature_code in AREA_CODES or c.feature_code.startswith("ADM")
        )
    m = _POSTAL.match(text[end : end + 8])
    if m and (state := gaz.us_state(m.group(1))) is not None:
        return (state,)
    m = _AFTER_COMMA.match(text[end : end + 40])
    if m:
        found = lookup_name(gaz, m.group(1).strip().rstrip("."))
        return tuple(
            c for c in found if c.feature_code in AREA_CODES or c.feature_code.startswith("ADM")
        )
    return ()


# "X, Y" / "X in Y": the readings of Y that hold a reading of X are the container's (the state
# New York in "Buffalo, New York", not the city; Ohio the state in "Springfield, Ohio", not Ohio
# County), as W_CONTAINED scores the readings of X that lie in one of Y (eval/geo.py --spans,
# 2026-11-27: LGL 86.8 -> 86.9, the other three unchanged; 1.0-3.0 alike).
W_HOLDS = 2.0


def _holds(box: Candidate, inner: Sequence[Candidate]) -> bool:
    if not (box.feature_code in AREA_CODES or box.feature_code.startswith("ADM")):
        return False
    return any(_inside(c, box) for c in inner)


def _inside(c: Candidate, box: Candidate) -> bool:
    if c.id == box.id:
        return False
    code = box.feature_code
    if code in COUNTRYLIKE:
        return bool(box.country_code) and c.country_code == box.country_code
    if code == "ADM1":
        return bool(box.admin1) and c.admin1 == box.admin1
    if code == "ADM2":
        return bool(box.admin2) and c.admin2 == box.admin2
    return haversine_km(c.latitude, c.longitude, box.latitude, box.longitude) < 150


# Areas carry no (or a partial) population in the data; their size in news terms is floored so
# "Atlantic" is the ocean before Atlantic County and "Middle East" the region before a hamlet.
# Airports (OurAirports, no population) count as a town of 100,000: "Heathrow" is the airport
# before a hamlet of that name, not before a city. Deserts, ranges, rivers, bays and island groups
# ("Sahara", "Andes", "Euphrates") rank like regions; a single island like a town of 100,000
# (eval/geo.py --spans, 2026-11-27: GeoWebNews 90.3 -> 90.5, LGL 86.0 -> 86.1, GeoVirus
# 84.3 -> 84.6, TR-News unchanged).
AREA_LOG_POP = {"CONT": 9.0, "OCN": 8.0, "SEA": 7.0, "GULF": 6.5, "RGN": 6.5, "PEN": 6.5,
                "PLAT": 6.0, "LK": 6.0, "STRT": 6.0, "DSRT": 6.5, "MTS": 6.0, "STM": 6.0,
                "BAY": 6.0, "ISLS": 6.0, "ISL": 5.0, "AIRP": 5.0}  # fmt: skip
# The curated landmarks (geo/data/landmarks.csv: seats of power, squares, shrines a report names
# as places) are famous by choice and carry no population: ranked as places of 0 people with the
# unknown-kind penalty, "the White House said" went to Casablanca (a GeoNames alternate name)
# and "Capitol Hill" to the DC neighbourhood rather than the Capitol. They rank like a region.
LANDMARK_CODES = frozenset(
    {"BLDG", "PAL", "CSTL", "SQR", "MNMT", "TOWR", "BDG", "PRK", "AMUS", "PRN", "PS", "MFG",
     "MSQE", "ST", "HTL"}
)  # fmt: skip
LANDMARK_LOG_POP = 6.5


def prior(c: Candidate) -> float:
    """What a candidate is worth before the document is read."""
    code = c.feature_code
    if code in LANDMARK_CODES:
        return W_POP * LANDMARK_LOG_POP + KIND_PRIOR.get(c.kind, 0.0)
    log_pop = max(math.log10(c.population + 1), AREA_LOG_POP.get(code, 0.0))
    return W_POP * log_pop + FEATURE_PRIOR.get(code, -0.5) + KIND_PRIOR.get(c.kind, 0.0)


def most_populous(cands: Sequence[Candidate]) -> Candidate | None:
    """The baseline: the most populous exact name match."""
    exact = [c for c in cands if c.kind != SKELETON_MATCH]
    return max(exact, key=lambda c: c.population) if exact else None


Reading = frozenset[int]


@dataclass(frozen=True, slots=True)
class _Entry:
    """A name's candidates with what does not depend on the document: priors and points."""

    cands: tuple[Candidate, ...]
    priors: tuple[float, ...]
    points: tuple[RadPoint, ...]
    reading: Reading  # the candidates' ids: names with the same reading are one name
    fame_gaps: tuple[float, ...]  # _fame_gaps


# Per gazetteer and process, by the name as written: names repeat within and across documents,
# and the priors and radian points were recomputed for every span (cProfile, 2026-11-27).
_MEMO: weakref.WeakKeyDictionary[Gazetteer, dict[str, _Entry]] = weakref.WeakKeyDictionary()
_MEMO_MAX = 200_000  # bound memory on endless streams


def _entry(gaz: Gazetteer, name: str) -> _Entry:
    memo = _MEMO.get(gaz)
    if memo is None:
        memo = _MEMO.setdefault(gaz, {})
    hit = memo.get(name)
    if hit is None:
        cands = lookup_name(gaz, name)
        hit = _Entry(
            cands,
            _shadowed(cands, [prior(c) for c in cands]),
            tuple(rad_point(c.latitude, c.longitude) for c in cands),
            _reading(cands),
            _fame_gaps(cands),
        )
        if len(memo) > _MEMO_MAX:
            memo.clear()
        memo[name] = hit
    return hit


# A town's alternate name that is another place's own name in the same country is mostly a
# former name or a misspelling (Korolev was "Kaliningrad" until 1996, Pittsburg CA is spelt
# "Pittsburgh" in GeoNames' variants, Lorain OH was "Charleston"): in that country the name
# means the place that bears it (eval/geo.py --spans, 2026-11-27, 0.5: LGL 86.9 -> 87.3,
# GeoVirus 84.6 -> 84.7, GeoWebNews and TR-News unchanged; 1.0-2.0 lost the Georgia town
# Avondale Estates, "Avondale" in Georgia reporting, to Avondale IL).
W_SHADOWED = 0.5


def _shadowed(cands: Sequence[Candidate], priors: list[float]) -> tuple[float, ...]:
    """Priors less W_SHADOWED for towns matched by an alternate name that a candidate in the
    same country bears as its own."""
    own = {c.country_code for c in cands if c.kind == MAIN}
    for k, c in enumerate(cands):
        if c.kind == ALT and c.country_code in own and c.feature_code.startswith("PPL"):
            priors[k] -= W_SHADOWED
    return tuple(priors)


def _fame_gaps(cands: Sequence[Candidate]) -> tuple[float, ...]:
    """For each town, how much less known it is than the name's best-known town (log10 of
    alternate names); 0 for other kinds of place."""
    fames = [math.log10(1 + c.n_names) if c.feature_code.startswith("PPL") else -1.0 for c in cands]
    top = max(fames, default=-1.0)
    return tuple(top - f if f >= 0 else 0.0 for f in fames)


def _reading(cands: Sequence[Candidate]) -> Reading:
    """The places a name can mean, spelling variants aside (they differ between variants of
    one name: "Guma LGA" and "Guma Local Government Area" both mean the places called Guma)."""
    exact = frozenset(c.id for c in cands if c.kind != SKELETON_MATCH)
    return exact or frozenset(c.id for c in cands)


def resolve_spans(
    gaz: Gazetteer, text: str, spans: Sequence[tuple[int, int]], *, baseline: bool = False
) -> list[Resolved]:
    """Resolve every (start, end) span of ``text``; spans must lie inside the text."""
    names = [text[s:e] for s, e in spans]
    entries = [_entry(gaz, n) for n in names]
    cands = [e.cands for e in entries]
    if baseline:
        return [
            Resolved(s, e, n, best := most_populous(cs), 1.0 if best else 0.0)
            for (s, e), n, cs in zip(spans, names, cands, strict=True)
        ]
    named = named_countries(gaz, text)
    boxes = [_containers(gaz, text, spans, i, cands) for i in range(len(spans))]
    cues = [cue(text, s, e) for s, e in spans]
    first = [
        _pass_scores(e, named, box, kind) for e, box, kind in zip(entries, boxes, cues, strict=True)
    ]
    for i in range(len(spans) - 1):
        # The container of "Buffalo, New York" is the reading that holds a Buffalo: the state.
        if cands[i] and _JOIN.match(text[spans[i][1] : spans[i + 1][0]]):
            first[i + 1] = [
                s + W_HOLDS if _holds(c, cands[i]) else s
                for c, s in zip(cands[i + 1], first[i + 1], strict=True)
            ]
    picks = [cs[_argmax(sc)] if cs else None for cs, sc in zip(cands, first, strict=True)]
    for i, (kind, next_in_list) in _list_kinds(text, spans, picks).items():
        # A list member: scored again with the list's kind, and without reading the next
        # member as its container ("Washington, Pennsylvania and California" are three states).
        box = () if next_in_list else boxes[i]
        first[i] = [
            s + (W_LIST if _coarse(c.feature_code) == kind else 0.0)
            for c, s in zip(cands[i], _pass_scores(entries[i], named, box, cues[i]), strict=True)
        ]
        picks[i] = cands[i][_argmax(first[i])] if cands[i] else None
    ctx = _Context(picks, [e.reading for e in entries], named)
    ctx.add_support(entries, first)
    # The context term depends on the name only (not on the span), so a repeated name is
    # scored against the others once.
    context: dict[str, list[float]] = {}
    out = []
    for i, (e, sc) in enumerate(zip(entries, first, strict=True)):
        if not e.cands:
            out.append(Resolved(spans[i][0], spans[i][1], names[i], None, 0.0))
            continue
        extra = context.get(names[i])
        if extra is None:
            extra = context[names[i]] = ctx.rescore(e)
        final = [s + x for s, x in zip(sc, extra, strict=True)]
        out.append(_decide(spans[i], names[i], e.cands, final))
    return out


# Lists of places are lists of one kind ("Utah, Virginia, Washington and Wyoming" are states,
# "Barrow, Jackson and Madison" counties): Lieberman, Samet & Sankaranarayanan, "Geotagging
# with local lexicons" (ICDE 2010) call them comma groups.
W_LIST = 3.0
_LIST_SEP = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*&\s*)$")
MIN_LIST = 3  # "X, Y" alone is as often "town, state" as a list
# "X and Y" is never "town, state": two places joined by a conjunction are a pair, and a pair
# whose other member is a country or a first-level division is a pair of those ("Montana and
# Wyoming", "Oregon and Washington laws"). A town or county partner says nothing: "Atlanta and
# Florida", "Cornwall and Kent" mix kinds (eval/geo.py --spans, 2026-11-27: TR-News +1, LGL +1
# span, none lost; with town and county partners too, LGL lost 6).
_PAIR_SEP = re.compile(r"^(?:\s+(?:and|or)\s+|\s*&\s*)$")
PAIR_KINDS = frozenset({"country", "ADM1"})
LIST_AGREE = 0.6  # share of the other members whose answers must be of the list's kind


def _coarse(code: str) -> str:
    """The kind of feature lists are made of: country, first or second-level division, town."""
    if code in COUNTRYLIKE:
        return "country"
    if code in ("ADM1", "ADM2"):
        return code
    return "town" if code.startswith("PPL") else code


def _list_kinds(
    text: str, spans: Sequence[tuple[int, int]], picks: Sequence[Candidate | None]
) -> dict[int, tuple[str, bool]]:
    """For each member of a list of MIN_LIST or more places whose other members' first-pass
    answers are all of one kind, or of a pair whose other member is a country or a division
    (PAIR_KINDS): that kind, and whether the next span is in the same list."""
    groups: list[list[int]] = []
    for i in range(len(spans)):
        if i and _LIST_SEP.match(text[spans[i - 1][1] : spans[i][0]]):
            groups[-1].append(i)
        else:
            groups.append([i])
    out: dict[int, tuple[str, bool]] = {}
    for group in groups:
        pair = len(group) == 2 and bool(
            _PAIR_SEP.match(text[spans[group[0]][1] : spans[group[1]][0]])
        )
        if len(group) < MIN_LIST and not pair:
            continue
        kinds = [_coarse(p.feature_code) if (p := picks[i]) else None for i in group]
        for k, i in enumerate(group):
            votes = Counter(kind for j, kind in enumerate(kinds) if j != k and kind)
            if votes:
                kind, n = votes.most_common(1)[0]
                if pair and kind not in PAIR_KINDS:
                    continue
                if (n >= 2 or pair) and n >= LIST_AGREE * (len(group) - 1):
                    out[i] = (kind, k + 1 < len(group))
    return out


def _pass_scores(
    entry: _Entry, named: Counter[str], boxes: Sequence[Candidate], kind: Cue | None
) -> list[float]:
    scores = []
    for c, s in zip(entry.cands, entry.priors, strict=True):
        if kind is not None and fits(c.feature_code, kind):
            s += W_CUE
        if c.country_code and named.get(c.country_code) and c.feature_code not in COUNTRYLIKE:
            s += W_NAMED_COUNTRY
        if boxes and any(_inside(c, b) for b in boxes):
            s += W_CONTAINED
        scores.append(s)
    return scores


# Points of other answers kept for the distance feature: the most repeated ones first; past 100
# the nearest-point minimum hardly changes and a 10,000-span record would cost 10^8 distances.
MAX_POINTS = 100
# Coherence of readings, not only of first-pass answers (eval/geo.py --spans, 2026-11-27: LGL
# Acc@161 84.1 -> 85.8 %, GeoWebNews 90.0 and GeoVirus 84.3 unchanged, TR-News 94.2 -> 94.1).
# A name whose first-pass answer already lies in the division is counted there by the answer
# share (W_ADMIN1_SHARE), not again as support: counted twice, "Columbus" and "Ohio" in a story
# made the 9,000-people Louisville, Ohio beat Louisville, Kentucky (600,000). Support counts the
# names that could lie there but were first answered elsewhere (eval/geo.py --spans,
# 2026-11-27, W_SUPPORT 3.0 counting both -> 4.5 counting only these: GeoWebNews 90.5 -> 90.8,
# TR-News 94.2 -> 94.3, LGL 86.1 -> 86.4, GeoVirus 84.6 =; weighting each supporting reading by
# its distance to its name's best score, or damping the support a small namesake receives,
# lost 0.5-1.0 on LGL, whose local news names many small towns).
W_SUPPORT = 4.5  # x share of the other names with a plausible reading in the same division
# A name said k times counts k**REPEAT_ALPHA times in the answer shares, not k: a story that
# says "San Francisco" three times and "New Jersey" once is not three times as Californian
# ("Newark" there is the New Jersey city). eval/geo.py --spans, 2026-11-27, 1.0 -> 0.25:
# GeoWebNews 90.8 -> 90.9, TR-News 94.4 -> 94.7, LGL 86.5 -> 86.8, GeoVirus 84.6 =; 0 (each
# name once) lost TR-News 94.2, 0.5 (square root) sat between.
REPEAT_ALPHA = 0.25
# A reading by an alternate name supports its division only when it is nearly as good as the
# name's best: two such readings propped each other up ("Kaliningrad", Korolev's name until
# 1996, and "Moscow", an alternate name of Moscow Oblast, both lie in Moscow Oblast) and took
# "Moscow" from the capital (eval/geo.py --spans, 2026-11-27: TR-News 94.7 -> 94.8, LGL one
# span fewer, GeoWebNews and GeoVirus unchanged).
ALT_PLAUSIBLE = 1.0
PLAUSIBLE = 2.0  # first-pass score below the name's best that still counts as a reading
# A namesake far smaller than the name's biggest reading (London, Ohio beside London; Paris,
# Texas beside Paris) takes the country's votes only with local evidence: an answer within
# LOCAL_KM, or other names answered or readable in its first-level division. A story from
# Washington that says "London" means the capital, not the Ohio town, though both countries'
# names are in it; a story naming Ohio towns around it means the town.
FAMOUS_GAP = 2.0  # prior (log10 population) gap from the name's biggest reading: 100 times
LOCAL_KM = 100.0


_NONE: Counter[str] = Counter()  # read only
_NO_READINGS: frozenset[Reading] = frozenset()


class _Context:
    """The first-pass answers of all spans, summarised so each span sees only the others'.

    "Others" are spans with another reading: a repeated name, or a variant with the same
    candidates ("Guma LGA" beside "Guma Local Government Area"), would vote for whatever the
    first pass chose for it and keep a wrong answer in place."""

    def __init__(
        self,
        picks: Sequence[Candidate | None],
        readings: Sequence[Reading],
        named: Counter[str] = _NONE,
    ) -> None:
        self.named = named  # countries the text names (named_countries)
        self.cc: Counter[str] = Counter()
        self.a1: Counter[str] = Counter()
        self.cc_by_name: dict[Reading, Counter[str]] = {}
        self.a1_by_name: dict[Reading, Counter[str]] = {}
        self.n_by_name: Counter[Reading] = Counter()
        point_names: dict[int, set[Reading]] = {}
        point_count: Counter[int] = Counter()
        point_of: dict[int, Candidate] = {}
        mentions = Counter(r for p, r in zip(picks, readings, strict=True) if p is not None)
        for p, name in zip(picks, readings, strict=True):
            if p is None:
                continue
            w = mentions[name] ** (REPEAT_ALPHA - 1.0)
            self.n_by_name[name] += w
            if p.country_code:
                self.cc[p.country_code] += w
                self.cc_by_name.setdefault(name, Counter())[p.country_code] += w
            if p.admin1 and p.feature_code not in COUNTRYLIKE:
                self.a1[p.admin1] += w
                self.a1_by_name.setdefault(name, Counter())[p.admin1] += w
            if p.feature_code not in AREA_CODES:
                point_names.setdefault(p.id, set()).add(name)
                point_count[p.id] += 1
                point_of[p.id] = p
        self.points: list[tuple[RadPoint, set[Reading]]] = [
            (rad_point(point_of[pid].latitude, point_of[pid].longitude), point_names[pid])
            for pid, _ in point_count.most_common(MAX_POINTS)
        ]
        self.total = sum(self.n_by_name.values())
        self.support: dict[str, set[Reading]] = {}
        self.cc_support: dict[str, set[Reading]] = {}
        self.n_readings = 0

    def add_support(self, entries: Sequence[_Entry], first: Sequence[list[float]]) -> None:
        """Which readings could be in each first-level division: any candidate within
        PLAUSIBLE of its name's best first-pass score, unless the name's first-pass answer
        is already there. "Athens" and "Henderson County" both have a reading in Texas (and
        in Tennessee), none together in Georgia."""
        seen: set[Reading] = set()
        for e, sc in zip(entries, first, strict=True):
            if not e.cands or e.reading in seen:
                continue
            seen.add(e.reading)
            best = max(sc)
            answered_cc = self.cc_by_name.get(e.reading, _NONE)
            answered_a1 = self.a1_by_name.get(e.reading, _NONE)
            for c, s in zip(e.cands, sc, strict=True):
                if s < best - PLAUSIBLE or (c.kind == ALT and s < best - ALT_PLAUSIBLE):
                    continue
                if c.country_code and not answered_cc.get(c.country_code):
                    self.cc_support.setdefault(c.country_code, set()).add(e.reading)
                if c.admin1 and c.feature_code not in COUNTRYLIKE and not answered_a1.get(c.admin1):
                    self.support.setdefault(c.admin1, set()).add(e.reading)
        self.n_readings = len(seen)

    def rescore(self, entry: _Entry) -> list[float]:
        """What the other spans' answers add to each candidate's first-pass score."""
        # Other spans' answers, not counting repeats of this same name (they would vote for
        # whatever the first pass chose) and, for distance, not areas (a country's point says
        # little about where a town is). Plain dict.get, not Counter's __missing__: this loop
        # runs for every candidate of every name (cProfile).
        name = entry.reading
        others = self.total - self.n_by_name[name]
        cc, a1 = self.cc.get, self.a1.get
        own_cc = self.cc_by_name.get(name, _NONE).get
        own_a1 = self.a1_by_name.get(name, _NONE).get
        points = [pt for pt, names in self.points if names != {name}]
        readings = self.n_readings - 1
        top = max(entry.priors)
        seats = _seats(entry.cands)
        out = []
        for c, pt, p, gap in zip(
            entry.cands, entry.points, entry.priors, entry.fame_gaps, strict=True
        ):
            s = 0.0
            area = c.feature_code in COUNTRYLIKE
            country = 0.0
            local = False
            if others and c.country_code:
                k = c.country_code
                country += W_COUNTRY_SHARE * (cc(k, 0) - own_cc(k, 0)) / others
            if others and c.admin1 and not area:
                k = c.admin1
                share = W_ADMIN1_SHARE * (a1(k, 0) - own_a1(k, 0)) / others
                s += share
                local = share > 0
                if not local and c.feature_code == "ADM1" and k in seats:
                    s -= W_SEAT
            if points and not area:
                km = nearest_km(pt, points)
                s -= W_DISTANCE * math.log10(1 + km)
                local = local or km < LOCAL_KM
            if readings > 0:
                # A country is supported by the names that could lie in it, a place below by
                # those that could lie in its first-level division.
                if area:
                    there = self.cc_support.get(c.country_code, _NO_READINGS)
                else:
                    there = self.support.get(c.admin1, _NO_READINGS) if c.admin1 else _NO_READINGS
                support = W_SUPPORT * (len(there) - (name in there)) / readings
                s += support
                local = local or (support > 0 and not area)
            if not local and not (c.country_code and self.named.get(c.country_code)):
                s -= W_FAME * gap
            if local or area or top - p < FAMOUS_GAP:
                s += country
            elif c.country_code and self.named.get(c.country_code):
                s -= W_NAMED_COUNTRY  # the first pass's named-country bonus, taken back
            out.append(s)
        return out


# A division that holds a big city of its own name ("New York", "Sao Paulo", "Baghdad") is
# named for the city more often than for itself, unless other names of the story lie in the
# division (a story naming upstate towns means the state). eval/geo.py --spans, 2026-11-27, 1.5:
# GeoWebNews 91.3 -> 91.6, TR-News 95.2 =, GeoVirus 84.7 =, LGL 87.2 -> 87.1 (LGL labels "New
# York Daily News", "the meatpacking district in New York" as the state); 0.5 and 1.0 were worse.
W_SEAT = 1.5
SEAT_MIN_POP = 1_000_000


def _seats(cands: Sequence[Candidate]) -> frozenset[str]:
    """First-level divisions in which a reading of the name is a city of SEAT_MIN_POP or more."""
    return frozenset(
        c.admin1
        for c in cands
        if c.admin1 and c.feature_code.startswith("PPL") and c.population >= SEAT_MIN_POP
    )


def _argmax(scores: Sequence[float]) -> int:
    return max(range(len(scores)), key=scores.__getitem__)


def _decide(
    span: tuple[int, int], name: str, cands: Sequence[Candidate], scores: Sequence[float]
) -> Resolved:
    best = _argmax(scores)
    runner_up = max((s for k, s in enumerate(scores) if k != best), default=None)
    margin = LONE_MARGIN if runner_up is None else scores[best] - runner_up
    score = calibrated(margin, cands[best].kind == SKELETON_MATCH)
    chosen = cands[best] if score >= UNRESOLVED_BELOW else None
    return Resolved(span[0], span[1], name, chosen, score, margin)
