"""Kind cues next to a place name: counties, states, newspapers."""

from __future__ import annotations

import pytest

from warwatch.geo.cues import Cue, cue, fits


def _cue(text: str, name: str) -> Cue | None:
    i = text.index(name)
    return cue(text, i, i + len(name))


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("school boards in Barrow, Jackson and Madison counties voted", "Jackson", Cue.COUNTY),
        ("in Butler, Clark or Warren counties.", "Butler", Cue.COUNTY),
        ("deputies of Walker County said", "Walker", Cue.COUNTY),
        ("crews flew to Washington state on Monday", "Washington", Cue.STATE),
        ("the laws of the state of Georgia allow", "Georgia", Cue.STATE),
        ("troops of the Georgia National Guard", "Georgia", Cue.STATE),
        ("Texas Gov. Greg Abbott said", "Texas", Cue.STATE),
        ("the Kabul governor said", "Kabul", Cue.STATE),
        ("the governor of Idlib said", "Idlib", Cue.STATE),
        ("Washington's attorney general sued", "Washington", Cue.STATE),
        ("He flew to Georgia on Monday.", "Georgia", None),
        ("The Washington Post reported", "Washington", Cue.CITY),
        ("a reporter at the Augusta Herald", "Augusta", Cue.CITY),
        ("She studied at Colorado State University.", "Colorado", None),
        ("Talks in Washington and Moscow ended.", "Washington", None),
        ("Madison, the capital, grew.", "Madison", None),
    ],
)
def test_cue(text: str, name: str, kind: Cue | None) -> None:
    assert _cue(text, name) is kind


def test_fits() -> None:
    assert fits("ADM2", Cue.COUNTY) and not fits("PPL", Cue.COUNTY)
    assert fits("ADM1", Cue.STATE) and not fits("PPLC", Cue.STATE)
    assert fits("PPLC", Cue.CITY) and not fits("ADM1", Cue.CITY)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The city of Sao Paulo reported 300 deaths.", "Sao Paulo", Cue.CITY),
        ("parts of the Punjab province were flooded", "Punjab", Cue.STATE),
        ("shelling in Idlib governorate", "Idlib", Cue.STATE),
    ],
)
def test_city_and_province_cues(text: str, name: str, kind: Cue) -> None:
    assert _cue(text, name) is kind
