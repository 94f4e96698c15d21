"""Doc -> Report: the incidents an article reports, most salient first.

Steps: (1) event cues per sentence, background sentences left out; (2) sub-event candidates per
sentence (``event_type``), with weapon anaphora ("these weapons") carrying an explosive event over
to later sentences; (3) candidates grouped into incidents (``grouping``); (4) each incident filled
in: actors and roles, weapons, casualties, date, location, evidence offsets; (5) ordered by
salience. Functions owned by other stages (date, casualties, background, weapons, location) are
called when their modules are present.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from spacy.tokens import Doc, Span

from .. import geo
from ..kb.actors import Country, country_of_code
from ..model import Actor, Article, Count, DateWindow, Incident, Place, Report, TextSpan, Weapon
from ..model import Span as ModelSpan
from . import grouping
from .actors import Mention, assign_roles, mentions, merge_actors
from .event_type import Candidate, candidates
from .salience import confidence, salience
from .triggers import Cue, cues_by_sentence

try:  # the time/casualties/background stage (another engineer's modules)
    from .background import find_background, is_background
    from .casualties import casualties
    from .time import resolve_date
except ImportError:  # pragma: no cover - only while those modules are not in the checkout
    find_background = is_background = casualties = resolve_date = None  # type: ignore[assignment]
try:
    from ..kb.weapons import find_weapons
except ImportError:  # pragma: no cover
    find_weapons = None  # type: ignore[assignment]


def _story_country(places: tuple[Place, ...]) -> Country | None:
    """The country most places of the story are in: the "(Country)" of generic actor names."""
    codes = Counter(p.country_code for p in places if p.country_code)
    return country_of_code(codes.most_common(1)[0][0]) if codes else None


def _subject_kind(sent: Span, found: list[Mention]) -> str | None:
    for m in found:
        if m.span.root.dep_ in ("nsubj", "agent") or (
            m.span.root.dep_ == "pobj" and m.span.root.head.dep_ == "agent"
        ):
            return m.kind
    return None


def _sentence_candidates(
    doc: Doc, published: date | None, country: Country | None
) -> list[tuple[Span, list[Cue], list[Mention], Candidate]]:
    out = []
    cues = cues_by_sentence(doc, published)
    last_means = None
    for sent in doc.sents:
        sent_cues = cues.get(sent.start)
        if not sent_cues or (is_background is not None and is_background(sent, published)):
            continue
        found = mentions(sent, country)
        kinds = {m.kind for m in found}
        cands = candidates(sent_cues, kinds, _subject_kind(sent, found))
        if not cands or cands[0].score < 7.0:
            back = grouping.anaphoric(sent, sent_cues, last_means)
            cands = [back] + cands if back else cands
        for cand in grouping.keep(cands):
            out.append((sent, sent_cues, found, cand))
            if cand.event_type.value == "Explosions/Remote violence":
                last_means = cand.sub_event
    return out


def _actors(members: list[tuple[Span, list[Cue], list[Mention], Candidate]]) -> tuple[Actor, ...]:
    found: list[Actor] = []
    for _sent, cues, ments, cand in members:
        anchors = [cand.trigger] + [c.span for c in cues if c.label not in ("WEAPONUSE",)]
        seen: set[int] = set()
        for anchor in anchors:
            for actor in assign_roles([m for m in ments if m.span.start not in seen], anchor):
                found.append(actor)
                seen.add(next(m.span.start for m in ments if m.span.start_char == actor.start))
    return merge_actors(found)


def _weapons(sents: list[Span]) -> tuple[Weapon, ...]:
    if find_weapons is None:
        return ()
    out: dict[str, Weapon] = {}
    for sent in sents:
        for w in find_weapons(sent):
            out.setdefault(w.name, w)
    return tuple(out.values())


def _tolls(sents: list[Span], published: date | None) -> tuple[Count, Count]:
    if casualties is None:
        return Count(), Count()
    pairs = [casualties(s, published=published) for s in sents]
    dead = max((p[0] for p in pairs), key=lambda c: c.best or -1, default=Count())
    hurt = max((p[1] for p in pairs), key=lambda c: c.best or -1, default=Count())
    return dead, hurt


def _incident(
    doc: Doc, members: list, places: tuple[Place, ...], published: date | None
) -> tuple[float, Incident]:
    sents = list(dict.fromkeys(m[0] for m in members))
    best: Candidate = max((m[3] for m in members), key=lambda c: c.score)
    trig = members[0][3].trigger
    dead, hurt = _tolls(sents, published)
    when = resolve_date(doc, trig.sent, published) if resolve_date is not None else DateWindow()
    where = geo.locate_incident(doc, ModelSpan(start=trig.start_char, end=trig.end_char), places)
    score = salience(
        best.score, len(sents), min(s.start for s in sents) and _sent_index(doc, sents[0]), dead
    )
    incident = Incident(
        event_type=best.event_type,
        sub_event_type=best.sub_event,
        trigger=TextSpan(start=trig.start_char, end=trig.end_char, text=trig.text),
        date=when,
        location=where,
        actors=_actors(members),
        weapons=_weapons(sents),
        fatalities=dead,
        injured=hurt,
        evidence=tuple(ModelSpan(start=s.start_char, end=s.end_char) for s in sents),
        confidence=confidence(score),
    )
    return score, incident


def _sent_index(doc: Doc, sent: Span) -> int:
    return sum(1 for s in doc.sents if s.start < sent.start)


def assemble(doc: Doc, article: Article, places: tuple[Place, ...]) -> Report:
    published = article.published
    found = _sentence_candidates(doc, published, _story_country(places))
    groups: list[list] = []
    keyed: list[grouping.Group] = []
    for sent, cues, ments, cand in found:
        before = len(keyed)
        grouping.add(keyed, sent, cand, grouping.sentence_places(sent, places))
        if len(keyed) > before:
            groups.append([])
        idx = next(i for i, g in enumerate(keyed) if any(c is cand for _, c in g.members))
        groups[idx].append((sent, cues, ments, cand))
    scored = [_incident(doc, members, places, published) for members in groups]
    scored.sort(key=lambda pair: -pair[0])
    background = find_background(doc, published) if find_background is not None else ()
    return Report(
        article=article,
        incidents=tuple(inc for _, inc in scored),
        background=background,
        places=places,
    )
