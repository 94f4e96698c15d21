"""robots.txt rules, fetched once per site and kept for the life of a :class:`Fetcher`.

What an unreadable robots.txt means follows RFC 9309 section 2.3.1: a 4xx answer means there
are no rules (fetch anything); a 5xx answer or a network failure means the site is unreachable,
which must be read as "disallow everything".
"""

from __future__ import annotations

import logging
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from ..errors import CaptureError, RefusedAddress

log = logging.getLogger(__name__)

# RFC 9309 section 2.5: crawlers must parse at least 500 KiB; we read no more than that.
ROBOTS_MAX_BYTES = 500 * 1024


@dataclass(frozen=True)
class RobotsAnswer:
    status: int  # 0 when the site could not be reached
    body: bytes


@dataclass(frozen=True)
class Rules:
    parser: urllib.robotparser.RobotFileParser | None  # None: allow all
    disallow_all: bool = False

    def allows(self, user_agent: str, url: str) -> bool:
        if self.disallow_all:
            return False
        return self.parser is None or self.parser.can_fetch(user_agent, url)

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(user_agent)
        return float(delay) if delay is not None else None


def parse_rules(answer: RobotsAnswer) -> Rules:
    if answer.status == 0 or answer.status >= 500:
        return Rules(parser=None, disallow_all=True)
    if answer.status >= 400 or not answer.body:
        return Rules(parser=None)
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(answer.body.decode("utf-8", errors="replace").splitlines())
    return Rules(parser=parser)


def robots_url(url: httpx.URL) -> str:
    return str(url.copy_with(path="/robots.txt", query=None, fragment=None))


class RobotsCache:
    """One :class:`Rules` per origin (scheme, host, port), fetched on first use."""

    def __init__(self, fetch: Callable[[str], RobotsAnswer], user_agent: str) -> None:
        self._fetch = fetch
        self._user_agent = user_agent
        self._rules: dict[str, Rules] = {}

    def rules_for(self, url: httpx.URL) -> Rules:
        origin = robots_url(url)
        if origin not in self._rules:
            try:
                answer = self._fetch(origin)
            except RefusedAddress:
                raise  # a refused site is refused outright, not "disallowed by robots"
            except CaptureError as exc:
                log.warning("robots.txt unreachable, treating site as disallowed: %s", exc)
                answer = RobotsAnswer(status=0, body=b"")
            self._rules[origin] = parse_rules(answer)
        return self._rules[origin]

    def check(self, url: httpx.URL) -> None:
        if not self.rules_for(url).allows(self._user_agent, str(url)):
            raise CaptureError(
                f"robots.txt at {robots_url(url)} disallows this URL for our user agent "
                "(set respect_robots = false to override)",
                source=str(url),
            )

    def crawl_delay(self, url: httpx.URL) -> float | None:
        return self.rules_for(url).crawl_delay(self._user_agent)
