"""Doc -> Report: the incidents an article reports, most salient first.

Steps: (1) event cues per sentence, background sentences left out; (2) sub-event candidates per
sentence (``event_type``), with weapon anaphora ("these weapons") carrying an explosive event over
to later sentences; (3) candidates grouped into incidents (``grouping``); (4) each incident filled
in: actors and roles, weapons, casualties, date, location, evidence offsets; (5) ordered by
salience. Functions owned by other stages (date, casualties, background, weapons, location) are
called when their modules are present.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span

from .. import geo
from ..kb.actors import Country, actor_entries, country_of_code, qualified_name, state_name
from ..kb.missions import contingent_name
from ..kb.weapons import find_weapons
from ..model import (
    EVENT_TYPE_OF,
    Actor,
    ActorRole,
    Article,
    Count,
    EventType,
    Incident,
    Place,
    PlaceRole,
    Report,
    SubEventType,
    TextSpan,
    Weapon,
)
from ..model import Span as ModelSpan
from . import dyad, grouping, story_country
from .actors import (
    Mention,
    assign_roles,
    carried_doer,
    hit_objects,
    mentions,
    merge_actors,
    people,
    responsible,
)
from .anchor import in_province
from .background import find_background, is_background
from .casualties import casualties
from .event_type import ARMED_KINDS, STATE_KINDS, Candidate, candidates
from .salience import confidence, salience
from .time import doc_text, resolve_date
from .triggers import Cue, cues_by_sentence

ARMED_OR_STATE = ARMED_KINDS | STATE_KINDS
# Names of generic actor classes as the dictionary writes them, before a country is added.
GENERIC_NAMES = frozenset(
    {"Military Forces", "Police Forces", "Protesters", "Rioters", "Civilians",
     "Unidentified Armed Group", "Militia", "Rebel Group"}
)  # fmt: skip
# Cues that are no event word to read roles against: a weapon's use is read with the event it
# belongs to, and a position, base or convoy is a thing ("attacks on Nicaraguan positions": the
# owner of the positions is what was attacked, not who attacked).
NO_ANCHOR = frozenset({"WEAPONUSE", "POSITION"})
# An arrest told in a sentence of a violent incident ("the police have arrested X, a member of
# the column that attacked ...") is no act of it: the arresters are not its doers (an arrest
# incident's own trigger is still read; police arresting protesters do act in a demonstration).
NO_ANCHOR_IN_VIOLENCE = NO_ANCHOR | {"ARREST"}
# Cues that, after a demonstration was reported, tell how it went on (dispersal, force, riot).
PROTEST_FOLLOWUP = frozenset({"INTERVENE", "FORCE", "VIOLENT", "ARREST"})


@dataclass(frozen=True)
class Member:
    """One sentence's contribution to an incident."""

    sent: Span
    index: int  # sentence number in the document
    cues: tuple[Cue, ...]
    mentions: tuple[Mention, ...]
    cand: Candidate
    anaphoric: bool = False  # the event was found through "these weapons", "they were used"
    toll_followup: bool = False  # "Two people were killed.": the toll of the previous incident


def _subject_kind(found: list[Mention]) -> str | None:
    for m in found:
        root = m.span.root
        while root.dep_ in ("compound", "amod") and root.head != root:  # "ISIS fighters"
            root = root.head
        if root.dep_ in ("nsubj", "agent") or (root.dep_ == "pobj" and root.head.dep_ == "agent"):
            return m.kind
    return None


def _modifier(m: Mention, found: list[Mention]) -> bool:
    """ "Al-Shabab gunmen": the group name modifies the other mention; one actor, not two sides."""
    head = m.span.root.head
    return m.span.root.dep_ in ("compound", "amod", "nmod") and any(
        o is not m and o.span.start <= head.i < o.span.end for o in found
    )


def _armed(found: list[Mention]) -> set[str]:
    return {m.name for m in found if m.kind in ARMED_OR_STATE and not _modifier(m, found)}


