"""Runs (one ingest or extract batch) and the failures recorded on them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from .base import NotFound, StoreBase, utcnow
from .schema import articles, run_failures, runs


@dataclass(frozen=True)
class RunFailure:
    source: str
    code: str
    message: str
    at: dt.datetime


@dataclass(frozen=True)
class Run:
    id: int
    kind: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    added: int
    present: int
    failed: int
    args: dict[str, Any]
    failures: tuple[RunFailure, ...] = ()


class RunsMixin(StoreBase):
    def start_run(self, kind: str, args: Mapping[str, Any] | None = None) -> int:
        """Open a run; ``args`` (JSON-able) records what it was asked to do."""
        with self._tx(write=True) as conn:
            return int(
                conn.execute(
                    sa.insert(runs)
                    .values(kind=kind, started_at=utcnow(), args=dict(args or {}))
                    .returning(runs.c.id)
                ).scalar_one()
            )

    def record_failure(self, run_id: int, source: str, code: str, message: str) -> None:
        """Record one item that failed on ``run_id``; the run goes on."""
        with self._tx(write=True) as conn:
            conn.execute(
                sa.insert(run_failures).values(
                    run_id=run_id, source=source, code=code, message=message, at=utcnow()
                )
            )

    def finish_run(
        self,
        run_id: int,
        *,
        added: int | None = None,
        present: int | None = None,
        failed: int | None = None,
    ) -> Run:
        """Close a run with its counts. A count left out is taken from the store: articles saved
        with this run id, failures recorded on it, and 0 for ``present``."""
        with self._tx(write=True) as conn:
            if added is None:
                added = conn.execute(
                    sa.select(sa.func.count()).where(articles.c.run_id == run_id)
                ).scalar_one()
            if failed is None:
                failed = conn.execute(
                    sa.select(sa.func.count()).where(run_failures.c.run_id == run_id)
                ).scalar_one()
            done = conn.execute(
                sa.update(runs)
                .where(runs.c.id == run_id)
                .values(finished_at=utcnow(), added=added, present=present or 0, failed=failed)
            )
            if done.rowcount == 0:
                raise NotFound(f"no run {run_id}")
        return self.get_run(run_id)

    def get_run(self, run_id: int) -> Run:
        with self._tx() as conn:
            row = conn.execute(sa.select(runs).where(runs.c.id == run_id)).mappings().first()
            if row is None:
                raise NotFound(f"no run {run_id}")
            failures = conn.execute(
                sa.select(run_failures)
                .where(run_failures.c.run_id == run_id)
                .order_by(run_failures.c.id)
            ).mappings()
            return Run(
                id=row["id"],
                kind=row["kind"],
                started_at=row["started_at"],
                finished_at=row["finished_at"],
                added=row["added"],
                present=row["present"],
                failed=row["failed"],
                args=dict(row["args"]),
                failures=tuple(
                    RunFailure(source=f["source"], code=f["code"], message=f["message"], at=f["at"])
                    for f in failures
                ),
            )
