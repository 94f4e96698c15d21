"""warwatch.store: the database behind every command (SQLite by default, or PostgreSQL).

``open_store(url)`` gives a ``Store``: reports in and out (``save_report``, ``load_report``,
``iter_reports``), runs and their failures, incident search, and capture bookkeeping (raw captures,
feed state, story families, audit log). The schema is brought to head by the packaged Alembic
migrations the first time a process opens a URL.
"""

from __future__ import annotations

from .base import NotFound
from .bookkeeping import AuditEntry, BookkeepingMixin, FeedState
from .engine import current_revision, get_engine, upgrade
from .reports import ReportsMixin, SaveResult
from .runs import Run, RunFailure, RunsMixin
from .search import IncidentRow, SearchMixin, search_phrases

__all__ = [
    "AuditEntry",
    "FeedState",
    "IncidentRow",
    "NotFound",
    "Run",
    "RunFailure",
    "SaveResult",
    "Store",
    "current_revision",
    "get_engine",
    "open_store",
    "search_phrases",
    "upgrade",
]

_upgraded: set[str] = set()


class Store(ReportsMixin, RunsMixin, SearchMixin, BookkeepingMixin):
    """One database: see the mixins for the methods (reports, runs, search, bookkeeping)."""


def open_store(url: str) -> Store:
    """The store at ``url``, its schema at head (checked once per URL per process)."""
    if url not in _upgraded:
        upgrade(url)
        _upgraded.add(url)
    return Store(url)
