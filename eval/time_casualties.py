"""Score dates, fatalities and background detection against ../shared/gold (read at run time only).

    .venv/bin/python eval/time_casualties.py [--baseline] [--limit N] [--spot N]

ACLED notes (Africa 2016, Argentina 2022 with ``fatalities``; Armenia 2018-2020 without):
- date: ``resolve_date`` on the note's first sentence, with ``published = event_date + 3 days``
  and with ``published = None``; exact = a one-day window on event_date; split by whether the
  note itself states its date (month name or dd/mm with the right day).
- fatalities: ``casualties(doc[:]).best`` vs ``fatalities``; ACLED writes 0 when no death is
  reported, so a null toll counts as 0 ("null->0") as well as strictly; split by whether the
  note mentions a number at all.
UCDP GED: headlines that mention deaths: our best vs UCDP best and [low, high].
MUC-4 and IndiaPoliceEvents: run everything (no crash), count background sentences, the death
figures they carry, and incident tolls found in sentences we did *not* call background
(``--spot N`` prints N of those tolls for a manual check; nothing is written to the repo).
``--baseline``: dates = the publication date (None without one), tolls = null.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from warwatch.incidents.background import find_background, is_background
from warwatch.incidents.casualties import casualties, find_mentions
from warwatch.incidents.time import resolve_date
from warwatch.model import DateWindow
from warwatch.nlp import build_nlp

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"
MONTHS = "january february march april may june july august september october november december"
NUMBER_RE = re.compile(
    r"\b\d+\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|hundred|dozens?|several|scores)\b",
    re.IGNORECASE,
)
PUBLISHED_LAG = dt.timedelta(days=3)
# Parsed docs are cached outside the repository (they contain gold text) so reruns are quick.
CACHE = Path(tempfile.gettempdir()) / "warwatch-eval-time-casualties"


def parse_all(nlp, name: str, texts: list[str]) -> list:  # type: ignore[no-untyped-def]
    from spacy.tokens import DocBin

    path = CACHE / f"{name}-{len(texts)}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts, batch_size=64))
    CACHE.mkdir(exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return docs


def acled_rows() -> Iterable[tuple[str, str, dt.date, int | None]]:
    files = {
        "africa2016": "acled_africa_2016-06-17_2016-07-02_500.csv",
        "argentina2022": "acled_argentina_2022-06_acledR_dummy_326.csv",
        "armenia": "acled_armenia_2018-01-01_2020-12-05_hdx.csv",
    }
    for name, file in files.items():
        with open(GOLD / file, newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row["event_date"].startswith("#"):
                    continue  # the HXL tag row of the Armenia file
                fatalities = row.get("fatalities")
                gold = int(fatalities) if fatalities not in (None, "", "None") else None
                yield name, row["notes"], dt.date.fromisoformat(row["event_date"]), gold


def states_date(note: str, day: dt.date) -> bool:
    month = MONTHS.split()[day.month - 1]
    text = note.lower()
    return bool(
        re.search(rf"\b0?{day.day}(?:st|nd|rd|th)?\s+{month[:3]}", text)
        or re.search(rf"\b{month[:3]}\w*\.?\s+0?{day.day}\b", text)
        or re.search(rf"\b0?{day.day}/0?{day.month}\b", text)
    )


def states_year(note: str, day: dt.date) -> bool:
    return states_date(note, day) and str(day.year) in note


def _exact(window: DateWindow, gold: dt.date) -> bool:
    return window.start == gold and window.end == gold


class Tally:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.totals: Counter[str] = Counter()

    def add(self, key: str, hit: bool) -> None:
        self.totals[key] += 1
        self.hits[key] += hit

    def lines(self) -> list[str]:
        return [
            f"  {k:55} {self.hits[k]:5}/{self.totals[k]:<5} = {self.hits[k] / self.totals[k]:.3f}"
            for k in sorted(self.totals)
        ]


def eval_acled(nlp, baseline: bool, limit: int | None) -> Tally:  # type: ignore[no-untyped-def]
    tally = Tally()
    rows = list(acled_rows())[: limit or None]
    docs = parse_all(nlp, "acled", [r[1] for r in rows])
    for (name, note, gold_date, gold_dead), doc in zip(rows, docs, strict=True):
        published = gold_date + PUBLISHED_LAG
        first = next(iter(doc.sents), doc[:])
        stated = "states date" if states_date(note, gold_date) else "no stated date"
        if stated == "states date":
            stated += " with year" if states_year(note, gold_date) else " without year"
        for mode, pub in (("pub=event+3", published), ("pub=None", None)):
            window = DateWindow(start=pub, end=pub) if baseline else resolve_date(doc, first, pub)
            tally.add(f"date exact  {mode:12} all", _exact(window, gold_date))
            tally.add(f"date exact  {mode:12} {stated}", _exact(window, gold_date))
            tally.add(f"date exact  {mode:12} {name}", _exact(window, gold_date))
        if not baseline:
            # every ACLED note reports an event: its first sentence must not be called background
            present = not is_background(first, published)
            tally.add("note's first sentence kept as present (pub=event+3)", present)
        if gold_dead is None:
            continue
        best = None if baseline else casualties(doc[:], published=published)[0].best
        numbered = "mentions number" if NUMBER_RE.search(note) else "no number"
        tally.add("fatalities strict  all", best == gold_dead)
        tally.add("fatalities null->0 all", (best or 0) == gold_dead)
        tally.add(f"fatalities null->0 {numbered}", (best or 0) == gold_dead)
        tally.add(f"fatalities null->0 {name}", (best or 0) == gold_dead)
    return tally


DEATH_WORDS = re.compile(r"\b(?:kill|dead|die|death|slain|massacre|perish|lives)", re.IGNORECASE)


def eval_ucdp(nlp, baseline: bool) -> Tally:  # type: ignore[no-untyped-def]
    tally = Tally()
    with open(GOLD / "ucdp_ged_v23_1_sample_1000.csv", newline="", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if DEATH_WORDS.search(r["source_headline"] or "")]
    docs = parse_all(nlp, "ucdp", [r["source_headline"] for r in rows])
    for row, doc in zip(rows, docs, strict=True):
        best = None if baseline else casualties(doc[:])[0].best
        gold_best, low, high = int(row["best"]), int(row["low"]), int(row["high"])
        tally.add("ucdp headline with death word: toll found", best is not None)
        if best is not None:
            tally.add("ucdp toll found: best == UCDP best", best == gold_best)
            tally.add("ucdp toll found: UCDP low <= best <= high", low <= best <= high)
    return tally


def full_texts(limit: int | None) -> Iterable[tuple[str, str, dt.date | None]]:
    muc = json.loads((GOLD / "muc4_test_grit_format.json").read_text(encoding="utf-8"))
    for _key, record in list(muc.items())[: limit or None]:
        yield "muc4", record["doc"], None
    dates = {}
    with open(GOLD / "indiapoliceevents_metadata_no_text.csv", newline="", encoding="utf-8") as h:
        for row in csv.DictReader(h):
            dates[row["doc_id"]] = dt.date.fromisoformat(row["date"])
    with open(GOLD / "indiapoliceevents_docs.csv", newline="", encoding="utf-8") as handle:
        for i, row in enumerate(csv.DictReader(handle)):
            if limit and i >= limit:
                break
            yield "india", row["doc_text"], dates.get(row["doc_id"])


def eval_full(nlp, limit: int | None, spot: int) -> Counter[str]:  # type: ignore[no-untyped-def]
    counts: Counter[str] = Counter()
    tolls = []
    texts = list(full_texts(limit))
    docs = parse_all(nlp, "full", [t[1] for t in texts])
    for (name, _, published), doc in zip(texts, docs, strict=True):
        counts[f"{name} docs"] += 1
        background = find_background(doc, published)
        counts[f"{name} background sentences"] += len(background)
        counts[f"{name} background with death figure"] += sum(
            any(n.of == "deaths" for n in b.numbers) for b in background
        )
        for m in find_mentions(doc[:], published):
            if m.death:
                counts[f"{name} death figures {'in background' if m.background else 'kept'}"] += 1
        for sent in doc.sents:
            dead = casualties(sent, published=published)[0]
            if dead.best:
                counts[f"{name} sentences with a toll"] += 1
                tolls.append((name, dead.best, sent.text.strip()))
    for name, best, text in random.Random(4).sample(tolls, min(spot, len(tolls))):
        print(f"[spot {name}] {best} <- {text[:220]!r}", file=sys.stderr)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--spot", type=int, default=0)
    parser.add_argument("--skip-full", action="store_true")
    args = parser.parse_args()
    nlp = build_nlp()
    print("ACLED notes" + (" (baseline)" if args.baseline else ""))
    print("\n".join(eval_acled(nlp, args.baseline, args.limit).lines()))
    print("UCDP GED sample headlines")
    print("\n".join(eval_ucdp(nlp, args.baseline).lines()))
    if not args.baseline and not args.skip_full:
        print("MUC-4 / IndiaPoliceEvents full texts (ran without error)")
        for key, value in sorted(eval_full(nlp, args.limit, args.spot).items()):
            print(f"  {key:55} {value}")


if __name__ == "__main__":
    main()
