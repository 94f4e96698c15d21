"""fetch_url / Fetcher against a local server: caps, redirects, retries, robots, addresses."""

from __future__ import annotations

import datetime as dt
import gzip
import shutil
import socket
import ssl
import subprocess
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import httpx
import pytest

from test_capture_server import LocalServer, page, running_server, send
from warwatch.capture import addresses
from warwatch.capture.http import Fetcher, FetchPolicy, fetch_many, fetch_url, retry_after
from warwatch.errors import CaptureError, RefusedAddress, TooLarge
from warwatch.settings import Settings


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    yield from running_server()


FAST = FetchPolicy(max_redirects=3, max_retries=2, backoff=0.01, max_wait=5, host_delay=0)
ARTICLE = b"<html><head><title>t</title></head><body><p>Shelling hit the market.</p></body></html>"


def settings(tmp_path: Path, **kw: object) -> Settings:
    base: dict[str, object] = {
        "allow_private_addresses": True,
        "http_timeout": 2.0,
        "data_dir": tmp_path,
        "user_agent": "warwatch-test/1.0",
    }
    base.update(kw)
    return Settings(**base)  # type: ignore[arg-type]


def fetcher(tmp_path: Path, sleeps: list[float] | None = None, **kw: object) -> Fetcher:
    record = sleeps if sleeps is not None else []
    return Fetcher(settings(tmp_path, **kw), policy=FAST, sleep=record.append)


def redirect(to: str, status: int = 302):
    return lambda h: send(h, status, b"", None, {"Location": to})


