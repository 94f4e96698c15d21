"""Evidence bundles: round trip, one changed byte, missing/extra files, edited manifest, RFC 3161."""

from __future__ import annotations

import datetime as dt
import hashlib
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from asn1crypto import cms, core, tsp

from store_fixtures import (  # noqa: F401  (fixtures are found by name)
    pg_session_url_fixture,
    store_url_fixture,
)
from test_capture_server import LocalServer, running_server, send
from warwatch.bundle import verify_bundle, write_bundle
from warwatch.bundle.tsa import build_request, read_response
from warwatch.capture import capture_bytes
from warwatch.errors import MalformedRecord
from warwatch.link.syndication import assign_family
from warwatch.model import (
    Article,
    EventType,
    Incident,
    Report,
    SubEventType,
    TextSpan,
)
from warwatch.settings import Settings
from warwatch.store import Store, open_store

TEXT = "Shelling hit the central market of the town on Monday, officials said. " * 5


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    yield from running_server()


@pytest.fixture()
def stored(store_url: str) -> tuple[Store, int]:
    return make_store(store_url)


def make_store(url: str) -> tuple[Store, int]:
    """A store holding one article with one incident, plus a syndicated copy of it."""
    store = open_store(url)
    ids = []
    for n, text in enumerate((TEXT, "Wire copy. " + TEXT + " (c) Agency")):
        capture = capture_bytes(text.encode(), source=f"https://news{n}.example/a", kind="url")
        start = text.index("Shelling")
        incident = Incident(
            event_type=EventType.EXPLOSIONS,
            sub_event_type=SubEventType.SHELLING,
            trigger=TextSpan(start=start, end=start + 8, text="Shelling"),
        )
        report = Report(article=Article(text=text, sha256=capture.sha256), incidents=(incident,))
        ids += store.save_report(capture, report).incident_ids
        assign_family(store, capture.sha256, text)
    return store, ids[0]


def settings(tmp_path: Path) -> Settings:
    return Settings(allow_private_addresses=True, http_timeout=2, data_dir=tmp_path)


