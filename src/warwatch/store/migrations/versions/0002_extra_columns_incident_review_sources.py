"""extra columns, incident review, sources

Follows model.py: ``Incident.review`` and ``Report.sources`` (Source records), plus an ``extra``
JSON column on every model-backed table so fields added to the models later round-trip even
before they get a column of their own.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 15:02:41
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
EXTRA_TABLES = (
    "articles",
    "incidents",
    "incident_actors",
    "incident_weapons",
    "incident_claims",
    "incident_legal",
    "incident_evidence",
    "quotes",
    "background",
    "relations",
    "places",
)


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy): recreating articles/incidents on SQLite would drop the
    # FTS triggers of 0001.
    for table in EXTRA_TABLES:
        op.add_column(table, sa.Column("extra", JSON, nullable=True))
    op.add_column("articles", sa.Column("report_extra", JSON, nullable=True))
    op.add_column(
        "incidents", sa.Column("review", sa.Text(), server_default="unreviewed", nullable=False)
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=True),
        sa.Column("start_char", sa.Integer(), nullable=True),
        sa.Column("end_char", sa.Integer(), nullable=True),
        sa.Column("extra", JSON, nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_sources_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
    )
    op.create_index(op.f("ix_sources_article_id"), "sources", ["article_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_sources_article_id"), table_name="sources")
    op.drop_table("sources")
    # SQLite >= 3.35 drops columns in place (no table copy, so the FTS triggers survive).
    op.drop_column("incidents", "review")
    op.drop_column("articles", "report_extra")
    for table in EXTRA_TABLES:
        op.drop_column(table, "extra")
