"""Report -> Report with quotes, each incident's claims and verification, relations and sources.

Steps: (1) find claims in the whole Doc; (2) find quotes and give a speaker's organisation to the
claims their speech verbs anchor ("…,” he added"); (3) per incident, keep the claims of the
sentences that mention it (its trigger, evidence, place, actors, weapons, and a following sentence
that points back to it: "these weapons", "the attack"), split "both sides blame each other" into
two opposed claims, merge repeats, grade them and set the verification status; (4) context
relations; (5) the source chain.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..model import ActorRole, AxisGrade, Claim, ClaimAbout, Incident, Report, Stance
from .claimants import Claimant
from .countries import iso2, short_name
from .doccache import clear, entities, sentences
from .extract import FoundClaim, find_claims
from .grades import GradedClaim, grade_claim, verification
from .lexicon import claimant_by_name, cue_set
from .quotes import FoundQuote, find_quotes
from .relations import find_relations
from .source_chain import source_chain

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def annotate(report: Report, doc: Doc) -> Report:
    found = find_claims(doc)
    quotes = find_quotes(doc, found)
    found = _attribute_from_quotes(found, quotes)
    incidents = tuple(_annotate_incident(inc, found, doc) for inc in report.incidents)
    relations = list(report.relations)
    for rel in find_relations(doc):
        if rel not in relations:
            relations.append(rel)
    sources = source_chain(report, doc, found)
    clear(doc)
    return report.model_copy(
        update={
            "incidents": incidents,
            "quotes": report.quotes + tuple(q.quote for q in quotes),
            "relations": tuple(relations),
            "sources": report.sources + sources,
        }
    )


def _attribute_from_quotes(found: list[FoundClaim], quotes: list[FoundQuote]) -> list[FoundClaim]:
    by_verb = {q.verb: q for q in quotes if q.verb is not None and q.claimant is not None}
    out = []
    for f in found:
        q = by_verb.get(f.cue)
        if f.claimant is None and q is not None and q.claimant is not None:
            org = q.quote.organization
            entry = claimant_by_name().get(org) if org else None
            claimant = (
                Claimant(
                    org,
                    entry.kind if entry else "group",
                    None,
                    q.claimant.start,
                    q.claimant.end,
                    q.claimant.surface,
                )
                if org
                else q.claimant
            )
            f = FoundClaim(
                f.claim.model_copy(update={"claimant": claimant.name}), claimant, f.cue, f.sentence
            )
        out.append(f)
    return out


def _incident_sentences(doc: Doc, incident: Incident) -> set[int]:
    offsets = [incident.trigger.start, *(e.start for e in incident.evidence)]
    offsets += [a.start for a in incident.actors] + [w.start for w in incident.weapons]
    if incident.location is not None and incident.location.start is not None:
        offsets.append(incident.location.start)
    sents = sentences(doc)
    chosen = {i for i, s in enumerate(sents) for o in offsets if s.start_char <= o < s.end_char}
    for e in incident.evidence:  # an evidence span may cover several sentences
        chosen |= {i for i, s in enumerate(sents) if s.start_char < e.end and e.start < s.end_char}
    for i in sorted(chosen):
        j = i + 1
        while j < len(sents) and j not in chosen and _points_back(sents[j]):
            chosen.add(j)
            j += 1
    return chosen


def _points_back(sent: Span) -> bool:
    """ "these weapons", "the attack", "denied the reports" (cues.yaml: back_dets/back_nouns)."""
    dets, nouns = cue_set("back_dets"), cue_set("back_nouns")
    return any(
        t.lower_ in dets and t.head.lemma_.lower() in nouns and t.dep_ == "det" for t in sent
    )


def _sides(doc: Doc, incident: Incident) -> list[str]:
    """The two sides of "both sides": the incident's actor countries, else the doc's top two."""
    codes = [a.country_code for a in incident.actors if a.country_code]
    if len(set(codes)) < 2:
        counted = Counter(
            code
            for ent in entities(doc)
            if ent.label_ in ("GPE", "NORP")
            if (code := iso2(ent.text))
        )
        codes = codes + [c for c, _ in counted.most_common()]
    ordered = list(dict.fromkeys(codes))[:2]
    return [short_name(c) for c in ordered]


def _split_both_sides(f: FoundClaim, doc: Doc, incident: Incident) -> list[FoundClaim]:
    if f.claimant is None or f.claimant.name.lower() not in cue_set("both_sides"):
        return [f]
    sides = _sides(doc, incident)
    if len(sides) < 2:
        return [f, f]  # two opposed claims whose claimants the text does not name
    return [
        FoundClaim(
            f.claim.model_copy(update={"claimant": side}),
            Claimant(
                side, "state", iso2(side), f.claimant.start, f.claimant.end, f.claimant.surface
            ),
            f.cue,
            f.sentence,
        )
        for side in sides
    ]


def _unverifiable(sent: Span) -> bool:
    """ "Reuters could not independently verify the reports": the relay says the claims about
    this incident are unverified, so they are hedged (cues.yaml: unverifiable_verbs)."""
    verbs = cue_set("unverifiable_verbs")
    for t in sent:
        if t.lemma_.lower() in verbs and any(c.dep_ == "neg" for c in t.children):
            return True
        if t.lemma_.lower() in verbs and t.head.lower_ in ("unable", "impossible"):
            return True
    return False


def _hedge(f: FoundClaim) -> FoundClaim:
    if f.claim.stance == Stance.DENIES or f.claim.hedged:
        return f
    return FoundClaim(f.claim.model_copy(update={"hedged": True}), f.claimant, f.cue, f.sentence)


def _merge(found: list[FoundClaim]) -> list[FoundClaim]:
    """One claim per (claimant, stance, about); methods pooled per (claimant, stance)."""
    methods: dict[tuple[str | None, Stance], list[str]] = {}
    for f in found:
        pool = methods.setdefault((f.claim.claimant, f.claim.stance), [])
        pool += [m for m in f.claim.method if m not in pool]
    out: dict[tuple[str | None, Stance, str], FoundClaim] = {}
    for n, f in enumerate(found):
        key = (f.claim.claimant, f.claim.stance, f.claim.about.value)
        if key in out and f.claim.claimant is not None:
            continue
        claim = f.claim.model_copy(
            update={"method": tuple(methods[(f.claim.claimant, f.claim.stance)])}
        )
        out[key if f.claim.claimant is not None else (None, f.claim.stance, str(n))] = FoundClaim(
            claim, f.claimant, f.cue, f.sentence
        )
    return list(out.values())


def _annotate_incident(incident: Incident, found: list[FoundClaim], doc: Doc) -> Incident:
    sents = sentences(doc)
    chosen = _incident_sentences(doc, incident)
    spans = [(sents[i].start_char, sents[i].end_char) for i in chosen]
    mine = [f for f in found if any(s <= f.sentence[0] < e for s, e in spans)]
    mine = [g for f in mine for g in _split_both_sides(f, doc, incident)]
    if any(_unverifiable(sents[i]) for i in chosen):
        mine = [_hedge(f) for f in mine]
    graded: list[GradedClaim] = []
    claims: list[Claim] = list(incident.claims)
    for f in _merge(mine):
        kind = f.claimant.kind if f.claimant else None
        country = f.claimant.country if f.claimant else None
        g = GradedClaim(f.claim, kind, country)
        claim = f.claim.model_copy(update={"grade": grade_claim(g)})
        graded.append(GradedClaim(claim, kind, country))
        claims.append(claim)
    perpetrators = {
        a.country_code
        for a in incident.actors
        if a.role == ActorRole.PERPETRATOR and a.country_code
    }
    axes = tuple(
        AxisGrade(about=about, status=verification(on_axis, perpetrators))
        for about in ClaimAbout
        if (on_axis := [g for g in graded if g.claim.about == about])
    )
    return incident.model_copy(
        update={
            "claims": tuple(claims),
            "verification": verification(graded, perpetrators),
            "axis_grades": axes,
        }
    )
