"""Resolution with document context: containment, country context, spelling variants."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_geo_gazetteer import build_small
from warwatch.geo.gazetteer import Gazetteer
from warwatch.geo.resolve import resolve_spans


@pytest.fixture(scope="session")
def real_gazetteer() -> Gazetteer:
    """The offline default gazetteer at Settings.gazetteer_path (or $WARWATCH_GAZETTEER), built
    once if missing; the same file geo.geoparse opens, so the slow build happens at most once."""
    from warwatch.geo.index import ensure_gazetteer

    return ensure_gazetteer()


def spans_of(text: str, *names: str) -> list[tuple[int, int]]:
    out = []
    for n in names:
        i = text.index(n)
        out.append((i, i + len(n)))
    return out


@pytest.fixture()
def small(tmp_path: Path) -> Gazetteer:
    return Gazetteer(build_small(tmp_path / "g.sqlite"))


def test_containment_beats_population(small: Gazetteer) -> None:
    text = "Shots were fired in Springfield, Illinois, on Monday."
    [spring, _] = resolve_spans(small, text, spans_of(text, "Springfield", "Illinois"))
    assert spring.candidate is not None and spring.candidate.id == 1  # the smaller one, in IL
    text = "Shots were fired in Springfield on Monday."
    [spring] = resolve_spans(small, text, spans_of(text, "Springfield"))
    assert spring.candidate is not None and spring.candidate.id == 2  # no context: larger one


def test_context_of_other_places(small: Gazetteer) -> None:
    text = "Residents of Springfield and elsewhere in Illinois protested."
    spring, _ = resolve_spans(small, text, spans_of(text, "Springfield", "Illinois"))
    assert spring.candidate is not None and spring.candidate.admin1 == "US.IL"


def test_unknown_name_is_unresolved_not_guessed(small: Gazetteer) -> None:
    text = "They met in Qwzxyville."
    [r] = resolve_spans(small, text, spans_of(text, "Qwzxyville"))
    assert r.candidate is None and r.score == 0.0


def test_scores_are_probabilities(small: Gazetteer) -> None:
    text = "Springfield, Illinois and Springfield and Armenia."
    for r in resolve_spans(small, text, spans_of(text, "Springfield", "Illinois", "Armenia")):
        assert 0.0 <= r.score <= 1.0


@pytest.mark.slow
def test_real_context_resolution(real_gazetteer: Gazetteer) -> None:
    text = "Alexandria, La. - A woman was arrested in Alexandria after a fire in Rapides Parish."
    first = resolve_spans(real_gazetteer, text, spans_of(text, "Alexandria"))[0]
    assert first.candidate is not None and first.candidate.country_code == "US"
    text = "Armenian forces said Terter and other Azerbaijani towns were shelled."
    [terter] = resolve_spans(real_gazetteer, text, spans_of(text, "Terter"))
    assert terter.candidate is not None and terter.candidate.country_code == "AZ"
    text = "Turkey and Syria traded fire near the border."
    turkey, syria = resolve_spans(real_gazetteer, text, spans_of(text, "Turkey", "Syria"))
    assert turkey.candidate is not None and turkey.candidate.feature_code == "PCLI"
    assert syria.candidate is not None and syria.candidate.country_code == "SY"


@pytest.mark.slow
def test_real_containment_in_disputed_region(real_gazetteer: Gazetteer) -> None:
    # Two Martunis: a town in Armenia (larger) and one in Nagorno-Karabakh (GeoNames: Khojavend).
    text = "Shelling hit Martuni, in Nagorno-Karabakh, overnight."
    martuni, karabakh = resolve_spans(
        real_gazetteer, text, spans_of(text, "Martuni", "Nagorno-Karabakh")
    )
    assert karabakh.candidate is not None and karabakh.candidate.country_code == "AZ"
    assert martuni.candidate is not None and martuni.candidate.country_code == "AZ"
    text = "Shelling hit Martuni overnight."
    [alone] = resolve_spans(real_gazetteer, text, spans_of(text, "Martuni"))
    assert alone.candidate is not None and alone.candidate.country_code == "AM"


@pytest.mark.slow
def test_named_countries_word_by_word_matches_folding_each_run(real_gazetteer: Gazetteer) -> None:
    """The word-by-word fold (resolve._word_key) finds what folding every 1-3 word run finds."""
    from collections import Counter

    from warwatch.geo.fold import quick_fold
    from warwatch.geo.resolve import named_countries

    text = ("U.S. and Saudi Arabian officials met Armenians in The Gambia, the Central African "
            "Republic and Côte d'Ivoire; St. Kitts and Nevis said nothing. Turkey's envoy left.")  # fmt: skip
    keys = real_gazetteer.country_keys()
    words = text.replace(";", " ").split()
    words = [w.removesuffix("'s") for w in words if w[:1].isupper()]
    expected = Counter()
    for i in range(len(words)):
        for n in (3, 2, 1):
            cc = keys.get(quick_fold(" ".join(words[i : i + n])))
            if cc:
                expected[cc] += 1
                break
    found = named_countries(real_gazetteer, text)
    assert set(found) == set(expected)
    assert {"US", "SA", "AM", "GM", "CF", "TR"} <= set(found)


@pytest.mark.slow
def test_kind_cues_pick_state_county_or_city(real_gazetteer: Gazetteer) -> None:
    text = "Crews from Washington state helped. The Washington Post said so."
    state, city = resolve_spans(real_gazetteer, text, [(11, 21), (40, 50)])
    assert state.candidate is not None and state.candidate.feature_code == "ADM1"
    assert city.candidate is not None and city.candidate.admin1 == "US.DC"
    text = "School boards in Barrow, Jackson and Madison counties in Georgia voted."
    rs = resolve_spans(real_gazetteer, text, spans_of(text, "Barrow", "Jackson", "Madison"))
    assert all(r.candidate is not None and r.candidate.feature_code == "ADM2" for r in rs)


@pytest.mark.slow
def test_place_inside_a_longer_name_beats_a_spelling_variant(real_gazetteer: Gazetteer) -> None:
    from warwatch.geo.resolve import lookup_name

    found = lookup_name(real_gazetteer, "Colorado State")
    assert found and found[0].admin1 == "US.CO"


def test_variants_of_one_name_do_not_vote_for_each_other() -> None:
    """Two spellings with the same candidates are one name: neither is context for the other."""
    from warwatch.geo.gazetteer import Candidate
    from warwatch.geo.resolve import _Context, _Entry, _reading

    def place(pid: int, cc: str, lat: float, lon: float) -> Candidate:
        return Candidate(pid, "Guma", lat, lon, "PPL", cc, f"{cc}.01", "", 1000, "", 1)

    far, near = place(1, "PH", 7.0, 125.0), place(2, "NG", 7.8, 8.9)
    town = place(3, "NG", 7.7, 8.5)
    cands = (far, near)
    entry = _Entry(
        cands, (0.0, 0.0), tuple((0.0, 0.0, 1.0) for _ in cands), _reading(cands), (0.0, 0.0)
    )
    # Both variants' first-pass answer was the far place; the one other place is in Nigeria.
    ctx = _Context([far, far, town], [entry.reading, entry.reading, _reading((town,))])
    extra_far, extra_near = ctx.rescore(entry)
    assert extra_near > extra_far


@pytest.mark.slow
def test_a_list_of_states_is_a_list_not_a_town_in_a_state(real_gazetteer: Gazetteer) -> None:
    text = "Cases were reported in Utah, Virginia, Washington, Pennsylvania and Wyoming."
    names = ("Utah", "Virginia", "Washington", "Pennsylvania", "Wyoming")
    rs = resolve_spans(real_gazetteer, text, spans_of(text, *names))
    assert [r.candidate.feature_code if r.candidate else None for r in rs] == ["ADM1"] * 5


@pytest.mark.slow
def test_names_that_can_share_a_state_are_read_in_it(real_gazetteer: Gazetteer) -> None:
    """Clark County (largest in Nevada) and Vancouver (largest in Canada) can both be in
    Washington state: each supports the other's reading there."""
    text = "The Clark County sheriff said a man from Vancouver was arrested."
    rs = resolve_spans(real_gazetteer, text, spans_of(text, "Clark County", "Vancouver"))
    assert [r.candidate.admin1 if r.candidate else None for r in rs] == ["US.WA", "US.WA"]