def rewrite(src: Path, dst: Path, change: dict[str, bytes | None]) -> None:
    """Copy a zip, replacing (bytes) or dropping (None) the named members, adding new ones."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for name in zin.namelist():
            if name not in change:
                zout.writestr(name, zin.read(name))
        for name, data in change.items():
            if data is not None:
                zout.writestr(name, data)


def test_round_trip(stored: tuple[Store, int], tmp_path: Path) -> None:
    store, incident_id = stored
    out = tmp_path / "evidence.zip"
    result = write_bundle(store, incident_id, out, settings=settings(tmp_path))
    check = verify_bundle(out)
    assert check.ok, check.problems
    assert check.files_checked == 4  # two captures (story + syndicated copy), two reports
    manifest = check.manifest
    assert manifest is not None and manifest.incident_id == incident_id
    assert manifest.extraction_json == "contract"
    assert {c.source for c in manifest.captures} == {
        "https://news0.example/a",
        "https://news1.example/a",
    }
    assert len({c.family_id for c in manifest.captures}) == 1
    assert [a.action for a in manifest.audit].count("family_assigned") == 2
    assert store.audit_for(f"incident:{incident_id}")[-1].detail["manifest_sha256"] == (
        result.manifest_sha256
    )


def test_one_changed_byte_is_named(stored: tuple[Store, int], tmp_path: Path) -> None:
    store, incident_id = stored
    out = tmp_path / "evidence.zip"
    manifest = write_bundle(store, incident_id, out, settings=settings(tmp_path)).manifest
    name = next(f.path for f in manifest.files if f.path.startswith("captures/"))
    with zipfile.ZipFile(out) as zf:
        raw = bytearray(zf.read(name))
    raw[10] ^= 0x01
    bad = tmp_path / "bad.zip"
    rewrite(out, bad, {name: bytes(raw)})
    problems = verify_bundle(bad).problems
    assert [(p.kind, p.path) for p in problems] == [("altered", name)]
    expected = next(f.sha256 for f in manifest.files if f.path == name)
    assert problems[0].expected == expected
    assert problems[0].actual == hashlib.sha256(bytes(raw)).hexdigest()


def test_missing_extra_and_edited_manifest(stored: tuple[Store, int], tmp_path: Path) -> None:
    store, incident_id = stored
    out = tmp_path / "evidence.zip"
    manifest = write_bundle(store, incident_id, out, settings=settings(tmp_path)).manifest
    report = next(f.path for f in manifest.files if f.path.startswith("reports/"))
    with zipfile.ZipFile(out) as zf:
        edited = zf.read("manifest.json").replace(b"Shelling", b"Airstrike", 1)
    bad = tmp_path / "bad.zip"
    rewrite(out, bad, {report: None, "notes.txt": b"added later", "manifest.json": edited})
    kinds = {(p.kind, p.path) for p in verify_bundle(bad).problems}
    assert kinds == {
        ("missing", report),
        ("extra", "notes.txt"),
        ("manifest_edited", "manifest.json"),
    }


def fake_tsa_response(request_der: bytes, *, imprint: bytes | None = None) -> bytes:
    """A TimeStampResp as a TSA would shape it (unsigned: signer_infos is empty)."""
    request = tsp.TimeStampReq.load(request_der)
    message = request["message_imprint"]
    if imprint is not None:
        message = tsp.MessageImprint(
            {"hash_algorithm": {"algorithm": "sha256"}, "hashed_message": imprint}
        )
    info = tsp.TSTInfo(
        {
            "version": "v1",
            "policy": "1.3.6.1.4.1.99999.1",
            "message_imprint": message,
            "serial_number": 4242,
            "gen_time": dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
            "nonce": request["nonce"].native,
        }
    )
    signed = cms.SignedData(
        {
            "version": "v3",
            "digest_algorithms": [{"algorithm": "sha256"}],
            "encap_content_info": {
                "content_type": "tst_info",
                "content": core.ParsableOctetString(info.dump()),
            },
            "signer_infos": [],
        }
    )
    token = cms.ContentInfo({"content_type": "signed_data", "content": signed})
    return tsp.TimeStampResp({"status": {"status": "granted"}, "time_stamp_token": token}).dump()


def tsa_route(**kw: bytes):
    def answer(h: BaseHTTPRequestHandler) -> None:
        body = h.rfile.read(int(h.headers["Content-Length"]))
        assert h.headers["Content-Type"] == "application/timestamp-query"
        send(h, 200, fake_tsa_response(body, **kw), "application/timestamp-reply")

    return answer


def test_timestamp_request_and_check(
    stored: tuple[Store, int], server: LocalServer, tmp_path: Path
) -> None:
    store, incident_id = stored
    server.routes["/tsa"] = tsa_route()
    out = tmp_path / "evidence.zip"
    result = write_bundle(
        store, incident_id, out, settings=settings(tmp_path), tsa_url=server.url("/tsa")
    )
    assert result.timestamp is not None and result.timestamp.serial_number == 4242
    check = verify_bundle(out)
    assert check.ok and check.timestamp is not None
    assert check.timestamp.imprint_sha256 == result.manifest_sha256
    # Edit the manifest and its digest file consistently: only the timestamp can tell.
    with zipfile.ZipFile(out) as zf:
        edited = zf.read("manifest.json").replace(b"Shelling", b"Airstrike", 1)
    bad = tmp_path / "bad.zip"
    digest = hashlib.sha256(edited).hexdigest().encode()
    rewrite(out, bad, {"manifest.json": edited, "manifest.json.sha256": digest})
    assert [p.kind for p in verify_bundle(bad).problems] == ["timestamp"]


def test_timestamp_for_another_digest_refused(
    stored: tuple[Store, int], server: LocalServer, tmp_path: Path
) -> None:
    store, incident_id = stored
    server.routes["/tsa"] = tsa_route(imprint=b"\0" * 32)
    with pytest.raises(MalformedRecord, match="not the manifest's sha256"):
        write_bundle(
            store,
            incident_id,
            tmp_path / "e.zip",
            settings=settings(tmp_path),
            tsa_url=server.url("/tsa"),
        )
    assert not (tmp_path / "e.zip").exists()


def test_request_is_der_with_nonce() -> None:
    digest = hashlib.sha256(b"manifest").digest()
    der, nonce = build_request(digest, nonce=7)
    parsed = tsp.TimeStampReq.load(der)
    assert parsed["nonce"].native == 7 and parsed["cert_req"].native is True
    assert parsed["message_imprint"]["hashed_message"].native == digest
    stamp = read_response(fake_tsa_response(der), digest=digest, nonce=7)
    assert stamp.gen_time == dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    with pytest.raises(MalformedRecord, match="nonce"):
        read_response(fake_tsa_response(der), digest=digest, nonce=8)
