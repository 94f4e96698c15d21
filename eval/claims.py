"""Score claim extraction (claimant, stance, hedging) on the hand-labelled dev set.

    .venv/bin/python eval/claims.py [--baseline] [--shared ../shared] [--errors]

Labels: eval/claims_labels.jsonl (pointers + labels only; rules in eval/CLAIMS_LABELLING.md).
The sentences are re-read from ../shared/gold at run time (licences forbid copying them here);
a sentence whose hash no longer matches is skipped and counted as drift.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
LABELS = HERE / "claims_labels.jsonl"
csv.field_size_limit(sys.maxsize)


@dataclass
class Pred:
    claimants: list[str | None] = field(default_factory=list)
    stances: list[str] = field(default_factory=list)
    hedged: bool = False


def records(gold: Path, name: str) -> dict[str, str]:
    path = gold / name
    if name.endswith(".json"):
        return {k: v["doc"] for k, v in json.loads(path.read_text("utf-8")).items()}
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    if name.startswith("indiapoliceevents"):
        return {r["doc_id"]: r["doc_text"] for r in rows}
    if "argentina" in name:  # the acledR dummy has no data_id column
        return {r["event_id_cnty"]: r["notes"] for r in rows}
    return {r["data_id"]: r["notes"] for r in rows if r.get("data_id", "").isdigit()}


def load(gold: Path, split: str = "dev") -> tuple[list[tuple[dict, str]], int]:
    """(label, sentence) pairs of one split ("dev", "test" or "all"), and the drift count."""
    cache: dict[str, dict[str, str]] = {}
    out, drift = [], 0
    for line in LABELS.read_text("utf-8").splitlines():
        label = json.loads(line)
        if split != "all" and label.get("split", "dev") != split:
            continue
        texts = cache.setdefault(label["file"], records(gold, label["file"]))
        sentence = texts.get(label["record"], "")[label["start"] : label["end"]]
        if hashlib.sha256(sentence.encode()).hexdigest()[:12] != label["sha"]:
            drift += 1
            continue
        out.append((label, sentence))
    return out, drift


def norm(name: str | None) -> str:
    return re.sub(r"^the\s+", "", (name or "").strip().lower())


def same(a: str | None, b: str | None) -> bool:
    x, y = norm(a), norm(b)
    return bool(x and y) and (x == y or x in y or y in x)


def match_count(gold: list, pred: list, eq) -> int:  # type: ignore[no-untyped-def]
    left, hits = list(pred), 0
    for g in gold:
        for i, p in enumerate(left):
            if eq(g, p):
                hits += 1
                del left[i]
                break
    return hits


BASELINE = re.compile(r"according to ([^,.;]+)", re.I)


def predict_baseline(sentence: str) -> Pred:
    found = BASELINE.findall(sentence)
    return Pred(
        claimants=[f.strip() for f in found], stances=["asserts"] * len(found), hedged=bool(found)
    )


def predict_all(sentences: list[str]) -> list[Pred]:
    from warwatch.claims.extract import find_claims, sentence_hedged
    from warwatch.nlp import build_nlp

    nlp = build_nlp()
    preds = []
    for doc in nlp.pipe(sentences, batch_size=32):
        found = find_claims(doc)
        hedged = any(f.claim.hedged for f in found) or any(sentence_hedged(s) for s in doc.sents)
        preds.append(
            Pred([f.claim.claimant for f in found], [f.claim.stance.value for f in found], hedged)
        )
    return preds


def prf(tp: int, n_pred: int, n_gold: int) -> str:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, pred {n_pred}, gold {n_gold})"


def score(
    items: list[tuple[dict, str]], preds: list[Pred], show_errors: bool, verbose: bool = True
) -> dict[str, float]:
    """Counts and prints the figures; returns the F1 scores."""
    c = Counter()
    for (label, sentence), pred in zip(items, preds, strict=True):
        gold_claimants = [g["claimant"] for g in label["claims"] if g["claimant"]]
        pred_claimants = [p for p in pred.claimants if p]
        c["cl_tp"] += match_count(gold_claimants, pred_claimants, same)
        c["cl_p"] += len(pred_claimants)
        c["cl_g"] += len(gold_claimants)
        gold_st = [g["stance"] for g in label["claims"]]
        c["st_tp"] += match_count(gold_st, pred.stances, lambda a, b: a == b)
        c["st_p"] += len(pred.stances)
        c["st_g"] += len(gold_st)
        gold_pairs = [(g["claimant"], g["stance"]) for g in label["claims"]]
        pairs = list(zip(pred.claimants, pred.stances, strict=True))
        eq = lambda g, p: g[1] == p[1] and (same(g[0], p[0]) or (g[0] is None and p[0] is None))  # noqa: E731
        c["pair_tp"] += match_count(gold_pairs, pairs, eq)
        c["h_tp"] += int(label["hedged"] and pred.hedged)
        c["h_p"] += int(pred.hedged)
        c["h_g"] += int(label["hedged"])
        if show_errors and (
            sorted(map(str, gold_pairs)) != sorted(map(str, pairs))
            or label["hedged"] != pred.hedged
        ):
            print(
                f"- {sentence[:160]!r}\n  gold {gold_pairs} h={label['hedged']}\n  pred {pairs} h={pred.hedged}"
            )
    f1 = lambda tp, p, g: 2 * tp / (p + g) if p + g else 0.0  # noqa: E731
    scores = {
        "claimant": f1(c["cl_tp"], c["cl_p"], c["cl_g"]),
        "stance": f1(c["st_tp"], c["st_p"], c["st_g"]),
        "claim": f1(c["pair_tp"], c["st_p"], c["st_g"]),
        "hedged": f1(c["h_tp"], c["h_p"], c["h_g"]),
    }
    if not verbose:
        return scores
    print(f"sentences {len(items)}")
    print("claimant      ", prf(c["cl_tp"], c["cl_p"], c["cl_g"]))
    print("stance        ", prf(c["st_tp"], c["st_p"], c["st_g"]))
    print("claim (pair)  ", prf(c["pair_tp"], c["st_p"], c["st_g"]))
    print("hedged (sent.)", prf(c["h_tp"], c["h_p"], c["h_g"]))
    return scores


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--baseline", action="store_true", help='only "according to X" (asserts)')
    ap.add_argument("--errors", action="store_true", help="print every sentence that differs")
    ap.add_argument(
        "--split",
        default="dev",
        choices=["dev", "test", "all"],
        help="dev: labelled before the extractor and used for tuning; test: labelled after "
        "tuning, never tuned on",
    )
    args = ap.parse_args()
    gold = args.shared / "gold"
    if not gold.is_dir():
        print(f"no gold folder at {gold}", file=sys.stderr)
        return 2
    items, drift = load(gold, args.split)
    if drift:
        print(f"drift: {drift} labelled sentences no longer match their hash (skipped)")
    sentences = [s for _, s in items]
    preds = [predict_baseline(s) for s in sentences] if args.baseline else predict_all(sentences)
    score(items, preds, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
