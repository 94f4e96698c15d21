"""MUC-4 full documents (GRIT format, dev half): perpetrator, target, victim and weapon fillers.

    python eval/muc4.py [--limit N] [--baseline]

Each document runs through the full pipeline as written (upper case, ``published=None``). The
predicted fillers of a document are pooled over all its incidents:
- perp_individual_id: perpetrator actors with a generic name (gunmen, unidentified armed group,
  military/police forces); perp_organization_id: perpetrators with a proper name (Shining Path);
- hum_tgt_name: victims named as persons (GRIT keeps only names in this slot, so victims named by
  a class, "Civilians (Peru)" for "a peasant", are not scored); phys_tgt_id: targets;
  incident_instrument_id: weapons.
A predicted string matches a gold entity when, case-insensitively, one contains the other (GRIT's
head-match spirit); each gold entity is found at most once. Precision = matching predictions /
predictions, recall = found entities / gold entities, per role, micro-averaged over documents.
"""

from __future__ import annotations

import argparse
import json
import re

from common import GOLD, run_reports
from warwatch.kb.actors import actor_entries
from warwatch.model import ActorRole, Report

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


def predicted(report: Report) -> dict[str, set[str]]:
    text = report.article.text
    out: dict[str, set[str]] = {r: set() for r in ROLES}
    for inc in report.incidents:
        for a in inc.actors:
            surface = text[a.start : a.end].lower()
            if a.role == ActorRole.PERPETRATOR:
                role = (
                    "perp_individual_id" if a.name.startswith(GENERIC) else "perp_organization_id"
                )
            elif a.role == ActorRole.VICTIM:
                if a.name.startswith(CLASSES):
                    continue  # a class of people, not a name
                role = "hum_tgt_name"
            elif a.name.startswith(CLASSES) or a.name in NAMED:
                continue  # an armed actor or people hit, not a physical target
            else:
                role = "phys_tgt_id"
            out[role].add(surface)
        for w in inc.weapons:
            out["incident_instrument_id"].add(text[w.start : w.end].lower())
    return out


def sentence_case(text: str) -> str:
    """MUC-4 is all upper case, which the small English model tags badly; this keeps offsets."""
    low = text.lower()
    return re.sub(r"(^|[.!?]\s+)([a-z])", lambda m: m.group(1) + m.group(2).upper(), low)


# Words after which MUC-4 texts write a person's name ("PRESIDENT ALFREDO CRISTIANI", "FATHER
# IGNACIO ELLACURIA"); chosen from the titles the MUC-4 task definition lists for HUM TGT
# descriptions (government official, clergy, military, legal or judicial, political figure).
TITLES = frozenset(
    """president gen general col colonel lt lieutenant capt captain maj major sgt sergeant
    commander father priest monsignor msgr bishop archbishop mayor governor minister judge
    attorney senator deputy congressman ambassador consul mr mrs ms dr doctor engineer
    professor journalist leader candidate councilman councilwoman named identified
    brother sister""".split()  # noqa: SIM905
)
MAX_NAME = 4  # words of a name after a title: given names + two surnames, as Spanish names run


def truecase(text: str) -> str:
    """Sentence case, plus capitals for what the small model needs to see as names: up to
    MAX_NAME words after a title (stopping at a function word or a word ending like a verb), and
    country names and demonyms. Same length as ``text``, so offsets stay valid."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from warwatch.kb.actors import countries, demonyms

    places = set(countries()) | set(demonyms())
    out = list(sentence_case(text))
    run = 0
    for m in re.finditer(r"[a-z][a-z'-]*", text.lower()):
        w = m.group()
        if run and (w in STOP_WORDS or w.endswith(("ed", "ing")) or w in TITLES):
            run = 0
        if run or w in places:
            out[m.start()] = out[m.start()].upper()
            run = max(run - 1, 0)
        if w in TITLES:
            run = MAX_NAME
    return "".join(out)


def match(pred: str, mentions: list[str]) -> bool:
    return any(pred and (pred in m.lower() or m.lower() in pred) for m in mentions)


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
        help="sentence case plus capitalised names after titles and country names/demonyms",
    )
    args = ap.parse_args()
    data = json.loads((GOLD / "muc4_test_grit_format.json").read_text(encoding="utf-8"))
    items = list(data.items())[: args.limit] if args.limit else list(data.items())
    case = truecase if args.truecase else sentence_case if args.sentence_case else None
    texts = [case(v["doc"]) if case else v["doc"] for _, v in items]
    reports = run_reports(texts, baseline=args.baseline)
    counts = {r: [0, 0, 0, 0] for r in ROLES}  # pred ok, pred, gold found, gold
    for (_, v), rep in zip(items, reports, strict=True):
        pred = predicted(rep)
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