@pytest.mark.slow
def test_city_comma_postal_code_is_contained_in_that_state(real_gazetteer: Gazetteer) -> None:
    for text, admin1 in [("Flooding closed roads in Paris, TX on Monday.", "US.TX"),
                         ("A man from Athens, TN, was charged.", "US.TN")]:  # fmt: skip
        name = text.split(" in ")[-1].split(",")[0] if " in " in text else "Athens"
        [r] = resolve_spans(real_gazetteer, text, spans_of(text, name))
        assert r.candidate is not None and r.candidate.admin1 == admin1, text
    assert real_gazetteer.us_state("NY") is not None
    assert real_gazetteer.us_state("UK") is None


def test_airports_and_natural_areas_rank_by_their_floor_not_zero_people() -> None:
    """An airport or an island carries no population; its floor puts it above a hamlet of the
    same name and below a city, and a desert or river above a small town."""
    from warwatch.geo.gazetteer import Candidate
    from warwatch.geo.resolve import prior

    def place(code: str, pop: int) -> Candidate:
        return Candidate(1, "X", 0.0, 0.0, code, "GB", "", "", pop, "", 0)

    assert prior(place("PPL", 2_000)) < prior(place("AIRP", 0)) < prior(place("PPL", 1_000_000))
    assert prior(place("PPL", 2_000)) < prior(place("ISL", 0)) < prior(place("PPL", 1_000_000))
    for code in ("DSRT", "MTS", "STM", "BAY", "ISLS"):
        assert prior(place(code, 0)) > prior(place("PPL", 100_000)), code


