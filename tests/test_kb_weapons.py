"""Weapon mentions: designations and types linked to the catalogue, origin from the text."""

from __future__ import annotations

import pytest

from warwatch.kb.catalogue import find_entry, lineage, load_catalogue, spelling_variants
from warwatch.kb.weapons import catalogue_entry, find_weapons
from warwatch.model import WeaponKind


def _found(nlp, text: str) -> dict[str, tuple]:
    doc = nlp(text)
    return {
        doc.text[w.start : w.end]: (w.catalogue_id, w.category, w.origin_country, w.kind)
        for w in find_weapons(doc[:])
    }


def _get(found: dict[str, tuple], needle: str) -> tuple:
    """The mention whose surface ends with ``needle`` (spans include modifiers: "Israeli-made ...")."""
    (key,) = [k for k in found if k.endswith(needle)]
    return found[key]


def test_catalogue_rows_are_sourced_and_linked() -> None:
    catalogue = load_catalogue()
    assert len(catalogue) > 80
    for entry in catalogue.values():
        assert entry.source.strip(), entry.id
        assert entry.parent_id is None or entry.parent_id in catalogue, entry.id


def test_launcher_is_not_a_cluster_munition_but_its_rocket_is() -> None:
    rocket = find_entry("9M55K")
    assert rocket is not None and rocket.category == "cluster munition"
    chain = lineage(find_entry("9N235"))  # type: ignore[arg-type]
    assert [e.kind for e in chain] == [
        WeaponKind.SUBMUNITION,
        WeaponKind.ROUND,
        WeaponKind.LAUNCHER,
    ]
    assert chain[-1].category != "cluster munition"


@pytest.mark.parametrize(
    ("written", "expected_id"),
    [
        ("M-095", "m095-dpicm"),
        ("Bayraktar TB-2", "bayraktar-tb2"),
        ("9M55K1", "9m55k"),
        ("Kh101", "kh-101"),
        ("Geran 2", "shahed-136"),
        ("Tochka-U", "tochka-u"),
    ],
)
def test_spelling_variants_link_to_one_entry(nlp, written: str, expected_id: str) -> None:
    found = _found(nlp, f"Witnesses said a {written} was used near the town.")
    assert [v[0] for k, v in found.items() if written in k] == [expected_id]


def test_variants_cover_separators() -> None:
    assert {"M095", "M-095", "M 095"} <= spelling_variants("M095")


def test_origin_from_text_overrides_catalogue(nlp) -> None:
    found = _found(nlp, "They fired Bulgarian-made Grad rockets and Israeli-made cluster bombs.")
    assert _get(found, "Grad rockets")[2] == "BG"  # catalogue says RU; the text wins
    doc = nlp("They fired Bulgarian-made Grad rockets.")
    (grad,) = find_weapons(doc[:])
    assert catalogue_entry(grad).origin_country == "RU"  # type: ignore[union-attr]
    assert _get(found, "cluster bombs")[1:3] == ("cluster munition", "IL")
    assert "Bulgarian-made Grad rockets" in found  # the origin words are part of the mention
    found = _found(nlp, "Rockets made in Russia and missiles of Iranian manufacture hit the city.")
    assert _get(found, "Rockets")[2] == "RU"
    assert _get(found, "missiles")[2] == "IR"


def test_one_token_compound_origin(nlp) -> None:
    found = _found(nlp, "Investigators found U.S.-made cluster bombs near the school.")
    assert found["U.S.-made cluster bombs"][2] == "US"


def test_catalogue_origin_when_text_is_silent(nlp) -> None:
    found = _found(nlp, "A Bayraktar TB2 struck a convoy.")
    assert found["Bayraktar TB2"][2] == "TR"


def test_named_system_absorbs_generic_head_but_launcher_keeps_cluster_rockets(nlp) -> None:
    found = _found(nlp, "Amnesty identified M095 DPICM cluster bombs. Smerch cluster rockets fell.")
    assert _get(found, "M095 DPICM cluster bombs")[:2] == ("m095-dpicm", "cluster munition")
    assert found["Smerch"][1] != "cluster munition"
    assert found["cluster rockets"][1] == "cluster munition"


def test_false_friends_are_not_weapons(nlp) -> None:
    found = _found(
        nlp, "A think tank said the fuel tank was his, not mine. The Lancet published it."
    )
    assert found == {}


def test_quantities_and_calibres_join_the_mention(nlp) -> None:
    found = _found(nlp, "They left 60 kg of dynamite and a 7.65 caliber pistol, not a third bomb.")
    assert "60 kg of dynamite" in found and "7.65 caliber pistol" in found
    assert "bomb" in found  # ordinals are not part of the weapon


def test_mining_sites_are_not_mines(nlp) -> None:
    assert _found(nlp, "Workers of the gold mine protested against the new mines.") == {}
    assert "mine" in _found(nlp, "A soldier stepped on a mine near the village.")


def test_uppercase_wire_text(nlp) -> None:
    found = _found(nlp, "TERRORISTS DETONATED A CAR BOMB AND FRAGMENTATION GRENADES.")
    assert {v[0] for v in found.values()} == {"car-bomb", "grenade"}


