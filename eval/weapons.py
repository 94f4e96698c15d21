"""Score weapon mentions (``warwatch.kb.weapons.find_weapons``) on MUC-4 ``incident_instrument_id``.

Gold: ``$WARWATCH_SHARED/gold/muc4_test_grit_format.json`` (``eval/common.py``'s ``GOLD``; default
``../shared``; read at run time, never copied). Each gold
entity is a list of coreferent mention strings; every case-insensitive, word-bounded occurrence
of a mention string in the document is a gold mention (nested occurrences such as "BOMB" inside
"POWERFUL BOMB" collapse into the longest). Predictions are the spans ``find_weapons`` returns.

Reported, mention-level: strict (same offsets) and lenient (overlap) precision/recall/F1, over all
documents and over documents that have a gold weapon. MUC-4 annotates only the weapons of the
documents' relevant terrorist incidents, so a correct mention of a weapon in another context
counts as a false positive; the "docs with gold" figure is the fairer precision.

A second, proxy measure (``--acled``): on ACLED's Armenia notes (``acled_armenia_*_hdx.csv``), the
share of notes of each sub-event type in which at least one weapon is found. Shelling and air/drone
strikes should nearly always name one; peaceful protests almost never (a false-alarm proxy).

Usage: .venv/bin/python eval/weapons.py [--gold PATH] [--show N] [--acled]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from common import GOLD as SHARED_GOLD  # $WARWATCH_SHARED/gold, as every eval script reads it

GOLD = SHARED_GOLD / "muc4_test_grit_format.json"
ACLED = SHARED_GOLD / "acled_armenia_2018-01-01_2020-12-05_hdx.csv"


@dataclass
class Score:
    pred: int = 0
    gold: int = 0
    tp_pred_strict: int = 0
    tp_pred_lenient: int = 0
    tp_gold_lenient: int = 0
    false_pos: Counter[str] = field(default_factory=Counter)
    false_neg: Counter[str] = field(default_factory=Counter)

    def prf(self, lenient: bool) -> tuple[float, float, float]:
        tp_p = self.tp_pred_lenient if lenient else self.tp_pred_strict
        tp_g = self.tp_gold_lenient if lenient else self.tp_pred_strict
        p = tp_p / self.pred if self.pred else 0.0
        r = tp_g / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gold_mentions(text: str, entities: list[list[str]]) -> list[tuple[int, int]]:
    spans: set[tuple[int, int]] = set()
    for entity in entities:
        for mention in entity:
            pattern = r"(?<!\w)" + re.escape(mention) + r"(?!\w)"
            spans |= {(m.start(), m.end()) for m in re.finditer(pattern, text, re.IGNORECASE)}
    return [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_doc(
    score: Score, text: str, gold: list[tuple[int, int]], pred: list[tuple[int, int]]
) -> None:
    score.pred += len(pred)
    score.gold += len(gold)
    gold_set = set(gold)
    for p in pred:
        score.tp_pred_strict += p in gold_set
        hit = any(_overlaps(p, g) for g in gold)
        score.tp_pred_lenient += hit
        if not hit:
            score.false_pos[text[p[0] : p[1]].upper()] += 1
    for g in gold:
        hit = any(_overlaps(g, p) for p in pred)
        score.tp_gold_lenient += hit
        if not hit:
            score.false_neg[text[g[0] : g[1]].upper()] += 1


def run(gold_path: Path) -> tuple[Score, Score]:
    from warwatch.kb.weapons import find_weapons
    from warwatch.nlp import build_nlp

    nlp = build_nlp()
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    everything, with_gold = Score(), Score()
    for record in data.values():
        text = record["doc"]
        gold = gold_mentions(text, record["roles"]["incident_instrument_id"])
        doc = nlp(text)
        pred = [(w.start, w.end) for w in find_weapons(doc[:])]
        score_doc(everything, text, gold, pred)
        if gold:
            score_doc(with_gold, text, gold, pred)
    return everything, with_gold


def acled_proxy(path: Path) -> dict[str, tuple[int, int]]:
    """Sub-event type -> (notes, notes with at least one weapon found)."""
    import csv

    from warwatch.kb.weapons import find_weapons
    from warwatch.nlp import build_nlp

    nlp = build_nlp()
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["notes"] and not r["notes"].startswith("#")]
    counts: dict[str, tuple[int, int]] = {}
    for row, doc in zip(rows, nlp.pipe(r["notes"] for r in rows), strict=True):
        total, hit = counts.get(row["sub_event_type"], (0, 0))
        counts[row["sub_event_type"]] = (total + 1, hit + bool(find_weapons(doc[:])))
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--show", type=int, default=15, help="most frequent errors to list")
    parser.add_argument("--acled", action="store_true", help="also run the ACLED Armenia proxy")
    args = parser.parse_args()
    if args.acled:
        for sub_event, (total, hit) in sorted(acled_proxy(ACLED).items(), key=lambda kv: -kv[1][0]):
            print(f"ACLED {sub_event}: {hit}/{total} notes with a weapon ({hit / total:.3f})")
    everything, with_gold = run(args.gold)
    for label, s in (("all docs", everything), ("docs with gold weapon", with_gold)):
        sp, sr, sf = s.prf(lenient=False)
        lp, lr, lf = s.prf(lenient=True)
        print(f"{label}: pred={s.pred} gold={s.gold}")
        print(f"  strict  P={sp:.3f} R={sr:.3f} F1={sf:.3f}")
        print(f"  lenient P={lp:.3f} R={lr:.3f} F1={lf:.3f}")
    print("false negatives (docs with gold):", with_gold.false_neg.most_common(args.show))
    print("false positives (docs with gold):", with_gold.false_pos.most_common(args.show))
    print("false positives (all docs):", everything.false_pos.most_common(args.show))


if __name__ == "__main__":
    main()
