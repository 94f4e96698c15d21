"""Typing rules from the ACLED Codebook (2023) definitions: ground taken by share, cleared of an
armed group or a position dismantled; takeovers with no fight; prisoner releases; raids with no
harm; abductions by non-state agents; duds, additions and antecedents; storming by armed
groups; herder clashes. Sentences written for these tests (none comes from a gold file)."""

from __future__ import annotations

import pytest

from assembly import first_type

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("no_gazetteer")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Territory: a share of a place, ground cleared of an armed group, a position dismantled.
        (
            "The national army is reported to have taken most of the old village at Qarta.",
            "Government regains territory",
        ),
        ("The army cleared the town of militants on Sunday.", "Government regains territory"),
        ("Sappers cleared the road of mines near the village.", "Disrupted weapons use"),
        ("Workers cleared the road after the storm.", None),
        (
            "Army soldiers dismantled a rebel position in the hills. They also captured arms and"
            " freed six hostages.",
            "Government regains territory",
        ),
        ("Police dismantled a bomb near the market.", "Disrupted weapons use"),
        # Control taken with no fight told: a non-violent transfer; a capture from someone is not.
        (
            "A rebel group announced taking control of several areas south of the city.",
            "Non-violent transfer of territory",
        ),
        (
            "Rebel fighters retook the town from government forces on Thursday.",
            "Non-state actor overtakes territory",
        ),
        # A person let out of detention is a prisoner release; "released a video" is nothing.
        (
            "Authorities released the former minister's son after he served half of his sentence.",
            "Agreement",
        ),
        ("The rebel group released a video on Monday.", None),
        # A police raid with no one hurt is a security measure, not an attack.
        (
            "Police raided the office of an independent newspaper and closed it down.",
            "Change to group/activity",
        ),
        ("Soldiers raided the village and beat several residents.", "Attack"),
        # Seized by non-state agents: an abduction; by border guards: an arrest.
        ("Twelve traders were detained near the border by border guards.", "Arrests"),
        # A device that did not explode made no explosion; the shootout is the event.
        (
            "Police were in a shootout with armed men near the market. The suspects threw a hand"
            " grenade at police but it did not explode.",
            "Armed clash",
        ),
        # "This followed air strikes": the strikes are the antecedent, the capture the event.
        (
            "An army commander reported that the army took full control of the district. This"
            " followed air strikes in the area.",
            "Government regains territory",
        ),
        # Property burned beside a killing: the killing is the event.
        ("Militants burned houses and killed five villagers in the village.", "Attack"),
        ("Militants burned houses in the village on Monday.", "Looting/property destruction"),
        # Armed men storming a house is their attack; a crowd storming parliament is a riot.
        ("Four militants stormed the policeman's home and killed him.", "Attack"),
        ("Hundreds of protesters stormed the parliament building.", "Violent demonstration"),
        # Displacement by force is "Other"; clashes that date it are not the event.
        (
            "The day after clashes between rioters and police, security forces used bulldozers to"
            " displace residents of the slum.",
            "Other",
        ),
        # Herders are a communal militia: their clash with farmers is a battle.
        ("Twenty people died when herdsmen clashed with farmers near the village.", "Armed clash"),
        (
            "Villagers clashed with residents of a neighbouring village over land.",
            "Mob violence",
        ),
    ],
)
def test_rules(nlp, text: str, expected: str | None) -> None:
    assert first_type(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A mass grave told as the subject of the sentence; a mass expulsion (displacement).
        (
            "The mass graves contain the bodies of hundreds of soldiers killed by the militants.",
            "Other",
        ),
        (
            "The government began a mass expulsion operation, removing foreign nationals.",
            "Other",
        ),
        # People taken in raids are arrested.
        (
            "Soldiers have taken dozens of villagers in a series of raids across the region.",
            "Arrests",
        ),
        # A deserted place taken met no one; fighting told with a takeover makes it a battle.
        (
            "Activists said the militants seized a deserted rocket-launching site near a base.",
            "Non-violent transfer of territory",
        ),
        (
            "Militants gained control of the base after days of heavy fighting.",
            "Non-state actor overtakes territory",
        ),
        # A withdrawal agreed to has not happened: the agreement is the event.
        (
            "The rebel forces had agreed to move out of the regions after the government agreed"
            " to a ceasefire.",
            "Agreement",
        ),
        # Explosives set off by accident by those carrying them: Disrupted weapons use.
        (
            "Two militants on Wednesday accidentally detonated their explosive devices.",
            "Disrupted weapons use",
        ),
    ],
)
def test_more_rules(nlp, text: str, expected: str | None) -> None:
    assert first_type(nlp, text) == expected


def test_party_cadres_smashing_windows_are_a_mob(nlp) -> None:
    # A party's rank and file destroying property is a riot even where the party is known as a
    # militia; the members of an armed group are that group.
    assert first_type(
        nlp, "ZANU-PF cadres smashed the windows of opposition campaign vehicles."
    ) == ("Mob violence")
    assert first_type(nlp, "Al-Shabaab members destroyed a church in the village.") == (
        "Looting/property destruction"
    )


def test_an_attack_aimed_at_civilians_is_no_battle(nlp) -> None:
    # Party members armed with sticks attacking rivals and the media attack civilians; the same
    # attackers hitting a police checkpoint fight a battle.
    text = (
        "A group of men armed with pangas and believed to be members of the ruling party"
        " attacked opposition members and the media at the hostel."
    )
    assert first_type(nlp, text) != "Armed clash"
    assert first_type(nlp, "Gunmen attacked a police checkpoint, killing two officers.") == (
        "Armed clash"
    )