@pytest.mark.slow
def test_a_big_city_keeps_its_name_when_other_names_lie_in_a_namesakes_state(
    real_gazetteer: Gazetteer,
) -> None:
    """Columbus and Ohio answered in Ohio count once (the answer share), not again as support:
    counted twice they made the 9,000-people Louisville, Ohio beat Louisville, Kentucky."""
    text = ("Louisville lost to Mississippi State and North Carolina beat Connecticut. "
            "In COLUMBUS, Ohio, the Ohio team rested.")  # fmt: skip
    names = ("Louisville", "Mississippi", "North Carolina", "Connecticut", "COLUMBUS", "Ohio")
    rs = resolve_spans(real_gazetteer, text, spans_of(text, *names))
    assert rs[0].candidate is not None and rs[0].candidate.admin1 == "US.KY"
    assert rs[4].candidate is not None and rs[4].candidate.admin1 == "US.OH"


@pytest.mark.slow
def test_a_pair_with_a_state_is_a_pair_of_states(real_gazetteer: Gazetteer) -> None:
    text = "Voters in Oregon and Washington approved the measures."
    rs = resolve_spans(real_gazetteer, text, spans_of(text, "Oregon", "Washington"))
    assert [r.candidate.admin1 if r.candidate else None for r in rs] == ["US.OR", "US.WA"]
    assert all(r.candidate and r.candidate.feature_code == "ADM1" for r in rs)
    # A town partner says nothing about kind: Florida stays the state.
    text = "He has lived in Atlanta and Florida, police said."
    _, florida = resolve_spans(real_gazetteer, text, spans_of(text, "Atlanta", "Florida"))
    assert florida.candidate is not None and florida.candidate.feature_code == "ADM1"


def test_a_repeated_name_counts_less_than_its_mentions() -> None:
    """Three mentions of one name in one division do not outvote one name in another three
    to one: k mentions count k**REPEAT_ALPHA."""
    from warwatch.geo.gazetteer import Candidate
    from warwatch.geo.resolve import REPEAT_ALPHA, W_ADMIN1_SHARE, _Context, _Entry, _reading

    def place(pid: int, a1: str, pop: int) -> Candidate:
        return Candidate(pid, "P", 40.0, -74.0, "PPL", "US", a1, "", pop, "", 0)

    big, small = place(1, "US.NJ", 280_000), place(2, "US.CA", 45_000)
    city, state = place(3, "US.CA", 800_000), place(4, "US.NJ", 9_000_000)
    cands = (big, small)
    entry = _Entry(
        cands, (0.0, 0.0), tuple((0.0, 0.0, 1.0) for _ in cands), _reading(cands), (0.0, 0.0)
    )
    picks = [big, city, city, city, state]
    ctx = _Context(picks, [entry.reading] + [_reading((city,))] * 3 + [_reading((state,))])
    extra_big, extra_small = ctx.rescore(entry)
    others = 3**REPEAT_ALPHA + 1
    assert extra_small - extra_big == pytest.approx(W_ADMIN1_SHARE * (3**REPEAT_ALPHA - 1) / others)
    assert extra_small - extra_big < W_ADMIN1_SHARE * (3 - 1) / 4  # less than mention counting


