"""Migration scripts, oldest first (Alembic reads the revision chain from each file)."""
