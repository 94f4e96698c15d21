"""Demonstration rules: which ACLED demonstration sub-event a sentence's cues describe.

ACLED Codebook (2023), "Event Types and Sub-Event Types"
(https://acleddata.com/knowledge-base/codebook/): a demonstration is peaceful unless it meets
intervention (arrests, dispersal: "Protest with intervention"), lethal or severe force ("Excessive
force against protesters") or is itself violent ("Violent demonstration"). What a crowd demands or
opposes is no event of its own. The score was set by hand against the other rules in
event_type.py, then checked on the CASE 2021 dev half (eval/case2021.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .candidate import ARMED_KINDS, ST, STATE_KINDS, Candidate, first_cue
from .event_words import (
    BLOCKING,
    CROWD_WORDS,
    GRIEVANCE_DEPTH,
    GRIEVANCE_HEADS,
    HOSPITALISED,
    INJURY_WORDS,
    KILLING,
    MILITARY_NOUNS,
    NOT_YET_HEADS,
    POLICE_NOUNS,
    PROTEST_TOPIC,
    SCUFFLE,
    SEVERITY,
    TIME_NOUNS,
)
from .objects import in_relative_clause
from .triggers import Cue

# A demonstration told over several sentences is one event; its type is the gravest reported.
DEMONSTRATION_ORDER = (
    ST.PEACEFUL_PROTEST,
    ST.PROTEST_WITH_INTERVENTION,
    ST.VIOLENT_DEMONSTRATION,
    ST.EXCESSIVE_FORCE,
)


def protest_candidate(cues: Sequence[Cue], kinds: set[str]) -> Candidate | None:
    if any(c.label == "PROTEST" for c in cues) and all(
        _not_yet(c) or _troops_marching(c) or _reported_on(c) for c in cues if c.label == "PROTEST"
    ):
        # Only a protest expected or called for: ACLED codes demonstrations that took place.
        cues = [c for c in cues if c.label != "PROTEST"]
    cues = [c for c in cues if c.label == "PROTEST" or not (_earlier(c) or _dated_by(c))]
    labels = {c.label for c in cues}
    if _armed_break_in(cues, labels, kinds):
        return None
    anchor = (
        first_cue(cues, "PROTEST")
        or first_cue(cues, "VIOLENT")
        or first_cue(cues, "FORCE")
        or first_cue(cues, "BLOCKADE")
    )
    if anchor is None:
        return None
    blockade_only = all(
        c.span.root.lemma_.lower() in BLOCKING for c in cues if c.label == "PROTEST"
    )
    if blockade_only and anchor.label in ("PROTEST", "BLOCKADE") and _troops_block(cues):
        return None  # troops blocking a road or blockading a town: not a demonstration
    if "BLOCKADE" in labels:
        labels.add("PROTEST")
    deaths = [c for c in cues if _at_the_protest(c)]
    killed = any(c.label == "ATTACK" and c.lemma in KILLING for c in deaths)
    died = any(c.label == "DEATH" and c.span.root.dep_ != "pobj" for c in deaths)
    lethal = "PROTEST" in labels and (killed or died)
    # Deaths at a protest are excessive force when forces, guns or a crackdown are named.
    forced = "INTERVENE" in labels or _obstructed(cues) or bool(kinds & STATE_KINDS)
    if (
        "FORCE" in labels
        or (lethal and (kinds & STATE_KINDS or labels & {"FIREARM", "INTERVENE"}))
        or ("PROTEST" in labels and forced and _seriously_hurt(cues))
    ):
        sub = ST.EXCESSIVE_FORCE
    elif "VIOLENT" in labels or ("PROTEST" in labels and _crowd_violence(cues)) or _blockade(cues):
        sub = ST.VIOLENT_DEMONSTRATION
    elif (
        "INTERVENE" in labels
        or any(
            c.label == "ARREST" and _arrest_at_protest(c) and not _for_crime(c, cues) for c in cues
        )
        or _obstructed(cues)
    ):
        sub = ST.PROTEST_WITH_INTERVENTION
    else:
        sub = ST.PEACEFUL_PROTEST
    return Candidate(sub, anchor.span, 6.5)


# Verbs of reporting on an event: "a journalist covering a protest" is where the journalist was.
REPORTING = frozenset({"cover", "film", "photograph", "document", "livestream", "monitor"})


# Entering by force: a riot's act when a crowd does it, an armed group's raid when one does.
BREAKING_IN = frozenset({"storm", "break"})


def _armed_break_in(cues: Sequence[Cue], labels: set[str], kinds: set[str]) -> bool:
    """ "Four militants stormed the house and killed him": an armed group storming a place, with
    no demonstration word, is its attack, not a riot (ACLED Codebook 2023: rioters are
    unorganised; organised armed groups' violence is Battles or Violence against civilians)."""
    violent = [c for c in cues if c.label == "VIOLENT"]
    return (
        bool(kinds & ARMED_KINDS)
        and not labels & {"PROTEST", "FORCE", "BLOCKADE"}
        and bool(violent)
        and all(c.lemma in BREAKING_IN for c in violent)
    )


def _dated_by(cue: Cue) -> bool:
    """Inside a phrase that dates the event told ("the day after clashes between rioters and
    police", "after clashes with police last week"): an earlier event."""
    tok = cue.span.root
    for _ in range(4):
        if tok.dep_ == "pobj" and tok.head.lower_ in ("after", "following", "since"):
            return True
        if tok.dep_ not in ("pobj", "prep", "compound", "conj", "amod") or tok.head is tok:
            return False
        tok = tok.head
    return False


def _reported_on(cue: Cue) -> bool:
    """ "attacked a journalist covering a protest": the protest is what the victim was reporting
    on, the setting of the event told, not the event."""
    root = cue.span.root
    return (
        root.dep_ == "dobj"
        and root.head.lemma_.lower() in REPORTING
        and root.head.dep_
        in (
            "acl",
            "advcl",
            "relcl",
        )
    )


def _troops_marching(cue: Cue) -> bool:
    """ "Soldiers marched to the district": troops moving, not demonstrating."""
    doers = [t for t in cue.span.root.children if t.dep_ == "nsubj"]
    return any(t.lemma_.lower() in MILITARY_NOUNS or t.lower_ in MILITARY_NOUNS for t in doers)


def _not_yet(cue: Cue) -> bool:
    """A protest anticipated, planned or called for ("in anticipation of more demonstrations",
    "called for protests"), not one held. The cue must be what is expected, not who expects:
    "protesters called for his release" is a protest."""
    root = cue.span.root
    if root.dep_ not in ("pobj", "dobj", "conj"):
        return False
    head = root
    for _ in range(3):
        head = head.head
        if head.lemma_.lower() in NOT_YET_HEADS:
            return True
        if head.head is head:
            break
    return False


def _seriously_hurt(cues: Sequence[Cue]) -> bool:
    """Serious injuries at the protest: ACLED Codebook (2023) "Protest with intervention" covers
    dispersal or suppression "without serious/lethal injuries being reported"; with them it is
    "Excessive force against protesters". Read as a severity word on an injury ("seriously
    injured", "serious injuries") or people taken to hospital ("had to be hospitalized")."""
    if not cues:
        return False
    for tok in cues[-1].span.sent:
        lemma = tok.lemma_.lower()
        if lemma in HOSPITALISED or tok.lower_ in HOSPITALISED:
            return True
        if lemma in SEVERITY and (
            tok.head.lemma_.lower() in INJURY_WORDS
            or any(c.label == "INJURE" and c.span.root.i == tok.head.i for c in cues)
        ):
            return True
    return False


def _at_the_protest(cue: Cue) -> bool:
    """Not the grievance ("to decry the arrests and violence", "over the death of") and not a
    relative clause about someone ("a student whose death inspired protests")."""
    root = cue.span.root
    # "murder charges": a modifier names a charge, not an act at the protest
    return (
        not _topic(cue)
        and "relcl" not in (root.dep_, root.head.dep_)
        and root.dep_ not in ("acl", "compound")
        and not _earlier(cue)
    )


def _arrest_at_protest(cue: Cue) -> bool:
    """Not the grievance, and not a relative clause about someone ("officers who were trying to
    arrest him"): the small model often reads "police detained" after a noun as a clause (acl),
    so that stays."""
    return not _topic(cue) and not in_relative_clause(cue.span.root)


def _for_crime(cue: Cue, cues: Sequence[Cue]) -> bool:
    """ "They were arrested for keeping drugs": an arrest whose stated reason is a crime is
    criminal justice told as the protest's background, not police intervening at it (protesters
    are arrested "for blocking the road", which names no crime word)."""
    crime = {c.span.root.i for c in cues if c.label == "CRIME"}
    reasons = [p for p in cue.span.root.children if p.lower_ == "for"]
    return any(t.i in crime for p in reasons for t in p.subtree)


def _earlier(cue: Cue) -> bool:
    """Told as an earlier day's event: "undeterred by ... the previous day when security forces
    opened fire" (a clause attached to a time noun). ACLED codes each day's event on its own."""
    tok = cue.span.root
    for _ in range(4):
        if tok.dep_ in ("relcl", "advcl", "acl") and tok.head.lemma_.lower() in TIME_NOUNS:
            return True
        if tok.head is tok:
            return False
        tok = tok.head
    return False


def _obstructed(cues: Sequence[Cue]) -> bool:
    """Police blocking the marchers' way, or protesters attacked (not killed) by anyone: ACLED's
    "Protest with intervention" covers any actor's physical interference short of severe force."""
    protest_tokens = {c.span.root.i for c in cues if c.label == "PROTEST"}
    for c in cues:
        root = c.span.root
        if c.label == "BLOCKADE" and any(
            t.dep_ == "nsubj" and t.lemma_.lower() in POLICE_NOUNS for t in root.children
        ):
            return True
        if c.label == "ATTACK" and c.lemma not in KILLING:
            targets = [t for t in root.children if t.dep_ in ("dobj", "nsubjpass")]
            targets += [
                g for t in targets for p in t.children if p.lower_ == "of" for g in p.children
            ]
            if any(t.i in protest_tokens for t in targets):
                return True
    return False


def _crowd_violence(cues: Sequence[Cue]) -> bool:
    """Looting, unrest, a scuffle, or demonstrators (or "they") attacking someone."""
    protest_tokens = {c.span.root.i for c in cues if c.label == "PROTEST"}
    for c in filter(_at_the_protest, cues):
        if c.label == "LOOT" or (c.label == "UNREST" and not _social_ill(c)):
            return True
        if c.label == "CLASH" and c.lemma in SCUFFLE:  # "rallied ... in clashes" counts
            return True
        if c.label == "ATTACK" and c.lemma not in KILLING:
            doers = [t for t in c.span.root.children if t.dep_ == "nsubj"]
            if any(t.i in protest_tokens or t.lower_ in CROWD_WORDS for t in doers):
                return True
    return False


# Kinds of violence that are a social ill a crowd protests about, not unrest at the protest.
SOCIAL_ILLS = frozenset({"domestic", "sexual", "gender", "gender-based", "family", "gun",
                         "intimate", "partner", "obstetric", "school"})  # fmt: skip


def _social_ill(cue: Cue) -> bool:
    """ "To draw attention to domestic violence": the violence named is the protest's cause."""
    return any(
        c.dep_ in ("amod", "compound") and c.lower_ in SOCIAL_ILLS for c in cue.span.root.children
    ) or any(t.lower_ in SOCIAL_ILLS for t in cue.span)


def _topic(cue: Cue) -> bool:
    """What a protest is about, not what happened at it: "against arrests", "a plan for arrests",
    "over the detention of", "to decry the arrests"."""
    head = cue.span.root.head
    return head.lemma_.lower() in PROTEST_TOPIC or head.head.lemma_.lower() in PROTEST_TOPIC


def without_grievances(cues: Sequence[Cue]) -> list[Cue]:
    """At a protest, what is demanded or opposed is no event of its own: "demanded reimbursement
    for demolished houses", "protested against the use of the mines", "the arrested president"."""
    if not any(c.label in ("PROTEST", "BLOCKADE") for c in cues):
        return list(cues)
    rally = {c.span.root.i for c in cues if c.label in ("PROTEST", "BLOCKADE")}
    # Tear gas and dispersal are never what a crowd demands: kept whatever the parse says.
    kept = ("PROTEST", "BLOCKADE", "INTERVENE", "FORCE")
    return [c for c in cues if c.label in kept or not _grievance(c, rally)]


def _grievance(cue: Cue, rally: set[int]) -> bool:
    """Under a demand verb, or under "against"/"over" attached to the rally itself ("protested
    against the mines"; not "threw firecrackers against the police")."""
    root = cue.span.root
    if cue.label == "ARREST" and root.dep_ == "amod":
        return True
    for _ in range(GRIEVANCE_DEPTH):
        if root.head is root or (
            root.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children)
        ):
            # "demanded his resignation, and the rally grew into a brawl": a clause with its own
            # subject, coordinated with the demand, says what happened, not what was demanded.
            return False
        root = root.head
        lemma = root.lemma_.lower()
        if lemma in GRIEVANCE_HEADS or (lemma in ("against", "over") and _holds(root.head, rally)):
            return True
    return False