@pytest.mark.slow
def test_the_container_after_a_comma_is_the_reading_that_holds_the_place(
    real_gazetteer: Gazetteer,
) -> None:
    """In "Astoria, New York" the state holds an Astoria; the city of New York is no container."""
    text = "The airline, based in Astoria, New York, starts service."
    astoria, new_york = resolve_spans(real_gazetteer, text, spans_of(text, "Astoria", "New York"))
    assert astoria.candidate is not None and astoria.candidate.admin1 == "US.NY"
    assert new_york.candidate is not None and new_york.candidate.feature_code == "ADM1"


@pytest.mark.slow
def test_a_curated_landmark_beats_a_namesake_town(real_gazetteer: Gazetteer) -> None:
    """Landmarks carry no population; they rank like a region, not like a hamlet of 0 people
    ("White House" is also a Casablanca alternate name and a Tennessee town)."""
    for text, name, code in [("The White House said the talks would go on.", "White House", "US"),
                             ("Officials at the Pentagon said troops would stay.", "Pentagon", "US")]:  # fmt: skip
        [r] = resolve_spans(real_gazetteer, text, spans_of(text, name))
        assert r.candidate is not None and r.candidate.feature_code == "BLDG", text
        assert r.candidate.country_code == code


@pytest.mark.slow
def test_a_former_name_does_not_take_the_place_that_bears_it(real_gazetteer: Gazetteer) -> None:
    """Korolev was called Kaliningrad until 1996 and Moscow Oblast is also "Moscow": two
    alternate-name readings in one division must not prop each other up against the places
    that bear the names."""
    text = "Missiles would be based in Kaliningrad, the Russian enclave, Moscow said."
    kal, _, moscow = resolve_spans(
        real_gazetteer, text, spans_of(text, "Kaliningrad", "Russian", "Moscow")
    )
    assert kal.candidate is not None and kal.candidate.geonameid == 554234  # Kaliningrad
    assert moscow.candidate is not None and moscow.candidate.feature_code == "PPLC"


def test_an_alternate_name_that_another_town_bears_weighs_less() -> None:
    from warwatch.geo.gazetteer import Candidate
    from warwatch.geo.resolve import W_SHADOWED, _shadowed
    from warwatch.geo.store import ALT, MAIN

    def town(pid: int, cc: str, kind: int) -> Candidate:
        return Candidate(pid, "X", 0.0, 0.0, "PPL", cc, "", "", 1000, "", kind)

    cands = (town(1, "RU", MAIN), town(2, "RU", ALT), town(3, "US", ALT))
    assert _shadowed(cands, [5.0, 5.0, 5.0]) == (5.0, 5.0 - W_SHADOWED, 5.0)


def test_a_word_inside_a_longer_name_is_no_small_namesake(real_gazetteer: Gazetteer) -> None:
    from warwatch.geo.resolve import lookup_name

    # "X of Y": the head names the kind, the place is Y.
    assert {c.feature_code for c in lookup_name(real_gazetteer, "Bank of Japan")} == {"PCLI"}
    # A lone ordinary word beside another proper word is part of that name, not a small town.
    for name in ("Brands Hatch", "Federal University of Technology", "Woodman Point"):
        assert lookup_name(real_gazetteer, name) == (), name
    # An institution's words around a town still say it lies there, whatever its size.
    found = lookup_name(real_gazetteer, "Martuni Hospital")
    assert any(c.name == "Martuni" and c.population < 100_000 for c in found)
    # A capitalised acronym is an organisation's, not a place ("MDC", "GMU"), unless it names
    # a country; a shortened word ("No.") is no place.
    assert all(c.population < 100_000 for c in lookup_name(real_gazetteer, "Nenagh MDC"))
    assert [c.country_code for c in lookup_name(real_gazetteer, "US Federal Reserve")][:1] == ["US"]
    assert lookup_name(real_gazetteer, "No. 2 Detention Centre") == ()
    # A name ending a sentence keeps its full stop and is still the place.
    assert any(c.feature_code == "ADM1" for c in lookup_name(real_gazetteer, "Idaho. Mr. Carlsen"))


