"""Captures from web archives: WARC (``.warc``, ``.warc.gz``) and WACZ (a zip of WARCs).

Every HTML or plain-text *response* record becomes a :class:`Capture` whose provenance is the
archive's, not ours: ``url`` is WARC-Target-URI, ``captured_at`` is WARC-Date, the HTTP status and
headers are those recorded. Records are streamed (warcio), so an archive of any size uses the
memory of one record, and each body is read no further than ``max_bytes``.

A truncated or corrupt archive yields every record before the damage, then raises
:class:`MalformedRecord` naming the byte offset (in the file, or in the WACZ member) where
reading failed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import MalformedRecord
from ..model import Capture
from .charset import media_type, with_charset
from .http import PAGE_TYPES

log = logging.getLogger(__name__)

WACZ_ARCHIVE_DIR = "archive/"  # WACZ 1.1.1 spec, section "Directory layout"


def iter_warc(path: Path, *, max_bytes: int) -> Iterator[Capture]:
    """Every page response in a WARC or WACZ file, in archive order."""
    if path.name.lower().endswith(".wacz"):
        yield from _iter_wacz(path, max_bytes=max_bytes)
        return
    with path.open("rb") as stream:
        yield from iter_warc_stream(
            stream, source=str(path), max_bytes=max_bytes, size=path.stat().st_size
        )


def _iter_wacz(path: Path, *, max_bytes: int) -> Iterator[Capture]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise MalformedRecord(f"not a readable WACZ (zip) file: {exc}", source=str(path)) from exc
    with archive:
        members = sorted(
            n
            for n in archive.namelist()
            if n.startswith(WACZ_ARCHIVE_DIR) and n.lower().endswith((".warc", ".warc.gz"))
        )
        if not members:
            raise MalformedRecord("WACZ holds no archive/*.warc(.gz) member", source=str(path))
        for name in members:
            size = archive.getinfo(name).file_size
            with archive.open(name) as stream:
                yield from iter_warc_stream(
                    stream, source=f"{path}!{name}", max_bytes=max_bytes, size=size
                )


def iter_warc_stream(
    stream: IO[bytes], *, source: str, max_bytes: int, size: int | None = None
) -> Iterator[Capture]:
    """Captures from an open archive; ``size`` (bytes), when known, catches a cut-off last record
    that warcio would otherwise pass over in silence."""
    records = ArchiveIterator(stream)
    offset = 0  # where the last good record ended: where the damage starts
    try:
        for record in records:
            # Read the body before asking for offsets: warcio's offset calls skip to the
            # record's end, after which its content stream is empty.
            capture = _to_capture(record, source=source, max_bytes=max_bytes)
            _drain(record)
            if getattr(record.raw_stream, "limit", 0) > 0:
                raise EOFError("record ends before its declared Content-Length")
            start = records.get_record_offset()
            offset = start + records.get_record_length()
            if capture is not None:
                yield capture.model_copy(update={"source": f"{source}#{start}"})
    # warcio reports a cut inside record headers as AttributeError (a header line read as None).
    except (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError, AttributeError) as exc:
        raise MalformedRecord(
            f"archive truncated or corrupt at or after byte offset {offset} "
            f"(records before it were read): {exc}",
            source=source,
        ) from exc
    # warcio leaves the last uncompressed record's closing CRLF CRLF (WARC 1.1 section 4) out of
    # its length, so up to 4 bytes past the last record are the separator, not damage.
    if size is not None and size - offset > len(b"\r\n\r\n"):
        raise MalformedRecord(
            f"archive truncated or corrupt at or after byte offset {offset}: the last "
            f"{size - offset:,} bytes hold no readable record",
            source=source,
        )


def _drain(record: Any) -> None:
    """Read what is left of a record in bounded chunks (skipped records are never held whole)."""
    while record.raw_stream.read(1 << 16):
        pass


def _to_capture(record: Any, *, source: str, max_bytes: int) -> Capture | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    http = record.http_headers
    ctype = http.get_header("Content-Type")
    if media_type(ctype) not in PAGE_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    raw = record.content_stream().read(max_bytes + 1)
    if len(raw) > max_bytes:
        log.warning("%s: record for %s is over max_bytes (%d); skipped", source, url, max_bytes)
        return None
    if not raw:
        return None
    status = http.get_statuscode()
    return Capture(
        raw=raw,
        sha256=hashlib.sha256(raw).hexdigest(),
        source=source,
        kind="warc",
        url=url,
        final_url=url,
        content_type=with_charset(ctype, raw),
        http_status=int(status) if status and status.isdigit() else None,
        headers=tuple((k.lower(), v) for k, v in http.headers),
        captured_at=warc_date(record.rec_headers.get_header("WARC-Date"), source=source),
    )


def warc_date(value: str | None, *, source: str) -> dt.datetime:
    """WARC-Date (ISO 8601, UTC, 'Z' suffix; WARC 1.1 allows fractional seconds) as aware UTC."""
    if not value:
        raise MalformedRecord("response record has no WARC-Date", source=source)
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise MalformedRecord(f"bad WARC-Date {value!r}", source=source) from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
