"""Shared helpers for the incident evaluations: paths, running the pipeline, scoring tables.

Gold files are read from ../shared/gold at run time and never copied (see shared/gold/README.md).
The pipeline run here is the library's own: text -> build_nlp -> geo.geoparse -> assemble.
"""

from __future__ import annotations

import hashlib
import importlib
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

from warwatch.model import Article, Report

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WARWATCH_SHARED", REPO.parent / "shared"))
GOLD = SHARED / "gold"
NONE = "(no incident)"


def run_reports(
    texts: Sequence[str], published: Sequence[date | None] | None = None, *, baseline: bool = False
) -> Iterator[Report]:
    """Reports for ``texts``, one spaCy pass with ``nlp.pipe``. ``baseline``: no incidents."""
    from warwatch import geo
    from warwatch.incidents import assemble

    assemble_module = importlib.import_module("warwatch.incidents.assemble")

    if os.environ.get("WARWATCH_EVAL_NO_WEAPONS"):  # isolate this stage from the KB weapon lookup
        assemble_module.find_weapons = None  # type: ignore[attr-defined]
    from warwatch.nlp import build_nlp
    from warwatch.text.plain import normalise_whitespace

    nlp = build_nlp()
    # The text every plain-text input gets before the pipeline (line breaks, trailing spaces,
    # mis-decoded Windows-1252 punctuation), so the evals measure what `warwatch extract` does.
    texts = [normalise_whitespace(t) for t in texts]
    dates = published or [None] * len(texts)
    for text, pub, doc in zip(texts, dates, nlp.pipe(texts, batch_size=32), strict=True):
        article = Article(
            text=text, sha256=hashlib.sha256(text.encode()).hexdigest(), published=pub
        )
        if baseline:
            yield Report(article=article)
            continue
        yield assemble(doc, article, geo.geoparse(doc))


def first_sub_event(report: Report) -> str:
    return report.incidents[0].sub_event_type.value if report.incidents else NONE


def f1_table(
    gold: Sequence[str], pred: Sequence[str]
) -> dict[str, tuple[float, float, float, int]]:
    """Per label: precision, recall, F1, support (gold count)."""
    labels = sorted(set(gold) | set(pred))
    out = {}
    for lab in labels:
        tp = sum(g == p == lab for g, p in zip(gold, pred, strict=True))
        n_pred = sum(p == lab for p in pred)
        n_gold = sum(g == lab for g in gold)
        prec = tp / n_pred if n_pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[lab] = (prec, rec, f1, n_gold)
    return out


def summary(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float, float]:
    """Accuracy (= micro F1 for single-label), macro F1 and support-weighted F1 over gold labels."""
    table = f1_table(gold, pred)
    golds = [lab for lab, row in table.items() if row[3] > 0]
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / max(len(gold), 1)
    macro = sum(table[lab][2] for lab in golds) / max(len(golds), 1)
    weighted = sum(table[lab][2] * table[lab][3] for lab in golds) / max(len(gold), 1)
    return acc, macro, weighted


def print_f1(gold: Sequence[str], pred: Sequence[str]) -> None:
    table = f1_table(gold, pred)
    print(f"{'label':40} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
    for lab, (p, r, f, n) in table.items():
        print(f"{lab[:40]:40} {p:6.2f} {r:6.2f} {f:6.2f} {n:5d}")
    acc, macro, weighted = summary(gold, pred)
    print(
        f"\naccuracy/micro-F1 {acc:.3f}  macro-F1 {macro:.3f}  weighted-F1 {weighted:.3f}  n={len(gold)}"
    )


def print_confusion(gold: Sequence[str], pred: Sequence[str], top: int = 25) -> None:
    pairs = Counter((g, p) for g, p in zip(gold, pred, strict=True) if g != p)
    print(f"\nmost frequent confusions (gold -> predicted), top {top}:")
    for (g, p), n in pairs.most_common(top):
        print(f"  {n:4d}  {g} -> {p}")


def short(labels: Iterable[str]) -> str:
    return ", ".join(sorted(set(labels)))
