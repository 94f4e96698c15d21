"""Main text and metadata of an HTML page, through trafilatura."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from lxml import etree

from ..errors import InputError
from ..model import Capture
from .decode import decode_html

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class HtmlPage:
    text: str
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    sitename: str | None = None
    url: str | None = None


def parse_date(value: str | None) -> dt.date | None:
    """trafilatura gives ISO dates ("2020-10-05"); anything else counts as no date."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def extract_html(capture: Capture) -> HtmlPage:
    """Run trafilatura on the page; an empty page yields ``HtmlPage(text="")``."""
    from trafilatura import bare_extraction  # heavy import, only when HTML comes in

    html = decode_html(capture.raw, capture.content_type)
    try:
        doc = bare_extraction(
            html,
            url=capture.final_url or capture.url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
        )
    except (ValueError, etree.LxmlError) as exc:
        raise InputError(
            f"could not parse the HTML page ({exc}); check that it is a complete web page",
            source=capture.source,
        ) from exc
    if doc is None or isinstance(doc, dict):
        # None: no main text found. (A dict only comes back with the deprecated as_dict=True.)
        return HtmlPage(text="")
    return HtmlPage(
        text=doc.text or "",
        title=doc.title or None,
        author=doc.author or None,
        published=parse_date(doc.date),
        sitename=doc.sitename or None,
        url=doc.url or None,
    )
