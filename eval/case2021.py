"""CASE 2021 task 2 (fine-grained event classification) on the dev half.

    python eval/case2021.py [--limit N] [--baseline] [--errors K]

Prediction: the sub-event type of the first (most salient) incident of each snippet, or
"(no incident)". Gold: ``SubType`` mapped to ACLED's spelling; NATURAL_DISASTER,
MAN_MADE_DISASTER, ORG_CRIME and DIPLO map to "(no incident)"; ATTRIB snippets are left out.
Reports accuracy (micro F1), macro F1 and support-weighted F1 (CASE's official score), the
per-label table and the most frequent confusions. ``--baseline`` scores the placeholder's output
(no incidents at all).
"""

from __future__ import annotations

import argparse
import csv

from common import GOLD, NONE, first_sub_event, print_confusion, print_f1, run_reports

CODE_TO_ACLED = {
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "NATURAL_DISASTER": NONE,
    "MAN_MADE_DISASTER": NONE,
    "ORG_CRIME": NONE,
    "DIPLO": NONE,
}


def load(limit: int | None) -> tuple[list[str], list[str]]:
    texts, gold = [], []
    with open(GOLD / "case2021_task2_test_with_labels.tsv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            label = CODE_TO_ACLED.get(row["SubType"])
            if label is None:  # ATTRIB: left out
                continue
            texts.append(row["EventSnippet"])
            gold.append(label)
            if limit and len(texts) >= limit:
                break
    return texts, gold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--baseline", action="store_true", help="score the empty placeholder output")
    ap.add_argument("--errors", type=int, default=0, help="print K misclassified snippets")
    args = ap.parse_args()
    texts, gold = load(args.limit)
    pred = [first_sub_event(r) for r in run_reports(texts, baseline=args.baseline)]
    print_f1(gold, pred)
    print_confusion(gold, pred)
    shown = 0
    for text, g, p in zip(texts, gold, pred, strict=True):
        if g != p and shown < args.errors:
            print(f"\n[{g} -> {p}] {text[:300]}")
            shown += 1


if __name__ == "__main__":
    main()
