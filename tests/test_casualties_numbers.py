"""Number phrases in digits and words (warwatch.incidents.numbers); no spaCy needed."""

from __future__ import annotations

import pytest

from warwatch.incidents.numbers import Quantity, parse_number, parse_quantity


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3,000", 3000),
        ("thirty", 30),
        ("thirty-five", 35),
        ("Twenty five", 25),
        ("two dozen", 24),
        ("a dozen", 12),
        ("1.5 million", 1_500_000),
        ("two hundred and thirty-five", 235),
        ("three thousand five hundred", 3500),
        ("hundreds", 100),
        ("dozens", 12),
        ("seven.", 7),
    ],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "soldiers", "12th", "5 and 10", "M095"])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at least 12", Quantity(12, 12, None)),
        ("more than 20", Quantity(20, 20, None)),
        ("between 5 and 10", Quantity(5, 5, 10)),
        ("5 to 10", Quantity(5, 5, 10)),
        ("up to 30", Quantity(30, None, 30)),
        ("nearly forty", Quantity(40, None, 40)),
        ("about 300", Quantity(300, None, None)),
        ("dozens", Quantity(12, 12, None, vague=True)),
        ("several", Quantity(3, 3, None, vague=True)),
        ("seven", Quantity(7, 7, 7)),
    ],
)
def test_parse_quantity(text: str, expected: Quantity) -> None:
    assert parse_quantity(text) == expected


def test_bounds_are_ordered() -> None:
    for text in ("at least 3", "between 2 and 9", "up to 4", "dozens", "hundreds", "12"):
        q = parse_quantity(text)
        assert q is not None
        if q.low is not None and q.best is not None:
            assert q.low <= q.best
        if q.high is not None and q.best is not None:
            assert q.best <= q.high
