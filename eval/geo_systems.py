"""The Edinburgh Geoparser, Yahoo! Placemaker and EMM outputs shipped with GeoWebNews, scored
with the same code as warwatch against gwn_full.txt.

A system is scored on the gold toponyms it found (same start/end); its recall is how many of the
gold toponyms that is. warwatch (gold spans given) is scored on exactly the same subset beside it,
and on all of them.
"""

from __future__ import annotations

from geo_data import GoldToponym, load_gwn, load_gwn_system
from geo_metrics import HEADER, error_km, score_errors
from warwatch.geo.index import ensure_gazetteer
from warwatch.geo.resolve import resolve_spans


def _ours(texts: list[str], gold: list[list[GoldToponym]]) -> list[dict[tuple[int, int], float]]:
    gaz = ensure_gazetteer()
    out = []
    for text, tops in zip(texts, gold, strict=True):
        tops = [t for t in tops if t.lat is not None and 0 <= t.start < t.end <= len(text)]
        res = resolve_spans(gaz, text, [(t.start, t.end) for t in tops])
        errs = {}
        for t, r in zip(tops, res, strict=True):
            c = r.candidate
            assert t.lat is not None and t.lon is not None
            errs[(t.start, t.end)] = error_km(
                t.lat, t.lon, c.latitude if c else None, c.longitude if c else None
            )
        out.append(errs)
    return out


def run_systems() -> None:
    texts = [d.text for d in load_gwn()]
    gold = load_gwn_system("gwn_full.txt")
    ours = _ours(texts, gold)
    print("\n## GeoWebNews shipped systems (gold: gwn_full.txt)\n")
    print(HEADER.replace("| system |", "| system (recall of gold spans) |"))
    total = sum(len(e) for e in ours)
    print(
        score_errors([e for doc in ours for e in doc.values()]).row(
            f"warwatch, all gold spans ({total})"
        )
    )
    for name in ("gwn_edin.txt", "gwn_yahoo.txt", "gwn_emm.txt"):
        sys_errs, our_errs = [], []
        for g_doc, s_doc, o_doc in zip(gold, load_gwn_system(name), ours, strict=True):
            g_by_span = {(t.start, t.end): t for t in g_doc if t.lat is not None}
            for s in s_doc:
                g = g_by_span.get((s.start, s.end))
                if g is None or g.lat is None or g.lon is None or (s.start, s.end) not in o_doc:
                    continue
                sys_errs.append(error_km(g.lat, g.lon, s.lat, s.lon))
                our_errs.append(o_doc[(s.start, s.end)])
        recall = len(sys_errs) / total if total else 0.0
        print(score_errors(sys_errs).row(f"{name[4:-4]} ({100 * recall:.0f} %)"))
        print(score_errors(our_errs).row(f"warwatch on {name[4:-4]}'s spans"))
