"""From a raw ranking margin to a calibrated probability that the answer is right (within 161 km).

p = sigmoid(A * margin + B), margin = best raw score minus the runner-up's (a lone candidate gets
LONE_MARGIN). A and B are a logistic (Platt) fit on the dev halves of GeoWebNews, TR-News and LGL
with gold spans given (``python eval/geo_calibrate.py``); a spelling-variant (skeleton) match is
charged SKELETON_PENALTY before the sigmoid.
"""

from __future__ import annotations

import math

A = 1.0
B = 0.5
LONE_MARGIN = 4.0
SKELETON_PENALTY = 1.5
# Below this calibrated score the answer is "unresolved" rather than a wild guess.
UNRESOLVED_BELOW = 0.0


def calibrated(best: float, runner_up: float | None, skeleton: bool) -> float:
    margin = LONE_MARGIN if runner_up is None else best - runner_up
    z = A * margin + B - (SKELETON_PENALTY if skeleton else 0.0)
    return 1.0 / (1.0 + math.exp(-z))
