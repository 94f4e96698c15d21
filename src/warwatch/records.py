"""JSON Lines input records (CONTRACT.md): one object per line, parsed into Captures.

Shapes: extract ``{"id", "text" | "html", "published"?, "url"?}``; geocode
``{"id", "text", "toponyms"?}``. A bad line raises ``MalformedRecord`` carrying the line's id
when one could be read, so the output line can echo it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .capture import capture_bytes
from .errors import MalformedRecord, WarwatchError
from .model import Capture


class RecordError(MalformedRecord):
    def __init__(self, message: str, *, lineno: int, id: str | None) -> None:
        self.id = id
        super().__init__(message, source=f"line {lineno}" + (f" (id {id})" if id else ""))


def parse_object(lineno: int, line: str) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordError(
            f"not valid JSON ({exc.msg} at column {exc.colno})", lineno=lineno, id=None
        ) from exc
    if not isinstance(obj, dict):
        raise RecordError(
            f"expected a JSON object, got {type(obj).__name__}", lineno=lineno, id=None
        )
    return obj


def record_id(obj: dict[str, Any]) -> str | None:
    raw = obj.get("id")
    return None if raw is None else str(raw)


def parse_date(value: Any, *, lineno: int, id: str | None) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise RecordError(
            f'"published" is not a YYYY-MM-DD date: {value!r}', lineno=lineno, id=id
        ) from exc


def extract_capture(lineno: int, line: str, *, max_bytes: int) -> Capture:
    obj = parse_object(lineno, line)
    id = record_id(obj)
    body, content_type = obj.get("text"), "text/plain"
    if body is None and obj.get("html") is not None:
        body, content_type = obj["html"], "text/html"
    if not isinstance(body, str):
        raise RecordError('needs a "text" or "html" string', lineno=lineno, id=id)
    url = obj.get("url")
    try:
        return capture_bytes(
            body.encode("utf-8", errors="surrogatepass"),
            source=id or f"line {lineno}",
            kind="jsonl",
            max_bytes=max_bytes,
            published=parse_date(obj.get("published"), lineno=lineno, id=id),
            url=url if isinstance(url, str) else None,
            id=id,
            content_type=content_type,
        )
    except WarwatchError as exc:
        exc.id = id  # type: ignore[attr-defined]
        raise
