"""Time claims.annotate against the spaCy parse it reuses, on real full articles.

    .venv/bin/python bench/claims_speed.py [N]

Reads the first N IndiaPoliceEvents articles from ../shared/gold (measurement only, nothing is
copied), parses each once, then times annotate() with one stub incident per article whose
evidence is the whole text (the worst case: every sentence is searched). Also a crash check.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from warwatch.claims import annotate
from warwatch.model import Article, EventType, Incident, Report, Span, SubEventType, TextSpan
from warwatch.nlp import build_nlp

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "indiapoliceevents_docs.csv"


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    csv.field_size_limit(sys.maxsize)
    with GOLD.open(encoding="utf-8", newline="") as f:
        texts = [r["doc_text"] for _, r in zip(range(n), csv.DictReader(f), strict=False)]
    nlp = build_nlp()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse = time.perf_counter() - t0
    counts = {"claims": 0, "quotes": 0, "relations": 0}
    t0 = time.perf_counter()
    for text, doc in zip(texts, docs, strict=True):
        incident = Incident(
            event_type=EventType.VAC,
            sub_event_type=SubEventType.ATTACK,
            trigger=TextSpan(start=0, end=1, text=text[:1]),
            evidence=(Span(start=0, end=len(text)),),
        )
        report = Report(article=Article(text=text, sha256="0"), incidents=(incident,))
        out = annotate(report, doc)
        counts["claims"] += len(out.incidents[0].claims)
        counts["quotes"] += len(out.quotes)
        counts["relations"] += len(out.relations)
    claims = time.perf_counter() - t0
    chars = sum(map(len, texts))
    print(f"{len(texts)} articles, {chars} chars; found {counts}")
    print(f"spaCy parse {parse:.2f}s ({1000 * parse / len(texts):.1f} ms/article)")
    print(f"annotate    {claims:.2f}s ({1000 * claims / len(texts):.1f} ms/article)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