def _follows(sent: Span, cues: list[Cue], found: list[Mention], last: Member | None,
             places: tuple[Place, ...]) -> bool:  # fmt: skip
    """A toll-only sentence that names no armed actor and no place the previous incident's
    sentence did not name ("X clashed with Y. Two people were killed."), or that opens by
    pointing back at it ("These included two killed in Katsiro": the places are where the
    toll fell, within the same event)."""
    if last is None or not grouping.toll_only(cues):
        return False
    new_actors = _armed(found) - _armed(list(last.mentions))
    here = grouping.sentence_places(sent, places)
    return not new_actors and (
        _points_back(sent) or here <= grouping.sentence_places(last.sent, places)
    )


# Sentence openers that refer to what the previous sentence reported.
BACK_REFERENCES = frozenset({"these", "this", "those", "they", "it"})


def _points_back(sent: Span) -> bool:
    first = sent[0]
    return first.lower_ in BACK_REFERENCES and first.pos_ in ("DET", "PRON")


def _sentence_members(
    doc: Doc, published: date | None, country: Country | None, places: tuple[Place, ...] = ()
) -> list[Member]:
    out: list[Member] = []
    cues = cues_by_sentence(doc, published)
    last_means = None
    last_protest: Cue | None = None
    for index, sent in enumerate(doc.sents):
        sent_cues = cues.get(sent.start)
        if not sent_cues or is_background(sent, published):
            continue
        labels = {c.label for c in sent_cues}
        if last_protest is not None and "PROTEST" not in labels and labels & PROTEST_FOLLOWUP:
            sent_cues = [last_protest, *sent_cues]  # "Police used tear gas to disperse them"
        protest = next((c for c in sent_cues if c.label == "PROTEST"), None)
        last_protest = protest or last_protest
        found = mentions(sent, country)
        last = out[-1] if out else None
        if last is not None and _follows(sent, sent_cues, found, last, places):
            toll = grouping.follow_up(sent_cues[0], last.cand)
            out.append(
                Member(sent, index, tuple(sent_cues), tuple(found), toll, toll_followup=True)
            )
            continue
        armed = _armed(found)
        kinds = {m.kind for m in found}
        cands = candidates(sent_cues, kinds, _subject_kind(found), two_sides=len(armed) >= 2)
        back = None
        if not cands or cands[0].score < grouping.ANAPHOR_SCORE:
            back = grouping.anaphoric(sent, sent_cues, last_means)
            cands = [back, *cands] if back else cands
        for cand in grouping.keep(cands):
            out.append(Member(sent, index, tuple(sent_cues), tuple(found), cand, cand is back))
            if cand.event_type == EventType.EXPLOSIONS:
                last_means = cand.sub_event
    return out


