"""Batch functions for ``warwatch geocode --jsonl`` run by ``warwatch.batch.run_batches``."""

from __future__ import annotations

import json

from .geocode import geocode_record
from .index import ensure_gazetteer


def warm_up() -> None:
    """Open (building if needed) the gazetteer once per process."""
    ensure_gazetteer()


def geocode_batch(batch: list[tuple[int, str]]) -> list[str]:
    gaz = ensure_gazetteer()
    out = []
    for _, line in batch:
        out.append(json.dumps(geocode_record(line, gaz), ensure_ascii=False))
    return out
