"""What the words right around a place name say about its kind of feature.

English writes the kind next to an ambiguous name: "Jackson and Madison counties", "Washington
state", "the state of Georgia", and a newspaper is named for the city it is published in ("The
Washington Post", "the Augusta Herald"). Each cue says which candidates of the name fit; the
resolver adds a bonus to those (``resolve.W_CUE``).
"""

from __future__ import annotations

import re
from enum import Enum


class Cue(Enum):
    COUNTY = "county"  # a second-level division (GeoNames ADM2)
    STATE = "state"  # a first-level division (ADM1)
    CITY = "city"  # a populated place (PPL*)


# "Jackson County", "Barrow, Jackson and Madison counties", "Nassau and Baker counties": the
# name is followed by a list of capitalised names that ends in "counties" (or by "County").
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?"
_COUNTY_AFTER = re.compile(
    rf"^(?:(?:\s*,\s*(?:and|or)\s+|\s*,\s*|\s+(?:and|or)\s+|\s*&\s*){_NAME})*\s+(?:counties|county)\b",
    re.IGNORECASE,
)
# "Washington state", "the Georgia state line"; not "Colorado State University", "Ohio State
# Department of ...", "a New York state of mind".
_STATE_AFTER = re.compile(
    r"^\s+state\b(?!\s+(?:university|college|department|of|park|school|prison|police))",
    re.IGNORECASE,
)
_STATE_BEFORE = re.compile(r"\b(?:state|governor)\s+of\s+$", re.IGNORECASE)
# Offices and bodies that first-level divisions have and towns do not: a governor heads a
# state, province or governorate; each US state has its own National Guard, attorney general
# and legislature (Wikipedia: National Guard (United States); State attorney general; State
# legislature (United States)). "the Georgia National Guard", "Texas Gov. Greg Abbott".
_OFFICE_AFTER = re.compile(
    r"^(?:’s|'s)?\s+(?:National\s+Guard|[Gg]overnor|[Gg]ov\.|[Aa]ttorney\s+[Gg]eneral|"
    r"[Ll]egislature|General\s+Assembly)(?!\w)"
)
# "the Punjab province", "Idlib governorate", "Donetsk oblast": other countries' first level.
_PROVINCE_AFTER = re.compile(r"^\s+(?:province|governorate|oblast|prefecture)\b", re.IGNORECASE)
# "the city of Sao Paulo", "the town of Southold": a populated place, not the state or
# county of the same name.
_CITY_BEFORE = re.compile(r"\b(?:city|town|village)\s+of\s+$", re.IGNORECASE)
# Newspapers named for their city (Wikipedia: List of newspapers in the United States, and of
# the UK): the name's place is the city even where a state or county shares it.
_PAPER_AFTER = re.compile(
    r"^(?:’s|'s)?\s+(?:Post|Times|Herald|Tribune|Journal|Gazette|Daily\s+News|Chronicle|"
    r"Examiner|Inquirer|Courier|Telegraph|Dispatch|Star-Tribune|Star-Ledger|Free\s+Press|"
    r"Sun-Times|Post-Gazette)\b"
)


def cue(text: str, start: int, end: int) -> Cue | None:
    """The kind the words around ``text[start:end]`` give the name, if they give one."""
    after = text[end : end + 80]
    if _COUNTY_AFTER.match(after):
        return Cue.COUNTY
    before = text[max(0, start - 16) : start]
    if (
        _STATE_AFTER.match(after)
        or _PROVINCE_AFTER.match(after)
        or _OFFICE_AFTER.match(after)
        or _STATE_BEFORE.search(before)
    ):
        return Cue.STATE
    if _PAPER_AFTER.match(after) or _CITY_BEFORE.search(before):
        return Cue.CITY
    return None


def fits(code: str, kind: Cue) -> bool:
    """Whether a candidate with GeoNames feature ``code`` is what the cue says the name is."""
    if kind is Cue.COUNTY:
        return code == "ADM2"
    if kind is Cue.STATE:
        return code == "ADM1"
    return code.startswith("PPL")
