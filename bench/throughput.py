"""Throughput of `warwatch extract --jsonl` against bare spaCy, on the LGL dev articles.

    python bench/throughput.py [--workers 2] [--limit 300] [--repeat 1]

Both are timed as whole processes in the same run on the same texts: bare spaCy is
``en_core_web_sm`` ``nlp.pipe(texts, n_process=W)`` (start-up and model loading included), warwatch
is the ``warwatch extract --jsonl IN --workers W`` command. Peak memory is the largest resident set
of any process in each run (the parent plus its workers, measured with psutil-free polling of
/proc). The goal of issue 2: warwatch's throughput at least 0.8x bare spaCy's.
The LGL texts are read from ../shared/geo-gold at run time and written to a temporary file only.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WARWATCH_SHARED", REPO.parent / "shared"))

BARE = """
import sys, json
from warwatch.nlp.build import load_base_model
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
nlp = load_base_model()
n = sum(len(doc) for doc in nlp.pipe(texts, n_process=int(sys.argv[2]), batch_size=32))
print(n)
"""


def lgl_texts(limit: int) -> list[dict]:
    root = ET.parse(SHARED / "geo-gold" / "lgl.xml").getroot()
    out = []
    for art in root.iter("article"):
        out.append({"id": art.get("docid"), "text": art.findtext("text") or ""})
        if len(out) >= limit:
            break
    return out


def tree_rss_kb(pid: int) -> int:
    """Resident set of a process and all its descendants, in kB (Linux /proc)."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            with open(f"/proc/{p}/task/{p}/children") as fh:
                todo.extend(int(c) for c in fh.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def timed(cmd: list[str]) -> tuple[float, int, str]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0

    def poll() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, tree_rss_kb(proc.pid))
            time.sleep(0.05)

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    out, err = proc.communicate()
    elapsed = time.perf_counter() - start
    watcher.join()
    if proc.returncode != 0:
        sys.exit(f"{cmd[0]} failed ({proc.returncode}): {err[-2000:]}")
    return elapsed, peak, out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=300)
    # On a shared VM one pair of runs can swing the ratio by 0.15 either way: alternate the two
    # commands N times and report medians (and every pair's ratio, so the spread is visible).
    parser.add_argument("--repeat", type=int, default=1, help="pairs of runs; medians reported")
    args = parser.parse_args()
    records = lgl_texts(args.limit)
    chars = sum(len(r["text"]) for r in records)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "lgl.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        exe = [
            sys.executable,
            "-m",
            "warwatch",
            "extract",
            "--jsonl",
            str(path),
            "--workers",
            str(args.workers),
        ]
        bares, wws = [], []
        for _ in range(max(1, args.repeat)):
            bares.append(timed([sys.executable, "-c", BARE, str(path), str(args.workers)]))
            wws.append(timed(exe))
    bare_s, bare_kb = statistics.median(b[0] for b in bares), max(b[1] for b in bares)
    ww_s, ww_kb, out = statistics.median(w[0] for w in wws), max(w[1] for w in wws), wws[-1][2]
    lines = out.splitlines()
    errors = sum(1 for line in lines if '"error"' in line[:200] and json.loads(line).get("error"))
    n = len(records)
    print(f"articles: {n}, characters: {chars:,}, workers: {args.workers}")
    print(f"{'':24}{'seconds':>9}{'articles/s':>12}{'peak RSS MB':>13}")
    print(f"{'bare nlp.pipe':24}{bare_s:9.2f}{n / bare_s:12.2f}{bare_kb / 1024:13.0f}")
    print(f"{'warwatch extract':24}{ww_s:9.2f}{n / ww_s:12.2f}{ww_kb / 1024:13.0f}")
    print(f"ratio (warwatch / bare throughput): {bare_s / ww_s:.2f}   (goal >= 0.80)")
    if len(bares) > 1:
        pairs = ", ".join(f"{b[0] / w[0]:.2f}" for b, w in zip(bares, wws, strict=True))
        print(f"runs: {len(bares)} pairs, medians above; ratio per pair: {pairs}")
    print(
        f"output lines: {len(lines)}, error lines: {errors}, incidents: "
        f"{sum(len(json.loads(line).get('incidents', [])) for line in lines)}"
    )


if __name__ == "__main__":
    main()
