"""The actor dictionary: ACLED-style names of dictionary rows, and every row sourced."""

from __future__ import annotations

from warwatch.kb.actors import actor_entries, country_of_code, qualified_name


def _entry(phrase: str):
    return next(e for e in actor_entries() if e.phrase == phrase)


def test_a_state_force_with_its_own_name_keeps_it() -> None:
    # ACLED lists Sudan's Rapid Support Forces under their own name, not "Military Forces of Sudan".
    assert qualified_name(_entry("rsf"), country_of_code("SD")) == "Rapid Support Forces"


def test_a_national_army_row_is_the_countrys_military_forces() -> None:
    congo = country_of_code("CD")
    assert (
        qualified_name(_entry("fardc"), congo) == "Military Forces of Democratic Republic of Congo"
    )
    assert (
        qualified_name(_entry("liyu police"), country_of_code("ET")) == "Police Forces of Ethiopia"
    )


def test_generic_classes_take_the_country_and_named_groups_do_not() -> None:
    sudan = country_of_code("SD")
    assert qualified_name(_entry("gunmen"), sudan) == "Unidentified Armed Group (Sudan)"
    assert qualified_name(_entry("fdlr"), sudan).startswith("FDLR")


def test_every_row_has_a_source_and_a_known_kind() -> None:
    kinds = {"state", "police", "rebel", "militia", "unidentified", "protesters", "rioters",
             "civilians", "external"}  # fmt: skip
    for e in actor_entries():
        assert e.source, e.phrase
        assert e.kind in kinds, e.phrase
        assert e.country_code is None or country_of_code(e.country_code), e.phrase


def test_no_phrase_is_listed_twice() -> None:
    phrases = [e.phrase for e in actor_entries()]
    assert len(phrases) == len(set(phrases))
