"""Fit the score calibration (``src/warwatch/geo/calibrate.py``) on the dev halves.

    python eval/geo_calibrate.py

Collects (margin, skeleton match, correct within 161 km) for every gold span of GeoWebNews
(gwn_full), TR-News and LGL, fits p = sigmoid(A * margin + B - S * skeleton) by Newton's method
(logistic regression, gradient descent), and prints Brier score and expected calibration error (10 bins) with the
current constants and with the fitted ones. Spans with no candidate are left out (their score is
0 by definition).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from geo_data import CORPORA  # noqa: E402
from geo_metrics import error_km  # noqa: E402
from warwatch.geo import calibrate  # noqa: E402
from warwatch.geo.gazetteer import SKELETON_MATCH  # noqa: E402
from warwatch.geo.index import ensure_gazetteer  # noqa: E402
from warwatch.geo.resolve import resolve_spans  # noqa: E402

LEARNING_RATE = 0.5


def samples() -> list[tuple[float, float, int]]:
    gaz = ensure_gazetteer()
    out = []
    for name in ("GeoWebNews", "TR-News", "LGL"):
        for doc in CORPORA[name]():
            tops = [
                t
                for t in doc.toponyms
                if t.lat is not None and 0 <= t.start < t.end <= len(doc.text)
            ]
            for t, r in zip(
                tops, resolve_spans(gaz, doc.text, [(t.start, t.end) for t in tops]), strict=True
            ):
                c = r.candidate
                if c is None or t.lat is None or t.lon is None:
                    continue
                ok = error_km(t.lat, t.lon, c.latitude, c.longitude) <= 161
                out.append((r.margin, 1.0 if c.kind == SKELETON_MATCH else 0.0, int(ok)))
    return out


def fit(data: list[tuple[float, float, int]]) -> tuple[float, float, float]:
    """Logistic regression by full-batch gradient descent (robust where Newton overshoots)."""
    xs = [(min(m, calibrate.MARGIN_CAP), 1.0, sk) for m, sk, _ in data]
    ys = [y for _, _, y in data]
    w = [1.0, 0.0, 0.0]  # A, B, -S
    for _ in range(1500):
        g = [0.0, 0.0, 0.0]
        for x, y in zip(xs, ys, strict=True):
            z = max(-30.0, min(30.0, w[0] * x[0] + w[1] + w[2] * x[2]))
            p = 1 / (1 + math.exp(-z))
            for i in range(3):
                g[i] += (y - p) * x[i]
        w = [wi + LEARNING_RATE * gi / len(xs) for wi, gi in zip(w, g, strict=True)]
    return w[0], w[1], -w[2]


def report(data: list[tuple[float, float, int]], label: str) -> None:
    probs = [calibrate.calibrated(m, bool(sk)) for m, sk, _ in data]
    brier = sum((p - y) ** 2 for p, (_, _, y) in zip(probs, data, strict=True)) / len(data)
    bins: dict[int, list[tuple[float, int]]] = {}
    for p, (_, _, y) in zip(probs, data, strict=True):
        bins.setdefault(min(9, int(p * 10)), []).append((p, y))
    ece = sum(abs(sum(p for p, _ in b) - sum(y for _, y in b)) for b in bins.values()) / len(data)
    print(f"{label}: n={len(data)} Brier={brier:.4f} ECE={ece:.4f}")
    for k in sorted(bins):
        b = bins[k]
        print(
            f"  p in [{k / 10:.1f},{(k + 1) / 10:.1f}): n={len(b)} mean p={sum(p for p, _ in b) / len(b):.2f} "
            f"accuracy={sum(y for _, y in b) / len(b):.2f}"
        )


def main() -> None:
    data = samples()
    report(data, f"current A={calibrate.A} B={calibrate.B} S={calibrate.SKELETON_PENALTY}")
    a, b, s = fit(data)
    calibrate.A, calibrate.B, calibrate.SKELETON_PENALTY = a, b, s
    report(data, f"fitted A={a:.3f} B={b:.3f} S={s:.3f}")


if __name__ == "__main__":
    main()
