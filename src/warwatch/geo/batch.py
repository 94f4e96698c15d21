"""Batch functions for ``warwatch geocode --jsonl`` run by ``warwatch.batch.run_batches``."""

from __future__ import annotations

import json

from ..errors import ProcessingError
from .geocode import geocode_record
from .index import ensure_gazetteer


def warm_up() -> None:
    """Open (building if needed) the gazetteer once per process."""
    ensure_gazetteer()


def geocode_batch(batch: list[tuple[int, str]]) -> list[str]:
    """One output line per input line. This is the command's orchestrator, so it is the one place
    that isolates an unexpected failure to its own line (recorded as processing_failed)."""
    gaz = ensure_gazetteer()
    out = []
    for n, line in batch:
        try:
            result = geocode_record(line, gaz)
        except Exception as exc:  # noqa: BLE001  a bug on one record must not sink the batch
            err = ProcessingError(f"line {n}: {type(exc).__name__}: {exc}")
            result = {"id": _id_of(line), "error": {"code": err.code, "message": err.message}}
        out.append(json.dumps(result, ensure_ascii=False))
    return out


def _id_of(line: str) -> object:
    try:
        rec = json.loads(line)
    except ValueError:
        return None
    return rec.get("id") if isinstance(rec, dict) else None
