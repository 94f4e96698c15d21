"""End to end on GeoWebNews: recognise (spaCy + gazetteer matcher), then resolve.

Literal toponyms (the places events can happen in) are the gold types Literal, Literal_Modifier,
Mixed and Embedded_Literal; warwatch's literal predictions are its place mentions that may be
event places (not metonymic, not in a job title, not demonyms or organisation short forms).
A prediction matches when its span equals a gold span (strict) or overlaps one (lenient).
"""

from __future__ import annotations

from geo_data import load_gwn
from geo_metrics import HEADER, error_km, score_errors
from warwatch.geo import geoparse
from warwatch.geo.api import mentions
from warwatch.nlp import build_nlp

LITERAL = frozenset({"Literal", "Literal_Modifier", "Mixed", "Embedded_Literal"})


def _prf(tp: int, n_pred: int, n_gold: int) -> str:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {100 * p:.1f} R {100 * r:.1f} F1 {100 * f:.1f}"


def run_e2e(limit: int | None = None) -> None:
    docs = load_gwn()[:limit]
    nlp = build_nlp()
    strict = lenient = n_pred = n_gold = 0
    errors: list[float] = []
    for gd, doc in zip(docs, nlp.pipe([d.text for d in docs], batch_size=16), strict=True):
        gold = [t for t in gd.toponyms if t.type in LITERAL]
        n_gold += len(gold)
        literal = {(m.start, m.end) for m in mentions(doc) if m.can_be_event}
        places = [p for p in geoparse(doc) if (p.start, p.end) in literal]
        n_pred += len(places)
        for p in places:
            exact = [g for g in gold if (g.start, g.end) == (p.start, p.end)]
            over = [g for g in gold if g.start < p.end and p.start < g.end]
            strict += bool(exact)
            lenient += bool(over)
            g = (exact or over or [None])[0]
            if g is not None and g.lat is not None and g.lon is not None:
                errors.append(error_km(g.lat, g.lon, p.latitude, p.longitude))
    print("\n## End to end on GeoWebNews (literal toponyms)\n")
    print(
        f"- recognition strict: {_prf(strict, n_pred, n_gold)} (gold {n_gold}, predicted {n_pred})"
    )
    print(f"- recognition lenient (overlap): {_prf(lenient, n_pred, n_gold)}")
    print("\n" + HEADER)
    print(score_errors(errors).row("warwatch e2e, matched literal toponyms"))
