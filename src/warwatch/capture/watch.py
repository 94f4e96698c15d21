"""``warwatch watch``: poll feeds on a schedule, hand new captures on, stop cleanly when asked.

A feed that is down or broken is logged, backed off (its interval doubled per failure, up to
:data:`MAX_BACKOFF_FACTOR` times) and the others go on. ``stop`` (set from SIGINT/SIGTERM by the
CLI) is checked between items: the item in hand is finished, then the loop returns.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import WarwatchError
from ..model import Capture
from ..settings import Settings
from .feeds import iter_new_entries, record_failure, record_item
from .http import Fetcher

if TYPE_CHECKING:
    from ..store import Store

log = logging.getLogger(__name__)

# A feed failing for hours is polled at most every 8 intervals (2 h at the default 15 min):
# often enough to notice its return the same morning, rarely enough not to hammer it.
MAX_BACKOFF_FACTOR = 8


@dataclass
class WatchSummary:
    polls: int = 0
    captured: int = 0
    handler_failures: int = 0
    feed_failures: dict[str, str] = field(default_factory=dict)  # feed url -> last error
    rounds: int = 0


@dataclass
class _Schedule:
    every: float
    due: dict[str, float]
    failures: dict[str, int]

    def ok(self, url: str, now: float) -> None:
        self.failures[url] = 0
        self.due[url] = now + self.every

    def failed(self, url: str, now: float) -> float:
        self.failures[url] += 1
        wait = self.every * min(2 ** self.failures[url], MAX_BACKOFF_FACTOR)
        self.due[url] = now + wait
        return wait


def watch_feeds(
    feed_urls: Sequence[str],
    *,
    store: Store,
    settings: Settings,
    on_capture: Callable[[Capture], None],
    every: float = 900.0,
    once: bool = False,
    stop: threading.Event | None = None,
    fetcher: Fetcher | None = None,
    max_rounds: int | None = None,
) -> WatchSummary:
    """Poll ``feed_urls`` until ``stop`` is set (or once, or ``max_rounds`` rounds).

    ``on_capture`` gets each new entry's capture; the entry is marked seen after it returns, so
    an entry whose handler raised a WarwatchError is tried again on the next poll.
    """
    stop = stop or threading.Event()
    now = time.monotonic()
    plan = _Schedule(every, dict.fromkeys(feed_urls, now), dict.fromkeys(feed_urls, 0))
    summary = WatchSummary()
    own = fetcher is None
    fetcher = fetcher or Fetcher(settings)
    try:
        while not stop.is_set():
            for url in feed_urls:
                if stop.is_set():
                    break
                if plan.due[url] <= time.monotonic():
                    _poll_one(url, store, fetcher, on_capture, stop, plan, summary)
            summary.rounds += 1
            if once or (max_rounds is not None and summary.rounds >= max_rounds):
                break
            stop.wait(max(0.0, min(plan.due.values()) - time.monotonic()))
    finally:
        if own:
            fetcher.close()
    return summary


def _poll_one(
    url: str,
    store: Store,
    fetcher: Fetcher,
    on_capture: Callable[[Capture], None],
    stop: threading.Event,
    plan: _Schedule,
    summary: WatchSummary,
) -> None:
    summary.polls += 1
    try:
        entries = iter_new_entries(url, store=store, fetcher=fetcher)
        for item in entries:
            try:
                on_capture(item.capture)
            except WarwatchError as exc:
                summary.handler_failures += 1
                log.warning("%s: entry %s not handled: %s", url, item.entry_key, exc)
            else:
                record_item(store, item)
                summary.captured += 1
            if stop.is_set():
                entries.close()  # the feed's validators stay old: the rest is fetched next time
                return
    except WarwatchError as exc:
        wait = plan.failed(url, time.monotonic())
        summary.feed_failures[url] = str(exc)
        record_failure(store, url, str(exc))
        log.warning("feed %s failed (%s); next try in %.0fs", url, exc, wait)
        return
    summary.feed_failures.pop(url, None)
    plan.ok(url, time.monotonic())
