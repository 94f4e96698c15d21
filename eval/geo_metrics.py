"""Geocoding metrics as in Gritta et al. (2018, 2019): Acc@161 km, mean and median error, and
the area under the curve of log(1 + error) normalised by the largest possible error."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the error charged for no answer


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class GeoScores:
    n: int
    acc161: float
    mean_km: float
    median_km: float
    auc: float

    def row(self, name: str) -> str:
        return (
            f"| {name} | {self.n} | {100 * self.acc161:.1f} | {self.mean_km:.0f} | "
            f"{self.median_km:.0f} | {self.auc:.3f} |"
        )


HEADER = "| system | n | Acc@161 % | mean km | median km | AUC (lower better) |\n|---|---|---|---|---|---|"


def score_errors(errors: Sequence[float]) -> GeoScores:
    if not errors:
        return GeoScores(0, 0.0, 0.0, 0.0, 0.0)
    errs = sorted(min(e, MAX_ERROR_KM) for e in errors)
    points = [math.log(1 + e) for e in errs]
    if len(points) > 1:
        area = sum((a + b) / 2 for a, b in zip(points, points[1:], strict=False))
        auc = area / ((len(points) - 1) * math.log(1 + MAX_ERROR_KM))
    else:
        auc = points[0] / math.log(1 + MAX_ERROR_KM)
    return GeoScores(
        n=len(errs),
        acc161=sum(1 for e in errs if e <= 161) / len(errs),
        mean_km=statistics.fmean(errs),
        median_km=statistics.median(errs),
        auc=auc,
    )


def error_km(gold_lat: float, gold_lon: float, lat: float | None, lon: float | None) -> float:
    if lat is None or lon is None:
        return MAX_ERROR_KM
    return haversine_km(gold_lat, gold_lon, lat, lon)
