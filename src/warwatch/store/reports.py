"""Saving and loading whole Reports: one transaction per article, rebuilt exactly on load."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ..errors import StoreError
from ..model import Article, Capture, Incident, Report
from . import schema
from .base import NotFound, StoreBase, utcnow
from .bookkeeping import insert_capture
from .codec import (
    ARTICLE_CHILDREN,
    INCIDENT_CHILDREN,
    REPORT_FIELDS,
    Row,
    article_from,
    article_row,
    flat_row,
    from_flat,
    incident_from,
    incident_row,
)

# Articles fetched per page by iter_reports: big enough to amortise the query, small enough that
# memory stays flat however large the store.
PAGE = 50


@dataclass(frozen=True)
class SaveResult:
    article_id: int
    added: bool  # False: this sha256 was already stored and nothing was written
    incident_ids: tuple[int, ...] = ()  # of the incidents written now (empty when not added)


def _existing(conn: sa.Connection, sha256: str) -> int | None:
    return conn.execute(
        sa.select(schema.articles.c.id).where(schema.articles.c.sha256 == sha256)
    ).scalar()


def _insert_incidents(conn: sa.Connection, article_id: int, items: Sequence[Incident]) -> list[int]:
    if not items:
        return []
    rows = [
        {**incident_row(inc), "article_id": article_id, "position": i}
        for i, inc in enumerate(items)
    ]
    ids = conn.execute(
        sa.insert(schema.incidents).returning(schema.incidents.c.id, sort_by_parameter_order=True),
        rows,
    ).scalars()
    incident_ids = [int(i) for i in ids]
    for table_name, field in INCIDENT_CHILDREN.items():
        table = schema.metadata.tables[table_name]
        child_rows = [
            {**flat_row(child, table), "incident_id": incident_id, "position": pos}
            for incident_id, inc in zip(incident_ids, items, strict=True)
            for pos, child in enumerate(getattr(inc, field))
        ]
        if child_rows:
            conn.execute(sa.insert(table), child_rows)
    return incident_ids


def write_report(
    conn: sa.Connection, capture: Capture, report: Report, run_id: int | None
) -> SaveResult:
    """All the rows of one report, on a connection the caller's transaction owns."""
    existing = _existing(conn, report.article.sha256)
    if existing is not None:
        return SaveResult(article_id=existing, added=False)
    insert_capture(conn, capture)
    others = set(type(report).model_fields) - REPORT_FIELDS  # fields added to Report later
    values = {
        **article_row(report.article),
        "ingested_at": utcnow(),
        "run_id": run_id,
        "report_extra": report.model_dump(mode="json", include=others) if others else None,
    }
    article_id = int(
        conn.execute(
            sa.insert(schema.articles).values(values).returning(schema.articles.c.id)
        ).scalar_one()
    )
    for table_name, (field, _cls) in ARTICLE_CHILDREN.items():
        table = schema.metadata.tables[table_name]
        rows = [
            {**flat_row(item, table), "article_id": article_id, "position": pos}
            for pos, item in enumerate(getattr(report, field))
        ]
        if rows:
            conn.execute(sa.insert(table), rows)
    incident_ids = _insert_incidents(conn, article_id, report.incidents)
    return SaveResult(article_id=article_id, added=True, incident_ids=tuple(incident_ids))


def _children(
    conn: sa.Connection, tables: Sequence[str], key: str, ids: Sequence[int]
) -> dict[str, dict[int, list[Row]]]:
    """Child rows per table, grouped by parent id, in saved order."""
    out: dict[str, dict[int, list[Row]]] = {}
    for table_name in tables:
        table = schema.metadata.tables[table_name]
        grouped: dict[int, list[Row]] = defaultdict(list)
        if ids:
            rows = conn.execute(
                sa.select(table)
                .where(table.c[key].in_(ids))
                .order_by(table.c[key], table.c.position)
            ).mappings()
            for row in rows:
                grouped[row[key]].append(dict(row))
        out[table_name] = grouped
    return out


