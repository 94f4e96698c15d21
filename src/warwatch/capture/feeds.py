"""New entries of RSS/Atom feeds as Captures, with conditional GET and a memory of what was seen.

Each entry's *link* is fetched through :class:`~warwatch.capture.http.Fetcher` (so every rule
for web pages applies); when that fails (refused, robots, not HTML, down), the entry's own
content from the feed (``content``, else ``summary``) becomes the capture instead, with
``kind="feed"``. ``FeedItem.from_link`` says which was used.

The feed's ETag/Last-Modified are stored only after every new entry was handed on, so a poll that
is interrupted is redone in full next time (already seen entries are skipped).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import time
from collections.abc import Generator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import feedparser

from ..errors import CaptureError, WarwatchError
from ..model import Capture
from ..settings import Settings
from .files import capture_bytes
from .http import FEED_TYPES, PAGE_TYPES, Fetcher, Response

if TYPE_CHECKING:
    from ..store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FeedItem:
    feed_url: str
    entry_key: str
    capture: Capture
    from_link: bool  # True: the entry's link was fetched; False: the feed's own content was used


def entry_key(entry: Mapping[str, Any]) -> str:
    """A stable identity for an entry: its id (guid), else its link, else a hash of its text."""
    for name in ("id", "link"):
        value = entry.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    text = f"{entry.get('title', '')}\n{entry.get('summary', '')}"
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def entry_date(entry: Mapping[str, Any]) -> dt.date | None:
    for name in ("published_parsed", "updated_parsed"):
        value = entry.get(name)
        if isinstance(value, time.struct_time):
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def fetch_feed(feed_url: str, *, store: Store, fetcher: Fetcher) -> Response:
    """The feed document, asked for conditionally; a 304 response has an empty body."""
    state = store.feed_state(feed_url)
    headers: dict[str, str] = {}
    if state is not None and state.etag:
        headers["If-None-Match"] = state.etag
    if state is not None and state.last_modified:
        headers["If-Modified-Since"] = state.last_modified
    # Some servers label feeds text/html or text/plain; feedparser decides what the bytes are.
    response = fetcher.get(feed_url, allowed_types=FEED_TYPES | PAGE_TYPES, headers=headers)
    if response.status != 304 and not 200 <= response.status < 300:
        raise CaptureError(f"feed answered HTTP {response.status}", source=feed_url)
    return response


def parse_feed(response: Response) -> list[Any]:
    # A stream, never a string: feedparser fetches a string that looks like a URL by itself.
    parsed = feedparser.parse(
        io.BytesIO(response.body),
        response_headers={
            "content-type": response.content_type or "application/xml",
            # feedparser resolves relative entry links against this (the feed's own address).
            "content-location": response.final_url,
        },
    )
    if parsed.get("bozo") and not parsed.entries:
        raise CaptureError(
            f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}", source=response.url
        )
    return list(parsed.entries)


def capture_entry(
    feed_url: str, entry: Mapping[str, Any], *, fetcher: Fetcher, max_bytes: int
) -> tuple[Capture, bool] | None:
    """The entry as a Capture (its link fetched, else its content), or None if it has neither."""
    link = entry.get("link")
    if not isinstance(link, str) or not link.lower().startswith(("http://", "https://")):
        link = None  # feedparser turns a bare <guid> into a "link"; only web addresses count
    published = entry_date(entry)
    if link:
        try:
            return fetcher.fetch(link).model_copy(update={"published": published}), True
        except CaptureError as exc:
            log.info("entry link not fetched, using the feed's content instead: %s", exc)
    content = entry.get("content") or []
    body = content[0].get("value") if content else entry.get("summary")
    if not isinstance(body, str) or not body.strip():
        return None
    title = entry.get("title")
    html = f"<h1>{title}</h1>\n{body}" if isinstance(title, str) and title else body
    capture = capture_bytes(
        html.encode("utf-8"),
        source=link or f"{feed_url}#{entry_key(entry)}",
        kind="feed",
        max_bytes=max_bytes,
        published=published,
        url=link,
        content_type="text/html; charset=utf-8",
    )
    return capture, False


def iter_new_entries(
    feed_url: str, *, store: Store, fetcher: Fetcher
) -> Generator[FeedItem, None, None]:
    """Unseen entries, oldest first. The caller marks each seen once it is handled; the feed's
    validators are saved when the generator runs to its end."""
    response = fetch_feed(feed_url, store=store, fetcher=fetcher)
    if response.status == 304:
        state = store.feed_state(feed_url)
        store.update_feed_state(
            feed_url,
            etag=state.etag if state else None,
            last_modified=state.last_modified if state else None,
            status=304,
        )
        return
    entries = parse_feed(response)
    for entry in reversed(entries):  # feeds list newest first
        key = entry_key(entry)
        if store.entry_seen(feed_url, key):
            continue
        made = capture_entry(feed_url, entry, fetcher=fetcher, max_bytes=fetcher.settings.max_bytes)
        if made is None:
            log.warning("%s: entry %s has no link or content; skipped", feed_url, key)
            continue
        yield FeedItem(feed_url=feed_url, entry_key=key, capture=made[0], from_link=made[1])
    store.update_feed_state(
        feed_url,
        etag=response.header("etag"),
        last_modified=response.header("last-modified"),
        status=response.status,
    )


def record_item(store: Store, item: FeedItem) -> None:
    """Keep the raw capture, remember the entry, and say so in the audit log."""
    store.save_capture(item.capture)
    store.mark_entry_seen(item.feed_url, item.entry_key, item.capture.sha256)
    store.log_audit(
        "captured",
        f"capture:{item.capture.sha256}",
        {
            "feed": item.feed_url,
            "entry": item.entry_key,
            "url": item.capture.url,
            "from": "link" if item.from_link else "feed content",
            "captured_at": item.capture.captured_at.isoformat(),
        },
    )


def poll_feed(
    feed_url: str, *, store: Store, settings: Settings, fetcher: Fetcher | None = None
) -> list[Capture]:
    """One poll: the captures of entries not seen before (each saved and marked seen)."""
    own = fetcher is None
    fetcher = fetcher or Fetcher(settings)
    try:
        items = []
        for item in iter_new_entries(feed_url, store=store, fetcher=fetcher):
            record_item(store, item)
            items.append(item.capture)
        return items
    except WarwatchError as exc:
        record_failure(store, feed_url, str(exc))
        raise
    finally:
        if own:
            fetcher.close()


def record_failure(store: Store, feed_url: str, error: str) -> None:
    """Note a failed poll, keeping the stored ETag/Last-Modified as they were."""
    state = store.feed_state(feed_url)
    store.update_feed_state(
        feed_url,
        etag=state.etag if state else None,
        last_modified=state.last_modified if state else None,
        error=error,
    )
