"""The country a story is about: the "(Country)" of ACLED's generic actor names.

ACLED names generic actors after the country where the event happened ("Protesters (Argentina)",
"Military Forces of Sudan", "Unidentified Armed Group (Mali)"; ACLED Codebook 2023, "Actor Names,
Types and Inter Codes"). Short notes name few places and the gazetteer often reads a lone
ambiguous name abroad ("San Juan", "Tunis"), so the country is a vote over all the evidence the
text gives, not the first place's reading:

- each resolved place, weighted by its resolution score (a confident reading counts more); a
  reading as a whole country (PCL*) counts as a country named, and a place read on the words of
  a country name or demonym ("the US embassy") is that name, counted once;
- each country named in the text ("in the Democratic Republic of Congo"), at half weight and
  read from the actor recogniser's country table rather than the gazetteer, which can read a
  country name as a neighbour's ("Congo"); stories name other countries for many reasons ("a
  protest at the US embassy in Yerevan", "transport services to Russia");
- each state force of a country ("Libyan troops", "Ethiopia's police", "FARDC" -> Democratic
  Republic of Congo): state forces mostly act at home; the armies of countries that send troops
  to a multinational mission (kb/data/missions.csv: Kenya, Ethiopia, Uganda in AMISOM) give a
  share (``MISSION_SHARE``) of their vote to the mission's host, where their troops also fight
  ("Al Shabaab attacked a Kenyan forces base" is as likely Somalia as Kenya); a force named only
  to qualify another noun ("the Turkish military operation") counts as a demonym;
- each named armed group's home country ("SPLA-IO" -> South Sudan) at half weight: groups fight
  across borders too (Al Shabaab in Kenya, Boko Haram in Niger), so a resolved place outweighs it;
- each province named in brackets after a place, as news and wire copy write "Town (Province)"
  ("Rosario (Santa Fe)", "Goma (North Kivu)"): the countries with a first-level division of that
  name (GeoNames ADM1) share one vote, and the place before the bracket, if read in a country
  with no such province, does not vote; the gazetteer resolver does not read these brackets;
- each bare demonym ("Argentine workers"), at half weight: demonyms also name foreigners and
  things ("Congolese nationals marched", "the Chinese Offices").

An incident adds a little weight to the country of its own location (``LOCATION_WEIGHT``),
enough to break a tie: its reading is one of the places already counted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..geo.gazetteer import Candidate
from ..geo.index import ensure_gazetteer
from ..geo.words import FACILITY_WORDS, GENERIC, ORG_WORDS
from ..kb.actors import (
    MILITARY_NOUNS,
    POLICE_NOUNS,
    Country,
    actor_entries,
    countries,
    country_of_code,
    demonyms,
)
from ..kb.missions import hosts_of
from ..model import Place
from ..nlp.actors import ETHNIC_FORCE_NOUNS, actor_spans
from .time import doc_text

# Weight of a place reading with no score (the resolver gives one to every reading it makes).
DEFAULT_PLACE_WEIGHT = 0.5
# Weight of one state force of a country named in the text.
ACTOR_WEIGHT = 1.0
# Share of a mission contributor's army vote that goes to the mission's host country(ies).
MISSION_SHARE = 1 / 3
# Weight of a bare country name or demonym, and of a named non-state group's home country.
NAME_WEIGHT = 0.5
GROUP_WEIGHT = 0.5
# Weight of one bracketed province, shared by the countries that have a province of its name.
PROVINCE_WEIGHT = 1.0
# "<Capitalised place> (<Capitalised name>)": a place and the province it lies in.
_BRACKETED = re.compile(r"\b[A-Z][\w'.-]*\s+\(([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3})\)")
# Heads of a state's own long name after a demonym ("the Russian Federation", "the Islamic
# Republic"): the demonym there names the country itself.
# The state's own institutions sit in the country too ("the Armenian National Guard", "the
# Kenyan Parliament").
STATE_WORDS = frozenset(
    """federation republic kingdom emirates state states guard guards army forces government
    parliament ministry assembly council court""".split()  # noqa: SIM905
)
# Extra weight of the incident's own location country.
LOCATION_WEIGHT = 0.25
# Actor kinds whose dictionary country is where they act: the state's own forces.
HOME_KINDS = frozenset({"state", "police"})
GROUP_KINDS = frozenset({"rebel", "militia"})
# Multinational missions (AMISOM, MINUSCA): the dictionary country is the host, where the mission
# operates and nowhere else (each mission's mandate; kb/data/actors.csv cites its Wikipedia page),
# so it votes like a state force at home; the nationality of its troops ("a Senegalese MINUSCA
# peacekeeper") is a bare demonym.
MISSION_KINDS = frozenset({"external"})


Votes = dict[str, float]  # ISO 3166-1 alpha-2 code -> weight of evidence


def place_votes(places: Iterable[Place], skip: set[tuple[int, int]] | None = None) -> Votes:
    """Resolved places, weighted by score; ``skip``: character spans counted elsewhere."""
    votes: Votes = defaultdict(float)
    spans = skip or set()
    for p in places:
        if p.country_code and (p.start, p.end) not in spans and not _country_again(p, spans):
            votes[p.country_code] += _place_weight(p)
    return votes


def _country_again(p: Place, spans: set[tuple[int, int]]) -> bool:
    """A reading as a whole country (PCL*) of a demonym and a name after it ("a Senegalese
    MINUSCA peacekeeper" read as Senegal) is the demonym counted again. The state's own long
    name ("the Russian Federation") and a longer place that merely contains a country name
    ("Yerevan, Armenia") are names of their own."""
    if not (p.feature_code or "").startswith("PCL"):
        return False
    inside = [(start, end) for start, end in spans if p.start <= start and end <= p.end]
    if not inside:
        return False
    if len(p.name) != p.end - p.start:  # a name that is not the text's words
        return False
    rest = p.name[: inside[0][0] - p.start] + p.name[inside[-1][1] - p.start :]
    return not any(w.lower() in STATE_WORDS for w in rest.split())


def _place_weight(p: Place) -> float:
    """A place's resolution score; a reading as a whole country (GeoNames PCL*: "Azerbaijan",
    or a longer name the resolver took for one) is a country named, at ``NAME_WEIGHT``."""
    if p.feature_code and p.feature_code.startswith("PCL"):
        return NAME_WEIGHT
    return p.score if p.score is not None else DEFAULT_PLACE_WEIGHT


def country_spans(doc: Doc) -> set[tuple[int, int]]:
    """Character spans of country names and demonyms the actor recogniser found ("Syria", "the
    US embassy"): they vote as names, and a place reading of the same words would count them
    twice."""
    names = ("country", "demonym")
    return {(s.start_char, s.end_char) for s in actor_spans(doc) if s.label_ in names}


def actor_votes(doc: Doc) -> Votes:
    """Countries named in the text, countries whose forces are named, named groups' homes and
    demonyms."""
    votes: Votes = defaultdict(float)
    entries = actor_entries()
    for span in actor_spans(doc):
        key = span.kb_id_
        if key.startswith("entry:"):
            entry = entries[int(key.split(":", 1)[1])]
            if entry.country_code and entry.kind in HOME_KINDS:
                _force_vote(votes, entry.country_code, entry.kind)
            elif entry.country_code and entry.kind in GROUP_KINDS:
                votes[entry.country_code] += GROUP_WEIGHT
            elif entry.country_code and entry.kind in MISSION_KINDS:
                votes[entry.country_code] += ACTOR_WEIGHT
        elif span.label_ in HOME_KINDS and _modifier(span):  # "the Turkish military operation"
            votes[key] += NAME_WEIGHT
        elif span.label_ in HOME_KINDS:  # "Libyan troops": kb_id is the ISO code
            _force_vote(votes, key, span.label_)
        elif span.label_ in ("country", "demonym") and not _in_a_name(span):
            votes[key] += NAME_WEIGHT
    return votes


def _in_a_name(span: Span) -> bool:
    """A demonym or country name inside another proper name ("the Chinese Offices", "Ethiopian
    Airlines", "the Kenyan Embassy") names that thing, not the country the story happens in."""
    root = span.root
    head = root.head
    if head.lower_ in STATE_WORDS | MILITARY_NOUNS | POLICE_NOUNS:
        return False  # "the Russian Federation", "the Armenian National Guard"
    if head.ent_type_ == "PERSON":  # "Armenian ... Margaryan": a person of that country
        return False
    return (
        root.dep_ in ("amod", "compound", "nmod")
        and head.i >= span.end
        and head.pos_ == "PROPN"
        and head.is_title
    )


def _modifier(span: Span) -> bool:
    """A force named only to qualify another noun ("the Turkish military operation in Syria"):
    the story talks about the operation, not about the force acting where the story is."""
    root = span.root
    return (
        root.dep_ in ("amod", "compound") and root.head.i >= span.end and root.head.pos_ == "NOUN"
    )


def _force_vote(votes: Votes, code: str, kind: str) -> None:
    """A state force's vote: its home country, less the share a mission contributor's army
    gives the countries its troops serve in."""
    hosts = hosts_of(code) - {code} if kind == "state" else frozenset()
    if not hosts:
        votes[code] += ACTOR_WEIGHT
        return
    votes[code] += ACTOR_WEIGHT * (1 - MISSION_SHARE)
    for host in hosts:
        votes[host] += ACTOR_WEIGHT * MISSION_SHARE / len(hosts)


@dataclass(frozen=True)
class Bracket:
    """A province named in brackets after a place: where the "(" is, and the first-level
    divisions (GeoNames ADM1) of that name."""

    offset: int
    divisions: tuple[Candidate, ...]

    @property
    def codes(self) -> set[str]:
        return {c.country_code for c in self.divisions}


def provinces(text: str) -> list[Bracket]:
    """The provinces named in brackets after places ("Rosario (Santa Fe)")."""
    out = []
    for m in _BRACKETED.finditer(text):
        if m.group(1).isupper():  # an acronym: "Forum for Democratic Change (FDC)"
            continue
        found = ensure_gazetteer().candidates(m.group(1))
        divisions = tuple(c for c in found if c.feature_code == "ADM1")
        if divisions:
            out.append(Bracket(m.start(1) - 1, divisions))
    return out


def bracket_after(text: str, end: int, found: list[Bracket]) -> Bracket | None:
    """The bracketed province right after a place that ends at ``end``."""
    return next((b for b in found if end <= b.offset and not text[end : b.offset].strip()), None)


def province_votes(found: list[Bracket]) -> Votes:
    """One vote per bracketed province, shared by the countries that have one of its name."""
    votes: Votes = defaultdict(float)
    for bracket in found:
        for code in bracket.codes:
            votes[code] += PROVINCE_WEIGHT / len(bracket.codes)
    return votes


def contradicted(text: str, places: Iterable[Place], found: list[Bracket]) -> set[tuple[int, int]]:
    """Places read in a country that has no province of the name bracketed right after them
    ("Formosa (Formosa)" read in Brazil): the bracket says the reading is wrong."""
    out = set()
    for p in places:
        bracket = bracket_after(text, p.end, found)
        if bracket is not None and p.country_code not in bracket.codes:
            out.add((p.start, p.end))
    return out


def best_country(votes: Mapping[str, float], tie_break: str | None = None) -> Country | None:
    """The country with most votes; on a tie ``tie_break`` (the place read first) wins. Codes
    the actor tables cannot name (no demonym row, e.g. the Republic of the Congo) do not run."""
    votes = {code: v for code, v in votes.items() if country_of_code(code) is not None}
    if not votes:
        return None
    top = max(votes.values())
    leaders = [code for code, v in votes.items() if v == top]
    code = tie_break if tie_break in leaders else leaders[0]
    return country_of_code(code)


# Words that say what an institution or facility is ("Federal", "Court", "Centre"): read alone as a
# place inside a longer name ("the Federal University of Technology", "the Chief Magistrate
# Court") they are part of that name, not where the story happens (geo.words, which the
# resolver uses for the same reason).
KIND_WORDS = FACILITY_WORDS | ORG_WORDS | GENERIC


def name_parts(doc: Doc, places: Iterable[Place]) -> set[tuple[int, int]]:
    """Places read on a kind word alone ("appeared in Court", "the Federal University of ...":
    a word for what a thing is, no place) or on part of a longer named entity, as the resolver
    backs off to a known word of an unknown name: a place word beside other proper words that
    are not kind words ("Oda Bultum", "Nakawa Chief Magistrate Court") is most often a namesake
    of one word of that name. Beside kind words only ("Benghazi Medical Centre") the place is
    where the thing is."""
    out = set()
    for p in places:
        span = doc.char_span(p.start, p.end)
        if span is None:
            continue
        if len(span) == 1 and span.text.lower() in KIND_WORDS:  # "appeared in Court"
            out.add((p.start, p.end))
            continue
        ent = next((e for e in doc.ents if e.start <= span.start and span.end <= e.end), None)
        if ent is None or len(ent) <= len(span):
            continue
        if any(_proper_other(t) for t in ent if not span.start <= t.i < span.end):
            out.add((p.start, p.end))
    return out


def _proper_other(tok: Token) -> bool:
    """A word of a name that is neither a kind word, a joiner, a number nor a country name."""
    word = tok.lower_
    if not tok.is_title or word in KIND_WORDS or word in countries() or word in demonyms():
        return False
    return not tok.like_num and tok.pos_ == "PROPN"


def group_names(doc: Doc, places: Iterable[Place]) -> set[tuple[int, int]]:
    """Places read on a word that names a group of people ("Abala herdsmen", "Misratan
    militia", "Garabulli youths"): the word says where the people come from or who they are,
    not where the story happens, and the gazetteer's reading of a community's or people's name
    is a guess among namesakes."""
    out = set()
    for p in places:
        span = doc.char_span(p.start, p.end)
        if span is None:
            continue
        root = span.root
        head = root.head
        modifies = root.dep_ in ("compound", "amod", "nmod") and head.i >= span.end
        if modifies and head.lower_ in ETHNIC_FORCE_NOUNS:
            out.add((p.start, p.end))
    return out


def story_votes(doc: Doc, places: tuple[Place, ...]) -> Votes:
    text = doc_text(doc)
    found = provinces(text)
    skip = country_spans(doc) | contradicted(text, places, found) | name_parts(doc, places)
    skip |= group_names(doc, places)
    votes = place_votes(places, skip)
    for more in (actor_votes(doc), province_votes(found)):
        for code, weight in more.items():
            votes[code] = votes.get(code, 0.0) + weight
    return votes


def incident_country(votes: Mapping[str, float], location_code: str | None) -> Country | None:
    """The story's votes with the incident location's country added. The location only adds
    to a country the story already votes for: a location whose reading the votes set aside
    (part of an institution's name, a demonym read as a country) is no evidence."""
    here = dict(votes)
    if location_code and here.get(location_code):
        here[location_code] = here.get(location_code, 0.0) + LOCATION_WEIGHT
    return best_country(here, tie_break=location_code)
