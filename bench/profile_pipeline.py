"""Where the single-process pipeline spends its own time, beyond spaCy's parse.

    python bench/profile_pipeline.py [--limit 100] [--top 40] [--sort cumtime|tottime]
    python bench/profile_pipeline.py --no-profile   # CPU seconds per phase only, no cProfile

Reads the first LIMIT LGL articles from ../shared/geo-gold/lgl.xml at run time (nothing is
copied), profiles ``pipeline.read_article`` (text/), parses them all with ``nlp.pipe`` (timed, not
profiled), then profiles ``pipeline.analyse`` (geo, incidents, claims, kb) over the parsed Docs with cProfile, so the
report shows warwatch's own work rather than the parser's. ``--no-profile`` times the same
phases in CPU seconds of this process without the profiler's per-call overhead (which inflates
code making many small calls, such as iterating spaCy tokens), steadier than wall time on a
shared machine. Prints the wall time of both phases,
then the top functions by the chosen sort key, then the totals per warwatch module.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

from warwatch import pipeline
from warwatch.capture import capture_bytes
from warwatch.geo.index import ensure_gazetteer
from warwatch.nlp import build_nlp
from warwatch.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WARWATCH_SHARED", REPO.parent / "shared"))


def lgl_texts(limit: int) -> list[tuple[str, str]]:
    root = ET.parse(SHARED / "geo-gold" / "lgl.xml").getroot()
    out = []
    for art in root.iter("article"):
        out.append((art.get("docid") or str(len(out)), art.findtext("text") or ""))
        if len(out) >= limit:
            break
    return out


def per_module(stats: pstats.Stats) -> list[tuple[str, float]]:
    """Own (tottime) seconds summed per warwatch source file."""
    totals: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), row in stats.stats.items():  # type: ignore[attr-defined]
        if "/warwatch/" in filename:
            totals[filename.split("/warwatch/", 1)[1]] += row[2]
    return sorted(totals.items(), key=lambda kv: -kv[1])


def cpu_seconds(records: list[tuple[str, str]]) -> None:
    settings = Settings()
    captures = [
        capture_bytes(text.encode(), source=id, kind="jsonl", id=id, content_type="text/plain")
        for id, text in records
    ]
    nlp = build_nlp()
    ensure_gazetteer()
    started = time.process_time()
    articles = [pipeline.read_article(capture, settings) for capture in captures]
    read = time.process_time() - started
    started = time.process_time()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=32))
    parsed = time.process_time() - started
    started = time.process_time()
    for doc, article in zip(docs, articles, strict=True):
        pipeline.analyse(doc, article)
    own = time.process_time() - started
    print(
        f"articles: {len(docs)}; CPU seconds: read_article {read:.2f}, nlp.pipe {parsed:.2f}, "
        f"analyse {own:.2f}; own work / parse: {(read + own) / parsed:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumtime", choices=("cumtime", "tottime"))
    parser.add_argument("--no-profile", action="store_true", help="CPU seconds per phase only")
    args = parser.parse_args()
    if args.no_profile:
        cpu_seconds(lgl_texts(args.limit))
        return
    settings = Settings()
    records = lgl_texts(args.limit)
    captures = [
        capture_bytes(text.encode(), source=id, kind="jsonl", id=id, content_type="text/plain")
        for id, text in records
    ]
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    articles = [pipeline.read_article(capture, settings) for capture in captures]
    profiler.disable()
    read = time.perf_counter() - started
    nlp = build_nlp()
    ensure_gazetteer()  # a (re)build of the index is set-up, not per-article work
    started = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=32))
    parsed = time.perf_counter() - started
    started = time.perf_counter()
    profiler.enable()
    for doc, article in zip(docs, articles, strict=True):
        pipeline.analyse(doc, article)
    profiler.disable()
    own = time.perf_counter() - started
    print(
        f"articles: {len(docs)}; read_article (profiled): {read:.2f}s; nlp.pipe: {parsed:.2f}s; "
        f"analyse (profiled): {own:.2f}s"
    )
    stats = pstats.Stats(profiler)
    stats.sort_stats(args.sort).print_stats(args.top)
    print("own time per warwatch module (s):")
    for name, seconds in per_module(stats)[:25]:
        print(f"{seconds:8.3f}  {name}")


if __name__ == "__main__":
    main()
