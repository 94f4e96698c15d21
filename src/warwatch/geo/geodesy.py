"""Great-circle distance."""

from __future__ import annotations

import math

EARTH_KM = 6371.0088  # mean Earth radius (IUGG)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


RadPoint = tuple[float, float, float]  # latitude, longitude (radians), cos(latitude)


def rad_point(lat: float, lon: float) -> RadPoint:
    p = math.radians(lat)
    return p, math.radians(lon), math.cos(p)


def nearest_km(point: RadPoint, points: list[RadPoint]) -> float:
    """Great-circle distance from ``point`` to the nearest of ``points`` (non-empty).

    The haversine term grows with distance, so the minimum is taken on it and converted once:
    the resolver asks this for every candidate against up to 100 points."""
    p1, l1, c1 = point
    best = 1.0
    sin = math.sin  # a local name: this loop is the resolver's innermost
    for p2, l2, c2 in points:
        a = sin((p2 - p1) / 2) ** 2 + c1 * c2 * sin((l2 - l1) / 2) ** 2
        if a < best:
            best = a
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(best)))
