"""Finding incidents: filters plus full-text search (FTS5 on SQLite, tsvector on PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from ..model import Article, Incident
from .base import StoreBase
from .codec import article_from
from .reports import read_incidents
from .schema import articles, incidents

# A "term" is a run of letters/digits; everything else (quotes, operators, hyphens, brackets) is a
# separator, so no user input can form FTS syntax. Hyphenated words stay together as a phrase.
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class IncidentRow:
    id: int
    article_sha256: str
    publisher: str | None
    title: str | None
    event_type: str
    sub_event_type: str
    date_start: dt.date | None
    date_end: dt.date | None
    location_name: str | None
    country_code: str | None
    latitude: float | None
    longitude: float | None
    fatalities_best: int | None
    confidence: float


def search_phrases(q: str) -> list[str]:
    """User text -> phrases of plain words: ``cluster-munitions "Stepanakert`` gives
    ``["cluster munitions", "Stepanakert"]``. Every phrase must match (AND)."""
    phrases = []
    for chunk in q.split():
        words = _WORD.findall(chunk)
        if words:
            phrases.append(" ".join(words))
    return phrases


def fts_condition(dialect: str, q: str) -> sa.ColumnElement[bool] | None:
    """Incidents whose article (title, text) or own summary match every phrase of ``q``;
    None when ``q`` has no words (then it does not filter)."""
    phrases = search_phrases(q)
    if not phrases:
        return None
    # Quoted phrases only: both engines read "..." as a phrase and nothing inside as an operator.
    query = " ".join(f'"{p}"' for p in phrases)
    if dialect == "sqlite":
        in_article = sa.text("SELECT rowid FROM article_fts WHERE article_fts MATCH :fts_q")
        in_incident = sa.text("SELECT rowid FROM incident_fts WHERE incident_fts MATCH :fts_q")
        return sa.or_(
            incidents.c.article_id.in_(in_article.bindparams(fts_q=query)),
            incidents.c.id.in_(in_incident.bindparams(fts_q=query)),
        )
    tsquery = sa.func.websearch_to_tsquery(sa.literal_column("'english'"), query)
    return sa.or_(
        sa.literal_column("articles.search").op("@@")(tsquery),
        sa.literal_column("incidents.search").op("@@")(tsquery),
    )


def _filters(
    dialect: str,
    *,
    q: str | None,
    event_type: str | None,
    country: str | None,
    since: dt.date | None,
    until: dt.date | None,
) -> list[sa.ColumnElement[bool]]:
    out: list[sa.ColumnElement[bool]] = []
    if q:
        cond = fts_condition(dialect, q)
        if cond is not None:
            out.append(cond)
    if event_type:
        out.append(sa.func.lower(incidents.c.event_type) == event_type.lower())
    if country:
        out.append(incidents.c.country_code == country.upper())
    # Date windows overlap [since, until]; an incident with no date matches no date filter.
    if since:
        out.append(sa.func.coalesce(incidents.c.date_end, incidents.c.date_start) >= since)
    if until:
        out.append(sa.func.coalesce(incidents.c.date_start, incidents.c.date_end) <= until)
    return out


_COLUMNS: list[Any] = [
    incidents.c.id,
    articles.c.sha256.label("article_sha256"),
    articles.c.publisher,
    articles.c.title,
    incidents.c.event_type,
    incidents.c.sub_event_type,
    incidents.c.date_start,
    incidents.c.date_end,
    incidents.c.location_name,
    incidents.c.country_code,
    incidents.c.latitude,
    incidents.c.longitude,
    incidents.c.fatalities_best,
    incidents.c.confidence,
]


# Incidents per page in iter_incidents: memory stays flat, queries stay few.
PAGE = 100


class SearchMixin(StoreBase):
    def search_incidents(
        self,
        *,
        q: str | None = None,
        event_type: str | None = None,
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[IncidentRow]:
        """Incidents matching every filter given, most recent date first, then newest saved.

        ``q`` is free text (any characters are safe); ``event_type`` an ACLED event type (case
        ignored); ``country`` an ISO 3166-1 alpha-2 code; ``since``/``until`` bound the date."""
        where = _filters(
            self.dialect, q=q, event_type=event_type, country=country, since=since, until=until
        )
        newest = sa.func.coalesce(incidents.c.date_end, incidents.c.date_start)
        stmt = (
            sa.select(*_COLUMNS)
            .join(articles, articles.c.id == incidents.c.article_id)
            .where(*where)
            .order_by(newest.desc().nulls_last(), incidents.c.id.desc())
            .limit(max(0, limit))
            .offset(max(0, offset))
        )
        with self._tx() as conn:
            return [IncidentRow(**row) for row in conn.execute(stmt).mappings()]

    def iter_incidents(
        self,
        *,
        q: str | None = None,
        event_type: str | None = None,
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> Iterator[tuple[Article, int, Incident]]:
        """Every incident matching the filters (as in search_incidents) in saved order, with its
        article and its position in that article; streamed a page at a time."""
        where = _filters(
            self.dialect, q=q, event_type=event_type, country=country, since=since, until=until
        )
        after = 0
        while True:
            with self._tx() as conn:
                rows = [
                    dict(r)
                    for r in conn.execute(
                        sa.select(incidents)
                        .join(articles, articles.c.id == incidents.c.article_id)
                        .where(incidents.c.id > after, *where)
                        .order_by(incidents.c.id)
                        .limit(PAGE)
                    ).mappings()
                ]
                if not rows:
                    return
                found = read_incidents(conn, rows)
                ids = {r["article_id"] for r in rows}
                arts = conn.execute(sa.select(articles).where(articles.c.id.in_(ids))).mappings()
                by_id = {a["id"]: article_from(dict(a)) for a in arts}
            for row, incident in zip(rows, found, strict=True):
                yield by_id[row["article_id"]], row["position"], incident
            after = rows[-1]["id"]