def test_sentence_span_offsets_point_into_the_doc(nlp) -> None:
    doc = nlp("Hello there. Nothing here either. They fired Grad rockets at Kharkiv.")
    last = list(doc.sents)[-1]
    (weapon,) = find_weapons(last)
    assert doc.text[weapon.start : weapon.end] == "Grad rockets"
    assert find_weapons(list(doc.sents)[0]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russian forces struck Kharkiv with Iskander missiles, Kalibr cruise missiles and Kh-101s.",
            ["iskander", "kalibr", "kh-101"],
        ),
        (
            "Ukraine downed Shahed-136 drones, which Russia calls Geran-2, and a Lancet.",
            ["shahed-136", "shahed-136", "lancet"],
        ),
        (
            "HIMARS launchers fired GMLRS rockets; M864 and M483A1 DPICM shells arrived.",
            ["himars", "gmlrs", "m864", "m483a1"],
        ),
        (
            "Aircraft dropped an RBK-500 with PTAB-1M submunitions, AO-1SCh and ShOAB-0.5 bomblets.",
            ["rbk-500", "ptab", "ao-1sch", "shoab-0.5"],
        ),
        (
            "Remnants of a CBU-97, a CBU-87 and BLU-63 bomblets were found in Saada.",
            ["cbu-97", "cbu-87", "blu-63"],
        ),
        (
            "M825A1 shells burst over the port; JDAM kits and GBU-39 bombs were used.",
            ["m825a1", "jdam", "gbu-39"],
        ),
        (
            "The LAR-160 launcher fired M095 submunitions; Uragan 9M27K rockets carried 9N210s.",
            ["lar-160", "m095-dpicm", "uragan", "9m27k", "9n210"],
        ),
        (
            "A chlorine attack was reported and sarin was confirmed; barrel bombs fell.",
            ["chlorine", "sarin", "barrel-bomb"],
        ),
    ],
)
def test_recent_conflict_weapons(nlp, text: str, expected: list[str]) -> None:
    doc = nlp(text)
    assert [w.catalogue_id for w in find_weapons(doc[:])] == expected


def test_person_names_are_not_weapons_but_lone_person_tags_are_ignored(nlp) -> None:
    assert _found(nlp, "Iskander Ahmed, a spokesman, said Fazil Iskander wrote it.") == {}
    assert "GBU-39 bombs" in _found(nlp, "JDAM kits and GBU-39 bombs were used in Gaza.")


def test_works_on_a_doc_and_without_a_parser() -> None:
    import spacy

    doc = spacy.blank("en")("Israeli-made M095 cluster bombs fell.")
    (weapon,) = find_weapons(doc)
    assert (weapon.catalogue_id, weapon.origin_country) == ("m095-dpicm", "IL")


def test_a_weapon_word_naming_a_team_is_no_weapon(nlp) -> None:
    team = _found(nlp, "Members of the bomb squad deactivated a powerful bomb at the park.")
    assert list(team) == ["powerful bomb"]
    seized = _found(nlp, "The army confiscated 105 rifles and 168 grenades.")  # still mentions
    assert len(seized) == 2


def test_a_weapon_word_as_a_finite_verb_is_no_mention_but_a_gerund_stays(nlp) -> None:
    assert _found(nlp, "All they can do is bomb the place and wait.") == {}
    assert "shelling" in _found(nlp, "Azerbaijani shelling hit the village of Berd on Monday.")


def test_snipers_are_people_but_sniper_fire_is_a_weapon(nlp) -> None:
    found = _found(nlp, "Snipers killed two soldiers; later sniper fire hit a bus.")
    assert "Snipers" not in found
    assert _get(found, "sniper fire")[0] == "small-arms"


def test_a_suicide_bomber_carries_a_suicide_bomb_not_an_aircraft(nlp) -> None:
    found = _found(nlp, "Two suicide bombers blew themselves up at the market.")
    assert _get(found, "suicide bombers")[0] == "suicide-bomb"
    assert _get(_found(nlp, "Heavy bombers struck the town."), "bombers")[0] == "airstrike"


@pytest.mark.parametrize(
    ("text", "used"),
    [
        ("Rebels killed a policeman and seized large amounts of rifles and grenades.", []),
        ("Troops found a cache of mortars near the village.", []),
        ("Gunmen armed with rifles killed two farmers.", ["rifles"]),
        ("Rebels fired a number of rockets at the base.", ["rockets"]),
        ("Rebels attacked the radar post, which is protected by missiles and mortars.", []),
        ("Rebels attacked the radar post with missiles and mortars.", ["missiles", "mortars"]),
    ],
)
def test_held_weapons_are_no_instrument(nlp, text: str, used: list[str]) -> None:
    doc = nlp(text)
    assert [
        doc.text[w.start : w.end].split()[-1] for w in find_weapons(doc, held_too=False)
    ] == used
    assert find_weapons(doc)  # every mention is still found for a seizure's own record


def test_a_figurative_time_bomb_is_no_weapon(nlp) -> None:
    assert _found(nlp, "The minister promised to defuse the economic time bomb this year.") == {}
    assert _found(nlp, "A time bomb exploded outside the bank.")
