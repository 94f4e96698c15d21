"""From a raw ranking margin to a calibrated probability that the answer is right (within 161 km).

p = sigmoid(A * margin + B), margin = best raw score minus the runner-up's (a lone candidate gets
LONE_MARGIN). A and B are a logistic (Platt) fit on the dev halves of GeoWebNews, TR-News and LGL
with gold spans given (``python eval/geo_calibrate.py``); a spelling-variant (skeleton) match is
charged SKELETON_PENALTY before the sigmoid.
"""

from __future__ import annotations

import math

# Fit of 2026-11-27 on 4,405 resolved dev spans: Brier 0.1266 -> 0.1160, expected calibration
# error (10 bins) 0.0885 -> 0.0426 against the hand-set A=1, B=0.5, S=1.5. A and B refitted the
# same day after the kind cues (cues.py) and the schema-5 gazetteer, on 4,378 spans: Brier
# 0.0965 -> 0.0959, ECE 0.0416 -> 0.0209. S kept: only 23 skeleton matches (6 right), too few
# to refit (the free fit moved it to 2.07 and raised the ECE to 0.0240). A and B refitted again
# after the later ranking changes (support, containers, alternate-name penalty), on 4,421 spans:
# Brier 0.0754 -> 0.0746, ECE 0.0409 -> 0.0104 with S kept (the free fit, S=1.69, gave Brier
# 0.0754, so S stays).
A = 0.568
B = 0.690
LONE_MARGIN = 4.0
SKELETON_PENALTY = 3.128
# Below this calibrated score the answer is "unresolved" rather than a wild guess: on the dev
# spans the answers scored under 0.3 were right 8 % of the time (5 of 63).
UNRESOLVED_BELOW = 0.3


# Margins past this carry no more information (a country against a hamlet of the same name
# scores a margin of 10+); capping keeps the fit from chasing them.
MARGIN_CAP = 6.0


def calibrated(margin: float, skeleton: bool) -> float:
    z = A * min(margin, MARGIN_CAP) + B - (SKELETON_PENALTY if skeleton else 0.0)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
