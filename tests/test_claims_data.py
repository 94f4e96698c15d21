"""The claims data files: sourced headers, well-formed rows, grade rules that the code knows."""

from __future__ import annotations

from importlib import resources

from warwatch.claims import lexicon
from warwatch.claims.countries import iso2, short_name

FILES = ["claimants.csv", "offices.csv", "countries.csv", "cues.yaml", "grades.yaml"]


def test_every_data_file_names_its_source() -> None:
    for name in FILES:
        text = resources.files("warwatch.claims").joinpath("data", name).read_text("utf-8")
        header = "\n".join(line for line in text.splitlines()[:15] if line.startswith("#"))
        assert "ource" in header, name


def test_claimant_rows_have_a_source_and_a_known_kind() -> None:
    kinds = {"ngo", "un", "agency", "media", "government", "military", "police", "monitor"}
    for entry in lexicon.claimants():
        assert entry.source and entry.kind in kinds, entry


def test_grade_rules_use_the_scale() -> None:
    rules = lexicon.grade_rules()
    assert set(rules["scale"]) == {"confirmed", "fair", "weak", "contested", "discounted"}
    assert {r["status"] for r in rules["incident_status"]} <= set(rules["scale"])
    assert rules["default_review"] in rules["review_statuses"]


def test_countries_and_demonyms() -> None:
    assert [iso2(x) for x in ("Israel", "Israeli", "Azeri", "Turkey", "Russia", "Iran")] == [
        "IL",
        "IL",
        "AZ",
        "TR",
        "RU",
        "IR",
    ]
    assert iso2("Atlantis") is None
    assert short_name("RU") == "Russia" and short_name("AZ") == "Azerbaijan"
