"""Event location choice (geo.locate): which place mention of a sentence is where its event was.
Sentences are written for these tests; places are read with the real gazetteer."""

from __future__ import annotations

import pytest

from warwatch.geo import geoparse, locate_incident
from warwatch.model import GeoPrecision, Location, Span

pytestmark = pytest.mark.slow


def _where(nlp, text: str, trigger: str) -> Location | None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    start = text.index(trigger)
    return locate_incident(doc, Span(start=start, end=start + len(trigger)), geoparse(doc))


def test_the_state_owning_a_force_is_not_where_it_fired(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On 3 May, the armed forces of Azerbaijan fired on the positions of the army of "
        "Armenia near Ijevan, Tavush."
    )
    where = _where(nlp, text, "fired")
    assert where is not None and where.name == "Ijevan" and where.country_code == "AM"


def test_an_owner_still_places_an_event_when_nothing_else_does(nlp) -> None:  # type: ignore[no-untyped-def]
    where = _where(nlp, "On 3 May, the government of Armenia declared martial law.", "declared")
    assert where is not None and where.country_code == "AM"


def test_a_town_in_a_named_province_is_the_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Two houses in Syunik province were shelled near Goris town on Monday."
    where = _where(nlp, text, "shelled")
    assert where is not None and where.name == "Goris"
    assert where.precision == GeoPrecision.TOWN


def test_a_town_named_with_its_country_is_the_place(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A farmer was wounded in a drone strike near Vardenis city in Armenia."
    where = _where(nlp, text, "strike")
    assert where is not None and where.name == "Vardenis"


def test_where_people_come_from_is_not_where_they_protested(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Residents of Gyumri held a protest in front of the parliament in Yerevan."
    where = _where(nlp, text, "protest")
    assert where is not None and where.name == "Yerevan"


def test_people_s_home_is_the_place_when_the_sentence_names_no_other(nlp) -> None:  # type: ignore[no-untyped-def]
    where = _where(nlp, "Residents of Gyumri held a protest against the new tax.", "protest")
    assert where is not None and where.name == "Gyumri"


def test_a_name_read_abroad_is_read_again_inside_its_written_holder() -> None:
    from warwatch.geo.contain import within_holder
    from warwatch.model import Place

    text = "Shots were fired near Goris, Syunik."
    abroad = Place(name="Goris", start=22, end=27, latitude=0.0, longitude=0.0, geonameid=None,
                   country_code="XX", feature_code="PPL")  # fmt: skip
    unknown = Place(name="Nowhereville", start=22, end=27)
    from warwatch.geo.index import ensure_gazetteer

    syunik = next(c for c in ensure_gazetteer().candidates("Syunik") if c.feature_code == "ADM1")
    region = Place(name="Syunik", start=29, end=35, latitude=syunik.latitude,
                   longitude=syunik.longitude, geonameid=syunik.geonameid, country_code="AM",
                   feature_code="ADM1")  # fmt: skip
    again = within_holder(abroad, [abroad, region], text)
    assert again.country_code == "AM" and again.name == "Goris" and again.latitude != 0.0
    # A name the gazetteer does not know is placed at its holder.
    assert within_holder(unknown, [unknown, region], text.replace("Goris", "Nowhe")) == region
    # A town listed before another town of its country is no reading error.
    assert within_holder(region, [region], text) == region


def test_a_province_is_put_at_its_main_town(nlp) -> None:  # type: ignore[no-untyped-def]
    where = _where(nlp, "Teachers protested in Neuquen province on Monday.", "protested")
    assert where is not None and where.precision == GeoPrecision.REGION
    assert where.name.startswith("Neuquen")
    # Neuquén city (-38.95, -68.06), not the province's own point (-39.0, -70.0).
    assert where.longitude is not None and abs(where.longitude + 68.06) < 0.2


def test_a_province_name_used_for_its_namesake_town_is_the_town(nlp) -> None:  # type: ignore[no-untyped-def]
    where = _where(nlp, "Teachers protested in Ararat city on Monday.", "protested")
    assert where is not None and where.precision == GeoPrecision.TOWN
    assert where.country_code == "AM"


def test_armed_men_named_by_their_home_did_not_fight_there(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Dozens of Bukavu militiamen attacked an army position in Goma on Sunday."
    where = _where(nlp, text, "attacked")
    assert where is not None and where.name == "Goma"


def test_an_unknown_name_near_a_town_is_placed_at_the_town() -> None:
    from warwatch.geo.contain import within_holder
    from warwatch.model import Place

    text = "Clashes broke out in Nowherebury, near the town of Goma."
    unknown = Place(name="Nowherebury", start=21, end=32)
    goma = Place(name="Goma", start=text.index("Goma"), end=text.index("Goma") + 4,
                 latitude=-1.68, longitude=29.22, country_code="CD", feature_code="PPL")  # fmt: skip
    assert within_holder(unknown, [unknown, goma], text) == goma
    # "near" a country is no holder: the border is not the country.
    text = "An ambush in Nowherebury near Somalia."
    somalia = Place(name="Somalia", start=text.index("Somalia"), end=len(text) - 1,
                    latitude=6.0, longitude=48.0, country_code="SO", feature_code="PCLI")  # fmt: skip
    unknown = Place(name="Nowherebury", start=13, end=24)
    assert within_holder(unknown, [unknown, somalia], text) == unknown


def test_a_province_named_after_its_seat_is_put_at_that_town(nlp) -> None:  # type: ignore[no-untyped-def]
    where = _where(nlp, "Teachers protested in Mendoza province on Monday.", "protested")
    assert where is not None and where.precision == GeoPrecision.REGION
    # Mendoza city (-32.89, -68.83), not the province's most populous department elsewhere.
    assert where.latitude is not None and abs(where.latitude + 32.89) < 0.2


def test_a_holder_the_recogniser_missed_is_read_in_the_story_s_country() -> None:
    from warwatch.geo.contain import within_holder
    from warwatch.model import Place

    text = "Troops of Armenia were shelled near Nowherebury, Tavush, twice."
    unknown = Place(name="Nowherebury", start=text.index("Nowherebury"),
                    end=text.index("Nowherebury") + 11)  # fmt: skip
    armenia = Place(name="Armenia", start=10, end=17, latitude=40.25, longitude=45.0,
                    country_code="AM", feature_code="PCLI")  # fmt: skip
    where = within_holder(unknown, [unknown], text, [armenia, unknown])
    assert where.name == "Tavush" and where.country_code == "AM"
    # No other place gives the story a country: the written name settles nothing.
    assert within_holder(unknown, [unknown], text, [unknown]) == unknown


def test_the_region_holding_people_s_home_is_their_home_too(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Residents of a village in Syunik province held a protest in front of the parliament "
        "in Yerevan."
    )
    where = _where(nlp, text, "protest")
    assert where is not None and where.name == "Yerevan"
