"""Alembic environment: runs on the connection ``warwatch.store.engine.upgrade`` passes in.

There is no alembic.ini: the ``Config`` is built in code, so migrations ship inside the package.
"""

from __future__ import annotations

from alembic import context

from warwatch.store.engine import include_object
from warwatch.store.schema import metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:  # pragma: no cover - only reachable from a hand-written alembic.ini
        raise RuntimeError("run migrations through warwatch.store.upgrade(url)")
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
