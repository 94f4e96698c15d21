"""MUC-4 full documents (GRIT format, dev half): perpetrator, target, victim and weapon fillers.

    python eval/muc4.py [--limit N] [--baseline] [--all-incidents] [--literal] [--sentence-case]
                        [--errors ROLE]

Each document runs through the full pipeline as written (upper case, ``published=None``; the
pipeline itself parses all-caps text in restored case, ``warwatch.text.truecase``). The
predicted fillers of a document are pooled over its incidents of a MUC-4 incident type:
MUC-4 templates attacks, bombings, kidnappings, arson and robbery, accomplished, attempted or
threatened (MUC-4 task definition, INCIDENT: TYPE and STAGE OF EXECUTION), so incidents whose
ACLED type is none of these are left out: Protests, and Strategic developments other than
"Looting/property destruction" (arson, sabotage) and "Disrupted weapons use" (a defused bomb
is an attempted bombing; since 2026-11-27 only a disruption told by a defusal or foiling word,
``DEFUSAL``: arms seized, confiscated or found in a cache are no attempted attack and MUC-4 has
no template for them, so their weapons are no incident's instrument; ``--all-disrupted`` counts
every disruption, as before). The forces of order of a counted disruption ("police defused a
bomb") are ACLED's actor 1 but no MUC-4 perpetrator, who is the one that planted it (since
2026-11-27). ``--errors ROLE`` lists a role's false positives (at their evidence) and false
negatives with context. ``--no-combat`` leaves out ACLED "Armed clash" incidents: the dev gold
leaves the weapons and sides of most army-guerrilla combat unfilled (81-mm mortars, RPG-7s,
machineguns of clashes at border posts), which reads as MUC-4's relevance rule for terrorist
incidents excluding military combat, but it also has attacks on garrisons and posts, so this is
a diagnostic, not the default. Agreements, arrests, troop movements and peaceful protests have no
MUC-4 template, and their actors are no template's perpetrators. ``--all-incidents`` pools
every incident, as this script did before (2026-11-27), for comparison.
- perp_individual_id: perpetrator actors with a generic name (gunmen, unidentified armed group,
  military/police forces); perp_organization_id: perpetrators with a proper name (Shining Path),
  and (since 2026-11-27) generic actors written as the body itself, "the army", "the armed
  forces", "the police" (``BODY_WORDS``): MUC-4 fills PERP: ORGANIZATION ID with the
  organisation and PERP: INDIVIDUAL ID with its people (the dev gold has "ARMY", "ARMED FORCES",
  "GOVERNMENT" as organisations and "SOLDIERS", "EIGHT SOLDIERS" as individuals), and the ACLED
  name "Military Forces of X" the pipeline gives both cannot tell them apart; ``--name-split``
  splits by the name alone, as before;
- hum_tgt_name: victims named as persons (GRIT keeps only names in this slot, so victims named by
  a class, "Civilians (Peru)" for "a peasant", are not scored); phys_tgt_id: targets;
  incident_instrument_id: weapons.
A predicted string matches a gold entity when, case-insensitively, one contains the other (GRIT's
head-match spirit); each gold entity is found at most once. Runs of white space in a predicted
string count as one space (since 2026-11-27): the documents wrap lines inside names (a line
ending in "JOSE", the next starting "MANUEL POSADA") and GRIT's fillers are written with single
spaces. Likewise round and square brackets count as the same (GRIT writes the documents'
"ANTEL (NATIONAL ADMINISTRATION ...)" as "ANTEL [NATIONAL ADMINISTRATION ...]" in its fillers).
``--literal`` turns both off, as before. Precision = matching predictions /
predictions, recall = found entities / gold entities, per role, micro-averaged over documents.
"""

from __future__ import annotations

import argparse
import json
import re

from common import GOLD, run_reports
from warwatch.kb.actors import actor_entries
from warwatch.model import ActorRole, EventType, Incident, Report, SubEventType
from warwatch.text.truecase import truecase

ROLES = (
    "perp_individual_id",
    "perp_organization_id",
    "phys_tgt_id",
    "hum_tgt_name",
    "incident_instrument_id",
)
GENERIC = ("Unidentified Armed Group", "Military Forces", "Police Forces", "Rebel Group", "Militia")
CLASSES = (*GENERIC, "Civilians", "Protesters", "Rioters")
NAMED = frozenset(e.canonical for e in actor_entries())
# Last words of a generic actor's surface that name the body, not its members (see above).
BODY_WORDS = frozenset(
    "army forces military police government navy guard".split()  # noqa: SIM905
)
# --name-split: individual/organisation by the actor name only (the scorer before 2026-11-27)
NAME_SPLIT = False


