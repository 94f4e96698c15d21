"""Stage 1: get raw bytes and their provenance. Never parses."""

from .feeds import poll_feed
from .files import capture_bytes, capture_path
from .http import fetch_many, fetch_url
from .warc import iter_warc

__all__ = ["capture_bytes", "capture_path", "fetch_many", "fetch_url", "iter_warc", "poll_feed"]
