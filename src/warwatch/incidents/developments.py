"""Strategic developments and their edges: ACLED's "Other", prisoner releases, broken ceasefires,
harm done only to livestock, and herders' clashes.

ACLED Codebook (2023), "Strategic developments" (https://acleddata.com/knowledge-base/codebook/):
"Other" covers "any significant development that does not fall into any of the other Strategic
developments sub-event types", with the examples "the occurrence of a coup, the displacement of a
civilian population as a result of fighting, or the discovery of mass graves". Read the same way
here: a coup or power seized, a head of government or state resigning, ministers or governors
dismissed, a treaty or protocol repealed, civilians fleeing fighting or displaced by force, a mass
expulsion, a mass grave found. Each must be what the sentence reports (its main clause), not a
grievance, a plan or a time reference.

"Agreement" covers ceasefires and "prisoner releases": a person released from detention is one
(a bare "released" must name people or a prison); a ceasefire violated or broken is the opposite,
fire between the sides, an "Armed clash" (armed, organised groups engaging each other); a decree
signed by one side is no agreement.

Herders fighting are an identity militia ("Inter Code 4: Identity Militias", organised around a
livelihood), so their clash with farmers is an "Armed clash", not "Mob violence".

"Looting/property destruction" covers the destruction of property outside other violence; animals
killed by fire when no person is reported hurt are property destroyed, not an attack on people.
The scores were set against the other rules in event_type.py (above a rally, so "after days of
protests the prime minister resigned" is the resignation; below any named means of violence) and
checked on the CASE 2021 dev half (eval/case2021.py).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from .candidate import ST, Candidate
from .event_words import PERSON_NOUNS, REPORTING
from .triggers import Cue

OTHER_SCORE = 6.6  # above a rally (6.5) and an arrest (5.7); below people captured (6.7)
COUP_SCORE = 6.8  # "seized power in a coup and detained the president": the coup
FLIGHT_SCORE = 6.3  # above a battle word (6.2) told as the cause, below gunfire (6.4) and means
BROKEN_TRUCE_SCORE = 5.5  # "violated the ceasefire": below a wounding or killing told with it
LIVESTOCK_SCORE = 6.6  # above the gunfire (6.4) that killed the animals

# Who resigning is a development: a head of government or of state, or a whole government.
LEADERS = frozenset(
    {"president", "premier", "chancellor", "prime-minister", "pm", "government", "cabinet",
     "king", "emir", "monarch", "junta", "dictator", "head"}
)  # fmt: skip
# Who dismissed is a development: members of a government, not any employee.
OFFICE_HOLDERS = frozenset({"minister", "ministers", "governor", "governors", "cabinet",
                            "government", "premier"})  # fmt: skip
# What repealed is a development: agreements between states or parties.
TREATIES = frozenset({"treaty", "treaties", "protocol", "protocols", "accord", "accords",
                      "agreement", "agreements", "pact", "convention"})  # fmt: skip
# Who flees is a displaced population (not attackers fleeing the scene).
POPULATION = frozenset(
    {"civilian", "civilians", "people", "resident", "residents", "family", "families", "villager",
     "villagers", "inhabitant", "inhabitants", "thousand", "thousands", "hundred", "hundreds",
     "household", "households", "population", "refugee", "refugees", "person", "persons"}
)  # fmt: skip
# Prepositions that tell a coup as the means of what a verb reports ("ousted in a coup").
COUP_MEANS = frozenset({"in", "through", "by", "via"})
# Verbs of finding a grave.
FINDING = frozenset({"discover", "find", "uncover", "unearth", "exhume", "locate", "report"})
# Verbs whose object "resignation" is a resignation made ("announced his resignation").
RESIGNING = frozenset({"announce", "submit", "tender", "hand", "offer", "accept"})
# Verbs that break a ceasefire.
BREAKING = frozenset({"violate", "break", "breach", "violation"})
# Animals whose killing by fire is property destroyed (livestock) when no person is hurt.
ANIMALS = frozenset(
    {"livestock", "cattle", "cow", "cows", "sheep", "goat", "goats", "animal", "animals", "horse",
     "horses", "camel", "camels", "donkey", "donkeys", "pig", "pigs", "poultry", "chicken",
     "chickens", "herd", "herds", "flock", "flocks", "ox", "oxen", "buffalo", "bull", "bulls",
     "calf", "calves", "lamb", "lambs"}
)  # fmt: skip
# Words of harm whose patient says who or what was hurt.
HARM_VERBS = frozenset({"kill", "wound", "injure", "damage", "hit", "hurt", "shoot", "slaughter"})
UNHARMED = frozenset({"unharmed", "unhurt", "uninjured", "safe"})


def _main_clause(tok: Token) -> bool:
    """The sentence's main verb (or one coordinated with it), or a clause a reporting verb
    reports ("thousands have fled, the UN said")."""
    if tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ == "ROOT":
        return True
    return tok.dep_ == "ccomp" and tok.head.dep_ == "ROOT" and tok.head.lemma_.lower() in REPORTING


def _words(toks: Sequence[Token]) -> set[str]:
    return {t.lower_ for t in toks} | {t.lemma_.lower() for t in toks}


def _subjects(verb: Token) -> list[Token]:
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj and verb.dep_ == "conj":
        subj = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    # "a group of citizens", "thousands of civilians": the group's members too
    subj += [g for s in subj for p in s.children if p.lower_ == "of" for g in p.children]
    return subj


def _leader(toks: Sequence[Token]) -> bool:
    """A head of government or state among these words (or their compounds and appositions):
    "the president", "Prime Minister X", "X, the premier"."""
    near = [w for t in toks for w in t.subtree]
    for w in near:
        word = w.lower_
        if (word in LEADERS or w.lemma_.lower() in LEADERS) and not _of_other_body(w):
            return True
        if word == "minister" and w.i > 0 and w.doc[w.i - 1].lower_ in ("prime", "-"):
            return True
    return False


def _of_other_body(word: Token) -> bool:
    """ "The president of the football federation", "head of the company": the head of a body
    other than a state or its government."""
    bodies = [g for c in word.children if c.lower_ == "of" for g in c.children]
    return any(
        b.ent_type_ not in ("GPE", "NORP") and b.lemma_.lower() not in STATE_BODIES for b in bodies
    )


# What a head of state or government heads.
STATE_BODIES = frozenset({"country", "state", "republic", "government", "nation", "kingdom"})


def _resigned(cue: Cue) -> bool:
    root = cue.span.root
    if root.pos_ == "NOUN":  # "announced his resignation", "the resignation of the premier"
        verb = root.head
        if root.dep_ != "dobj" or verb.lemma_.lower() not in RESIGNING or not _main_clause(verb):
            return False
        owners = [c for c in root.children if c.dep_ in ("poss", "prep")] + _subjects(verb)
        return _leader(owners)
    if not _main_clause(root):
        return False
    # "stepped down as acting prime minister": the office told with "as"
    offices = [g for c in root.children if c.lower_ == "as" for g in c.children]
    return _leader(_subjects(root) + offices)


def _dismissed(cue: Cue) -> bool:
    root = cue.span.root
    if root.pos_ == "NOUN":  # "signed orders for the dismissal of all ministers"
        objects = [g for c in root.children if c.lower_ == "of" for g in c.children]
    else:
        if not _main_clause(root) and root.dep_ not in ("acl", "advcl", "xcomp"):
            return False
        objects = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [c for t in objects for c in t.conjuncts]
    return bool(_words(objects) & OFFICE_HOLDERS)


def _repealed(cue: Cue) -> bool:
    root = cue.span.root
    objects = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
    return _main_clause(root) and bool(_words(objects) & TREATIES)


def _fled(cue: Cue) -> bool:
    """Civilians fleeing or displaced, told as the main event ("thousands have fled the town");
    not "forcing thousands to flee" (the forcing act is the event) nor attackers fleeing."""
    root = cue.span.root
    if root.pos_ != "VERB" or not _main_clause(root):
        return False
    who = _subjects(root)
    return bool(_words(who) & POPULATION) or any(t.like_num for t in who)


# Cue classes of conflict: displacement "as a result of fighting" (ACLED "Other") needs one;
# people fleeing a flood or a fire are no conflict event.
CONFLICT_LABELS = frozenset({"CLASH", "ATTACK", "SHELL", "AIR", "FIREARM", "WEAPONUSE", "TAKE",
                             "IED", "SUICIDE", "GRENADE", "CHEM", "INJURE", "DEATH", "LOOT"})  # fmt: skip
DISASTER_LABELS = frozenset({"NATURAL", "MANMADE"})


def _amid_fighting(cues: Sequence[Cue]) -> bool:
    labels = {c.label for c in cues}
    return bool(labels & CONFLICT_LABELS) and not labels & DISASTER_LABELS


def _grave_found(cue: Cue) -> bool:
    """ "Discovered a mass grave", "mass graves were found", "the mass graves contain the bodies
    of ...": the grave is what the sentence reports, not where a search went ("calls to search
    for mass graves")."""
    root = cue.span.root
    head = root.head
    if head.lemma_.lower() in FINDING and root.dep_ in ("dobj", "nsubjpass"):
        return True
    return root.dep_ in ("nsubj", "nsubjpass") and _main_clause(head)