def _actors(
    members: list[Member],
    country: Country | None,
    year: int | None = None,
    sub_event: SubEventType | None = None,
) -> tuple[Actor, ...]:
    """``sub_event``: the incident's final sub-event type (a group can turn a protest into a
    violent demonstration when a later sentence tells of violence); its crowd is named after
    it, not after the first sentence's reading."""
    found: list[Actor] = []
    for m in members:
        # Roles are read against the trigger and every other event word of the sentence
        # ("used" and "Azerbaijani bombardments" in one sentence).
        demo = m.cand.event_type in (EventType.PROTESTS, EventType.RIOTS)
        skip = NO_ANCHOR if demo else NO_ANCHOR_IN_VIOLENCE
        anchors = [m.cand.trigger] + [c.span for c in m.cues if c.label not in skip]
        done: set[int] = set()
        named = list(m.mentions) + people(m.sent, list(m.mentions))
        # What is hit (buildings, vehicles, people) is read from words of violence, so it
        # holds for foiled attacks and arrests too, not only for violent event types.
        extra = [] if demo else hit_objects(m.cand.trigger, named)
        if demo:  # "a protest in front of the Kuwait embassy": a country there is no actor
            named = [x for x in named if x.kind not in ("demonym", "country")]
        for anchor in anchors:
            todo = [x for x in named + extra if x.span.start_char not in done]
            for actor in assign_roles(todo, anchor, by_position=not demo):
                found.append(actor)
                done.add(actor.start)
    cand = members[0].cand
    if cand.event_type not in (EventType.PROTESTS, EventType.RIOTS) and not any(
        a.role == ActorRole.PERPETRATOR for a in found
    ):  # "... killed two people. Al Shabaab suspected."
        found += responsible(members[-1].sent, country)
    if cand.event_type not in (EventType.PROTESTS, EventType.RIOTS) and not any(
        a.role == ActorRole.PERPETRATOR for a in found
    ):  # "FARDC soldiers dismantled a position. They also captured arms."
        found += carried_doer(cand.trigger, country)
    if cand.event_type == EventType.BATTLES:  # "clashes between FDLR and FARDC forces"
        found += _clash_sides(members, {(a.start, a.end) for a in found})
    found = [_with_country(a, country) for a in found]
    found = [_as_contingent(a, country, year) for a in found]
    rioting = _rioting(cand, sub_event)
    if cand.event_type in (EventType.PROTESTS, EventType.RIOTS):
        found = [_as_crowd(a, rioting, country) for a in found]
    else:
        found = [_violent_crowd(a, country) for a in found]
    return merge_actors(found + _crowd(cand, found, country, rioting))


def _rioting(cand: Candidate, sub_event: SubEventType | None) -> bool:
    """Whether the incident's crowd are rioters: ACLED names the people of a violent
    demonstration or of mob violence "Rioters (Country)" and those of a peaceful protest, a
    protest with intervention or one met with excessive force "Protesters (Country)" (ACLED
    Codebook 2023, "Riots" and "Protests"; "Inter Code 5: Rioters", "Inter Code 6:
    Protesters"). The incident's final sub-event decides, as it is what is coded."""
    if sub_event is not None and sub_event in EVENT_TYPE_OF:
        return EVENT_TYPE_OF[sub_event] == EventType.RIOTS
    return cand.event_type == EventType.RIOTS


def _clash_sides(members: list[Member], taken: set[tuple[int, int]]) -> list[Actor]:
    """A battle's sides that no word links to the event word: "clashes between the army and
    SPLA-IO", or the owner of what was attacked ("an attack on a Kenyan forces base"). Every
    armed actor the battle's sentences name without a role (span not in ``taken``) is a
    participant: in a battle both sides fight (ACLED Codebook 2023, "Battles")."""
    out: list[Actor] = []
    for m in members:
        found = list(m.mentions)
        for x in found:
            where = (x.span.start_char, x.span.end_char)
            if x.kind not in ARMED_OR_STATE or _modifier(x, found) or where in taken:
                continue
            taken.add(where)
            out.append(
                Actor(
                    name=x.name,
                    role=ActorRole.PARTICIPANT,
                    country_code=x.country_code,
                    start=x.span.start_char,
                    end=x.span.end_char,
                    surface=x.span.text,
                )
            )
    return out


def _with_country(actor: Actor, country: Country | None) -> Actor:
    """A generic actor named without a country ("Military Forces", "Police Forces") takes the
    incident's country, as ACLED names them; names that carry one are left alone."""
    if country is None or actor.name not in GENERIC_NAMES:
        return actor
    kind = next(e.kind for e in actor_entries() if e.canonical == actor.name)
    entry = next(e for e in actor_entries() if e.canonical == actor.name and e.kind == kind)
    return actor.model_copy(
        update={"name": qualified_name(entry, country), "country_code": country.country_code}
    )


