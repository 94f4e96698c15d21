"""Geoparser speed and memory: gazetteer load, resolutions per second per core, peak memory.

    python bench/geo_bench.py [--repeat 3] [--build]

- load: a fresh process opens the gazetteer (Settings.gazetteer_path) and answers one lookup.
- resolve: gold spans of GeoWebNews, TR-News and LGL (read from ../shared/geo-gold at run time),
  resolved with document context in one process (= one core); "cold" is the first pass (every
  name looked up in SQLite), "warm" the later passes (names cached, as in a long batch).
- memory: peak resident set (ru_maxrss) of that process.
- --build: also time a full offline build into a temporary file.
Wall-clock numbers depend on machine load (the 1-minute load average is printed beside them);
the per-CPU-second rate (time.process_time) is what one core does whatever else runs.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "eval"))

LOAD = """
import time; t = time.perf_counter()
from warwatch.geo.index import ensure_gazetteer
g = ensure_gazetteer(); g.candidates("Stepanakert")
print(f"{time.perf_counter() - t:.3f}")
"""


def bench_load() -> float:
    out = subprocess.run([sys.executable, "-c", LOAD], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def bench_resolve(repeat: int) -> tuple[int, list[float], list[float]]:
    from geo_data import CORPORA
    from warwatch.geo.index import ensure_gazetteer
    from warwatch.geo.resolve import resolve_spans

    gaz = ensure_gazetteer()
    docs = []
    for name in ("GeoWebNews", "TR-News", "LGL"):
        for d in CORPORA[name]():
            spans = [(t.start, t.end) for t in d.toponyms if 0 <= t.start < t.end <= len(d.text)]
            docs.append((d.text, spans))
    n = sum(len(s) for _, s in docs)
    rates, cpu_rates = [], []
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        for text, spans in docs:
            resolve_spans(gaz, text, spans)
        rates.append(n / (time.perf_counter() - t))
        cpu_rates.append(n / (time.process_time() - c))
    return n, rates, cpu_rates


def bench_build() -> float:
    from warwatch.geo.build import build_default

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        build_default(Path(tmp) / "g.sqlite")
        return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--build", action="store_true")
    args = ap.parse_args()
    print(f"load average (1 min) at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"gazetteer load + first lookup (fresh process): {bench_load():.3f} s")
    n, rates, cpu = bench_resolve(args.repeat)
    print(
        f"resolve, gold spans given, one process: {n} spans; wall clock: cold {rates[0]:,.0f}/s, "
        f"warm {max(rates[1:] or rates):,.0f}/s; per CPU-second (one core's work, whatever else "
        f"runs): cold {cpu[0]:,.0f}/s, warm {max(cpu[1:] or cpu):,.0f}/s"
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the resolving process: {peak:.0f} MB")
    if args.build:
        print(f"offline build: {bench_build():.0f} s")
    print(f"load average (1 min) at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
