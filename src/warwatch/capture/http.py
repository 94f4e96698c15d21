"""Fetch one web page into a :class:`Capture`, politely and defensively.

Every request: checked URL (``addresses.check_url``), checked address at connect time
(``addresses.GuardedBackend``), robots.txt (unless ``respect_robots`` is off), a per-host delay,
a total-time cap per attempt (``http_timeout``), a cap on the *decoded* body (``max_bytes``, so a
gzip bomb stops at the cap however small it is on the wire), redirects followed by hand so each
hop is checked again, and bounded retries on 429/5xx that honour Retry-After.

Use one :class:`Fetcher` for many URLs (it keeps robots rules and per-host clocks);
:func:`fetch_url` is the one-shot form.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import logging
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from types import TracebackType

import httpx

from ..errors import CaptureError, EmptyInput, TooLarge, WarwatchError
from ..model import Capture
from ..settings import Settings
from .addresses import check_url, guarded_transport
from .charset import media_type, with_charset
from .robots import ROBOTS_MAX_BYTES, RobotsAnswer, RobotsCache

log = logging.getLogger(__name__)

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchPolicy:
    """Limits not in :class:`Settings` because users rarely need them; tests shrink them."""

    max_redirects: int = 5  # browsers allow ~20; a news link needing more than 5 is broken
    max_retries: int = 3  # attempts after the first, on 429/5xx and connection failures
    backoff: float = 1.0  # first wait in seconds, doubled per retry
    max_wait: float = 60.0  # longest Retry-After we honour; a longer ask fails the fetch
    host_delay: float = (
        1.0  # seconds between requests to one host (robots Crawl-delay wins if longer)
    )
    max_host_delay: float = 30.0  # cap on a robots Crawl-delay so one site cannot stall a run


@dataclass(frozen=True)
class Response:
    """One finished exchange: the final hop of a fetch, body decoded and capped."""

    url: str  # asked for
    final_url: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    content_type: str | None

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k == name), None)


@dataclass
class _Clock:
    last: dict[str, float] = field(default_factory=dict)


class Fetcher:
    """Fetches URLs under one settings object, sharing robots rules and host clocks."""

    def __init__(
        self,
        settings: Settings,
        *,
        policy: FetchPolicy | None = None,
        client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self.policy = policy or FetchPolicy()
        self._own_client = client is None
        self.client = client or make_client(settings)
        self._sleep = sleep
        self._clock = _Clock()
        self._robots = RobotsCache(self._fetch_robots, settings.user_agent)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._own_client:
            self.client.close()

    # --- public ----------------------------------------------------------------------------------

    def fetch(self, url: str) -> Capture:
        """A page (HTML or text) as a Capture; refuses other content types and non-2xx answers."""
        response = self.get(url, allowed_types=PAGE_TYPES)
        if not 200 <= response.status < 300:
            raise CaptureError(f"server answered HTTP {response.status}", source=url)
        return to_capture(response, kind="url")

    def get(
        self,
        url: str,
        *,
        allowed_types: frozenset[str] = PAGE_TYPES,
        headers: dict[str, str] | None = None,
    ) -> Response:
        """The final response after redirects and retries (304 and 4xx are returned, not raised)."""
        current = check_url(url)
        seen = {str(current)}
        for _hop in range(self.policy.max_redirects + 1):
            if self.settings.respect_robots:
                self._robots.check(current)
            response = self._with_retries(current, url, allowed_types, headers or {})
            location = response.header("location")
            if response.status not in REDIRECT_STATUSES or not location:
                return response
            current = check_url(str(current.join(location)))
            if str(current) in seen:
                raise CaptureError(f"redirect loop back to {current}", source=url)
            seen.add(str(current))
        raise CaptureError(
            f"more than {self.policy.max_redirects} redirects; last one pointed to {current}",
            source=url,
        )

    # --- one hop, with retries -------------------------------------------------------------------

    def _with_retries(
        self, target: httpx.URL, asked: str, allowed: frozenset[str], headers: dict[str, str]
    ) -> Response:
        for attempt in range(self.policy.max_retries + 1):
            last_try = attempt == self.policy.max_retries
            try:
                response = self._exchange(target, asked, allowed, headers)
            except httpx.ConnectError as exc:
                if last_try:
                    raise CaptureError(f"cannot connect: {exc}", source=asked) from exc
                self._sleep(self._backoff(attempt))
                continue
            if response.status not in RETRY_STATUSES or last_try:
                return response
            asked_wait = retry_after(response.header("retry-after"))
            wait = self._backoff(attempt) if asked_wait is None else asked_wait
            if wait > self.policy.max_wait:
                raise CaptureError(
                    f"HTTP {response.status}; server asks to retry after {wait:.0f}s, over the "
                    f"{self.policy.max_wait:.0f}s we wait",
                    source=asked,
                )
            log.info("HTTP %s from %s; retrying in %.1fs", response.status, target, wait)
            self._sleep(wait)
        raise CaptureError("retries exhausted", source=asked)  # unreachable: loop returns

    def _backoff(self, attempt: int) -> float:
        return float(min(self.policy.backoff * 2**attempt, self.policy.max_wait))

    def _exchange(
        self,
        target: httpx.URL,
        asked: str,
        allowed: frozenset[str],
        headers: dict[str, str],
        *,
        max_bytes: int | None = None,
    ) -> Response:
        self._wait_for_host(target)
        timeout = self.settings.http_timeout
        deadline = time.monotonic() + timeout  # total time per attempt, headers and body
        request = self.client.build_request(
            "GET",
            target,
            headers={"Accept-Encoding": "gzip, deflate", **headers},
            timeout=httpx.Timeout(timeout),
        )
        try:
            raw = self.client.send(request, stream=True, follow_redirects=False)
            try:
                return _finish(raw, asked, allowed, max_bytes or self.settings.max_bytes, deadline)
            finally:
                raw.close()
        except httpx.TimeoutException as exc:
            raise CaptureError(
                f"no answer within {timeout:g}s (setting http_timeout)", source=str(target)
            ) from exc
        except (httpx.ConnectError, CaptureError):
            raise
        except httpx.HTTPError as exc:
            raise CaptureError(f"HTTP failure: {exc}", source=str(target)) from exc
        finally:
            self._clock.last[target.host] = time.monotonic()

    def _wait_for_host(self, target: httpx.URL) -> None:
        delay = self.policy.host_delay
        if self.settings.respect_robots and target.path != "/robots.txt":
            crawl = self._robots.crawl_delay(target)
            if crawl is not None:
                delay = max(delay, min(crawl, self.policy.max_host_delay))
        last = self._clock.last.get(target.host)
        if last is not None:
            remaining = last + delay - time.monotonic()
            if remaining > 0:
                self._sleep(remaining)

    def _fetch_robots(self, url: str) -> RobotsAnswer:
        target = check_url(url)
        try:
            for _hop in range(self.policy.max_redirects + 1):
                response = self._exchange(target, url, frozenset(), {}, max_bytes=ROBOTS_MAX_BYTES)
                location = response.header("location")
                if response.status not in REDIRECT_STATUSES or not location:
                    return RobotsAnswer(status=response.status, body=response.body)
                target = check_url(str(target.join(location)))
        except (TooLarge, httpx.ConnectError):
            pass
        return RobotsAnswer(status=0, body=b"")


def _finish(
    raw: httpx.Response, asked: str, allowed: frozenset[str], max_bytes: int, deadline: float
) -> Response:
    """Check the type and read the body of a streamed response (only for 2xx answers)."""
    target = str(raw.request.url)
    ctype = raw.headers.get("content-type")
    body = b""
    if 200 <= raw.status_code < 300:
        refuse_content_type(ctype, allowed, source=target)
        refuse_declared_length(raw, max_bytes, source=target)
        body = read_capped(raw, max_bytes, deadline, source=target)
    return Response(
        url=asked,
        final_url=target,
        status=raw.status_code,
        headers=tuple((k.lower(), v) for k, v in raw.headers.multi_items()),
        body=body,
        content_type=with_charset(ctype, body),
    )


def make_client(settings: Settings) -> httpx.Client:
    """An httpx client that only connects to checked addresses and sends our User-Agent."""
    return httpx.Client(
        transport=guarded_transport(allow_private=settings.allow_private_addresses),
        headers={"User-Agent": settings.user_agent},
        follow_redirects=False,
        trust_env=False,
        timeout=settings.http_timeout,
    )


def fetch_url(url: str, *, settings: Settings, client: httpx.Client | None = None) -> Capture:
    """One page as a Capture. ``client``, if given, should come from :func:`make_client`."""
    with Fetcher(settings, client=client) as fetcher:
        return fetcher.fetch(url)


def fetch_many(urls: Iterable[str], *, settings: Settings) -> Iterator[Capture | WarwatchError]:
    """Each URL's Capture, or the error that stopped it, through one shared :class:`Fetcher`
    (robots.txt read once per site, the per-host delay kept between URLs of one site)."""
    with Fetcher(settings) as fetcher:
        for url in urls:
            try:
                yield fetcher.fetch(url)
            except WarwatchError as exc:
                yield exc


def refuse_content_type(content_type: str | None, allowed: frozenset[str], *, source: str) -> None:
    """Refuse, with a message saying what to do, anything not in ``allowed``.

    An empty ``allowed`` means any type (robots.txt); a missing header is accepted, since the
    text stage sniffs and refuses binary input itself.
    """
    kind = media_type(content_type)
    if not allowed or kind is None or kind in allowed:
        return
    if kind == "application/pdf":
        hint = "PDF documents are not supported yet; save the text and run `warwatch extract`"
    elif kind.startswith(("image/", "video/", "audio/")):
        hint = "images, audio and video are not supported"
    else:
        hint = "only HTML and plain-text pages are captured"
    raise CaptureError(f"content type {kind} refused: {hint}", source=source)


def refuse_declared_length(raw: httpx.Response, max_bytes: int, *, source: str) -> None:
    """Refuse before reading when the server says the (unencoded) body is over the cap."""
    length = raw.headers.get("content-length", "")
    encoded = raw.headers.get("content-encoding", "identity").strip().lower() != "identity"
    if length.isdigit() and not encoded and int(length) > max_bytes:
        raise TooLarge(
            f"server announces {int(length):,} bytes, over the {max_bytes:,}-byte limit "
            "(setting max_bytes)",
            source=source,
        )


def read_capped(raw: httpx.Response, max_bytes: int, deadline: float, *, source: str) -> bytes:
    """The decoded body, stopping at ``max_bytes`` decoded bytes or at ``deadline``."""
    decoder = BoundedDecoder(raw.headers.get("content-encoding", ""), max_bytes, source=source)
    parts: list[bytes] = []
    for chunk in raw.iter_raw():
        parts.append(decoder.feed(chunk))
        if time.monotonic() > deadline:
            raise CaptureError(
                "body still arriving after the total time limit (setting http_timeout); "
                "the server may be trickling bytes",
                source=source,
            )
    parts.append(decoder.flush())
    return b"".join(parts)


class BoundedDecoder:
    """Content-Encoding decoding that never produces more than ``limit`` + 1 bytes."""

    def __init__(self, encoding: str, limit: int, *, source: str) -> None:
        self.limit = limit
        self.total = 0
        self.source = source
        enc = encoding.strip().lower()
        self._z: zlib._Decompress | None
        if enc in ("", "identity"):
            self._z = None
        elif enc in ("gzip", "x-gzip", "deflate"):
            self._z = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header, detected
        else:
            raise CaptureError(f"unsupported Content-Encoding {encoding!r}", source=source)

    def _count(self, piece: bytes) -> bytes:
        self.total += len(piece)
        if self.total > self.limit:
            raise TooLarge(
                f"body is over the {self.limit:,}-byte limit once decoded (setting max_bytes)",
                source=self.source,
            )
        return piece

    def feed(self, data: bytes) -> bytes:
        if self._z is None:
            return self._count(data)
        out: list[bytes] = []
        try:
            while data:
                room = self.limit - self.total + 1
                out.append(self._count(self._z.decompress(data, room)))
                data = self._z.unconsumed_tail
        except zlib.error as exc:
            raise CaptureError(f"corrupt compressed body: {exc}", source=self.source) from exc
        return b"".join(out)

    def flush(self) -> bytes:
        return self._count(self._z.flush()) if self._z is not None else b""


def retry_after(value: str | None, *, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


def to_capture(response: Response, *, kind: str, published: dt.date | None = None) -> Capture:
    if not response.body:
        raise EmptyInput("the server sent an empty body", source=response.url)
    return Capture(
        raw=response.body,
        sha256=hashlib.sha256(response.body).hexdigest(),
        source=response.url,
        kind=kind,
        url=response.url,
        final_url=response.final_url,
        content_type=response.content_type,
        http_status=response.status,
        headers=response.headers,
        captured_at=dt.datetime.now(dt.UTC),
        published=published,
    )
