"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-27 14:31:35.674184
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# The JSON type of warwatch.store.schema at this revision, spelled here so the migration never
# changes when the schema module does.
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("detail", JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_subject"), "audit_log", ["subject"], unique=False)

    op.create_table(
        "captures",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("final_url", sa.Text(), nullable=True),
        sa.Column("content_type", sa.Text(), nullable=True),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("headers", JSON, nullable=False),
        sa.Column("captured_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("caller_id", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_captures")),
    )
    op.create_table(
        "feed_entries",
        sa.Column("feed_url", sa.Text(), nullable=False),
        sa.Column("entry_key", sa.Text(), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("capture_sha256", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("feed_url", "entry_key", name=op.f("pk_feed_entries")),
    )
    op.create_table(
        "feeds",
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("last_polled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_status", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("url", name=op.f("pk_feeds")),
    )
    op.create_table(
        "runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("added", sa.Integer(), server_default="0", nullable=False),
        sa.Column("present", sa.Integer(), server_default="0", nullable=False),
        sa.Column("failed", sa.Integer(), server_default="0", nullable=False),
        sa.Column("args", JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_runs")),
    )
    op.create_table(
        "story_families",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("family_id", sa.Text(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=True),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_story_families")),
    )
    op.create_index(
        op.f("ix_story_families_family_id"), "story_families", ["family_id"], unique=False
    )

    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("caller_id", sa.Text(), nullable=True),
        sa.Column("truncated", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name=op.f("fk_articles_run_id_runs"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("sha256", name=op.f("uq_articles_sha256")),
    )
    op.create_index(op.f("ix_articles_run_id"), "articles", ["run_id"], unique=False)

    op.create_table(
        "run_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("code", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name=op.f("fk_run_failures_run_id_runs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_run_failures")),
    )
    op.create_index(op.f("ix_run_failures_run_id"), "run_failures", ["run_id"], unique=False)

    op.create_table(
        "background",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("numbers", JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_background_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_background")),
    )
    op.create_index(op.f("ix_background_article_id"), "background", ["article_id"], unique=False)

    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("event_type", sa.Text(), nullable=False),
        sa.Column("sub_event_type", sa.Text(), nullable=False),
        sa.Column("trigger_start", sa.Integer(), nullable=False),
        sa.Column("trigger_end", sa.Integer(), nullable=False),
        sa.Column("trigger_text", sa.Text(), nullable=False),
        sa.Column("date_start", sa.Date(), nullable=True),
        sa.Column("date_end", sa.Date(), nullable=True),
        sa.Column("date_precision", sa.Text(), nullable=False),
        sa.Column("date_evidence_start_char", sa.Integer(), nullable=True),
        sa.Column("date_evidence_end_char", sa.Integer(), nullable=True),
        sa.Column("location_name", sa.Text(), nullable=True),
        sa.Column("location_start_char", sa.Integer(), nullable=True),
        sa.Column("location_end_char", sa.Integer(), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("country_code", sa.String(length=8), nullable=True),
        sa.Column("admin1", sa.Text(), nullable=True),
        sa.Column("geo_precision", sa.Text(), nullable=True),
        sa.Column("location_score", sa.Float(), nullable=True),
        sa.Column("fatalities_best", sa.Integer(), nullable=True),
        sa.Column("fatalities_low", sa.Integer(), nullable=True),
        sa.Column("fatalities_high", sa.Integer(), nullable=True),
        sa.Column("fatalities_start_char", sa.Integer(), nullable=True),
        sa.Column("fatalities_end_char", sa.Integer(), nullable=True),
        sa.Column("injured_best", sa.Integer(), nullable=True),
        sa.Column("injured_low", sa.Integer(), nullable=True),
        sa.Column("injured_high", sa.Integer(), nullable=True),
        sa.Column("injured_start_char", sa.Integer(), nullable=True),
        sa.Column("injured_end_char", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("verification", sa.Text(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_incidents_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
        sa.UniqueConstraint(
            "article_id", "position", name=op.f("uq_incidents_article_id_position")
        ),
    )
    op.create_index(op.f("ix_incidents_article_id"), "incidents", ["article_id"], unique=False)
    op.create_index(op.f("ix_incidents_country_code"), "incidents", ["country_code"], unique=False)
    op.create_index(op.f("ix_incidents_date_start"), "incidents", ["date_start"], unique=False)
    op.create_index(op.f("ix_incidents_event_type"), "incidents", ["event_type"], unique=False)

    op.create_table(
        "places",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("geonameid", sa.Integer(), nullable=True),
        sa.Column("country_code", sa.String(length=8), nullable=True),
        sa.Column("feature_code", sa.Text(), nullable=True),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_places_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_places")),
    )
    op.create_index(op.f("ix_places_article_id"), "places", ["article_id"], unique=False)

    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("speaker", sa.Text(), nullable=True),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("organization", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("direct", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_quotes_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
    )
    op.create_index(op.f("ix_quotes_article_id"), "quotes", ["article_id"], unique=False)

    op.create_table(
        "relations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("object", sa.Text(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_relations_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relations")),
    )
    op.create_index(op.f("ix_relations_article_id"), "relations", ["article_id"], unique=False)

    op.create_table(
        "incident_actors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("country_code", sa.String(length=8), nullable=True),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("surface", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_actors_incident_id_incidents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_actors")),
    )
    op.create_index(
        op.f("ix_incident_actors_incident_id"), "incident_actors", ["incident_id"], unique=False
    )

    op.create_table(
        "incident_claims",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("claimant", sa.Text(), nullable=True),
        sa.Column("stance", sa.Text(), nullable=False),
        sa.Column("about", sa.Text(), nullable=False),
        sa.Column("hedged", sa.Boolean(), nullable=False),
        sa.Column("method", JSON, nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("grade", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_claims_incident_id_incidents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_claims")),
    )
    op.create_index(
        op.f("ix_incident_claims_incident_id"), "incident_claims", ["incident_id"], unique=False
    )

    op.create_table(
        "incident_evidence",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_evidence_incident_id_incidents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_evidence")),
    )
    op.create_index(
        op.f("ix_incident_evidence_incident_id"), "incident_evidence", ["incident_id"], unique=False
    )

    op.create_table(
        "incident_legal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("instrument", sa.Text(), nullable=False),
        sa.Column("basis", sa.Text(), nullable=False),
        sa.Column("state", sa.Text(), nullable=True),
        sa.Column("state_party", sa.Boolean(), nullable=True),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("start_char", sa.Integer(), nullable=True),
        sa.Column("end_char", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_legal_incident_id_incidents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_legal")),
    )
    op.create_index(
        op.f("ix_incident_legal_incident_id"), "incident_legal", ["incident_id"], unique=False
    )

    op.create_table(
        "incident_weapons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=True),
        sa.Column("origin_country", sa.String(length=8), nullable=True),
        sa.Column("start_char", sa.Integer(), nullable=False),
        sa.Column("end_char", sa.Integer(), nullable=False),
        sa.Column("catalogue_id", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_incident_weapons_incident_id_incidents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_weapons")),
    )
    op.create_index(
        op.f("ix_incident_weapons_incident_id"), "incident_weapons", ["incident_id"], unique=False
    )

    _create_search(op.get_bind().dialect.name)


def downgrade() -> None:
    _drop_search(op.get_bind().dialect.name)
    op.drop_index(op.f("ix_incident_weapons_incident_id"), table_name="incident_weapons")

    op.drop_table("incident_weapons")
    op.drop_index(op.f("ix_incident_legal_incident_id"), table_name="incident_legal")

    op.drop_table("incident_legal")
    op.drop_index(op.f("ix_incident_evidence_incident_id"), table_name="incident_evidence")

    op.drop_table("incident_evidence")
    op.drop_index(op.f("ix_incident_claims_incident_id"), table_name="incident_claims")

    op.drop_table("incident_claims")
    op.drop_index(op.f("ix_incident_actors_incident_id"), table_name="incident_actors")

    op.drop_table("incident_actors")
    op.drop_index(op.f("ix_relations_article_id"), table_name="relations")

    op.drop_table("relations")
    op.drop_index(op.f("ix_quotes_article_id"), table_name="quotes")

    op.drop_table("quotes")
    op.drop_index(op.f("ix_places_article_id"), table_name="places")

    op.drop_table("places")
    op.drop_index(op.f("ix_incidents_event_type"), table_name="incidents")
    op.drop_index(op.f("ix_incidents_date_start"), table_name="incidents")
    op.drop_index(op.f("ix_incidents_country_code"), table_name="incidents")
    op.drop_index(op.f("ix_incidents_article_id"), table_name="incidents")

    op.drop_table("incidents")
    op.drop_index(op.f("ix_background_article_id"), table_name="background")

    op.drop_table("background")
    op.drop_index(op.f("ix_run_failures_run_id"), table_name="run_failures")

    op.drop_table("run_failures")
    op.drop_index(op.f("ix_articles_run_id"), table_name="articles")

    op.drop_table("articles")
    op.drop_index(op.f("ix_story_families_family_id"), table_name="story_families")

    op.drop_table("story_families")
    op.drop_table("runs")
    op.drop_table("feeds")
    op.drop_table("feed_entries")
    op.drop_table("captures")
    op.drop_index(op.f("ix_audit_log_subject"), table_name="audit_log")

    op.drop_table("audit_log")


# --- full-text search ----------------------------------------------------------------------------
# SQLite: FTS5 tables over articles(title, text) and incidents(summary), external-content so the
# text is stored once, kept in sync by triggers inside the writing transaction. The porter stemmer
# matches PostgreSQL's 'english' configuration closely enough that one query finds the same rows.
# PostgreSQL: generated tsvector columns with GIN indexes. The article vector covers the first
# 100,000 characters (~15,000 words, longer than nearly every news article) because a tsvector
# is capped at 1 MB and a huge article must still save.
FTS_TOKENIZE = "porter unicode61 remove_diacritics 2"
FTS_TABLES = {
    "article_fts": ("articles", ("title", "text")),
    "incident_fts": ("incidents", ("summary",)),
}


def _sqlite_fts(name: str, table: str, cols: tuple[str, ...]) -> list[str]:
    names = ", ".join(cols)
    new = ", ".join(f"new.{c}" for c in cols)
    old = ", ".join(f"old.{c}" for c in cols)
    insert = f"INSERT INTO {name}(rowid, {names}) VALUES (new.id, {new});"
    delete = f"INSERT INTO {name}({name}, rowid, {names}) VALUES ('delete', old.id, {old});"
    return [
        f"CREATE VIRTUAL TABLE {name} USING fts5({names}, content='{table}', "
        f"content_rowid='id', tokenize='{FTS_TOKENIZE}')",
        f"CREATE TRIGGER {name}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {name}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {name}_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END",
    ]


def _create_search(dialect: str) -> None:
    if dialect == "sqlite":
        for name, (table, cols) in FTS_TABLES.items():
            for statement in _sqlite_fts(name, table, cols):
                op.execute(statement)
        return
    op.execute(
        "ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS "
        "(to_tsvector('english', coalesce(title, '') || ' ' || left(text, 100000))) STORED"
    )
    op.execute(
        "ALTER TABLE incidents ADD COLUMN search tsvector GENERATED ALWAYS AS "
        "(to_tsvector('english', summary)) STORED"
    )
    op.execute("CREATE INDEX ix_articles_search ON articles USING gin (search)")
    op.execute("CREATE INDEX ix_incidents_search ON incidents USING gin (search)")


def _drop_search(dialect: str) -> None:
    if dialect == "sqlite":
        for name in FTS_TABLES:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {name}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {name}")
        return
    op.execute("DROP INDEX IF EXISTS ix_incidents_search")
    op.execute("DROP INDEX IF EXISTS ix_articles_search")
    op.execute("ALTER TABLE incidents DROP COLUMN IF EXISTS search")
    op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS search")
