"""RFC 3161 time-stamping of a bundle manifest.

We build the TimeStampReq (DER, via asn1crypto), POST it to the time-stamping authority the user
names, and keep the whole TimeStampResp in the bundle. What we check, and say we check: the TSA
granted the request, the token's message imprint is the SHA-256 of the manifest, and the nonce is
ours. What we do NOT check: the TSA's signature over the token and its certificate chain; that
needs the TSA's certificates and a trust decision, and is left to e.g. ``openssl ts -verify``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import time
from dataclasses import dataclass

import httpx
from asn1crypto import tsp

from ..errors import CaptureError, MalformedRecord
from ..settings import Settings

# RFC 3161 responses are a few KiB (token plus TSA certificates); 1 MiB leaves room for long chains.
MAX_RESPONSE_BYTES = 1 << 20
GRANTED = ("granted", "granted_with_mods")


@dataclass(frozen=True)
class Timestamp:
    gen_time: dt.datetime
    serial_number: int
    policy: str
    imprint_sha256: str  # hex; equals the manifest's sha256 when it checks out
    nonce: int | None


def build_request(digest: bytes, *, nonce: int | None = None) -> tuple[bytes, int]:
    """A DER TimeStampReq for a SHA-256 ``digest``, asking for the TSA's certificate."""
    nonce = nonce if nonce is not None else secrets.randbits(63)
    request = tsp.TimeStampReq(
        {
            "version": "v1",
            "message_imprint": {
                "hash_algorithm": {"algorithm": "sha256"},
                "hashed_message": digest,
            },
            "nonce": nonce,
            "cert_req": True,
        }
    )
    return request.dump(), nonce


def read_response(der: bytes, *, digest: bytes, nonce: int | None = None) -> Timestamp:
    """Parse a TimeStampResp and check status, imprint and nonce (not the signature)."""
    try:
        response = tsp.TimeStampResp.load(der)
        status = response["status"]["status"].native
        token = response["time_stamp_token"]
        if status not in GRANTED or token.native is None:
            text = response["status"]["status_string"].native
            raise MalformedRecord(f"the TSA refused the request: {status} {text or ''}".strip())
        info = token["content"]["encap_content_info"]["content"].parsed
        imprint = info["message_imprint"]
        algorithm = imprint["hash_algorithm"]["algorithm"].native
        hashed = imprint["hashed_message"].native
        stamp = Timestamp(
            gen_time=info["gen_time"].native,
            serial_number=int(info["serial_number"].native),
            policy=str(info["policy"].native),
            imprint_sha256=hashed.hex(),
            nonce=info["nonce"].native,
        )
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise MalformedRecord(f"not a readable RFC 3161 response: {exc}") from exc
    if algorithm != "sha256" or hashed != digest:
        raise MalformedRecord(
            f"timestamp covers {algorithm} {hashed.hex()}, not the manifest's sha256 {digest.hex()}"
        )
    if nonce is not None and stamp.nonce != nonce:
        raise MalformedRecord(f"timestamp nonce {stamp.nonce} is not the one sent ({nonce})")
    return stamp


def request_timestamp(
    tsa_url: str, digest: bytes, *, settings: Settings, client: httpx.Client | None = None
) -> tuple[bytes, Timestamp]:
    """Ask ``tsa_url`` to timestamp ``digest``; the response DER and what it says."""
    from ..capture.addresses import check_url
    from ..capture.http import make_client, read_capped

    body, nonce = build_request(digest)
    own = client is None
    client = client or make_client(settings)
    try:
        request = client.build_request(
            "POST",
            check_url(tsa_url),
            content=body,
            headers={"Content-Type": "application/timestamp-query"},
        )
        response = client.send(request, stream=True)
        try:
            if response.status_code != 200:
                raise CaptureError(f"TSA answered HTTP {response.status_code}", source=tsa_url)
            deadline = time.monotonic() + settings.http_timeout
            der = read_capped(response, MAX_RESPONSE_BYTES, deadline, source=tsa_url)
        finally:
            response.close()
    except httpx.HTTPError as exc:
        raise CaptureError(f"cannot reach the TSA: {exc}", source=tsa_url) from exc
    finally:
        if own:
            client.close()
    return der, read_response(der, digest=digest, nonce=nonce)


def manifest_digest(manifest_bytes: bytes) -> bytes:
    return hashlib.sha256(manifest_bytes).digest()
