"""Score the geoparser on the dev halves in ../shared/geo-gold (read at run time, never copied).

    python eval/geo.py [--spans] [--e2e] [--systems] [--events] [--errors N] [--limit N]

--spans    gold spans given: Acc@161 km, mean/median error, AUC (Gritta et al.) for warwatch and
           the most-populous-candidate baseline on GeoWebNews, TR-News, LGL, GeoVirus.
--systems  the Edinburgh, Yahoo! Placemaker and EMM outputs shipped with GeoWebNews, scored with
           the same code against gwn_full.txt (only the toponyms each system found, plus its
           recall), next to warwatch on the same footing.
--e2e      end to end on GeoWebNews: recognition P/R/F1 against literal toponyms, then geocoding
           of the correctly found ones.
--events   event location on event_location.dev.json (eval/geo_events.py).
--errors N the misses per corpus by kind and name, and the N worst (eval/geo_errors.py).
The gazetteer is Settings.gazetteer_path (WARWATCH_GAZETTEER to point elsewhere).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from geo_data import CORPORA, GoldDoc  # noqa: E402
from geo_metrics import HEADER, error_km, score_errors  # noqa: E402
from warwatch.geo.index import ensure_gazetteer  # noqa: E402
from warwatch.geo.resolve import resolve_spans  # noqa: E402

SAME_ID: list[int] = [0, 0]  # [answers within 161 km or with the gold GeoNames id, answers]


def spans_errors(docs: list[GoldDoc], *, baseline: bool) -> tuple[list[float], int]:
    gaz = ensure_gazetteer()
    errors: list[float] = []
    n_spans = 0
    SAME_ID[:] = [0, 0]
    for doc in docs:
        tops = [t for t in doc.toponyms if t.lat is not None and t.lon is not None]
        tops = [t for t in tops if 0 <= t.start < t.end <= len(doc.text)]
        spans = [(t.start, t.end) for t in tops]
        n_spans += len(spans)
        for t, r in zip(tops, resolve_spans(gaz, doc.text, spans, baseline=baseline), strict=True):
            c = r.candidate
            assert t.lat is not None and t.lon is not None
            err = error_km(t.lat, t.lon, c.latitude if c else None, c.longitude if c else None)
            errors.append(err)
            SAME_ID[0] += err <= 161 or (c is not None and t.geonameid == c.geonameid)
            SAME_ID[1] += 1
    return errors, n_spans


def run_spans(limit: int | None) -> None:
    print("## Gold spans given\n")
    print(HEADER.replace(" |\n|", " | ok or same GeoNames id % | spans/s |\n|") + "---|---|")
    for name, load in CORPORA.items():
        docs = load()[:limit]
        for label, baseline in (("most populous", True), ("warwatch", False)):
            t = time.perf_counter()
            errors, n = spans_errors(docs, baseline=baseline)
            dt = time.perf_counter() - t
            ok_or_id = 100 * SAME_ID[0] / max(1, SAME_ID[1])
            print(score_errors(errors).row(f"{name} {label}") + f" {ok_or_id:.1f} | {n / dt:.0f} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--spans", action="store_true")
    ap.add_argument("--systems", action="store_true")
    ap.add_argument("--e2e", action="store_true")
    ap.add_argument("--events", action="store_true")
    ap.add_argument("--errors", type=int, metavar="N")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args()
    if args.errors is not None:
        from geo_errors import run_errors

        run_errors(args.errors)
        return
    everything = not (args.spans or args.systems or args.e2e or args.events)
    if args.spans or everything:
        run_spans(args.limit)
    if args.systems or everything:
        from geo_systems import run_systems

        run_systems()
    if args.e2e or everything:
        from geo_e2e import run_e2e

        run_e2e(args.limit)
    if args.events or everything:
        from geo_events import run_events

        run_events(args.limit)


if __name__ == "__main__":
    main()
