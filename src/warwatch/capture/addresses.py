"""Which URLs and network addresses warwatch may fetch from.

A URL is checked twice: its text before any request (scheme, credentials, length), and every
address its host resolves to, at connect time, on every hop. Checking at connect time and then
connecting to the very address that was checked is what defeats DNS rebinding: a second lookup
that could answer differently never happens.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from typing import Any

import httpcore
import httpx

from ..errors import RefusedAddress

# 2,048 characters: the longest URL every mainstream browser and CDN accepts; a news article's
# address is far shorter, so anything longer is a mistake or an attack on a parser.
MAX_URL_LENGTH = 2048
ALLOWED_SCHEMES = ("http", "https")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def check_url(url: str, *, max_length: int = MAX_URL_LENGTH) -> httpx.URL:
    """Parse ``url`` and refuse what can never be fetched safely, naming the problem."""
    if len(url) > max_length:
        raise RefusedAddress(
            f"URL is {len(url):,} characters long, over the {max_length:,} limit", source=url[:80]
        )
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        raise RefusedAddress("URL contains whitespace or control characters", source=url[:200])
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError) as exc:
        raise RefusedAddress(f"not a valid URL: {exc}", source=url[:200]) from exc
    if parsed.scheme not in ALLOWED_SCHEMES:
        shown = parsed.scheme or "none"
        raise RefusedAddress(
            f"scheme {shown!r} is not fetched; only http and https URLs are", source=url[:200]
        )
    if parsed.userinfo:
        raise RefusedAddress(
            "URL carries credentials (user:password@); remove them", source=_redact(parsed)
        )
    if not parsed.host:
        raise RefusedAddress("URL has no host", source=url[:200])
    return parsed


def _redact(url: httpx.URL) -> str:
    return str(url.copy_with(username=None, password=None))


def forbidden_reason(ip: IPAddress) -> str | None:
    """Why ``ip`` is not a public internet address, or None when it is."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return forbidden_reason(ip.ipv4_mapped)
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_multicast:
        return "multicast"
    if ip.is_private:
        return "private"
    if not ip.is_global:  # carrier-grade NAT, documentation, reserved ranges
        return "non-public"
    return None


def resolve_checked(host: str, port: int, *, allow_private: bool) -> list[str]:
    """Every address ``host`` resolves to, refusing the lot if any one is not public.

    All addresses are checked, not just the first: a host answering with one public and one
    private address could otherwise be steered to the private one by connection order.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise RefusedAddress(f"cannot resolve host: {exc}", source=host) from exc
    addresses: list[str] = []
    for info in infos:
        text = str(info[4][0]).split("%", 1)[0]  # drop an IPv6 zone index
        if text not in addresses:
            addresses.append(text)
    if not allow_private:
        for text in addresses:
            reason = forbidden_reason(ipaddress.ip_address(text))
            if reason:
                raise RefusedAddress(
                    f"host resolves to {reason} address {text}; set allow_private_addresses "
                    "to fetch from it",
                    source=host,
                )
    if not addresses:
        raise RefusedAddress("host resolves to no address", source=host)
    return addresses


class GuardedBackend(httpcore.SyncBackend):
    """An httpcore network backend that resolves, checks, and connects to the checked address."""

    def __init__(self, *, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        last: Exception | None = None
        for address in resolve_checked(host, port, allow_private=self.allow_private):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                last = exc
        raise last or RefusedAddress("host resolves to no address", source=host)


def guarded_transport(
    *, allow_private: bool, ssl_context: ssl.SSLContext | None = None
) -> httpx.HTTPTransport:
    """An httpx transport whose every connection goes through :class:`GuardedBackend`.

    httpx has no public hook for the network backend, so the pool it builds is replaced by an
    identical one that uses ours (same defaults as ``httpx.HTTPTransport``). Proxies from the
    environment are never used: a proxy would connect on our behalf, out of our sight. TLS still
    checks the certificate against the URL's host name (SNI), not the address connected to.
    ``ssl_context`` replaces the default trust store (tests use a throwaway CA).
    """
    transport = httpx.HTTPTransport(trust_env=False)
    transport._pool = httpcore.ConnectionPool(
        ssl_context=ssl_context or httpx.create_ssl_context(trust_env=False),
        max_connections=100,
        max_keepalive_connections=20,
        keepalive_expiry=5.0,
        network_backend=GuardedBackend(allow_private=allow_private),
    )
    return transport