def read_incidents(conn: sa.Connection, rows: Sequence[Row]) -> list[Incident]:
    ids = [row["id"] for row in rows]
    children = _children(conn, list(INCIDENT_CHILDREN), "incident_id", ids)
    return [
        incident_from(row, {name: children[name][row["id"]] for name in INCIDENT_CHILDREN})
        for row in rows
    ]


def read_report(conn: sa.Connection, article: Row) -> Report:
    incident_rows = conn.execute(
        sa.select(schema.incidents)
        .where(schema.incidents.c.article_id == article["id"])
        .order_by(schema.incidents.c.position)
    ).mappings()
    incidents = read_incidents(conn, [dict(r) for r in incident_rows])
    kids = _children(conn, list(ARTICLE_CHILDREN), "article_id", [article["id"]])
    extra: dict[str, Any] = {
        field: tuple(from_flat(cls, r) for r in kids[name][article["id"]])
        for name, (field, cls) in ARTICLE_CHILDREN.items()
    }
    extra |= article.get("report_extra") or {}
    return Report.model_validate(
        {"article": article_from(article), "incidents": tuple(incidents), **extra}
    )


class ReportsMixin(StoreBase):
    def save_report(
        self, capture: Capture, report: Report, *, run_id: int | None = None
    ) -> SaveResult:
        """Store the capture and everything extracted from it, in one transaction.

        The same sha256 twice writes nothing and returns ``added=False``. Any failure rolls the
        whole save back (a StoreError), leaving earlier rows as they were."""
        sha = report.article.sha256
        if capture.sha256 != sha:
            raise StoreError(
                f"capture {capture.sha256[:12]} and article {sha[:12]} differ: an article is "
                "keyed by the sha256 of the capture it was extracted from",
                source=capture.source,
            )
        try:
            with self._tx(write=True) as conn:
                return write_report(conn, capture, report, run_id)
        except IntegrityError as exc:
            # Another process saved the same article between our check and our insert.
            with self._tx() as conn:
                existing = _existing(conn, sha)
            if existing is not None:
                return SaveResult(article_id=existing, added=False)
            raise StoreError(f"could not save: {exc.orig}", source=capture.source) from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"could not save: {exc}", source=capture.source) from exc

    def has_article(self, sha256: str) -> bool:
        with self._tx() as conn:
            return _existing(conn, sha256) is not None

    def load_report(self, sha256: str) -> Report:
        """The Report saved for ``sha256``, exactly as it was saved."""
        with self._tx() as conn:
            row = (
                conn.execute(sa.select(schema.articles).where(schema.articles.c.sha256 == sha256))
                .mappings()
                .first()
            )
            if row is None:
                raise NotFound(f"no article with sha256 {sha256}")
            return read_report(conn, dict(row))

    def iter_reports(self) -> Iterator[Report]:
        """Every stored Report, oldest first, a page at a time (memory stays flat)."""
        after = 0
        while True:
            with self._tx() as conn:
                rows = (
                    conn.execute(
                        sa.select(schema.articles)
                        .where(schema.articles.c.id > after)
                        .order_by(schema.articles.c.id)
                        .limit(PAGE)
                    )
                    .mappings()
                    .all()
                )
                reports = [read_report(conn, dict(r)) for r in rows]
            if not rows:
                return
            yield from reports
            after = rows[-1]["id"]

    def count_articles(self) -> int:
        with self._tx() as conn:
            return int(
                conn.execute(sa.select(sa.func.count()).select_from(schema.articles)).scalar_one()
            )

    def get_incident(self, incident_id: int) -> tuple[Incident, Article]:
        """One incident and the article it was extracted from."""
        with self._tx() as conn:
            row = (
                conn.execute(
                    sa.select(schema.incidents).where(schema.incidents.c.id == incident_id)
                )
                .mappings()
                .first()
            )
            if row is None:
                raise NotFound(f"no incident {incident_id}")
            article = (
                conn.execute(
                    sa.select(schema.articles).where(schema.articles.c.id == row["article_id"])
                )
                .mappings()
                .one()
            )
            return read_incidents(conn, [dict(row)])[0], article_from(dict(article))