def _expelled(cue: Cue) -> bool:
    """ "Began a mass expulsion operation", "mass deportations of ...": a population removed by
    force (ACLED "Other", displacement), not one dated by it ("since the expulsions")."""
    root = cue.span.root
    return not (root.dep_ == "pobj" and root.head.lower_ in ("after", "since", "following"))


def _coup(cue: Cue) -> bool:
    """A coup told as happening, not as a time reference ("since the coup") nor as a modifier
    ("coup plotters were arrested": the arrest is the event)."""
    root = cue.span.root
    if root.pos_ == "VERB":  # "seized power"
        return _main_clause(root)
    if root.dep_ == "pobj":
        # "toppled in a coup", "took power through a coup"; not "opponents of the coup",
        # "since the coup", "after the coup"
        prep = root.head
        return prep.lower_ in COUP_MEANS and prep.head.pos_ in ("VERB", "AUX")
    return root.dep_ in ("nsubj", "nsubjpass", "dobj", "ROOT", "attr")


def other_candidate(cues: Sequence[Cue]) -> Candidate | None:
    """ACLED "Other": the first OTHER cue that is a development the sentence reports."""
    for cue in cues:
        if cue.label != "OTHER":
            continue
        # The small model lemmatises some forms oddly ("graves" -> "graf"): the word counts too.
        root = cue.span.root
        lemma = "grave" if root.lower_ in ("grave", "graves") else cue.lemma
        if lemma in ("coup", "putsch", "seize", "grab") and _coup(cue):
            return Candidate(ST.OTHER, cue.span, COUP_SCORE)
        if lemma in ("resign", "resignation", "step") and _resigned(cue):
            return Candidate(ST.OTHER, cue.span, OTHER_SCORE)
        if lemma in ("dismiss", "dismissal", "sack") and _dismissed(cue):
            return Candidate(ST.OTHER, cue.span, OTHER_SCORE)
        if lemma in ("repeal", "revoke", "annul", "abrogate") and _repealed(cue):
            return Candidate(ST.OTHER, cue.span, OTHER_SCORE)
        if lemma in ("flee", "displace") and (
            (_fled(cue) and _amid_fighting(cues)) or displaced_by_force(cue)
        ):
            return Candidate(ST.OTHER, cue.span, FLIGHT_SCORE)
        if lemma in ("expulsion", "deportation", "eviction") and _expelled(cue):
            return Candidate(ST.OTHER, cue.span, FLIGHT_SCORE)
        if lemma == "grave" and _grave_found(cue):
            return Candidate(ST.OTHER, cue.span, OTHER_SCORE)
    return None


