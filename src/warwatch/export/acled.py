"""One incident as an ACLED-style CSV row: ACLED's column names where ACLED has the field.

Column names and code lists: ACLED codebook as shipped in dtacled/acledR (the variable list read
by eval from ../shared/gold/acled_codebook_acledR.csv) and ACLED's Codebook (2023) for
disorder_type, civilian_targeting and tags, which that list predates. Columns we have nothing for
stay empty rather than guessed (inter codes only for actor names that state their type; region,
admin2/3 and source_scale need data we do not keep).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pycountry

from ..model import Article, DatePrecision, EventType, GeoPrecision, Incident

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
EXTRA_COLUMNS = (
    "date_start",
    "date_end",
    "date_precision",
    "weapons",
    "injured",
    "confidence",
    "article_sha256",
    "url",
)
CSV_COLUMNS = ACLED_COLUMNS + EXTRA_COLUMNS

# time_precision, acledR codebook: "1 = Actual date; 2 = Specific week or weekend; 3 = ..." and
# ACLED Codebook 2023 s.2: 3 = only the month is known. A window of a few days or a week is 2;
# a month or a year is 3 (ACLED has nothing coarser). Unknown dates get no code.
TIME_PRECISION = {
    DatePrecision.DAY: "1",
    DatePrecision.DAYS: "2",
    DatePrecision.WEEK: "2",
    DatePrecision.MONTH: "3",
    DatePrecision.YEAR: "3",
}
# geo_precision, acledR codebook: "1 = Particular town; 2 = Small part of regions/general area or
# near a town; 3 = Larger portion of region". An exact point or a town is 1; an admin region is
# 3, and so is a whole country (ACLED codes country-level reports at 3 on the capital/centroid).
GEO_PRECISION = {
    GeoPrecision.EXACT: "1",
    GeoPrecision.TOWN: "1",
    GeoPrecision.REGION: "3",
    GeoPrecision.COUNTRY: "3",
}
# disorder_type follows from event_type (ACLED Codebook 2023, "Disorder type").
DISORDER_TYPE = {
    EventType.BATTLES: "Political violence",
    EventType.EXPLOSIONS: "Political violence",
    EventType.VAC: "Political violence",
    EventType.PROTESTS: "Demonstrations",
    EventType.RIOTS: "Demonstrations",
    EventType.STRATEGIC: "Strategic developments",
}
NOTES_CHARS = 500  # ACLED notes are a sentence or two; a whole paragraph is not a note


def incident_key(sha256: str, index: int) -> str:
    """A stable id for the ``index``-th incident of an article: the same in every export format."""
    return f"{sha256[:16]}-{index + 1}"


@cache
def _country(alpha2: str) -> tuple[str, str]:
    """(ISO numeric without leading zeros, as ACLED writes it; common name) or blanks."""
    found = pycountry.countries.get(alpha_2=alpha2.upper())
    if found is None:
        return "", ""
    return str(int(found.numeric)), getattr(found, "common_name", None) or found.name


def _num(value: float | int | None) -> str:
    return "" if value is None else str(value)


def notes_of(article: Article, incident: Incident) -> str:
    """The first evidence passage (the words the incident was read from), else the trigger."""
    text = article.text
    for span in incident.evidence:
        if 0 <= span.start < span.end <= len(text):
            return " ".join(text[span.start : span.end].split())[:NOTES_CHARS]
    return incident.trigger.text


# inter codes (acledR codebook, inter1: "1 = State Forces; ... 7 = Civilians") for the actor
# names that say their type by ACLED's own naming convention ("Military Forces of Azerbaijan
# (2018-)", "Police Forces of ...", "Civilians (Azerbaijan)"). Other names get no code: the type
# of a rebel group or militia is not in its name.
_INTER_PREFIXES = (("Military Forces of ", "1"), ("Police Forces of ", "1"), ("Civilians", "7"))


def inter_code(name: str) -> str:
    return next((code for prefix, code in _INTER_PREFIXES if name.startswith(prefix)), "")


def interaction_code(inter1: str, inter2: str) -> str:
    """acledR codebook, interaction: the two inter codes, lower first ("17 = Military versus
    Civilians"); one side alone is "<inter>0" ("10 = Sole Military Action")."""
    if not inter1:
        return ""
    if not inter2:
        return f"{inter1}0"
    return "".join(sorted((inter1, inter2)))


def _actor_columns(incident: Incident) -> dict[str, str]:
    # ACLED's actor1/actor2 are the two sides (no direction); we put the first perpetrator or
    # participant on side 1 and the first target or victim on side 2, others as associated.
    side1 = [a.name for a in incident.actors if a.role in ("perpetrator", "participant")]
    side2 = [a.name for a in incident.actors if a.role in ("target", "victim")]
    actor1, actor2 = (side1[0] if side1 else ""), (side2[0] if side2 else "")
    inter1, inter2 = inter_code(actor1), inter_code(actor2)
    both_known = bool(inter1) and (bool(inter2) or not actor2)
    civilians = any(inter_code(name) == "7" for name in side2)
    return {
        "actor1": actor1,
        "assoc_actor_1": "; ".join(dict.fromkeys(side1[1:])),
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": "; ".join(dict.fromkeys(side2[1:])),
        "inter2": inter2,
        "interaction": interaction_code(inter1, inter2) if both_known else "",
        # ACLED Codebook 2023: "Civilian targeting" marks events where civilians are the target
        "civilian_targeting": "Civilian targeting" if civilians else "",
    }


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def acled_row(article: Article, index: int, incident: Incident) -> dict[str, str]:
    """The CSV row of the ``index``-th incident of ``article`` (every CSV_COLUMNS column, as text)."""
    loc = incident.location
    day = incident.date.start or incident.date.end
    iso, country = _country(loc.country_code) if loc and loc.country_code else ("", "")
    row = dict.fromkeys(CSV_COLUMNS, "")
    row.update(_actor_columns(incident))
    row.update(
        event_id_cnty=incident_key(article.sha256, index),
        event_date=_date(day),  # ISO 8601, as ACLED's API returns it
        year=str(day.year) if day else "",
        time_precision=TIME_PRECISION.get(incident.date.precision, "") if day else "",
        disorder_type=DISORDER_TYPE[incident.event_type],
        event_type=incident.event_type.value,
        sub_event_type=incident.sub_event_type.value,
        iso=iso,
        country=country,
        admin1=(loc.admin1 or "") if loc else "",
        location=loc.name if loc else "",
        latitude=_num(loc.latitude) if loc else "",
        longitude=_num(loc.longitude) if loc else "",
        geo_precision=GEO_PRECISION.get(loc.precision, "") if loc else "",
        source=article.publisher or "",
        notes=notes_of(article, incident),
        fatalities=_num(incident.fatalities.best),  # empty: not reported (ACLED would write 0)
        date_start=_date(incident.date.start),
        date_end=_date(incident.date.end),
        date_precision=incident.date.precision.value,
        weapons="; ".join(dict.fromkeys(w.name for w in incident.weapons)),
        injured=_num(incident.injured.best),
        confidence=_num(incident.confidence),
        article_sha256=article.sha256,
        url=article.url or "",
    )
    return row
