"""Which law governs what: treaty provisions per weapon category, and the customary rules in play.

Treaty provisions are cited by article from each instrument's text. Customary rules are those of
the ICRC Customary IHL Study (Henckaerts and Doswald-Beck, 2005), cited by rule number; each
number below was checked against the ICRC IHL Databases page for the rule
(https://ihl-databases.icrc.org/customary-ihl/eng/docs/v1_rul_rule<N>).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Provision:
    treaty: str  # key in treaties.load_treaties()
    article: str
    what: str
    condition: str = ""  # when the provision applies only to some members of the category


_MINES_APII = Provision(
    "ccw-amended-protocol-ii", "art. 3", "restricts the use of mines, booby-traps and other devices"
)
_MINES_PII = Provision(
    "ccw-protocol-ii", "art. 3", "restricts the use of mines, booby-traps and other devices (1980)"
)
_INCENDIARY = Provision(
    "ccw-protocol-iii",
    "art. 2",
    "prohibits making civilians the object of attack by incendiary weapons and air-delivered "
    "incendiary attacks on military objectives within concentrations of civilians",
)

# Weapon category (as in data/weapons.csv) -> the treaty provisions that govern its use.
TREATY_PROVISIONS: dict[str, tuple[Provision, ...]] = {
    "cluster munition": (
        Provision(
            "cluster-munitions",
            "art. 1(1)(a)",
            "never under any circumstances use cluster munitions",
        ),
    ),
    "incendiary weapon": (_INCENDIARY,),
    "white phosphorus munition": (
        Provision(
            _INCENDIARY.treaty,
            _INCENDIARY.article,
            _INCENDIARY.what,
            "whether white phosphorus munitions are incendiary weapons under Protocol III is "
            "disputed: art. 1(1)(b)(i) excludes munitions with incidental incendiary effects, "
            "such as smoke",
        ),
    ),
    "anti-personnel mine": (
        Provision(
            "mine-ban", "art. 1(1)(a)", "never under any circumstances use anti-personnel mines"
        ),
        _MINES_APII,
        _MINES_PII,
    ),
    "anti-vehicle mine": (_MINES_APII, _MINES_PII),
    "mine (type unspecified)": (
        Provision(
            "mine-ban",
            "art. 1(1)(a)",
            "never under any circumstances use anti-personnel mines",
            "applies only if the mines were anti-personnel mines (art. 2(1))",
        ),
        _MINES_APII,
    ),
    "improvised explosive device": (
        _MINES_APII,
        Provision(
            "mine-ban",
            "art. 1(1)(a)",
            "never under any circumstances use anti-personnel mines",
            "applies only if the device was victim-activated (an anti-personnel mine, art. 2(1))",
        ),
    ),
    "chemical weapon": (
        Provision("cwc", "art. I(1)(b)", "never under any circumstances use chemical weapons"),
    ),
    "biological weapon": (
        Provision(
            "bwc",
            "art. I",
            "never develop, produce, stockpile, acquire or retain biological weapons",
        ),
    ),
    "nuclear weapon": (
        Provision("tpnw", "art. 1(1)(d)", "never under any circumstances use nuclear weapons"),
    ),
    "blinding laser weapon": (
        Provision(
            "ccw-protocol-iv",
            "art. 1",
            "prohibits laser weapons designed to cause permanent blindness",
        ),
    ),
}


@dataclass(frozen=True)
class CustomaryRule:
    numbers: tuple[int, ...]
    title: str

    @property
    def instrument(self) -> str:
        label = "Rule" if len(self.numbers) == 1 else "Rules"
        return f"Customary IHL {label} {', '.join(map(str, self.numbers))}: {self.title}"

    @property
    def source(self) -> str:
        urls = "; ".join(
            f"https://ihl-databases.icrc.org/customary-ihl/eng/docs/v1_rul_rule{n}"
            for n in self.numbers
        )
        return f"ICRC Customary IHL Study (2005), {urls}"


DISTINCTION = CustomaryRule(
    (1, 7), "distinction between civilians and combatants, civilian objects and military objectives"
)
INDISCRIMINATE = CustomaryRule((11, 12), "indiscriminate attacks are prohibited")
PROPORTIONALITY = CustomaryRule((14, 15), "proportionality and precautions in attack")
INDISCRIMINATE_WEAPONS = CustomaryRule(
    (71,), "weapons that are by nature indiscriminate are prohibited"
)
MEDICAL = CustomaryRule((28,), "medical units must be respected and protected")
CULTURAL = CustomaryRule(
    (38,),
    "special care to avoid damage to buildings dedicated to religion, art, science, education or charity, and historic monuments",
)

# Weapon category -> the customary rule specific to it (beyond the general rules above).
CATEGORY_RULES: dict[str, tuple[CustomaryRule, ...]] = {
    "cluster munition": (INDISCRIMINATE_WEAPONS,),
    "chemical weapon": (CustomaryRule((74,), "the use of chemical weapons is prohibited"),),
    "biological weapon": (CustomaryRule((73,), "the use of biological weapons is prohibited"),),
    "incendiary weapon": (
        CustomaryRule(
            (84, 85), "incendiary weapons: particular care for civilians; use against combatants"
        ),
    ),
    "white phosphorus munition": (
        CustomaryRule(
            (84, 85), "incendiary weapons: particular care for civilians; use against combatants"
        ),
    ),
    "anti-personnel mine": (
        CustomaryRule((81, 82, 83), "landmines: particular care, recording, removal"),
    ),
    "anti-vehicle mine": (
        CustomaryRule((81, 82, 83), "landmines: particular care, recording, removal"),
    ),
    "mine (type unspecified)": (
        CustomaryRule((81, 82, 83), "landmines: particular care, recording, removal"),
    ),
    "improvised explosive device": (CustomaryRule((80,), "booby-traps"),),
    "blinding laser weapon": (CustomaryRule((86,), "blinding laser weapons are prohibited"),),
}
# Categories whose wide-area effects make the ban on indiscriminate attacks the live question
# in populated areas (ICRC, "Explosive weapons with wide area effects", 2022).
WIDE_AREA = frozenset(
    {
        "cluster munition",
        "explosive weapon with wide-area effects",
        "incendiary weapon",
        "white phosphorus munition",
    }
)
# Protected objects named in a text -> the rule that protects them (ICRC Study; schools and places
# of worship are "buildings dedicated to ... education / religion" in Rule 38).
PROTECTED_OBJECTS: dict[str, CustomaryRule] = {
    **dict.fromkeys(
        ("hospital", "hospitals", "clinic", "clinics", "ambulance", "ambulances"),
        MEDICAL,
    ),
    **dict.fromkeys(
        (
            "school",
            "schools",
            "kindergarten",
            "university",
            "mosque",
            "mosques",
            "church",
            "churches",
            "cathedral",
            "synagogue",
            "temple",
            "monastery",
            "museum",
            "monument",
            "heritage",
        ),
        CULTURAL,
    ),
}
# Words showing a populated area (ICRC's "populated areas": cities, towns, villages, residential).
POPULATED = frozenset(
    [
        "residential",
        "city",
        "cities",
        "town",
        "towns",
        "village",
        "villages",
        "neighbourhood",
        "neighborhood",
        "district",
        "market",
        "homes",
        "houses",
        "apartment",
        "apartments",
        "civilians",
        "populated",
        "downtown",
        "suburb",
    ]
)
