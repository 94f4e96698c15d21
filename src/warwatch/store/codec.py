"""Models <-> rows: the one place that knows how a Report is laid out in the tables.

Every model field has a column, so ``load_report`` rebuilds exactly the Report that was saved
(tested by a Hypothesis round trip). Offsets ``start``/``end`` become ``start_char``/``end_char``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

import sqlalchemy as sa
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
    Source,
    Span,
    TextSpan,
    Weapon,
)

M = TypeVar("M", bound=BaseModel)
Row = dict[str, Any]
_TO_COLUMN = {"start": "start_char", "end": "end_char"}
_TO_FIELD = {v: k for k, v in _TO_COLUMN.items()}
_NOT_FIELDS = {"id", "incident_id", "article_id", "position"}


def flat_row(model: BaseModel, table: sa.Table) -> Row:
    """A child record's columns: its fields, with offsets renamed and tuples as JSON lists.
    Fields the table has no column for (added to the model later) go to ``extra`` as JSON."""
    out: Row = {}
    unknown: list[str] = []
    for name, value in model.model_dump(mode="python").items():
        column = _TO_COLUMN.get(name, name)
        if column in table.c:
            out[column] = list(value) if isinstance(value, tuple) else value
        else:
            unknown.append(name)
    out["extra"] = model.model_dump(mode="json", include=set(unknown)) if unknown else None
    return out


def from_flat(cls: type[M], row: Mapping[str, Any]) -> M:
    fields = {_TO_FIELD.get(k, k): v for k, v in row.items() if k not in _NOT_FIELDS}
    fields.update(fields.pop("extra", None) or {})
    return cls.model_validate(fields)


# --- articles ------------------------------------------------------------------------------------

ARTICLE_FIELDS = ("text", "sha256", "title", "publisher", "author", "published", "url", "language")


def _article_columns(article: Article) -> Row:
    row: Row = {name: getattr(article, name) for name in ARTICLE_FIELDS}
    row["caller_id"] = article.id
    row["truncated"] = article.truncated
    return row


def _article_from_columns(row: Mapping[str, Any]) -> Article:
    fields = {name: row[name] for name in ARTICLE_FIELDS}
    return Article(id=row["caller_id"], truncated=row["truncated"], **fields)


def article_row(article: Article) -> Row:
    row = _article_columns(article)
    # A field the columns cannot hold (added to the model later): keep the whole record as JSON.
    exact = _article_from_columns(row) == article
    row["extra"] = None if exact else article.model_dump(mode="json")
    return row


def article_from(row: Mapping[str, Any]) -> Article:
    if row.get("extra"):
        return Article.model_validate(row["extra"])
    return _article_from_columns(row)


# --- incidents -----------------------------------------------------------------------------------


def _count_row(prefix: str, count: Count) -> Row:
    parts = {"best": count.best, "low": count.low, "high": count.high}
    parts |= {"start_char": count.start, "end_char": count.end}
    return {f"{prefix}_{k}": v for k, v in parts.items()}


def _count_from(prefix: str, row: Mapping[str, Any]) -> Count:
    return Count(
        best=row[f"{prefix}_best"],
        low=row[f"{prefix}_low"],
        high=row[f"{prefix}_high"],
        start=row[f"{prefix}_start_char"],
        end=row[f"{prefix}_end_char"],
    )


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


def _incident_columns(incident: Incident) -> Row:
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
        "review": incident.review,
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


def _incident_from_columns(row: Mapping[str, Any]) -> Incident:
    """The incident's own fields (no child records) from its row."""
    return Incident(
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        trigger=TextSpan(
            start=row["trigger_start"], end=row["trigger_end"], text=row["trigger_text"]
        ),
        date=date_from(row),
        location=_location_from(row),
        fatalities=_count_from("fatalities", row),
        injured=_count_from("injured", row),
        confidence=row["confidence"],
        verification=row["verification"],
        review=row["review"],
    )


def incident_row(incident: Incident) -> Row:
    row = _incident_columns(incident)
    own = incident.model_copy(update=dict.fromkeys(INCIDENT_CHILDREN.values(), ()))
    # A field the columns cannot hold (added to the model later): keep the incident's own fields
    # as JSON so the load is still exact.
    exact = _incident_from_columns(row) == own
    children = set(INCIDENT_CHILDREN.values())
    row["extra"] = None if exact else incident.model_dump(mode="json", exclude=children)
    return row


def incident_from(row: Mapping[str, Any], children: Mapping[str, list[Row]]) -> Incident:
    """Rebuild an incident from its row and its child rows (keyed by child table name)."""
    extra = row.get("extra")
    own = Incident.model_validate(extra) if extra else _incident_from_columns(row)
    update: dict[str, Any] = {
        field: tuple(from_flat(INCIDENT_CHILD_MODELS[table], r) for r in children.get(table, ()))
        for table, field in INCIDENT_CHILDREN.items()
    }
    return own.model_copy(update=update)


# Child tables of an incident and of an article, with the Incident/Report field each one holds.
INCIDENT_CHILDREN: dict[str, str] = {
    "incident_actors": "actors",
    "incident_weapons": "weapons",
    "incident_claims": "claims",
    "incident_legal": "legal",
    "incident_evidence": "evidence",
}
INCIDENT_CHILD_MODELS: dict[str, type[BaseModel]] = {
    "incident_actors": Actor,
    "incident_weapons": Weapon,
    "incident_claims": Claim,
    "incident_legal": LegalNote,
    "incident_evidence": Span,
}
ARTICLE_CHILDREN: dict[str, tuple[str, type[BaseModel]]] = {
    "quotes": ("quotes", Quote),
    "background": ("background", Background),
    "relations": ("relations", Relation),
    "places": ("places", Place),
    "sources": ("sources", Source),
}
# Report fields with a table of their own; any other (added later) is kept in report_extra.
REPORT_FIELDS = {"article", "incidents", *(f for f, _ in ARTICLE_CHILDREN.values())}
