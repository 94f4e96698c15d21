"""Opening stores: folders, SQLite settings, migrations and bad URLs."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory

from store_fixtures import (  # noqa: F401  (fixtures are found by name)
    pg_session_url_fixture,
    sample_report,
    store_fixture,
    store_url_fixture,
    unique,
)
from warwatch.errors import StoreError
from warwatch.store import Store, get_engine, open_store, upgrade
from warwatch.store.engine import MIGRATIONS, alembic_config, connect
from warwatch.store.schema import metadata


def test_open_store_creates_folders_and_schema(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'a' / 'b' / 'w.db'}"
    store = open_store(url)
    assert (tmp_path / "a" / "b" / "w.db").is_file()
    tables = set(sa.inspect(get_engine(url)).get_table_names())
    assert set(metadata.tables) <= tables and {"article_fts", "incident_fts"} <= tables
    assert not store.has_article("0" * 64)


def test_sqlite_connections_use_wal_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    open_store(url)
    with connect(url) as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0


def test_upgrade_is_idempotent_and_reaches_head(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    upgrade(url)
    upgrade(url)
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    with connect(url) as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head


def test_migrations_match_the_schema_module(store_url: str) -> None:
    """Autogenerate finds nothing to do on either backend: schema.py and the migrations agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from warwatch.store.engine import include_object

    upgrade(store_url)
    with connect(store_url) as conn:
        context = MigrationContext.configure(
            conn, opts={"include_object": include_object, "compare_type": True}
        )
        assert compare_metadata(context, metadata) == []


def test_downgrade_to_base_and_back(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    upgrade(url)
    with connect(url, write=True) as conn:
        command.downgrade(alembic_config(conn), "base")
    assert set(sa.inspect(get_engine(url)).get_table_names()) == {"alembic_version"}
    upgrade(url)
    assert "incidents" in sa.inspect(get_engine(url)).get_table_names()


@pytest.mark.parametrize("url", ["not a url", "mysql://u@h/db"])
def test_bad_urls_say_what_to_use(url: str) -> None:
    with pytest.raises(StoreError, match="sqlite|SQLite"):
        open_store(url)


def test_unreachable_postgres_skips_or_fails_as_ci_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    import store_fixtures

    # Port 1 on loopback: nothing listens, the connection is refused at once.
    monkeypatch.setenv("WARWATCH_TEST_PG", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    monkeypatch.delenv("WARWATCH_REQUIRE_PG", raising=False)
    with pytest.raises(pytest.skip.Exception, match="WARWATCH_TEST_PG=postgresql"):
        next(store_fixtures._fresh_pg_schema())
    monkeypatch.setenv("WARWATCH_REQUIRE_PG", "1")
    with pytest.raises(pytest.fail.Exception, match="WARWATCH_REQUIRE_PG=1"):
        next(store_fixtures._fresh_pg_schema())


def test_concurrent_writers(store: Store) -> None:
    """Threads (separate connections) saving at once: no 'database is locked' on SQLite, and
    on both backends an article raced by two writers is added once."""
    from concurrent.futures import ThreadPoolExecutor

    items = [unique(sample_report(f"Clash {i} by the bridge.", trigger="Clash")) for i in range(12)]
    jobs = items + items[:4]  # four articles saved twice, racing

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda job: store.save_report(*job), jobs))
    assert sum(r.added for r in results) == 12
    assert store.count_articles() == 12
    assert len(store.search_incidents(limit=100)) == 12


def test_a_database_from_a_newer_warwatch_is_refused_clearly(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'w.db'}"
    upgrade(url)
    with connect(url, write=True) as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="cannot upgrade the schema"):
        upgrade(url)


def test_a_bad_run_id_fails_the_save_cleanly(store: Store) -> None:
    capture, report = unique(sample_report("A grenade blast.", trigger="grenade"))
    with pytest.raises(StoreError):
        store.save_report(capture, report, run_id=424242)  # no such run: foreign key
    assert not store.has_article(report.article.sha256) and not store.has_capture(capture.sha256)
