"""Engines (one per URL, built on first use) and schema upgrades through the packaged migrations."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError

from ..errors import StoreError

MIGRATIONS = Path(__file__).with_name("migrations")
# Milliseconds a writer waits for another process's write lock before failing: long enough for a
# batch of saves in a parallel ingest (each save is one short transaction), short enough to report
# a stuck writer instead of hanging.
SQLITE_BUSY_TIMEOUT_MS = 30_000
UPGRADE_LOCK_KEY = 0x77617277  # "warw": any constant, shared by every warwatch process


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # Take transaction control from the sqlite3 module (it would not BEGIN before DDL or
    # SAVEPOINT); the "begin" listener below emits BEGIN itself. SQLAlchemy docs, "Serializable
    # isolation / Savepoints / Transactional DDL" for pysqlite.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    # In WAL mode NORMAL never corrupts the database; a power cut may lose the last commits,
    # which an ingest re-run restores (saves are idempotent). It spares an fsync per article.
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    # Writers ask for IMMEDIATE so two processes never deadlock upgrading read locks to write
    # locks (busy_timeout cannot resolve that); readers take a plain deferred BEGIN.
    mode = "IMMEDIATE" if conn.get_execution_options().get("sqlite_write") else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def _checked_url(url: str) -> sa.URL:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(
            f"not a database URL: {url!r} (use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB)"
        ) from exc
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(
            f"unsupported database {parsed.get_backend_name()!r}: use SQLite or PostgreSQL"
        )
    return parsed


@cache
def get_engine(url: str) -> sa.Engine:
    """The engine for ``url``, built once per process; SQLite file folders are created."""
    parsed = _checked_url(url)
    if parsed.get_backend_name() == "sqlite":
        if (
            parsed.database
            and parsed.database != ":memory:"
            and not parsed.database.startswith("file:")
        ):
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(parsed)
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    return sa.create_engine(parsed, pool_pre_ping=True)


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Autogenerate ignores the full-text parts (FTS5 tables on SQLite, ``search`` tsvector
    columns and their indexes on PostgreSQL): the migrations make them, the metadata does not."""
    if name is None:
        return True
    if type_ == "table":
        return "_fts" not in name
    if type_ == "column":
        return name != "search"
    if type_ == "index":
        return not name.endswith("_search")
    return True


def alembic_config(connection: sa.Connection) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the schema at ``url`` to ``revision`` (``warwatch db upgrade``)."""
    with connect(url, write=True) as conn:
        if conn.dialect.name == "postgresql":
            # Two processes opening a fresh database at once must not both create the tables;
            # SQLite gets the same guarantee from BEGIN IMMEDIATE.
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": UPGRADE_LOCK_KEY})
        try:
            command.upgrade(alembic_config(conn), revision)
        except CommandError as exc:  # e.g. the database was migrated by a newer warwatch
            raise StoreError(f"cannot upgrade the schema: {exc}", source=_safe(url)) from exc


def current_revision(url: str) -> str | None:
    """The migration the database at ``url`` is at (None: not created yet)."""
    from alembic.migration import MigrationContext

    with connect(url) as conn:
        return MigrationContext.configure(conn).get_current_revision()


@contextlib.contextmanager
def connect(url: str, *, write: bool = False) -> Iterator[sa.Connection]:
    """One transaction on ``url``: committed on success, rolled back on any error."""
    engine = get_engine(url)
    try:
        with engine.connect() as conn:
            if write and engine.dialect.name == "sqlite":
                conn = conn.execution_options(sqlite_write=True)
            with conn.begin():
                yield conn
    except IntegrityError:
        raise  # a constraint the caller may handle (save_report: a concurrent duplicate)
    except DBAPIError as exc:
        first = str(exc.orig or exc).strip().splitlines()[0]
        raise StoreError(f"database error: {first}", source=_safe(url)) from exc


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)
