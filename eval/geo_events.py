"""Event location on Halterman's event_location.dev.json (accepted records with a LOCATION).

Each record has a trigger (label VERB) and the span(s) where that event happened (LOCATION).
warwatch: ``geo.geoparse`` + ``geo.locate_incident`` with the trigger; correct when the chosen
place's span overlaps a gold LOCATION span. Baseline: the place mention nearest the trigger
(character distance). Records whose gold location warwatch did not even recognise are counted
(recognition misses), since neither system can choose them.
"""

from __future__ import annotations

from geo_data import load_event_location
from warwatch.geo import geoparse, locate_incident
from warwatch.model import Place, Span
from warwatch.nlp import build_nlp


def _is_name(text: str, g: dict) -> bool:
    span = text[g["start"] : g["end"]]
    return (
        bool(span.strip())
        and span[:1].isupper()
        and (g["start"] == 0 or not text[g["start"] - 1].isalnum())
    )


def _hit(start: int | None, end: int | None, golds: list[dict]) -> bool:
    if start is None or end is None:
        return False
    return any(g["start"] < end and start < g["end"] for g in golds)


def _nearest(places: tuple[Place, ...], trig: dict) -> Place | None:
    if not places:
        return None
    mid = (trig["start"] + trig["end"]) / 2
    return min(places, key=lambda p: abs((p.start + p.end) / 2 - mid))


def run_events(limit: int | None = None) -> None:
    recs = []
    for r in load_event_location():
        verbs = [s for s in r.get("spans", []) if s.get("label") == "VERB"]
        locs = [s for s in r.get("spans", []) if s.get("label") == "LOCATION"]
        # Some records' LOCATION offsets do not point at a name in their text (empty or a
        # fragment of a word); only spans that start a capitalised word are kept.
        locs = [g for g in locs if _is_name(r["text"], g)]
        if len(verbs) == 1 and locs:
            recs.append((r["text"], verbs[0], locs))
    recs = recs[:limit]
    nlp = build_nlp()
    ours = base = recognised = 0
    for (_, trig, locs), doc in zip(
        recs, nlp.pipe([t for t, _, _ in recs], batch_size=32), strict=True
    ):
        places = geoparse(doc)
        recognised += any(_hit(p.start, p.end, locs) for p in places)
        loc = locate_incident(doc, Span(start=trig["start"], end=trig["end"]), places)
        ours += _hit(loc.start, loc.end, locs) if loc else False
        near = _nearest(places, trig)
        base += _hit(near.start, near.end, locs) if near else False
    n = len(recs)
    print("\n## Event location (event_location.dev.json, accepted, one trigger, with a LOCATION)\n")
    print("| system | n | correct % | of recognised % |\n|---|---|---|---|")
    for name, k in (("nearest place to trigger", base), ("warwatch locate_incident", ours)):
        print(f"| {name} | {n} | {100 * k / n:.1f} | {100 * k / max(1, recognised):.1f} |")
    print(
        f"\n(gold location among recognised places in {100 * recognised / max(1, n):.1f} % of records)"
    )