def broken_truce(cue: Cue) -> bool:
    """ "Violated the ceasefire", "broke the truce", "ceasefire violations": the agreement named
    is what was broken."""
    if cue.label != "AGREE":
        return False
    root = cue.span.root
    return root.head.lemma_.lower() in BREAKING and root.dep_ in ("dobj", "compound", "nsubjpass")


def _told_breach(cue: Cue) -> bool:
    """The breach is what the sentence reports ("forces violated the ceasefire", "ceasefire
    violations were reported"), not a setting ("amid ceasefire violations")."""
    breach = cue.span.root.head
    if breach.pos_ == "VERB":
        return _main_clause(breach)
    return breach.dep_ in ("nsubj", "nsubjpass", "dobj")


def broken_truce_candidate(cues: Sequence[Cue]) -> Candidate | None:
    cue = next((c for c in cues if broken_truce(c) and _told_breach(c)), None)
    return Candidate(ST.ARMED_CLASH, cue.span, BROKEN_TRUCE_SCORE) if cue else None


def _patients(tok: Token) -> list[Token]:
    """What a harm word acts on: its object or passive subject ("killing three cows", "animals
    were killed"), with coordinated ones."""
    found = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    if tok.dep_ == "amod":  # "killed animals"
        found.append(tok.head)
    return found + [c for t in found for c in t.conjuncts]