def test_a_famous_city_keeps_its_name_in_a_story_from_a_namesakes_country(
    real_gazetteer: Gazetteer,
) -> None:
    text = (
        "WASHINGTON - Officials in Washington and New York said the United States would "
        "send envoys to London next week."
    )
    names = ("Washington", "New York", "United States", "London")
    london = resolve_spans(real_gazetteer, text, spans_of(text, *names))[-1]
    assert london.candidate is not None and london.candidate.country_code == "GB"
    # With towns around it in its own state, the small namesake is meant.
    text = "The fire spread from London to Mount Sterling and West Jefferson in Madison County."
    names = ("London", "Mount Sterling", "West Jefferson", "Madison County")
    london = resolve_spans(real_gazetteer, text, spans_of(text, *names))[0]
    assert london.candidate is not None and london.candidate.admin1 == "US.OH"


def test_a_lone_demonym_of_a_region_is_that_region_not_a_namesake_town(
    real_gazetteer: Gazetteer,
) -> None:
    text = "Washington officials met Arab leaders in Tunis."
    arab = resolve_spans(real_gazetteer, text, spans_of(text, "Washington", "Arab", "Tunis"))[1]
    assert arab.candidate is not None and arab.candidate.feature_code == "RGN"


def test_a_division_named_like_its_big_city_is_the_city_unless_its_towns_are_named(
    real_gazetteer: Gazetteer,
) -> None:
    text = "The crown prince met investors in London and New York this week."
    ny = resolve_spans(real_gazetteer, text, spans_of(text, "London", "New York"))[-1]
    assert ny.candidate is not None and ny.candidate.feature_code.startswith("PPL")
    text = "Snow closed roads in Albany, Rochester and Syracuse across New York on Monday."
    names = ("Albany", "Rochester", "Syracuse", "New York")
    ny = resolve_spans(real_gazetteer, text, spans_of(text, *names))[-1]
    assert ny.candidate is not None and ny.candidate.feature_code == "ADM1"


def test_a_namesake_known_in_more_languages_wins_without_local_evidence() -> None:
    """Two same-sized towns: the one with more alternate names (GeoNames) is the one meant,
    unless the story has an answer near the other or names the other's country."""
    from collections import Counter

    from warwatch.geo.gazetteer import Candidate
    from warwatch.geo.geodesy import rad_point
    from warwatch.geo.resolve import W_FAME, _Context, _Entry, _fame_gaps, _reading

    def town(pid: int, cc: str, lat: float, lon: float, n_names: int) -> Candidate:
        return Candidate(pid, "Venice", lat, lon, "PPL", cc, f"{cc}.01", "", 50_000, "", 0,
                         n_names)  # fmt: skip

    famous, local = town(1, "IT", 45.44, 12.33, 66), town(2, "US", 27.1, -82.45, 11)
    cands = (famous, local)
    gaps = _fame_gaps(cands)
    assert gaps[0] == 0.0 and gaps[1] > 0.7  # log10(67/12)
    entry = _Entry(cands, (4.7, 4.7), tuple(rad_point(c.latitude, c.longitude) for c in cands),
                   _reading(cands), gaps)  # fmt: skip
    elsewhere = Candidate(3, "Nairobi", -1.29, 36.82, "PPLC", "KE", "KE.05", "", 4_000_000, "", 0)
    ctx = _Context([elsewhere], [_reading((elsewhere,))])
    s_famous, s_local = ctx.rescore(entry)
    assert s_famous > s_local
    # An answer a few km from the Florida town is local evidence: no fame penalty there.
    nearby = Candidate(4, "Nokomis", 27.12, -82.44, "PPL", "US", "US.01", "", 3_000, "", 0)
    ctx = _Context([nearby], [_reading((nearby,))])
    s_famous, s_local = ctx.rescore(entry)
    assert s_local > s_famous
    # Naming the town's country takes the penalty away too.
    unnamed = _Context([elsewhere], [_reading((elsewhere,))]).rescore(entry)[1]
    named = _Context([elsewhere], [_reading((elsewhere,))], Counter({"US": 1})).rescore(entry)[1]
    assert named - unnamed == pytest.approx(W_FAME * gaps[1])
