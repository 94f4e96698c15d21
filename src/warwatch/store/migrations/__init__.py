"""Alembic migrations for the warwatch store, run programmatically by ``warwatch.store.upgrade``."""
