"""Captures from local files, stdin and in-memory bytes."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from ..errors import EmptyInput, TooLarge
from ..model import Capture

SUFFIX_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".txt": "text/plain",
    ".text": "text/plain",
}


def capture_bytes(
    raw: bytes,
    *,
    source: str,
    kind: str = "file",
    max_bytes: int = 20_000_000,
    published: dt.date | None = None,
    url: str | None = None,
    id: str | None = None,
    content_type: str | None = None,
) -> Capture:
    if not raw:
        raise EmptyInput("the input is empty", source=source)
    if len(raw) > max_bytes:
        raise TooLarge(
            f"{len(raw):,} bytes is over the {max_bytes:,}-byte limit (setting max_bytes)",
            source=source,
        )
    return Capture(
        raw=raw,
        sha256=hashlib.sha256(raw).hexdigest(),
        source=source,
        kind=kind,
        url=url,
        content_type=content_type,
        captured_at=dt.datetime.now(dt.UTC),
        published=published,
        id=id,
    )


def capture_path(
    path: Path,
    *,
    max_bytes: int = 20_000_000,
    published: dt.date | None = None,
    url: str | None = None,
) -> Capture:
    # Check the size before reading so a 200 MB file is refused without being loaded.
    size = path.stat().st_size
    if size > max_bytes:
        raise TooLarge(
            f"{size:,} bytes is over the {max_bytes:,}-byte limit (setting max_bytes)",
            source=str(path),
        )
    # Only a telling suffix declares a type; anything else is left for the text stage to sniff
    # (so a PDF saved as "report" or "report.dat" is still recognised as binary, not as text).
    content_type = SUFFIX_TYPES.get(path.suffix.lower())
    return capture_bytes(
        path.read_bytes(),
        source=str(path),
        max_bytes=max_bytes,
        published=published,
        url=url,
        content_type=content_type,
    )
