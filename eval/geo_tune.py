"""Set the resolver's weights by coordinate ascent on the dev halves (gold spans given).

    python eval/geo_tune.py [--rounds 2]

The objective is the mean Acc@161 of GeoWebNews, TR-News and LGL over the documents whose id
hashes to an even number ("tune" half); the "check" half (odd) is reported beside it, so an
overfit weight shows as a gap. The chosen values are printed; they are copied into
``src/warwatch/geo/resolve.py`` by hand, with the date of the run.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from geo import spans_errors  # noqa: E402
from geo_data import CORPORA  # noqa: E402
from geo_metrics import score_errors  # noqa: E402
from warwatch.geo import resolve  # noqa: E402

GRID = {
    "W_NAMED_COUNTRY": [0.5, 1.0, 1.5, 2.5],
    "W_COUNTRY_SHARE": [1.0, 2.0, 3.0, 4.0, 6.0],
    "W_ADMIN1_SHARE": [0.0, 1.0, 2.0, 3.0, 4.0],
    "W_CONTAINED": [2.0, 4.0, 6.0],
    "W_DISTANCE": [0.3, 0.6, 0.8, 1.0, 1.3],
    "PCLI": [1.5, 2.0, 3.0, 4.0],
    "ADM1": [-1.5, -1.0, -0.5, 0.0, 0.5],
    "ADM2": [-1.5, -0.8, 0.0],
    "PPLC": [0.5, 1.0, 1.5, 2.0],
    "ALT": [-1.0, -0.5, -0.2, 0.0],
    "W_CUE": [1.0, 2.0, 3.0, 5.0],
    "W_LIST": [0.0, 1.5, 3.0, 5.0],
    "W_SUPPORT": [0.0, 1.0, 2.0, 3.0, 4.0],
    "PLAUSIBLE": [1.5, 2.0, 3.0, 5.0],
}


def _set(name: str, value: float) -> None:
    resolve._MEMO.clear()  # priors are memoised per name: a new weight must recompute them
    if name in resolve.FEATURE_PRIOR:
        resolve.FEATURE_PRIOR[name] = value
    elif name == "ALT":
        resolve.KIND_PRIOR[resolve.ALT] = value
    else:
        setattr(resolve, name, value)


def _get(name: str) -> float:
    if name in resolve.FEATURE_PRIOR:
        return resolve.FEATURE_PRIOR[name]
    if name == "ALT":
        return resolve.KIND_PRIOR[resolve.ALT]
    return float(getattr(resolve, name))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    halves: dict[str, dict[str, list]] = {"tune": {}, "check": {}}
    for name in ("GeoWebNews", "TR-News", "LGL"):
        for doc in CORPORA[name]():
            h = int(hashlib.sha256(doc.text.encode()).hexdigest(), 16) % 2
            halves["tune" if h == 0 else "check"].setdefault(name, []).append(doc)

    def objective(half: str) -> float:
        accs = [
            score_errors(spans_errors(d, baseline=False)[0]).acc161 for d in halves[half].values()
        ]
        return sum(accs) / len(accs)

    best = objective("tune")
    print(f"start tune={best:.4f} check={objective('check'):.4f}")
    for _ in range(args.rounds):
        for name, values in GRID.items():
            keep = _get(name)
            for v in values:
                _set(name, v)
                score = objective("tune")
                if score > best + 1e-9:
                    best, keep = score, v
            _set(name, keep)
            print(f"{name}={keep} tune={best:.4f}", flush=True)
    print(f"end tune={best:.4f} check={objective('check'):.4f}")
    print({name: _get(name) for name in GRID})


if __name__ == "__main__":
    main()
