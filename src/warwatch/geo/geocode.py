"""The ``warwatch geocode --jsonl`` contract (CONTRACT.md): one JSON record in, one out.

Input ``{"id", "text", "toponyms"?: [{"start", "end"}]}``. With ``toponyms`` exactly those spans
are resolved (no spaCy needed); without, the place names are found first. Output
``{"id", "toponyms": [{"start", "end", "name", "latitude", "longitude", "geonameid",
"country_code", "feature_code", "score"}]}``; a bad record gives ``{"id", "error": {"code",
"message"}}``.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import MalformedRecord, TooLarge, WarwatchError
from .gazetteer import Gazetteer
from .resolve import Resolved, resolve_spans

# Text longer than this is refused (too_large) when names must be found with spaCy; with spans
# given only the spans' surroundings are read. 1,000,000 characters is ~25x the longest article
# in the gold corpora.
MAX_TEXT_CHARS = 1_000_000
MAX_SPANS = 100_000  # far above any real document; bounds one record's work


def _record(line: str) -> dict[str, Any]:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"not valid JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(rec, dict):
        raise MalformedRecord("a record must be a JSON object")
    if not isinstance(rec.get("text"), str):
        raise MalformedRecord('"text" is missing or not a string')
    return rec


def _spans(rec: dict[str, Any]) -> list[tuple[int, int]] | None:
    raw = rec.get("toponyms")
    if raw is None:
        return None
    if not isinstance(raw, list):
        raise MalformedRecord('"toponyms" must be a list of {"start", "end"} objects')
    if len(raw) > MAX_SPANS:
        raise TooLarge(f"{len(raw)} toponym spans; at most {MAX_SPANS} per record")
    n = len(rec["text"])
    out = []
    for k, t in enumerate(raw):
        start = t.get("start") if isinstance(t, dict) else None
        end = t.get("end") if isinstance(t, dict) else None
        if not (type(start) is int and type(end) is int):
            raise MalformedRecord(f"toponyms[{k}]: start and end must be integers")
        if not 0 <= start < end <= n:
            raise MalformedRecord(
                f"toponyms[{k}]: span {start}-{end} is empty, reversed or outside the text "
                f"(length {n}); offsets are Python string indices, end exclusive"
            )
        out.append((start, end))
    return out


def _out(r: Resolved) -> dict[str, Any]:
    c = r.candidate
    return {
        "start": r.start,
        "end": r.end,
        "name": c.name if c else r.name,
        "latitude": c.latitude if c else None,
        "longitude": c.longitude if c else None,
        "geonameid": c.geonameid if c else None,
        "country_code": (c.country_code or None) if c else None,
        "feature_code": c.feature_code if c else None,
        "score": round(r.score, 4),
    }


def geocode_record(line: str, gaz: Gazetteer) -> dict[str, Any]:
    """One output object for one input line; never raises for bad input."""
    rid: Any = None
    try:
        rec = _record(line)
        rid = rec.get("id")
        spans = _spans(rec)
        text = rec["text"]
        if spans is None:
            spans = _find(text)
        resolved = resolve_spans(gaz, text, spans) if spans else []
        return {"id": rid, "toponyms": [_out(r) for r in resolved]}
    except WarwatchError as exc:
        return {"id": rid, "error": {"code": exc.code, "message": exc.message}}


def _find(text: str) -> list[tuple[int, int]]:
    if not text.strip():
        return []
    if len(text) > MAX_TEXT_CHARS:
        raise TooLarge(f"text of {len(text)} characters; at most {MAX_TEXT_CHARS} without spans")
    from ..nlp import build_nlp
    from .api import mentions

    doc = build_nlp()(text)
    return [(m.start, m.end) for m in mentions(doc) if m.is_place]
