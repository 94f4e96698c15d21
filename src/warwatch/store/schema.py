"""The database schema: one SQLAlchemy Core ``MetaData`` for SQLite and PostgreSQL.

Migrations (``migrations/versions``) create exactly these tables; the full-text index is added
there too, per dialect (FTS5 tables on SQLite, ``tsvector`` columns on PostgreSQL), because it
cannot be spelled portably. Character offsets are named ``start_char``/``end_char`` (spaCy's
names; ``end`` is a reserved word in SQL) and are Python string indices into ``articles.text``.
Child rows carry ``position`` so a saved Report is rebuilt in its original order.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Dialect

# Naming convention: constraint names are stable across backends, so later migrations can drop
# or alter them by name.
metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(sa.TypeDecorator[dt.datetime]):
    """Timezone-aware UTC datetimes on both backends (SQLite stores naive text)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:  # callers' naive datetimes are taken to be UTC already
            return value if dialect.name == "sqlite" else value.replace(tzinfo=dt.UTC)
        utc = value.astimezone(dt.UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
SHA = sa.String(64)


def _span(prefix: str = "") -> list[sa.Column[Any]]:
    nullable = bool(prefix)
    return [
        sa.Column(f"{prefix}start_char", sa.Integer, nullable=nullable),
        sa.Column(f"{prefix}end_char", sa.Integer, nullable=nullable),
    ]


def _count(prefix: str) -> list[sa.Column[Any]]:
    return [
        sa.Column(f"{prefix}_{part}", sa.Integer)
        for part in ("best", "low", "high", "start_char", "end_char")
    ]


def _extra() -> sa.Column[Any]:
    # Model fields added after this schema (by other stages) that have no column yet: kept as
    # JSON so a save never fails and a load still rebuilds the exact record.
    return sa.Column("extra", JSON)


def _owned(name: str, parent: str, *columns: sa.Column[Any]) -> sa.Table:
    """A table of records owned by a row of ``parent`` (an incident's actors, an article's
    quotes, ...), in their order, deleted with it."""
    owner = f"{parent[:-1]}_id"  # incidents -> incident_id
    return sa.Table(
        name,
        metadata,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            owner,
            sa.Integer,
            sa.ForeignKey(f"{parent}.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("position", sa.Integer, nullable=False),
        *columns,
        _extra(),
    )


def _child(name: str, *columns: sa.Column[Any]) -> sa.Table:
    return _owned(name, "incidents", *columns)


def _article_child(name: str, *columns: sa.Column[Any]) -> sa.Table:
    return _owned(name, "articles", *columns)


# --- chain of custody and runs -------------------------------------------------------------------

captures = sa.Table(
    "captures",
    metadata,
    sa.Column("sha256", SHA, primary_key=True),
    sa.Column("raw", sa.LargeBinary, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("final_url", sa.Text),
    sa.Column("content_type", sa.Text),
    sa.Column("http_status", sa.Integer),
    sa.Column("headers", JSON, nullable=False),  # list of [name, value] pairs, order kept
    sa.Column("captured_at", UTCDateTime, nullable=False),
    sa.Column("published", sa.Date),
    sa.Column("caller_id", sa.Text),
)

runs = sa.Table(
    "runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("started_at", UTCDateTime, nullable=False),
    sa.Column("finished_at", UTCDateTime),
    sa.Column("added", sa.Integer, nullable=False, server_default="0"),
    sa.Column("present", sa.Integer, nullable=False, server_default="0"),
    sa.Column("failed", sa.Integer, nullable=False, server_default="0"),
    sa.Column("args", JSON, nullable=False),
)

run_failures = sa.Table(
    "run_failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "run_id",
        sa.Integer,
        sa.ForeignKey("runs.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("code", sa.Text, nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("at", UTCDateTime, nullable=False),
)

# --- articles and what was extracted from them ---------------------------------------------------

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sha256", SHA, nullable=False, unique=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("publisher", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("url", sa.Text),
    sa.Column("language", sa.Text),
    sa.Column("caller_id", sa.Text),
    sa.Column("truncated", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("ingested_at", UTCDateTime, nullable=False),
    sa.Column("run_id", sa.Integer, sa.ForeignKey("runs.id", ondelete="SET NULL"), index=True),
    _extra(),
    sa.Column("report_extra", JSON),  # the same, for Report fields
)

incidents = sa.Table(
    "incidents",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "article_id",
        sa.Integer,
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("event_type", sa.Text, nullable=False, index=True),
    sa.Column("sub_event_type", sa.Text, nullable=False),
    sa.Column("trigger_start", sa.Integer, nullable=False),
    sa.Column("trigger_end", sa.Integer, nullable=False),
    sa.Column("trigger_text", sa.Text, nullable=False),
    sa.Column("date_start", sa.Date, index=True),
    sa.Column("date_end", sa.Date),
    sa.Column("date_precision", sa.Text, nullable=False),
    *_span("date_evidence_"),
    # location_name is NULL exactly when the incident has no location (Location.name is required)
    sa.Column("location_name", sa.Text),
    *_span("location_"),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("geonameid", sa.Integer),
    sa.Column("country_code", sa.String(8), index=True),
    sa.Column("admin1", sa.Text),
    sa.Column("geo_precision", sa.Text),
    sa.Column("location_score", sa.Float),
    *_count("fatalities"),
    *_count("injured"),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("verification", sa.Text),
    sa.Column("review", sa.Text, nullable=False, server_default="unreviewed"),
    # Words that name the incident (types, place, actors, weapons): indexed for full-text search.
    sa.Column("summary", sa.Text, nullable=False),
    sa.UniqueConstraint("article_id", "position"),
    _extra(),
)

incident_actors = _child(
    "incident_actors",
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("country_code", sa.String(8)),
    sa.Column("hedged", sa.Boolean, nullable=False),
    *_span(),
    sa.Column("surface", sa.Text),
)

incident_weapons = _child(
    "incident_weapons",
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("category", sa.Text),
    sa.Column("origin_country", sa.String(8)),
    *_span(),
    sa.Column("catalogue_id", sa.Text),
)

incident_claims = _child(
    "incident_claims",
    sa.Column("claimant", sa.Text),
    sa.Column("stance", sa.Text, nullable=False),
    sa.Column("about", sa.Text, nullable=False),
    sa.Column("hedged", sa.Boolean, nullable=False),
    sa.Column("method", JSON, nullable=False),  # list of strings
    *_span(),
    sa.Column("grade", sa.Text),
)

incident_legal = _child(
    "incident_legal",
    sa.Column("instrument", sa.Text, nullable=False),
    sa.Column("basis", sa.Text, nullable=False),
    sa.Column("state", sa.Text),
    sa.Column("state_party", sa.Boolean),  # NULL: unknown, never a guess
    sa.Column("as_of", sa.Date),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("source", sa.Text),
    sa.Column("start_char", sa.Integer),  # legal notes may come from the KB, not the text
    sa.Column("end_char", sa.Integer),
)

incident_evidence = _child("incident_evidence", *_span())

quotes = _article_child(
    "quotes",
    sa.Column("speaker", sa.Text),
    sa.Column("role", sa.Text),
    sa.Column("organization", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    *_span(),
    sa.Column("direct", sa.Boolean, nullable=False),
)

background = _article_child(
    "background",
    *_span(),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("numbers", JSON, nullable=False),  # list of {"value", "of"}
)

relations = _article_child(
    "relations",
    sa.Column("type", sa.Text, nullable=False),
    sa.Column("subject", sa.Text, nullable=False),
    sa.Column("object", sa.Text, nullable=False),
    *_span(),
)

places = _article_child(
    "places",
    sa.Column("name", sa.Text, nullable=False),
    *_span(),
    sa.Column("latitude", sa.Float),
    sa.Column("longitude", sa.Float),
    sa.Column("geonameid", sa.Integer),
    sa.Column("country_code", sa.String(8)),
    sa.Column("feature_code", sa.Text),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("score", sa.Float),
)

sources = _article_child(
    "sources",
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("kind", sa.Text),
    sa.Column("start_char", sa.Integer),  # None: the name is not in the text
    sa.Column("end_char", sa.Integer),
)

# --- capture bookkeeping: feeds, syndication families, audit ------------------------------------

feeds = sa.Table(
    "feeds",
    metadata,
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),  # the server's Last-Modified header, verbatim
    sa.Column("last_polled_at", UTCDateTime),
    sa.Column("last_status", sa.Integer),
    sa.Column("last_error", sa.Text),
)

# No foreign key to feeds: an entry may be marked seen before its feed's first poll is recorded.
feed_entries = sa.Table(
    "feed_entries",
    metadata,
    sa.Column("feed_url", sa.Text, primary_key=True),
    sa.Column("entry_key", sa.Text, primary_key=True),
    sa.Column("seen_at", UTCDateTime, nullable=False),
    sa.Column("capture_sha256", SHA),
)

story_families = sa.Table(
    "story_families",
    metadata,
    sa.Column("sha256", SHA, primary_key=True),
    sa.Column("family_id", sa.Text, nullable=False, index=True),
    sa.Column("signature", sa.LargeBinary),
    sa.Column("assigned_at", UTCDateTime, nullable=False),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("action", sa.Text, nullable=False),
    sa.Column("subject", sa.Text, nullable=False, index=True),
    sa.Column("detail", JSON, nullable=False),
)
