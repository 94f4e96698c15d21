"""Models <-> rows: the one place that knows how a Report is laid out in the tables.

Every model field has a column, so ``load_report`` rebuilds exactly the Report that was saved
(tested by a Hypothesis round trip). Offsets ``start``/``end`` become ``start_char``/``end_char``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel

from ..model import (
    Actor,
    Article,
    Background,
    Claim,
    Count,
    DateWindow,
    Incident,
    LegalNote,
    Location,
    Place,
    Quote,
    Relation,
    Span,
    TextSpan,
    Weapon,
)

M = TypeVar("M", bound=BaseModel)
Row = dict[str, Any]
_TO_COLUMN = {"start": "start_char", "end": "end_char"}
_TO_FIELD = {v: k for k, v in _TO_COLUMN.items()}
_NOT_FIELDS = {"id", "incident_id", "article_id", "position"}


def flat_row(model: BaseModel) -> Row:
    """A child record's columns: its fields, with offsets renamed and tuples as JSON lists."""
    out: Row = {}
    for name, value in model.model_dump(mode="python").items():
        out[_TO_COLUMN.get(name, name)] = list(value) if isinstance(value, tuple) else value
    return out


def from_flat(cls: type[M], row: Mapping[str, Any]) -> M:
    fields = {_TO_FIELD.get(k, k): v for k, v in row.items() if k not in _NOT_FIELDS}
    return cls.model_validate(fields)


# --- articles ------------------------------------------------------------------------------------

ARTICLE_FIELDS = ("text", "sha256", "title", "publisher", "author", "published", "url", "language")


def article_row(article: Article) -> Row:
    row: Row = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    row["caller_id"] = article.id
    row["truncated"] = article.truncated
    return row


def article_from(row: Mapping[str, Any]) -> Article:
    fields = {name: row[name] for name in ARTICLE_FIELDS}
    return Article(id=row["caller_id"], truncated=row["truncated"], **fields)


# --- incidents -----------------------------------------------------------------------------------


def _count_row(prefix: str, count: Count) -> Row:
    return {f"{prefix}_{k}": v for k, v in flat_row(count).items()}


def _count_from(prefix: str, row: Mapping[str, Any]) -> Count:
    parts = ("best", "low", "high", "start_char", "end_char")
    return from_flat(Count, {p: row[f"{prefix}_{p}"] for p in parts})


def _location_row(loc: Location | None) -> Row:
    if loc is None:  # every key still present: rows of one executemany must share their keys
        return dict.fromkeys(_location_row(Location(name="")), None)
    return {
        "location_name": loc.name,
        "location_start_char": loc.start,
        "location_end_char": loc.end,
        "latitude": loc.latitude,
        "longitude": loc.longitude,
        "geonameid": loc.geonameid,
        "country_code": loc.country_code,
        "admin1": loc.admin1,
        "geo_precision": loc.precision.value,
        "location_score": loc.score,
    }


def _location_from(row: Mapping[str, Any]) -> Location | None:
    if row["location_name"] is None:
        return None
    return Location(
        name=row["location_name"],
        start=row["location_start_char"],
        end=row["location_end_char"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        geonameid=row["geonameid"],
        country_code=row["country_code"],
        admin1=row["admin1"],
        precision=row["geo_precision"],
        score=row["location_score"],
    )


def summary_of(incident: Incident) -> str:
    """The words that name an incident, for full-text search beyond the article text."""
    words: list[str] = [incident.event_type, incident.sub_event_type, incident.trigger.text]
    if incident.location:
        words += [incident.location.name, incident.location.admin1 or ""]
    words += [a.name for a in incident.actors] + [a.surface or "" for a in incident.actors]
    words += [w.name for w in incident.weapons] + [w.category or "" for w in incident.weapons]
    return " ".join(w for w in words if w)


def incident_row(incident: Incident) -> Row:
    date = incident.date
    evidence = date.evidence
    return {
        "event_type": incident.event_type.value,
        "sub_event_type": incident.sub_event_type.value,
        "trigger_start": incident.trigger.start,
        "trigger_end": incident.trigger.end,
        "trigger_text": incident.trigger.text,
        "date_start": date.start,
        "date_end": date.end,
        "date_precision": date.precision.value,
        "date_evidence_start_char": evidence.start if evidence else None,
        "date_evidence_end_char": evidence.end if evidence else None,
        **_location_row(incident.location),
        **_count_row("fatalities", incident.fatalities),
        **_count_row("injured", incident.injured),
        "confidence": incident.confidence,
        "verification": incident.verification,
        "summary": summary_of(incident),
    }


def date_from(row: Mapping[str, Any]) -> DateWindow:
    evidence = None
    if row["date_evidence_start_char"] is not None:
        evidence = Span(start=row["date_evidence_start_char"], end=row["date_evidence_end_char"])
    return DateWindow(
        start=row["date_start"],
        end=row["date_end"],
        precision=row["date_precision"],
        evidence=evidence,
    )


def incident_from(row: Mapping[str, Any], children: Mapping[str, list[Row]]) -> Incident:
    """Rebuild an incident from its row and its child rows (keyed by child table name)."""
    return Incident(
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        trigger=TextSpan(
            start=row["trigger_start"], end=row["trigger_end"], text=row["trigger_text"]
        ),
        date=date_from(row),
        location=_location_from(row),
        actors=tuple(from_flat(Actor, r) for r in children.get("incident_actors", ())),
        weapons=tuple(from_flat(Weapon, r) for r in children.get("incident_weapons", ())),
        fatalities=_count_from("fatalities", row),
        injured=_count_from("injured", row),
        claims=tuple(from_flat(Claim, r) for r in children.get("incident_claims", ())),
        legal=tuple(from_flat(LegalNote, r) for r in children.get("incident_legal", ())),
        evidence=tuple(from_flat(Span, r) for r in children.get("incident_evidence", ())),
        confidence=row["confidence"],
        verification=row["verification"],
    )


# Child tables of an incident and of an article, with the Incident/Report field each one holds.
INCIDENT_CHILDREN: dict[str, str] = {
    "incident_actors": "actors",
    "incident_weapons": "weapons",
    "incident_claims": "claims",
    "incident_legal": "legal",
    "incident_evidence": "evidence",
}
ARTICLE_CHILDREN: dict[str, tuple[str, type[BaseModel]]] = {
    "quotes": ("quotes", Quote),
    "background": ("background", Background),
    "relations": ("relations", Relation),
    "places": ("places", Place),
}
