"""warwatch.export: incidents out as JSON Lines, ACLED-style CSV or GeoJSON, streamed."""

from __future__ import annotations

from .acled import ACLED_COLUMNS, CSV_COLUMNS, acled_row, incident_key
from .writers import FORMATS, Item, export, items_of, write_csv, write_geojson, write_jsonl

__all__ = [
    "ACLED_COLUMNS",
    "CSV_COLUMNS",
    "FORMATS",
    "Item",
    "acled_row",
    "export",
    "incident_key",
    "items_of",
    "write_csv",
    "write_geojson",
    "write_jsonl",
]
