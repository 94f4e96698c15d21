"""ACLED "Other" strategic developments, broken ceasefires, livestock killed by fire, and
demonstrations told as closures or gatherings (ACLED Codebook 2023); sentences written for these
tests (none comes from a gold file)."""

from __future__ import annotations

import pytest

from assembly import first_type

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("no_gazetteer")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Other": coups, heads of government resigning, ministers dismissed, treaties repealed,
        # civilians displaced, mass graves found.
        ("The army seized power in a coup on Tuesday and detained the president.", "Other"),
        ("The president was ousted in a military coup on Wednesday.", "Other"),
        ("After ten days of mass protests, the prime minister stepped down.", "Other"),
        ("On Friday the president signed decrees dismissing all ministers of the party.", "Other"),
        ("The government repealed the 2009 protocols with the neighbouring country.", "Other"),
        ("Thousands of civilians have fled the town after heavy fighting, the UN said.", "Other"),
        ("Investigators discovered a mass grave containing 40 bodies near the village.", "Other"),
        # ... only as the event told: a grievance, an effect, a modifier or a minister are not.
        (
            "Protesters demanded the resignation of the prime minister in the capital on Monday.",
            "Peaceful protest",
        ),
        (
            "Tens of thousands of opponents of the military coup gathered in towns on Sunday.",
            "Peaceful protest",
        ),
        (
            "Government forces captured five villages from the rebels, forcing thousands to flee.",
            "Government regains territory",
        ),
        (
            "Thousands fled as rebels shelled the town with artillery.",
            "Shelling/artillery/missile attack",
        ),
        ("Police arrested three coup plotters in the capital.", "Arrests"),
        ("Gunmen killed two guards at the bank and fled the scene.", "Attack"),
        ("The finance minister resigned over a corruption scandal.", None),
        ("Floods displaced thousands of families in the region.", None),
        ("Thousands of residents fled the wildfires in the region on Sunday.", None),
        ("The president of the football federation resigned on Monday.", None),
        ("The president of the republic resigned on Monday after weeks of protests.", "Other"),
        # A ceasefire broken is fighting, not an agreement; "amid violations" sets the scene.
        (
            "The Turkish military violated the ceasefire and wounded a soldier of the Greek army.",
            "Armed clash",
        ),
        (
            "The rebel forces broke the truce and opened fire on the village of Karta.",
            "Armed clash",
        ),
        ("The minister called for sanctions amid ceasefire violations in the east.", None),
        # Animals killed by fire, nobody hurt: property destroyed.
        (
            "Soldiers fired at the village, killing three cows of a farmer. The farmer was unharmed.",
            "Looting/property destruction",
        ),
        ("Gunmen shot dead a farmer and his cattle near the village.", "Attack"),
        # Civilians closing a building with demands, or gathering next to one, are protesting.
        (
            "Workers of the water company closed the town hall and demanded their unpaid wages.",
            "Peaceful protest",
        ),
        (
            "Farmers gathered next to the regional administration with the demand to cut taxes.",
            "Peaceful protest",
        ),
        (
            "Police closed the checkpoint after the floods and demanded that drivers turn back.",
            None,
        ),
        # The grievance of a peaceful protest is not what happened at it.
        (
            "Women marched in the capital to draw attention to domestic violence after a murder.",
            "Peaceful protest",
        ),
        (
            "Activists held a protest in front of the ministry against the use of the mine in Tarsk.",
            "Peaceful protest",
        ),
        (
            "About 100 people protested against the death of a man who died in police detention.",
            "Peaceful protest",
        ),
        # An arrest for a crime told after a protest is its grievance's background; protesters
        # arrested for blocking a road met an intervention.
        (
            "Dozens of people protested against the arrest of three men in the region. They were"
            " arrested for keeping drugs.",
            "Peaceful protest",
        ),
        (
            "Hundreds of people protested outside parliament. Police arrested ten of them for"
            " blocking the road.",
            "Protest with intervention",
        ),
        # What protesters' jailed comrades were convicted of is not the event.
        (
            "Supporters of the jailed members, who were convicted due to seizing a police station,"
            " organized a protest in front of the court.",
            "Peaceful protest",
        ),
    ],
)
def test_developments(nlp, text: str, expected: str | None) -> None:
    assert first_type(nlp, text) == expected