def perp_role(name: str, surface: str) -> str:
    """The MUC-4 perpetrator slot of an actor: a generic actor written as its people ("soldiers",
    "gunmen") is individuals, written as the body ("the army") an organisation."""
    if not name.startswith(GENERIC):
        return "perp_organization_id"
    words = surface.split()
    if not NAME_SPLIT and words and words[-1] in BODY_WORDS:
        return "perp_organization_id"
    return "perp_individual_id"


# ACLED types (and Strategic-development sub-events) that are MUC-4 incident types; see above.
MUC_EVENT_TYPES = frozenset(
    {EventType.BATTLES, EventType.EXPLOSIONS, EventType.VAC, EventType.RIOTS}
)
MUC_STRATEGIC = frozenset({SubEventType.LOOTING, SubEventType.DISRUPTED_WEAPONS_USE})


# Words of a weapon stopped before or in use (ACLED "Disrupted weapons use" cue words for
# defusal and foiling, nlp/patterns/triggers.tsv): an attempted attack in MUC-4's sense.
DEFUSAL = frozenset(
    """defuse defused deactivate deactivated dismantle dismantled neutralise neutralised neutralize
    neutralized intercept intercepted interception foil foiled thwart thwarted controlled
    disposal demine demined demining""".split()  # noqa: SIM905
)
# --all-disrupted: every "Disrupted weapons use" (the scorer before 2026-11-27)
ALL_DISRUPTED = False


# --no-combat: leave out armed clashes (both sides armed and organised, ACLED "Armed clash"), a
# reading of MUC-4's relevance rule that excludes military combat; not the default (see the
# module docstring).
NO_COMBAT = False


def is_muc_incident(inc: Incident, text: str = "") -> bool:
    if NO_COMBAT and inc.sub_event_type == SubEventType.ARMED_CLASH:
        return False
    if inc.sub_event_type == SubEventType.DISRUPTED_WEAPONS_USE and text and not ALL_DISRUPTED:
        words = text[inc.trigger.start : inc.trigger.end].lower().split()
        return bool(words) and words[0] in DEFUSAL
    return inc.event_type in MUC_EVENT_TYPES or inc.sub_event_type in MUC_STRATEGIC


# Names of the forces of order: in a "Disrupted weapons use" they are ACLED's actor 1, the side
# that defused or foiled, while MUC-4's PERP of the attempted bombing is who planted the bomb.
DISRUPTERS = ("Military Forces", "Police Forces")


def _disrupter(inc: Incident, name: str) -> bool:
    return inc.sub_event_type == SubEventType.DISRUPTED_WEAPONS_USE and name.startswith(DISRUPTERS)


def predicted(report: Report, *, every_incident: bool = False) -> dict[str, set[str]]:
    return {r: set(found) for r, found in located(report, every_incident=every_incident).items()}


def located(report: Report, *, every_incident: bool = False) -> dict[str, dict[str, int]]:
    """Per role, each predicted filler with the offset of its first evidence (for --errors)."""
    text = report.article.text
    out: dict[str, dict[str, int]] = {r: {} for r in ROLES}
    for inc in report.incidents:
        if not every_incident and not is_muc_incident(inc, text):
            continue
        for a in inc.actors:
            surface = text[a.start : a.end].lower()
            if a.role == ActorRole.PERPETRATOR and _disrupter(inc, a.name):
                continue
            if a.role == ActorRole.PERPETRATOR:
                role = perp_role(a.name, surface)
            elif a.role == ActorRole.VICTIM:
                if a.name.startswith(CLASSES):
                    continue  # a class of people, not a name
                role = "hum_tgt_name"
            elif a.name.startswith(CLASSES) or a.name in NAMED:
                continue  # an armed actor or people hit, not a physical target
            else:
                role = "phys_tgt_id"
            out[role].setdefault(_spaces(surface), a.start)
        for w in inc.weapons:
            out["incident_instrument_id"].setdefault(
                _spaces(text[w.start : w.end].lower()), w.start
            )
    return out


def sentence_case(text: str) -> str:
    """Ablation: lower case with capitals at sentence starts only (the pipeline's own truecasing
    does more); same length, so offsets stay valid."""
    low = text.lower()
    return re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), low)


LITERAL = False  # --literal: no white-space or bracket normalisation (the scorer before 2026-11-27)


def _brackets(s: str) -> str:
    return s if LITERAL else s.replace("(", "[").replace(")", "]")


def _spaces(s: str) -> str:
    return s if LITERAL else " ".join(s.split())


def match(pred: str, mentions: list[str]) -> bool:
    pred = _brackets(pred)
    return any(
        pred and (pred in _brackets(m.lower()) or _brackets(m.lower()) in pred) for m in mentions
    )


