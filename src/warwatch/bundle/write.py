"""Write an evidence bundle for one stored incident."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StoreError
from ..model import Capture, Report
from ..settings import Settings
from .manifest import (
    MANIFEST,
    MANIFEST_DIGEST,
    TIMESTAMP,
    AuditRecord,
    CaptureRecord,
    FileEntry,
    Manifest,
)
from .tsa import Timestamp, manifest_digest, request_timestamp

if TYPE_CHECKING:
    from ..store import Store


@dataclass(frozen=True)
class BundleResult:
    path: Path
    manifest: Manifest
    manifest_sha256: str
    timestamp: Timestamp | None


def _extraction(report: Report) -> tuple[bytes, str]:
    try:
        from ..contract import to_document
    except ImportError:  # the contract module is optional for bundles; fall back to the model
        return json.dumps(report.model_dump(mode="json"), indent=2).encode(), "model_dump"
    return json.dumps(to_document(report), ensure_ascii=False, indent=2).encode(), "contract"


def _capture_record(capture: Capture, family_id: str | None) -> CaptureRecord:
    return CaptureRecord(
        sha256=capture.sha256,
        source=capture.source,
        kind=capture.kind,
        url=capture.url,
        final_url=capture.final_url,
        content_type=capture.content_type,
        http_status=capture.http_status,
        headers=[(k, v) for k, v in capture.headers],
        captured_at=capture.captured_at,
        published=capture.published,
        family_id=family_id,
    )


def _members(store: Store, sha256: str) -> list[str]:
    """The article first, then other copies of the same story (its syndication family)."""
    family = store.family_of(sha256)
    others = [m for m in store.family_members(family) if m != sha256] if family else []
    return [sha256, *others]


def _audit(store: Store, subjects: Iterable[str]) -> list[AuditRecord]:
    entries = {e.id: e for s in subjects for e in store.audit_for(s)}
    return [
        AuditRecord(at=e.at, action=e.action, subject=e.subject, detail=e.detail)
        for e in sorted(entries.values(), key=lambda e: (e.at, e.id))
    ]


def collect(store: Store, incident_id: int) -> tuple[Manifest, dict[str, bytes]]:
    """The manifest and file contents for ``incident_id`` (nothing written yet)."""
    from ..store.codec import summary_of

    incident, article = store.get_incident(incident_id)
    files: dict[str, bytes] = {}
    records: list[CaptureRecord] = []
    how = "contract"
    for sha in _members(store, article.sha256):
        capture = store.get_capture(sha)
        if capture is None:
            if sha == article.sha256:
                raise StoreError(f"the raw capture {sha} of incident {incident_id} is not stored")
            continue
        files[f"captures/{sha}.raw"] = capture.raw
        records.append(_capture_record(capture, store.family_of(sha)))
        if store.has_article(sha):
            files[f"reports/{sha}.json"], how = _extraction(store.load_report(sha))
    entries = [
        FileEntry(
            path=name,
            sha256=hashlib.sha256(data).hexdigest(),
            bytes=len(data),
            role=name.split("/", 1)[0].rstrip("s"),
        )
        for name, data in files.items()
    ]
    subjects = [f"incident:{incident_id}"] + [
        f"{kind}:{r.sha256}" for r in records for kind in ("capture", "article")
    ]
    manifest = Manifest(
        created_at=dt.datetime.now(dt.UTC),
        incident_id=incident_id,
        incident_summary=summary_of(incident),
        extraction_json=how,
        files=entries,
        captures=records,
        audit=_audit(store, subjects),
    )
    return manifest, files


def write_bundle(
    store: Store,
    incident_id: int,
    out: Path,
    *,
    settings: Settings,
    tsa_url: str | None = None,
) -> BundleResult:
    """Write the bundle zip to ``out`` (atomically) and log it in the audit trail."""
    manifest, files = collect(store, incident_id)
    manifest_bytes = manifest.model_dump_json(indent=2).encode()
    digest = manifest_digest(manifest_bytes)
    stamp: Timestamp | None = None
    token: bytes | None = None
    if tsa_url:
        token, stamp = request_timestamp(tsa_url, digest, settings=settings)
    part = out.with_name(out.name + ".part")
    with zipfile.ZipFile(part, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(MANIFEST, manifest_bytes)
        zf.writestr(MANIFEST_DIGEST, digest.hex() + "\n")
        if token is not None:
            zf.writestr(TIMESTAMP, token)
        for name, data in files.items():
            zf.writestr(name, data)
    os.replace(part, out)
    store.log_audit(
        "bundle_written",
        f"incident:{incident_id}",
        {"file": str(out), "manifest_sha256": digest.hex(), "tsa": tsa_url},
    )
    return BundleResult(path=out, manifest=manifest, manifest_sha256=digest.hex(), timestamp=stamp)