def livestock_only(cues: Sequence[Cue]) -> bool:
    """Does the sentence report harm only to animals ("fired at the village, killing three cows";
    "three animals were killed, the farmer was unharmed"), with no person hurt?"""
    if not cues:
        return False
    sent = cues[0].span.sent
    harmed = [p for t in sent if t.lemma_.lower() in HARM_VERBS for p in _patients(t)]
    if not harmed:
        return False
    return all(p.lower_ in ANIMALS or p.lemma_.lower() in ANIMALS for p in harmed)


# What is signed when signing is no agreement: a decision of one side alone.
DECREES = frozenset({"order", "orders", "decree", "decrees", "law", "laws", "bill", "bills",
                     "executive", "ordinance", "ordinances", "resolution"})  # fmt: skip


def signed_order(cue: Cue) -> bool:
    """ "Signed the orders for the dismissal of ministers", "signed a decree": an act of one
    side, not an agreement between two (ACLED Codebook 2023, "Agreement")."""
    root = cue.span.root
    if cue.label != "AGREE" or root.lemma_.lower() != "sign":
        return False
    objects = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(_words(objects) & DECREES)


# Who is released in a prisoner release, besides named persons and the detained of objects.py.
CAPTIVES = frozenset({"prisoner", "detainee", "hostage", "captive", "activist", "journalist",
                      "politician", "opponent", "dissident", "student", "son", "daughter",
                      "wife", "husband", "brother", "leader"})  # fmt: skip
JAILS = frozenset({"prison", "jail", "custody", "detention", "captivity", "gaol"})


def released_people(cue: Cue) -> bool:
    """ "Authorities released X", "freed the prisoners", "released from prison": people let go
    from detention. A bare "release" needs them named: "released a statement" is no release."""
    root = cue.span.root
    if len(cue.span) > 1 or root.lemma_.lower() not in ("release", "free"):
        return True  # the lexicon's own phrase ("released prisoners") names them
    if root.pos_ != "VERB" or not _main_clause(root):
        return False
    objs = [c for c in root.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [c for t in objs for c in t.conjuncts]
    if any(o.ent_type_ == "PERSON" or o.lemma_.lower() in CAPTIVES | PERSON_NOUNS for o in objs):
        return True
    return any(
        p.lower_ == "from" and any(g.lemma_.lower() in JAILS for g in p.children)
        for p in root.children
    )


def displaced_by_force(cue: Cue) -> bool:
    """ "Security forces used tractors to displace residents": a population displaced as the
    purpose told of the main act (ACLED "Other": the displacement of a civilian population)."""
    root = cue.span.root
    if root.lemma_.lower() != "displace" or root.dep_ not in ("xcomp", "advcl"):
        return False
    objs = [c for c in root.children if c.dep_ == "dobj"]
    return _main_clause(root.head) and bool(_words(objs) & POPULATION)


# Livelihood groups ACLED codes as identity (communal) militias when they fight (ACLED Codebook
# 2023, "Inter Code 4: Identity Militias": groups organised around a common feature such as
# "livelihood"; pastoralist-farmer violence is its standing example).
HERDERS = frozenset({"herder", "herders", "herdsman", "herdsmen", "pastoralist", "pastoralists",
                     "cattleman", "cattlemen", "nomad", "nomads"})  # fmt: skip


def herders_fight(cue: Cue) -> bool:
    """ "Herdsmen clashed with farmers": a communal militia in a fight makes it a battle (Armed
    clash), not a brawl of unorganised people (Mob violence)."""
    root = cue.span.root
    holders = [root, root.head] if root.dep_ in ("nsubj", "nsubjpass") else [root]
    sides = [c for h in holders for c in h.children if c.dep_ == "nsubj"]
    preps = [c for h in holders for c in h.children if c.lower_ in ("between", "with", "among")]
    sides += [g for p in preps for g in p.children]
    sides += [c for t in sides for c in t.conjuncts]
    return bool(_words(sides) & HERDERS)
