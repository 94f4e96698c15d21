"""A place and the place written as holding it: "near Chinari, Tavush", "Lusarat village (Ararat,
Armenia)", "Khnatsakh village in Syunik province", "a village of Ararat region".

News copy and ACLED-style notes name a small place together with the division, town or country
that holds it. The resolver reads each name on its own, so a small name may be read abroad (a
namesake village in another country) or not at all (no gazetteer row). For the event location
the written holder settles it: a reading inside the holder stands; otherwise the name is read
again among its namesakes inside the holder (most populous first, as ``resolve.most_populous``);
failing that, the holder itself is the best place the text gives, at its own precision (ACLED
codes an event whose village cannot be found at the next larger place named, geo-precision 2/3:
ACLED Codebook 2019, "Event Geography"; ACCORD's summary of ACLED's precision rules,
https://www.ecoi.net/en/blog/new-extended-issues-of-accords-overviews-on-conflict-events-based-on-acled-data).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Place
from .gazetteer import Candidate
from .index import ensure_gazetteer
from .resolve import lookup_name, most_populous
from .store import ALT, MAIN
from .words import SETTLEMENT_NOUNS

# What may stand between a place and its holder: a settlement noun of the first ("village"),
# then a comma, an opening bracket, "in", "of" or "near" ("X village in Y", "X, Y", "X (Y, Z)",
# "X, near the town of Y": ACLED codes a place known only as near a town at that town).
_NOUNS = "|".join(sorted(SETTLEMENT_NOUNS | {"community", "settlement"}, key=len, reverse=True))
_LINK = rf"(?:,|\(|\s(?:in|of|near)\s+(?:the\s+)?(?:(?:{_NOUNS})\s+of\s+(?:the\s+)?)?)"
_BETWEEN = re.compile(rf"^(?:\s+(?:{_NOUNS})s?)?\s*{_LINK}\s*$", re.IGNORECASE)
# A name the gazetteer does not know may be held by a place a few plain words further on
# ("Pick n Pay head office in Cape Town", "Mougna, near the town of Djenne").
_LOOSE = re.compile(rf"^(?:,?\s+[a-z][\w-]*){{0,3}}\s*{_LINK}\s*$")
# A town holder is trusted on its own when it is a city (100,000 people: the size at which a
# name written as holder is far more often that city than a namesake village).
CITY_MIN_POP = 100_000


def holder(p: Place, places: Sequence[Place], text: str) -> Place | None:
    """The resolved place written right after ``p`` as its holder, if any. (Not the one
    before: "the Benghazi district of Ganfuda" and "the Nork Marash district of Yerevan" hold
    in opposite directions.)"""
    resolved = [q for q in places if q.latitude is not None and q is not p]
    later = [q for q in resolved if q.start >= p.end]
    if later:
        q = min(later, key=lambda q: q.start)
        gap = text[p.end : q.start]
        linked = _BETWEEN.match(gap) or (p.latitude is None and _LOOSE.match(gap))
        # "near" places by a town, not by a country or division ("near the Somalia border").
        if linked and not (re.search(r"\bnear\b", gap) and _level(q) != "other"):
            return q
    return None


def _outside(h: Place, outer: Place | None) -> bool:
    """True when ``h`` is read outside the division or country ``outer`` written as its holder."""
    if outer is None or _level(outer) == "other":
        return False
    if h.country_code != outer.country_code:
        return True
    return _level(outer) == "division" and not _inside(h, outer)


def _is_city(h: Place) -> bool:
    if (h.feature_code or "") == "PPLC":
        return True
    row = ensure_gazetteer().place(h.geonameid) if h.geonameid is not None else None
    return row is not None and row.population >= CITY_MIN_POP


# Settlement nouns that name a division: "Syunik region", "Ararat province".
DIVISION_NOUNS = frozenset({"region", "province", "district", "governorate", "state", "county"})


def _named_division(h: Place, text: str) -> bool:
    following = text[h.end :].split(maxsplit=1)
    return bool(following) and following[0].lower().strip(".,;)") in DIVISION_NOUNS


def _level(h: Place) -> str:
    code = h.feature_code or ""
    if code.startswith("PCL") or code in ("TERR", "CONT"):
        return "country"
    return "division" if code.startswith(("ADM1", "ADM2")) else "other"


def within_holder(
    p: Place, places: Sequence[Place], text: str, context: Sequence[Place] = (), depth: int = 0
) -> Place:
    """``p`` read inside the place the text writes as holding it (see the module doc).
    ``context``: every place of the story, for the check that a town holder is read in a
    country the story names otherwise too."""
    h = _trusted_holder(p, places, text, context)
    if h is None and not _story_reading(p, context):
        h = written_holder(p, text, context)
    if h is None:
        return p
    level = _level(h)
    if p.geonameid is not None and p.geonameid == h.geonameid:
        return p
    # Read in the holder's country: a town listed before another town ("Aleppo, Homs") is no
    # reading error; in another division of that country it is, as abroad.
    same_country = p.country_code == h.country_code or h.country_code is None
    if p.latitude is not None and same_country and (level != "division" or _inside(p, h)):
        return p
    again = _namesake_inside(p, h, level)
    if again is not None or depth >= 2:
        return again or h
    # The holder stands in: read it inside its own holder ("Faculty of Law in El Manar area
    # of Tunis": a name read abroad holding the first).
    return within_holder(h, places, text, context, depth + 1)


def _trusted_holder(
    p: Place, places: Sequence[Place], text: str, context: Sequence[Place]
) -> Place | None:
    """The holder of ``p`` when its own reading can be trusted: a holder that is itself
    written with a larger holder must lie inside it ("Santa Rosa (Capital, La Pampa)": a
    "Capital" department read in another province gives way to La Pampa); a town holder must
    lie in a country the story names with another place too (two small names read in two
    countries, "Villa X (Santa Fe)" read in Spain and Mexico, settle nothing), unless the text
    calls it a division ("X village of Syunik region")."""
    h = holder(p, places, text)
    if h is None:
        return None
    outer = holder(h, places, text)
    if _outside(h, outer):
        return outer
    if _level(h) == "other" and p.latitude is not None and not _named_division(h, text):
        if _is_city(h):
            return h
        others = [q for q in context if q.start not in (p.start, h.start)]
        if not any(q.country_code == h.country_code for q in others):
            return None
    return h


def _inside(p: Place, h: Place) -> bool:
    """True when ``p`` lies in the first-level division of division ``h``."""
    if p.geonameid is None or h.geonameid is None:
        return p.country_code == h.country_code
    gaz = ensure_gazetteer()
    inner, outer = gaz.place(p.geonameid), gaz.place(h.geonameid)
    if inner is None or outer is None:
        return False
    return _in_division(inner, outer)


def _in_division(c: Candidate, division: Candidate) -> bool:
    if c.country_code != division.country_code or not division.admin1:
        return False
    # Second-level codes differ between the gazetteer's sources (GeoNames cities vs divisions),
    # so an ADM2 holder is tested at its first-level division.
    return c.admin1 == division.admin1


def _namesake_inside(p: Place, h: Place, level: str) -> Place | None:
    gaz = ensure_gazetteer()
    outer = gaz.place(h.geonameid) if h.geonameid is not None else None
    cands = lookup_name(gaz, p.name)
    if level == "country" or outer is None:
        inside = [c for c in cands if c.country_code == h.country_code]
    elif level == "division":
        inside = [c for c in cands if _in_division(c, outer)]
    else:  # a town as holder: its first-level division
        inside = [
            c for c in cands if c.country_code == outer.country_code and c.admin1 == outer.admin1
        ]
    towns = [c for c in inside if c.feature_code.startswith("PPL")]
    best = most_populous(towns or inside)
    return None if best is None else at_place(p, best)


def at_place(p: Place, c: Candidate) -> Place:
    """``p`` as written (name, offsets, precision), put at gazetteer place ``c``."""
    return p.model_copy(
        update={
            "latitude": c.latitude,
            "longitude": c.longitude,
            "geonameid": c.geonameid,
            "country_code": c.country_code or p.country_code,
            "feature_code": c.feature_code,
        }
    )


# Words after a name that say it is a settlement: "Ararat city", "Noramarg town".
TOWN_NOUNS = frozenset({"city", "town", "village"})
# Without such a word, a namesake town is taken only when it is a town of some size: villages
# named after their province are common, and "in Lori" more often means the province (10,000:
# a round floor between villages and the towns reports name a province's namesake for).
NAMESAKE_MIN_POP = 10_000


def as_town(p: Place, text: str) -> Place:
    """A division read for a name the text uses for a town: "in Ararat city", or "in Mendoza"
    where the province holds a sizeable town of its name. Written with a division noun
    ("Mendoza province", "Syunik region") it stays the division. The town is the namesake
    inside the division (most populous first)."""
    if p.geonameid is None or not (p.feature_code or "").startswith(("ADM1", "ADM2")):
        return p
    following = text[p.end :].split(maxsplit=1)
    word = following[0].lower().strip(".,;)") if following else ""
    if word in DIVISION_NOUNS:
        return p
    gaz = ensure_gazetteer()
    division = gaz.place(p.geonameid)
    if division is None:
        return p
    floor = 0 if word in TOWN_NOUNS else NAMESAKE_MIN_POP
    towns = [
        c
        for c in lookup_name(gaz, p.name)
        if c.feature_code.startswith("PPL") and c.population >= floor and _in_division(c, division)
    ]
    best = most_populous(towns)
    return p if best is None else at_place(p, best)


# "<name>[ village], Ararat" / "<name> (Idjevan, ...": a capitalised run of one to three words
# written where a holder goes, which the recogniser may have missed (taggers often call a
# province after a comma an ORG or NORP).
_WRITTEN = re.compile(
    rf"^(?:\s+(?:{_NOUNS})s?)?\s*[,(]\s*([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{0,2}})(?=\s*[,.;)]|\s+(?:region|province)\b|$)"
)


def _story_reading(p: Place, context: Sequence[Place]) -> bool:
    """True when ``p`` is read in a country another place of the story is read in."""
    if p.latitude is None:
        return False
    return any(q.country_code == p.country_code for q in context if q.start != p.start)


def written_holder(p: Place, text: str, context: Sequence[Place]) -> Place | None:
    """The holder written right after ``p`` read from the gazetteer here, for a name that is
    unknown or read in a country the story names nowhere else: only readings in a country the
    story's other places are read in count (the text names the holder, the story its country),
    the largest first (a province before its namesake village). Spelling-variant matches are
    not taken: a holder must be a name the gazetteer knows."""
    m = _WRITTEN.match(text[p.end :])
    if m is None:
        return None
    start = p.end + m.start(1)
    # The story's countries: those of its other places, not the holder's own reading.
    countries = {
        q.country_code for q in context if q.country_code and q.start not in (p.start, start)
    }
    cands = [
        c
        for c in ensure_gazetteer().candidates(m.group(1))
        if c.kind in (MAIN, ALT)
        and c.country_code in countries
        and (c.feature_code.startswith(("ADM1", "ADM2", "PPL")))
    ]
    if not cands:
        return None
    best = max(cands, key=lambda c: c.population)
    return Place(
        name=m.group(1),
        start=start,
        end=start + len(m.group(1)),
        latitude=best.latitude,
        longitude=best.longitude,
        geonameid=best.geonameid,
        country_code=best.country_code or None,
        feature_code=best.feature_code,
    )
