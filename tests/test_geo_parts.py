"""A part of a town (square, neighbourhood, hall) read far from the town the sentence names is
placed at that town (geo.parts). Places are made up here; no gazetteer is needed."""

from __future__ import annotations

from warwatch.geo.parts import in_named_town
from warwatch.model import Place

TEXT = "In Rosario, hundreds gathered in the Las Flores neighbourhood and at the City Hall."


def _place(name: str, lat: float | None, lon: float | None, code: str | None = "PPL") -> Place:
    start = TEXT.index(name)
    return Place(name=name, start=start, end=start + len(name), latitude=lat, longitude=lon,
                 feature_code=code)  # fmt: skip


TOWN = _place("Rosario", -32.95, -60.65)


def test_a_neighbourhood_read_as_a_far_namesake_town_is_the_named_town() -> None:
    far = _place("Las Flores", -36.01, -59.10)
    assert in_named_town(far, [TOWN, far], TEXT) == TOWN


def test_a_neighbourhood_read_inside_the_town_stays() -> None:
    near = _place("Las Flores", -32.97, -60.66)
    assert in_named_town(near, [TOWN, near], TEXT) == near


def test_an_unread_building_is_the_named_town_and_a_plain_town_stays() -> None:
    hall = _place("City Hall", None, None, None)
    assert in_named_town(hall, [TOWN, hall], TEXT) == TOWN
    other = Place(name="Hundreds", start=12, end=20, latitude=1.0, longitude=1.0)
    assert in_named_town(other, [TOWN, other], TEXT) == other


def test_a_square_is_in_the_town_it_is_written_in() -> None:
    text = "Hundreds rallied at Freedom square in Yerevan."
    square = Place(name="Freedom", start=20, end=27, latitude=40.9, longitude=-81.1,
                   feature_code="PPL")  # fmt: skip
    town = Place(name="Yerevan", start=38, end=45, latitude=40.18, longitude=44.51,
                 feature_code="PPLC")  # fmt: skip
    assert in_named_town(square, [square, town], text) == town
