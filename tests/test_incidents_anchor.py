"""A location named with its province in brackets is read inside that province (gazetteer: the
prebuilt test index, conftest)."""

from __future__ import annotations

from warwatch.incidents.anchor import in_province
from warwatch.incidents.story_country import provinces
from warwatch.model import Location

TEXT = "On 24 June, in Formosa (Formosa), workers gathered in the main square."
START = TEXT.index("Formosa")


def test_a_town_read_abroad_is_read_in_the_bracketed_province() -> None:
    brazil = Location(name="Formosa", start=START, end=START + 7, latitude=-15.54,
                      longitude=-47.33, country_code="BR", score=0.7)  # fmt: skip
    where = in_province(brazil, TEXT, provinces(TEXT))
    assert where is not None and where.country_code == "AR"
    assert (
        where.latitude is not None and -27.0 < where.latitude < -25.5
    )  # the town, not the province


def test_a_location_with_no_bracket_is_left_alone() -> None:
    text = "On 24 June, workers gathered in Formosa."
    start = text.index("Formosa")
    brazil = Location(name="Formosa", start=start, end=start + 7, country_code="BR")
    assert in_province(brazil, text, provinces(text)) == brazil


def test_a_name_cut_short_is_read_up_to_the_bracket() -> None:
    text = "On 2 May, in San Fernando del Valle de Catamarca (Catamarca), nurses marched."
    start = text.index("San Fernando")
    abroad = Location(name="San Fernando", start=start, end=start + 12, latitude=15.03,
                      longitude=120.68, country_code="PH")  # fmt: skip
    where = in_province(abroad, text, provinces(text))
    assert where is not None and where.country_code == "AR"
    assert where.name == "San Fernando del Valle de Catamarca"


def test_no_location_takes_the_first_town_in_its_bracketed_province() -> None:
    text = "On 2 May, in Dolores (Buenos Aires), drivers blocked roads."
    where = in_province(None, text, provinces(text))
    assert where is not None and where.name == "Dolores" and where.country_code == "AR"
    assert in_province(None, "Drivers blocked roads.", provinces("Drivers blocked roads.")) is None


def test_a_town_unknown_inside_its_province_gives_way_to_the_province() -> None:
    text = "On 2 May, in Villa Nowhere (Formosa), drivers blocked roads."
    start = text.index("Villa Nowhere")
    abroad = Location(name="Villa Nowhere", start=start, end=start + 13, latitude=41.4,
                      longitude=2.2, country_code="ES")  # fmt: skip
    where = in_province(abroad, text, provinces(text))
    assert where is not None and where.country_code == "AR" and where.name == "Formosa"
