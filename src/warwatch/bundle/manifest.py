"""The bundle manifest: what is in the zip, each file's sha256, provenance and the audit trail.

Layout of a bundle (format ``warwatch-bundle/1``)::

    manifest.json            this model, as JSON
    manifest.json.sha256     sha256 of manifest.json (hex), so an edit that forgets it shows
    timestamp.tsr            optional RFC 3161 TimeStampResp over sha256(manifest.json)
    captures/<sha256>.raw    raw captured bytes, named by their own hash
    reports/<sha256>.json    the extraction (contract document) of each capture
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict

FORMAT = "warwatch-bundle/1"
MANIFEST = "manifest.json"
MANIFEST_DIGEST = "manifest.json.sha256"
TIMESTAMP = "timestamp.tsr"
UNLISTED = frozenset({MANIFEST, MANIFEST_DIGEST, TIMESTAMP})  # files the manifest cannot list


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class FileEntry(_Frozen):
    path: str
    sha256: str
    bytes: int
    role: str  # capture | report


class CaptureRecord(_Frozen):
    """A capture's provenance (everything in ``model.Capture`` but the bytes, which are a file)."""

    sha256: str
    source: str
    kind: str
    url: str | None
    final_url: str | None
    content_type: str | None
    http_status: int | None
    headers: list[tuple[str, str]]
    captured_at: dt.datetime
    published: dt.date | None
    family_id: str | None = None


class AuditRecord(_Frozen):
    at: dt.datetime
    action: str
    subject: str
    detail: dict[str, Any]


class Manifest(_Frozen):
    format: str = FORMAT
    created_at: dt.datetime
    incident_id: int
    incident_summary: str
    extraction_json: str  # how the reports were serialised
    files: list[FileEntry]
    captures: list[CaptureRecord]
    audit: list[AuditRecord]
