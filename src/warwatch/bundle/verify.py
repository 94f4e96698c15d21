"""Re-check an evidence bundle and say exactly what was altered."""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..errors import MalformedRecord
from .manifest import MANIFEST, MANIFEST_DIGEST, TIMESTAMP, UNLISTED, Manifest
from .tsa import Timestamp, read_response

CHUNK = 1 << 16


@dataclass(frozen=True)
class Problem:
    kind: str  # altered | missing | extra | manifest_edited | misnamed | timestamp | unreadable
    path: str
    expected: str | None = None
    actual: str | None = None

    def __str__(self) -> str:
        if self.expected is not None or self.actual is not None:
            return f"{self.kind}: {self.path} (expected {self.expected}, actual {self.actual})"
        return f"{self.kind}: {self.path}"


@dataclass
class Verification:
    path: Path
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0
    manifest: Manifest | None = None
    timestamp: Timestamp | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def _sha256(zf: zipfile.ZipFile, name: str) -> str:
    digest = hashlib.sha256()
    with zf.open(name) as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def verify_bundle(path: Path) -> Verification:
    result = Verification(path=path)
    try:
        with zipfile.ZipFile(path) as zf:
            _verify(zf, result)
    except zipfile.BadZipFile as exc:
        result.problems.append(Problem("unreadable", str(path), actual=str(exc)))
    return result


def _verify(zf: zipfile.ZipFile, result: Verification) -> None:
    names = set(zf.namelist())
    if MANIFEST not in names:
        result.problems.append(Problem("missing", MANIFEST))
        return
    manifest_bytes = zf.read(MANIFEST)
    actual = hashlib.sha256(manifest_bytes).hexdigest()
    recorded = (
        zf.read(MANIFEST_DIGEST).decode("ascii", "replace").strip()
        if MANIFEST_DIGEST in names
        else None
    )
    if recorded is None:
        result.problems.append(Problem("missing", MANIFEST_DIGEST))
    elif recorded != actual:
        result.problems.append(Problem("manifest_edited", MANIFEST, recorded, actual))
    try:
        manifest = Manifest.model_validate_json(manifest_bytes)
    except ValidationError as exc:
        result.problems.append(Problem("unreadable", MANIFEST, actual=str(exc).splitlines()[0]))
        return
    result.manifest = manifest
    _check_files(zf, names, manifest, result)
    if TIMESTAMP in names:
        try:
            result.timestamp = read_response(zf.read(TIMESTAMP), digest=bytes.fromhex(actual))
        except MalformedRecord as exc:
            result.problems.append(Problem("timestamp", TIMESTAMP, actual=str(exc)))


def _check_files(
    zf: zipfile.ZipFile, names: set[str], manifest: Manifest, result: Verification
) -> None:
    listed = {f.path for f in manifest.files}
    for entry in manifest.files:
        if entry.path not in names:
            result.problems.append(Problem("missing", entry.path, entry.sha256, None))
            continue
        found = _sha256(zf, entry.path)
        result.files_checked += 1
        if found != entry.sha256:
            result.problems.append(Problem("altered", entry.path, entry.sha256, found))
        elif entry.path.startswith("captures/"):
            # Captures are named by their own hash: a bytes-and-manifest edit still shows here.
            named = entry.path.removeprefix("captures/").removesuffix(".raw")
            if named != found:
                result.problems.append(Problem("misnamed", entry.path, named, found))
    for extra in sorted(names - listed - UNLISTED):
        result.problems.append(Problem("extra", extra, None, _sha256(zf, extra)))
