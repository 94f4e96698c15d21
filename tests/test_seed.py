"""The seed story end to end, checked against ../shared/seed/stepanakert.expected.json.

The expectations are read from the shared file at run time (not copied here), so this test checks
exactly what the seed README asks for, item by item.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest

from warwatch import contract, pipeline
from warwatch.capture import capture_path
from warwatch.settings import load_settings


@pytest.fixture(scope="module")
def expected(shared: Path) -> dict[str, Any]:
    return json.loads((shared / "seed" / "stepanakert.expected.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def doc(shared: Path, expected: dict[str, Any]) -> dict[str, Any]:
    capture = capture_path(
        shared / "seed" / expected["input"],
        published=dt.date.fromisoformat(expected["published"]),
    )
    return contract.to_document(pipeline.extract(capture, load_settings()))


@pytest.fixture(scope="module")
def first(doc: dict[str, Any]) -> dict[str, Any]:
    assert doc["incidents"], "no incident extracted"
    incident: dict[str, Any] = doc["incidents"][0]
    return incident


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def test_clean_text_and_publisher(doc: dict[str, Any], expected: dict[str, Any]) -> None:
    text = doc["article"]["text"]
    for gone in expected["text_excludes"]:
        assert gone not in text
    for kept in expected["text_includes"]:
        assert kept in text
    assert text.rstrip().endswith(expected["text_includes"][-1])
    assert doc["article"]["publisher"] == expected["publisher"]


def test_event_type(first: dict[str, Any], expected: dict[str, Any]) -> None:
    want = expected["first_incident"]
    assert first["event_type"] == want["event_type"]
    assert first["sub_event_type"] in want["sub_event_type_any"]


def test_location(first: dict[str, Any], expected: dict[str, Any]) -> None:
    want = expected["first_incident"]["location"]
    loc = first["location"]
    assert loc is not None and loc["latitude"] is not None
    assert (
        km(loc["latitude"], loc["longitude"], want["latitude"], want["longitude"])
        <= want["within_km"]
    )
    assert loc["country_code"] == want["country_code"]
    assert loc["precision"] in want["precision_any"]


def test_event_place_is_marked_and_spans_are_tight(
    doc: dict[str, Any], first: dict[str, Any]
) -> None:
    loc = first["location"]
    events = [p for p in doc["places"] if p["role"] == "event"]
    assert any(p["start"] == loc["start"] and p["end"] == loc["end"] for p in events)
    assert all(p["geonameid"] == loc["geonameid"] for p in events)
    text = doc["article"]["text"]
    for item in doc["background"]:
        piece = text[item["start"] : item["end"]]
        assert piece == piece.strip() and piece, item


def test_date_window(first: dict[str, Any], expected: dict[str, Any]) -> None:
    want = expected["first_incident"]["date"]
    start = dt.date.fromisoformat(first["date"]["start"])
    end = dt.date.fromisoformat(first["date"]["end"])
    assert start <= dt.date.fromisoformat(want["contains"]) <= end
    assert (end - start).days + 1 <= want["max_days"]
    assert end <= dt.date.fromisoformat(want["end_not_after"])


def test_perpetrator_and_target(first: dict[str, Any], expected: dict[str, Any]) -> None:
    want = expected["first_incident"]
    perps = [a for a in first["actors"] if a["role"] == "perpetrator"]
    assert any(
        a["country_code"] == want["perpetrator"]["country_code"]
        and a["hedged"] is want["perpetrator"]["hedged"]
        for a in perps
    ), perps
    hit = [a for a in first["actors"] if a["role"] in ("target", "victim")]
    pattern = re.compile(want["target_or_victim_matches"])
    assert any(pattern.search(a["name"]) or pattern.search(a.get("surface") or "") for a in hit)


def test_weapon(first: dict[str, Any], expected: dict[str, Any]) -> None:
    want = expected["first_incident"]["weapon"]
    assert any(
        re.search(want["name_matches"], w["name"])
        and re.search(want["category_matches"], w["category"] or "")
        and w["origin_country"] == want["origin_country"]
        for w in first["weapons"]
    ), first["weapons"]


def test_no_invented_casualties(
    doc: dict[str, Any], first: dict[str, Any], expected: dict[str, Any]
) -> None:
    assert first["fatalities"]["best"] is expected["first_incident"]["fatalities_best"]
    for incident in doc["incidents"]:
        for value in expected["no_incident_fatalities"]:
            assert value not in (
                incident["fatalities"]["best"],
                incident["fatalities"]["low"],
                incident["fatalities"]["high"],
            )
    numbers = [n["value"] for b in doc["background"] for n in b["numbers"]]
    for value in expected["background_numbers"]:
        assert value in numbers


def test_claims(first: dict[str, Any], expected: dict[str, Any]) -> None:
    for want in expected["first_incident"]["claims"]:
        stances = [want["stance"]] if "stance" in want else want["stance_any"]
        assert any(
            re.search(want["claimant_matches"], c["claimant"] or "") and c["stance"] in stances
            for c in first["claims"]
        ), (want, first["claims"])


def test_legal(first: dict[str, Any], expected: dict[str, Any]) -> None:
    want = expected["first_incident"]["legal"]
    treaty = [
        n
        for n in first["legal"]
        if re.search(want["instrument_matches"], n["instrument"])
        and n["basis"] == "treaty"
        and n["state"] == want["state"]
    ]
    assert treaty and all(n["state_party"] is want["state_party"] for n in treaty)
    if want["separate_characterisation"]:
        assert any(n["basis"] == "characterisation" for n in first["legal"])


def test_quotes(doc: dict[str, Any], expected: dict[str, Any]) -> None:
    want = expected["quotes"]
    good = [
        q
        for q in doc["quotes"]
        if re.search(want["speaker_matches"], q["speaker"] or "")
        and re.search(want["organization_matches"], q["organization"] or "")
        and re.search(want["role_matches"], q["role"] or "")
    ]
    assert len(good) >= want["min_count"], doc["quotes"]


def test_relation_and_mentioned_places(doc: dict[str, Any], expected: dict[str, Any]) -> None:
    rel = expected["relation"]
    assert any(
        r["type"] == rel["type"] and r["subject"] == rel["subject"] and r["object"] == rel["object"]
        for r in doc["relations"]
    )
    for name in expected["mentioned_not_event_places"]:
        roles = {p["role"] for p in doc["places"] if p["name"] == name}
        assert roles == {"mentioned"}, (name, roles)
        for incident in doc["incidents"]:
            assert (incident["location"] or {}).get("name") != name
