"""poll_feed / watch_feeds against a local server and a real (SQLite) store."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from store_fixtures import (  # noqa: F401  (fixtures are found by name)
    pg_session_url_fixture,
    store_fixture,
    store_url_fixture,
)
from test_capture_server import LocalServer, page, running_server, send
from warwatch.capture.feeds import poll_feed
from warwatch.capture.http import Fetcher, FetchPolicy
from warwatch.capture.watch import watch_feeds
from warwatch.errors import CaptureError
from warwatch.model import Capture
from warwatch.settings import Settings
from warwatch.store import Store

FAST = FetchPolicy(max_retries=0, backoff=0.01, host_delay=0)
ARTICLE = "<html><body><p>Article {n}: shelling reported in the north.</p></body></html>"


@pytest.fixture()
def server() -> Iterator[LocalServer]:
    yield from running_server()


def settings(tmp_path: Path) -> Settings:
    return Settings(allow_private_addresses=True, http_timeout=2, data_dir=tmp_path)


def rss(server: LocalServer, items: list[tuple[str, str | None]]) -> bytes:
    """An RSS 2.0 document; each item is (guid, link path or None), newest first."""
    parts = []
    for guid, path in items:
        link = f"<link>{server.url(path)}</link>" if path else ""
        parts.append(
            f'<item><title>Title {guid}</title><guid isPermaLink="false">{guid}</guid>{link}'
            f"<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate>"
            f"<description>&lt;p&gt;Summary of {guid} from the feed.&lt;/p&gt;</description></item>"
        )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        + "".join(parts)
        + "</channel></rss>"
    ).encode()


class VersionedFeed:
    """A feed route honouring If-None-Match; ``version`` bumps change its ETag and items."""

    def __init__(self, server: LocalServer, items: list[tuple[str, str | None]]) -> None:
        self.server, self.items, self.version = server, items, 1

    def __call__(self, h: BaseHTTPRequestHandler) -> None:
        etag = f'"v{self.version}"'
        if h.headers.get("If-None-Match") == etag:
            send(h, 304, b"", None, {"ETag": etag})
        else:
            send(h, 200, rss(self.server, self.items), "application/rss+xml", {"ETag": etag})


def make_fetcher(tmp_path: Path) -> Fetcher:
    return Fetcher(settings(tmp_path), policy=FAST, sleep=lambda s: None)


def test_poll_etag_and_new_entries_only(server: LocalServer, store: Store, tmp_path: Path) -> None:
    for n in (1, 2, 3):
        server.routes[f"/a{n}"] = page(ARTICLE.format(n=n).encode())
    feed = VersionedFeed(server, [("g2", "/a2"), ("g1", "/a1")])
    server.routes["/feed"] = feed
    url = server.url("/feed")
    with make_fetcher(tmp_path) as f:
        first = poll_feed(url, store=store, settings=f.settings, fetcher=f)
        assert [c.url for c in first] == [server.url("/a1"), server.url("/a2")]  # oldest first
        assert all(c.kind == "url" and c.published is not None for c in first)
        assert store.get_capture(first[0].sha256) is not None  # raw bytes kept
        assert poll_feed(url, store=store, settings=f.settings, fetcher=f) == []  # 304
        assert server.hits[-1][1].get("if-none-match") == '"v1"'
        feed.items, feed.version = [("g3", "/a3"), *feed.items], 2
        third = poll_feed(url, store=store, settings=f.settings, fetcher=f)
    assert [c.url for c in third] == [server.url("/a3")]
    state = store.feed_state(url)
    assert state is not None and state.etag == '"v2"' and state.last_status == 200
    assert store.audit_for(f"capture:{third[0].sha256}")[0].detail["from"] == "link"


def test_entry_content_used_when_link_fails(
    server: LocalServer, store: Store, tmp_path: Path
) -> None:
    server.routes["/doc.pdf"] = page(b"%PDF-1.4", "application/pdf")
    server.routes["/feed"] = VersionedFeed(
        server, [("gone", "/missing"), ("pdf", "/doc.pdf"), ("nolink", None)]
    )
    with make_fetcher(tmp_path) as f:
        caps = poll_feed(server.url("/feed"), store=store, settings=f.settings, fetcher=f)
    assert [c.kind for c in caps] == ["feed", "feed", "feed"]
    assert b"Summary of gone from the feed" in caps[2].raw and b"Title gone" in caps[2].raw
    assert caps[2].url == server.url("/missing") and caps[0].url is None


def test_broken_feed_raises_and_is_recorded(
    server: LocalServer, store: Store, tmp_path: Path
) -> None:
    server.routes["/bad"] = page(b"this is not xml at all <<<", "application/xml")
    with make_fetcher(tmp_path) as f, pytest.raises(CaptureError, match="RSS/Atom"):
        poll_feed(server.url("/bad"), store=store, settings=f.settings, fetcher=f)
    state = store.feed_state(server.url("/bad"))
    assert state is not None and "RSS/Atom" in (state.last_error or "")


def test_watch_survives_a_down_feed(server: LocalServer, store: Store, tmp_path: Path) -> None:
    server.routes["/a1"] = page(ARTICLE.format(n=1).encode())
    server.routes["/good"] = VersionedFeed(server, [("g1", "/a1")])
    server.routes["/down"] = lambda h: send(h, 503, b"down")
    got: list[Capture] = []
    with make_fetcher(tmp_path) as f:
        summary = watch_feeds(
            [server.url("/down"), server.url("/good")],
            store=store,
            settings=f.settings,
            on_capture=got.append,
            once=True,
            fetcher=f,
        )
    assert [c.url for c in got] == [server.url("/a1")]
    assert list(summary.feed_failures) == [server.url("/down")] and summary.captured == 1


def test_watch_stop_finishes_current_item(
    server: LocalServer, store: Store, tmp_path: Path
) -> None:
    for n in (1, 2, 3):
        server.routes[f"/a{n}"] = page(ARTICLE.format(n=n).encode())
    server.routes["/feed"] = VersionedFeed(server, [("g3", "/a3"), ("g2", "/a2"), ("g1", "/a1")])
    stop = threading.Event()
    got: list[Capture] = []

    def handle(capture: Capture) -> None:
        got.append(capture)
        stop.set()  # as if Ctrl-C arrived while this item was being processed

    with make_fetcher(tmp_path) as f:
        watch_feeds(
            [server.url("/feed")],
            store=store,
            settings=f.settings,
            on_capture=handle,
            stop=stop,
            fetcher=f,
        )
        assert len(got) == 1 and store.entry_seen(server.url("/feed"), "g1")
        assert not store.entry_seen(server.url("/feed"), "g2")
        assert store.feed_state(server.url("/feed")) is None  # validators not saved: redo next poll
        got.clear()
        watch_feeds(
            [server.url("/feed")],
            store=store,
            settings=f.settings,
            on_capture=got.append,
            once=True,
            fetcher=f,
        )
    assert [c.url for c in got] == [server.url("/a2"), server.url("/a3")]


def test_atom_with_relative_links_and_last_modified(
    server: LocalServer, store: Store, tmp_path: Path
) -> None:
    stamp = "Mon, 06 May 2024 10:00:00 GMT"
    atom = (
        b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        b"<title>t</title><id>urn:feed</id><updated>2024-05-06T10:00:00Z</updated>"
        b'<entry><title>One</title><id>urn:e1</id><link href="/news/a1"/>'
        b"<updated>2024-05-06T09:00:00Z</updated><summary>s</summary></entry></feed>"
    )

    def feed(h: BaseHTTPRequestHandler) -> None:
        if h.headers.get("If-Modified-Since") == stamp:
            send(h, 304, b"", None)
        else:
            send(h, 200, atom, "application/atom+xml", {"Last-Modified": stamp})

    server.routes["/atom"] = feed
    server.routes["/news/a1"] = page(ARTICLE.format(n=1).encode())
    with make_fetcher(tmp_path) as f:
        first = poll_feed(server.url("/atom"), store=store, settings=f.settings, fetcher=f)
        again = poll_feed(server.url("/atom"), store=store, settings=f.settings, fetcher=f)
    assert [(c.url, c.kind) for c in first] == [(server.url("/news/a1"), "url")]
    assert again == [] and server.hits[-1][1].get("if-modified-since") == stamp
    state = store.feed_state(server.url("/atom"))
    assert state is not None and state.last_modified == stamp and state.last_status == 304