def _context(text: str, needle: str, at: int | None = None, width: int = 60) -> str:
    """``width`` characters either side of ``needle`` on one line: at offset ``at`` (a
    prediction's evidence), else where it first occurs (case- and space-insensitively)."""
    if at is not None:
        return " ".join(text[max(0, at - width) : at + len(needle) + width].split())
    flat = " ".join(text.split())
    i = flat.lower().find(needle)
    if i < 0:
        return ""
    return flat[max(0, i - width) : i + len(needle) + width]


def print_errors(
    role: str, doc_id: str, text: str, pred: dict[str, int], gold: list[list[str]]
) -> None:
    """--errors ROLE: false positives (predictions matching no gold entity, shown at their
    evidence) and false negatives (gold entities no prediction matches), each with context."""
    fps = sorted(p for p in pred if not any(match(p, ent) for ent in gold))
    fns = [ent for ent in gold if not any(match(p, ent) for p in pred)]
    for p in fps:
        print(f"FP {doc_id} {role}: {p!r}  | {_context(text, p, pred[p])}")
    for ent in fns:
        print(f"FN {doc_id} {role}: {' / '.join(ent)!r}  | {_context(text, ent[0].lower())}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--baseline", action="store_true", help="score the empty placeholder output")
    ap.add_argument(
        "--sentence-case",
        action="store_true",
        help="lower-case the text, capitalise sentence starts",
    )
    ap.add_argument(
        "--truecase",
        action="store_true",
        help="truecase before the pipeline (the pipeline does it anyway: same scores as default)",
    )
    ap.add_argument(
        "--literal",
        action="store_true",
        help="match without white-space and bracket normalisation (the scorer before 2026-11-27)",
    )
    ap.add_argument(
        "--all-incidents",
        action="store_true",
        help="pool fillers over every incident, not only those of MUC-4 incident types",
    )
    ap.add_argument(
        "--name-split",
        action="store_true",
        help="perpetrator individual/organisation by actor name only (the scorer before 2026-11-27)",
    )
    ap.add_argument(
        "--all-disrupted",
        action="store_true",
        help="count every 'Disrupted weapons use', seized caches too (the scorer before 2026-11-27)",
    )
    ap.add_argument(
        "--no-combat",
        action="store_true",
        help="leave out armed clashes (a reading of MUC-4 relevance; not the default)",
    )
    ap.add_argument(
        "--errors",
        choices=ROLES,
        default=None,
        help="list this role's false positives (FP) and false negatives (FN) with context",
    )
    args = ap.parse_args()
    global LITERAL, NAME_SPLIT, ALL_DISRUPTED, NO_COMBAT
    NO_COMBAT = args.no_combat
    ALL_DISRUPTED = args.all_disrupted
    LITERAL = args.literal
    NAME_SPLIT = args.name_split
    data = json.loads((GOLD / "muc4_test_grit_format.json").read_text(encoding="utf-8"))
    items = list(data.items())[: args.limit] if args.limit else list(data.items())
    case = truecase if args.truecase else sentence_case if args.sentence_case else None
    texts = [case(v["doc"]) if case else v["doc"] for _, v in items]
    reports = run_reports(texts, baseline=args.baseline)
    counts = {r: [0, 0, 0, 0] for r in ROLES}  # pred ok, pred, gold found, gold
    for (doc_id, v), rep in zip(items, reports, strict=True):
        where = located(rep, every_incident=args.all_incidents)
        pred = {r: set(found) for r, found in where.items()}
        if args.errors:
            role = args.errors
            print_errors(role, doc_id, rep.article.text, where[role], v["roles"][role])
        for role in ROLES:
            gold = v["roles"][role]
            c = counts[role]
            c[0] += sum(any(match(p, ent) for ent in gold) for p in pred[role])
            c[1] += len(pred[role])
            c[2] += sum(any(match(p, ent) for p in pred[role]) for ent in gold)
            c[3] += len(gold)
    print(f"{'role':25} {'P':>6} {'R':>6} {'F1':>6} {'pred':>5} {'gold':>5}")
    tot = [0, 0, 0, 0]
    for role, (ok, n_pred, found, n_gold) in counts.items():
        p, r = ok / n_pred if n_pred else 0.0, found / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{role:25} {p:6.3f} {r:6.3f} {f:6.3f} {n_pred:5d} {n_gold:5d}")
        tot = [a + b for a, b in zip(tot, (ok, n_pred, found, n_gold), strict=True)]
    p, r = tot[0] / max(tot[1], 1), tot[2] / max(tot[3], 1)
    print(
        f"{'all roles (micro)':25} {p:6.3f} {r:6.3f} {2 * p * r / (p + r) if p + r else 0.0:6.3f}"
    )


if __name__ == "__main__":
    main()