def _as_contingent(actor: Actor, country: Country | None, year: int | None) -> Actor:
    """A foreign army in a country its troops serve in through a mission is the mission's
    contingent: "Kenyan forces" in Somalia in 2016 are "AMISOM: African Union Mission in Somalia
    (Kenya)" (kb/missions.py). Only the army ("Military Forces of X") is renamed; police and
    named units keep their names. An army the story has acting on its own initiative keeps the
    state's name: contributors also run national operations in the host country (the Kenya
    Defence Forces' air strikes and offensives in Gedo and Jubaland, Ethiopia's troops outside
    AMISOM; Wikipedia, "Kenya Defence Forces", "Ethiopian National Defense Force"), while
    troops attacked there (a base, a convoy) are most often the mission's."""
    if actor.role == ActorRole.PERPETRATOR:
        return actor
    own = country_of_code(actor.country_code) if actor.country_code else None
    if country is None or own is None or own.country_code == country.country_code:
        return actor
    if actor.name != state_name("state", own):
        return actor
    name = contingent_name(own, country.country_code, year)
    return actor.model_copy(update={"name": name}) if name else actor


def _violent_crowd(actor: Actor, country: Country | None) -> Actor:
    """Civilians who do violence ("angry residents blew up the home") are rioters: ACLED's
    civilians are unarmed victims, never the side that acts, and unorganised people acting
    violently are rioters (ACLED Codebook 2023, "Inter Code 5: Rioters", "Inter Code 7:
    Civilians")."""
    if actor.role != ActorRole.PERPETRATOR or not actor.name.startswith("Civilians"):
        return actor
    entry = next(e for e in actor_entries() if e.kind == "rioters")
    return actor.model_copy(update={"name": qualified_name(entry, country)})


def _as_crowd(actor: Actor, rioting: bool, country: Country | None) -> Actor:
    """Civilians who demonstrate ("teachers protested") are ACLED's protesters (or rioters)."""
    if actor.role not in (ActorRole.PERPETRATOR, ActorRole.PARTICIPANT):
        return actor
    if not actor.name.startswith(("Civilians", "Protesters", "Rioters")):
        return actor
    kind = "rioters" if rioting else "protesters"
    entry = next(e for e in actor_entries() if e.kind == kind)
    return actor.model_copy(
        update={"name": qualified_name(entry, country), "role": ActorRole.PARTICIPANT}
    )


def _crowd(
    cand: Candidate, found: list[Actor], country: Country | None, rioting: bool
) -> list[Actor]:
    """ACLED names the crowd of every demonstration ("Protesters (Country)", "Rioters (Country)")
    even when the story names only who they are ("health workers staged a demonstration"); the
    protest word is then the evidence for it. A mob names its crowd only when no one else is
    said to act ("party supporters burnt the offices"; ACLED Codebook 2023, "Mob violence":
    rioters acting violently against others): a mob's named perpetrator comes first."""
    if cand.event_type not in (EventType.PROTESTS, EventType.RIOTS):
        return []
    sides = (ActorRole.PARTICIPANT, ActorRole.PERPETRATOR)
    if cand.sub_event == SubEventType.MOB_VIOLENCE:
        if any(a.role in sides for a in found):
            return []
    elif any(a.role == ActorRole.PARTICIPANT for a in found):
        return []
    kind = "rioters" if rioting else "protesters"
    entry = next(e for e in actor_entries() if e.kind == kind)
    trig = cand.trigger
    return [
        Actor(
            name=qualified_name(entry, country),
            role=ActorRole.PARTICIPANT,
            country_code=country.country_code if country else None,
            start=trig.start_char,
            end=trig.end_char,
            surface=trig.text,
        )
    ]


# Salience added to an incident the story tells with a side that acts ("Nyatura militiamen
# attacked a FARDC position"): a report's main event is told as who did what, while an event
# word with no one acting is often a detail of it ("clashed with heavy weapons", "this followed
# air strikes").
SIDE_BONUS = 1.0


def side_bonus(actors: tuple[Actor, ...]) -> float:
    """``SIDE_BONUS`` when the incident names a side that acts (a perpetrator or participant)."""
    acting = (ActorRole.PERPETRATOR, ActorRole.PARTICIPANT)
    return SIDE_BONUS if any(a.role in acting for a in actors) else 0.0