def test_page_capture_keeps_provenance(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/a"] = page(ARTICLE, ETag='"v1"')
    before = dt.datetime.now(dt.UTC)
    cap = fetch_url(server.url("/a"), settings=settings(tmp_path))
    assert cap.raw == ARTICLE and cap.kind == "url" and cap.http_status == 200
    assert cap.url == cap.final_url == cap.source == server.url("/a")
    assert cap.content_type == "text/html; charset=utf-8"
    assert ("etag", '"v1"') in cap.headers
    assert before <= cap.captured_at <= dt.datetime.now(dt.UTC)
    import hashlib

    assert cap.sha256 == hashlib.sha256(ARTICLE).hexdigest()
    ua = [h["user-agent"] for p, h in server.hits if p == "/a"]
    assert ua == ["warwatch-test/1.0"]


def test_charset_from_meta_is_recorded(server: LocalServer, tmp_path: Path) -> None:
    body = b'<html><head><meta charset="windows-1251"></head><body>\xcf\xf0\xe8</body></html>'
    server.routes["/cyr"] = page(body, "text/html")
    with fetcher(tmp_path) as f:
        cap = f.fetch(server.url("/cyr"))
    assert cap.content_type == "text/html; charset=windows-1251"
    assert cap.raw == body  # never decoded at capture


def test_redirect_followed_and_recorded(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/old"] = redirect("/new", 301)
    server.routes["/new"] = page(ARTICLE)
    with fetcher(tmp_path) as f:
        cap = f.fetch(server.url("/old"))
    assert cap.url == server.url("/old") and cap.final_url == server.url("/new")


def test_redirect_loop_refused(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/x"] = redirect("/y")
    server.routes["/y"] = redirect("/x")
    with fetcher(tmp_path) as f, pytest.raises(CaptureError, match="redirect loop"):
        f.fetch(server.url("/x"))


def test_redirect_cap(server: LocalServer, tmp_path: Path) -> None:
    for i in range(10):
        server.routes[f"/r{i}"] = redirect(f"/r{i + 1}")
    with fetcher(tmp_path) as f, pytest.raises(CaptureError, match="more than 3 redirects"):
        f.fetch(server.url("/r0"))
    assert server.paths().count("/r4") == 0  # stopped at the cap, not after


def test_slow_response_times_out(server: LocalServer, tmp_path: Path) -> None:
    def slow(h: BaseHTTPRequestHandler) -> None:
        time.sleep(3)
        send(h, 200, ARTICLE)

    server.routes["/slow"] = slow
    start = time.monotonic()
    with fetcher(tmp_path, http_timeout=0.5) as f, pytest.raises(CaptureError, match="within"):
        f.fetch(server.url("/slow"))
    assert time.monotonic() - start < 2.5


def test_trickling_body_stopped_by_total_time_cap(server: LocalServer, tmp_path: Path) -> None:
    def trickle(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "1000000")  # under the cap: only time stops it
        h.end_headers()
        for _ in range(400):  # bounded: 20 s at most, ends as soon as the client hangs up
            try:
                h.wfile.write(b"x")
                h.wfile.flush()
            except OSError:
                return
            time.sleep(0.05)

    server.routes["/trickle"] = trickle
    start = time.monotonic()
    with fetcher(tmp_path, http_timeout=1.0) as f, pytest.raises(CaptureError, match="trickling"):
        f.fetch(server.url("/trickle"))
    assert time.monotonic() - start < 3


def test_huge_response_capped(server: LocalServer, tmp_path: Path) -> None:
    def unannounced(h: BaseHTTPRequestHandler) -> None:  # no Content-Length: read to the cap
        h.protocol_version = "HTTP/1.0"
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        for _ in range(50):
            h.wfile.write(b"a" * 10_000)

    server.routes["/huge"] = unannounced
    with fetcher(tmp_path, max_bytes=50_000) as f, pytest.raises(TooLarge, match="once decoded"):
        f.fetch(server.url("/huge"))


def test_announced_size_refused_before_reading(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/big"] = page(b"<p>" + b"a" * 200_000 + b"</p>")
    with fetcher(tmp_path, max_bytes=50_000) as f, pytest.raises(TooLarge, match="announces"):
        f.fetch(server.url("/big"))


def test_gzip_bomb_capped_on_decoded_size(server: LocalServer, tmp_path: Path) -> None:
    bomb = gzip.compress(b"\0" * 50_000_000, compresslevel=9)
    assert len(bomb) < 100_000  # small on the wire
    server.routes["/bomb"] = page(bomb, "text/html", Content_Encoding="gzip")
    with fetcher(tmp_path, max_bytes=1_000_000) as f, pytest.raises(TooLarge, match="decoded"):
        f.fetch(server.url("/bomb"))


def test_gzip_page_decoded(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/gz"] = page(gzip.compress(ARTICLE), Content_Encoding="gzip")
    with fetcher(tmp_path) as f:
        assert f.fetch(server.url("/gz")).raw == ARTICLE


def test_429_then_200_honours_retry_after(server: LocalServer, tmp_path: Path) -> None:
    answers = iter([429, 200])

    def flaky(h: BaseHTTPRequestHandler) -> None:
        status = next(answers)
        send(h, status, ARTICLE if status == 200 else b"slow down", headers={"Retry-After": "2"})

    server.routes["/busy"] = flaky
    sleeps: list[float] = []
    with fetcher(tmp_path, sleeps) as f:
        cap = f.fetch(server.url("/busy"))
    assert cap.http_status == 200 and sleeps == [2.0]


def test_retries_are_bounded(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/down"] = lambda h: send(h, 503, b"down")
    sleeps: list[float] = []
    with fetcher(tmp_path, sleeps) as f, pytest.raises(CaptureError, match="HTTP 503"):
        f.fetch(server.url("/down"))
    assert server.paths().count("/down") == FAST.max_retries + 1
    assert sleeps == [0.01, 0.02]  # exponential backoff


def test_retry_after_beyond_cap_fails_clearly(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/later"] = lambda h: send(h, 429, b"", headers={"Retry-After": "3600"})
    with fetcher(tmp_path) as f, pytest.raises(CaptureError, match="retry after 3600s"):
        f.fetch(server.url("/later"))


def test_retry_after_http_date() -> None:
    now = dt.datetime(2026, 1, 1, 12, 0, tzinfo=dt.UTC)
    assert retry_after("Thu, 01 Jan 2026 12:00:30 GMT", now=now) == 30
    assert retry_after("7") == 7 and retry_after("soon") is None and retry_after(None) is None


def test_robots_disallow_honoured_unless_turned_off(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/robots.txt"] = page(b"User-agent: *\nDisallow: /private/\n", "text/plain")
    server.routes["/private/a"] = page(ARTICLE)
    server.routes["/public/a"] = page(ARTICLE)
    with fetcher(tmp_path) as f:
        assert f.fetch(server.url("/public/a")).raw == ARTICLE
        with pytest.raises(CaptureError, match="robots.txt"):
            f.fetch(server.url("/private/a"))
    assert "/private/a" not in server.paths()
    assert server.paths().count("/robots.txt") == 1  # cached per site
    with fetcher(tmp_path, respect_robots=False) as f:
        assert f.fetch(server.url("/private/a")).raw == ARTICLE


def test_robots_crawl_delay_spaces_requests(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/robots.txt"] = page(b"User-agent: *\nCrawl-delay: 5\n", "text/plain")
    server.routes["/a"] = page(ARTICLE)
    sleeps: list[float] = []
    with fetcher(tmp_path, sleeps) as f:
        f.fetch(server.url("/a"))
        f.fetch(server.url("/a"))
    # robots.txt, then two pages: each request after the first waits the crawl delay
    assert len(sleeps) == 2 and all(4.5 < s <= 5 for s in sleeps)


@pytest.mark.parametrize(("ctype", "words"), [("application/pdf", "PDF"), ("image/png", "images")])
def test_non_html_content_refused(
    server: LocalServer, tmp_path: Path, ctype: str, words: str
) -> None:
    server.routes["/doc"] = page(b"%PDF-1.4 ...", ctype)
    with fetcher(tmp_path) as f, pytest.raises(CaptureError, match=words):
        f.fetch(server.url("/doc"))


def test_loopback_refused_by_default(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/a"] = page(ARTICLE)
    for url in (server.url("/a"), f"http://localhost:{server.port}/a"):
        with pytest.raises(RefusedAddress, match="loopback"):
            fetch_url(url, settings=settings(tmp_path, allow_private_addresses=False))
    assert server.hits == []


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://[::1]/", "loopback"),
        ("http://0x7f000001/", "loopback"),  # hex spelling of 127.0.0.1
        ("http://2130706433/", "loopback"),  # decimal spelling
        ("http://127.1/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),  # IPv4-mapped IPv6
        ("http://0/", "unspecified"),
        ("http://[fe80::1]/", "link-local"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),  # cloud metadata service
        ("http://192.168.1.1/", "private"),
        ("http://100.64.0.1/", "non-public"),  # carrier-grade NAT
    ],
)
def test_address_spellings_refused(tmp_path: Path, url: str, reason: str) -> None:
    # Refused before any connection is tried, so no packet leaves for these ranges.
    with pytest.raises(RefusedAddress, match=f"{reason} address"):
        fetch_url(url, settings=settings(tmp_path, allow_private_addresses=False))


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("file:///etc/passwd", "scheme 'file'"),
        ("javascript:alert(1)", "scheme"),
        ("ftp://example.org/x", "scheme 'ftp'"),
        ("http://user:secret@example.org/", "credentials"),
        ("http://example.org/" + "a" * 5000, "characters long"),
        ("http://exa mple.org/", "whitespace"),
        ("http:///nohost", "host"),
    ],
)
def test_hostile_urls_refused(tmp_path: Path, url: str, words: str) -> None:
    with pytest.raises(RefusedAddress, match=words) as info:
        fetch_url(url, settings=settings(tmp_path, allow_private_addresses=False))
    assert "secret" not in str(info.value)


def _fake_dns(monkeypatch: pytest.MonkeyPatch, table: dict[str, list[str]]) -> list[str]:
    """Answer getaddrinfo from ``table`` and count lookups; no real DNS is ever asked."""
    asked: list[str] = []
    real = socket.getaddrinfo

    def fake(host: str, port: object, *args: object, **kw: object) -> list[tuple]:
        asked.append(host)
        if host in table:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (ip, port)) for ip in table[host]]
        if host.replace(".", "").isdigit():
            return real(host, port, *args, **kw)  # type: ignore[arg-type]
        raise socket.gaierror("no such host in the test table")

    monkeypatch.setattr(addresses.socket, "getaddrinfo", fake)
    return asked


def test_any_private_answer_refuses_host(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _fake_dns(monkeypatch, {"mixed.test": ["93.184.216.34", "10.0.0.7"]})
    with pytest.raises(RefusedAddress, match="private address 10.0.0.7"):
        fetch_url("http://mixed.test/", settings=settings(tmp_path, allow_private_addresses=False))


def test_connects_to_the_checked_address(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # The name is resolved once, by us, and the socket goes to that very address: a rebinding
    # DNS server gets no second chance to answer differently.
    asked = _fake_dns(monkeypatch, {"news.test": ["127.0.0.1"]})
    server.routes["/a"] = page(ARTICLE)
    with fetcher(tmp_path, respect_robots=False) as f:
        cap = f.fetch(f"http://news.test:{server.port}/a")
    names = [h for h in asked if not h.replace(".", "").isdigit()]  # IP literals need no DNS
    assert cap.raw == ARTICLE and names == ["news.test"]
    assert server.hits[0][1]["host"] == f"news.test:{server.port}"


@pytest.mark.parametrize(
    ("target", "reason"),
    [("http://10.1.2.3/x", "private"), ("http://169.254.169.254/latest/", "link-local")],
)
def test_redirect_to_private_address_refused(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, target: str, reason: str
) -> None:
    # Treat the test server's 127.0.0.1 as if it were public, so only the redirect hop is private.
    real = addresses.forbidden_reason
    monkeypatch.setattr(
        addresses, "forbidden_reason", lambda ip: None if str(ip) == "127.0.0.1" else real(ip)
    )
    server.routes["/go"] = redirect(target)
    with (
        Fetcher(
            settings(tmp_path, allow_private_addresses=False, respect_robots=False), policy=FAST
        ) as f,
        pytest.raises(RefusedAddress, match=reason),
    ):
        f.fetch(server.url("/go"))
    assert server.paths() == ["/go"]


def test_https_checks_the_certificate_of_the_name_not_the_address(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """We connect to the checked IP, yet TLS must still verify the URL's host name (SNI)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl command not available to make a throwaway certificate")
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
            "-subj",
            "/CN=news.test",
            "-addext",
            "subjectAltName=DNS:news.test",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    srv = LocalServer()
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(cert, key)
    srv.httpd.socket = server_ctx.wrap_socket(srv.httpd.socket, server_side=True)
    srv.routes["/a"] = page(ARTICLE)
    srv.start()
    try:
        _fake_dns(monkeypatch, {"news.test": ["127.0.0.1"], "other.test": ["127.0.0.1"]})
        client_ctx = ssl.create_default_context(cafile=str(cert))
        transport = addresses.guarded_transport(allow_private=True, ssl_context=client_ctx)
        with (
            httpx.Client(transport=transport) as client,
            Fetcher(settings(tmp_path, respect_robots=False), policy=FAST, client=client) as f,
        ):
            assert f.fetch(f"https://news.test:{srv.port}/a").raw == ARTICLE
            with pytest.raises(CaptureError, match="Hostname mismatch"):
                f.fetch(f"https://other.test:{srv.port}/a")  # same address, wrong name
    finally:
        srv.stop()


def test_fetch_many_shares_robots_and_reports_errors(server: LocalServer, tmp_path: Path) -> None:
    server.routes["/robots.txt"] = page(b"User-agent: *\nDisallow: /no/\n", "text/plain")
    server.routes["/a"] = page(ARTICLE)
    urls = [server.url("/a"), server.url("/no/x"), "file:///etc/passwd", server.url("/a")]
    out = list(fetch_many(urls, settings=settings(tmp_path)))
    assert [type(o).__name__ for o in out] == [
        "Capture",
        "CaptureError",
        "RefusedAddress",
        "Capture",
    ]
    assert server.paths().count("/robots.txt") == 1
