"""Mission contingents: a contributor's troops in the host country, by year."""

from __future__ import annotations

from warwatch.kb.actors import country_of_code
from warwatch.kb.missions import contingent_name, hosts_of, is_contingent, mission_of


def test_kenyan_troops_in_somalia_serve_in_amisom_in_its_years() -> None:
    assert mission_of("KE", "SO", 2016) == "AMISOM: African Union Mission in Somalia"
    assert mission_of("KE", "SO", 2023) == "ATMIS: African Union Transition Mission in Somalia"
    # Ethiopia joined AMISOM in 2014; before that its troops in Somalia were no contingent.
    assert mission_of("ET", "SO", 2010) is None


def test_no_year_takes_the_mission_served_longest() -> None:
    assert mission_of("KE", "SO", None) == "AMISOM: African Union Mission in Somalia"


def test_contingent_names_carry_the_contributor() -> None:
    name = contingent_name(country_of_code("KE"), "SO", 2016)  # type: ignore[arg-type]
    assert name == "AMISOM: African Union Mission in Somalia (Kenya)"
    assert is_contingent(name)
    assert not is_contingent("AMISOM: African Union Mission in Somalia")
    assert not is_contingent("Military Forces of Kenya")
    # At home, or where the country sends no mission troops, there is no contingent.
    assert contingent_name(country_of_code("KE"), "KE", 2016) is None  # type: ignore[arg-type]
    assert "SO" in hosts_of("UG") and not hosts_of("AR")