def _weapons(sents: list[Span], sub_event: SubEventType) -> tuple[Weapon, ...]:
    # Arms seized or found are the weapons of a "Disrupted weapons use" only, never the
    # instrument of a killing told in the same sentence (kb.weapons.held; issue 4).
    held_too = sub_event == SubEventType.DISRUPTED_WEAPONS_USE
    out: dict[str, Weapon] = {}
    for sent in sents:
        for w in find_weapons(sent, held_too=held_too):
            out.setdefault(w.name, w)
    return tuple(out.values())


def _tolls(sents: list[Span], published: date | None) -> tuple[Count, Count]:
    """The largest toll any sentence of the incident gives (later sentences often restate it)."""
    pairs = [casualties(s, published=published) for s in sents]
    dead = max((p[0] for p in pairs), key=lambda c: c.best or -1, default=Count())
    hurt = max((p[1] for p in pairs), key=lambda c: c.best or -1, default=Count())
    return dead, hurt


def _incident(
    doc: Doc, group: grouping.Group, places: tuple[Place, ...], published: date | None,
    votes: story_country.Votes,
) -> tuple[float, Incident]:  # fmt: skip
    members = group.members
    sents = list(dict.fromkeys(m.sent for m in members))
    best = max((m.cand for m in members), key=lambda c: c.score)
    trig = members[0].cand.trigger
    dead, hurt = _tolls(sents, published)
    when = resolve_date(doc, trig.sent, published)
    where = geo.locate_incident(doc, ModelSpan(start=trig.start_char, end=trig.end_char), places)
    text = doc_text(doc)  # built once per Doc: spaCy rebuilds doc.text on every access
    where = in_province(where, text, story_country.provinces(text))
    # "Protesters (X)": X is where it happened, as the story's evidence and the location say.
    country = story_country.incident_country(votes, where.country_code if where else None)
    year = when.start.year if when.start else None
    actors = _actors(members, country, year, group.sub_event)
    actors = dyad.clash_sides(actors, EVENT_TYPE_OF[group.sub_event])
    score = salience(best.score, len(sents), members[0].index, dead) + side_bonus(actors)
    incident = Incident(
        event_type=EVENT_TYPE_OF[group.sub_event],
        sub_event_type=group.sub_event,
        trigger=TextSpan(start=trig.start_char, end=trig.end_char, text=trig.text),
        date=when,
        location=where,
        actors=actors,
        weapons=_weapons(sents, group.sub_event),
        fatalities=dead,
        injured=hurt,
        evidence=tuple(ModelSpan(start=s.start_char, end=s.end_char) for s in sents),
        confidence=confidence(score),
    )
    return score, incident


def assemble(doc: Doc, article: Article, places: tuple[Place, ...]) -> Report:
    published = article.published
    votes = story_country.story_votes(doc, places)
    first = next((p.country_code for p in places if p.country_code), None)
    country = story_country.best_country(votes, tie_break=first)
    groups: list[grouping.Group] = []
    for m in _sentence_members(doc, published, country, places):
        grouping.add(groups, m, grouping.sentence_places(m.sent, places))
    scored = [_incident(doc, g, places, published, votes) for g in groups]
    scored.sort(key=lambda pair: -pair[0])
    incidents = tuple(inc for _, inc in scored)
    return Report(
        article=article,
        incidents=incidents,
        background=find_background(doc, published),
        places=event_roles(places, incidents),
    )


def event_roles(places: tuple[Place, ...], incidents: tuple[Incident, ...]) -> tuple[Place, ...]:
    """Mark as ``event`` every mention of a place where an incident happened (the chosen span and
    other mentions resolved to the same GeoNames place); the rest stay ``mentioned``."""
    spans = {(i.location.start, i.location.end) for i in incidents if i.location}
    ids = {i.location.geonameid for i in incidents if i.location and i.location.geonameid}
    return tuple(
        p.model_copy(update={"role": PlaceRole.EVENT})
        if (p.start, p.end) in spans or (p.geonameid is not None and p.geonameid in ids)
        else p
        for p in places
    )