def _holds(head: Token, rally: set[int]) -> bool:
    """The rally, a place phrase of it ("a protest in front of the building against ..."), or the
    verb that has it as its object ("held a protest ... against": the parser hangs "against" on
    "held")."""
    if any(c.i in rally for c in head.children if c.dep_ in ("dobj", "nsubjpass")):
        return True
    for _ in range(4):  # up through "in front of the building"
        if head.i in rally:
            return True
        if head.head is head or head.dep_ not in ("pobj", "prep"):
            return False
        head = head.head
    return head.i in rally


def _troops_block(cues: Sequence[Cue]) -> bool:
    for c in cues:
        if c.span.root.lemma_.lower() in BLOCKING:
            doers = [t for t in c.span.root.children if t.dep_ == "nsubj"]
            if any(t.lemma_.lower() in MILITARY_NOUNS for t in doers):
                return True
    return False


def _blockade(cues: Sequence[Cue]) -> bool:
    """A road blocked with something: "used their vehicles to block", "blocked ... with poles"."""
    blocks = [c for c in cues if c.span.root.lemma_.lower() in BLOCKING]
    if not blocks:
        return False
    for c in cues:
        if c.label == "WEAPONUSE" and c.lemma == "use":
            users = [t for t in c.span.root.children if t.dep_ == "nsubj"]
            # "police used water cannon to block the march": an intervention, not a barricade
            if not any(t.lemma_.lower() in POLICE_NOUNS for t in users):
                return True
    # "blocked the road with the demand to ...": the object of "with" is what they asked, no
    # barricade.
    return any(
        t.lower_ == "with" and not _claim_follows(t) for c in blocks for t in c.span.root.children
    )


def _claim_follows(prep: Token) -> bool:
    """Is the noun after "with" a claim ("with the demand to", "with their slogans")? Read from
    the text, as the parser often hangs "demand" below the infinitive it governs."""
    for tok in prep.doc[prep.i + 1 : prep.i + 4]:
        if tok.pos_ in ("DET", "ADJ", "PRON"):
            continue
        return tok.lemma_.lower() in CLAIM_WORDS or tok.lower_ in CLAIM_WORDS
    return False


# What a blockade is "with" when it is no object on the road: the protesters' demand or slogans.
CLAIM_WORDS = frozenset(
    {"demand", "request", "call", "appeal", "slogan", "placard", "banner", "sign", "petition",
     "demands", "requests", "slogans", "placards", "banners", "signs"}
)  # fmt: skip
