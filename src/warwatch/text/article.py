"""Stage 2: a Capture to an Article: sniff, decode, extract, normalise, trim, describe.

See ``decode`` for how bytes are judged and decoded, ``boilerplate`` for what is cut. The returned
``Article.text`` is final: every later offset points into it.
"""

from __future__ import annotations

from ..errors import EmptyInput
from ..model import Article, Capture
from .boilerplate import trim_boilerplate
from .dates import header_date
from .decode import Kind, decode_plain, sniff_kind
from .html import HtmlPage, extract_html
from .language import detect_language
from .plain import normalise_whitespace
from .publisher import find_publisher


def extract_article(capture: Capture) -> Article:
    if not capture.raw.strip():
        raise EmptyInput("the input is empty (or only whitespace)", source=capture.source)
    kind = sniff_kind(capture.raw, capture.content_type, source=capture.source)
    if kind is Kind.HTML:
        page = extract_html(capture)
    else:
        page = HtmlPage(text=decode_plain(capture.raw, capture.content_type, source=capture.source))
    trimmed = trim_boilerplate(normalise_whitespace(page.text))
    if not trimmed.text:
        what = "no article text found in the HTML page" if kind is Kind.HTML else "no text left"
        raise EmptyInput(
            f"{what} after removing whitespace and site boilerplate; "
            "check that the file holds the article itself",
            source=capture.source,
        )
    return Article(
        text=trimmed.text,
        sha256=capture.sha256,
        title=page.title,
        publisher=page.sitename or find_publisher(trimmed.removed),
        author=page.author,
        # A date the user or the feed gave wins over the page's metadata, which wins over a
        # "This story is from ..." line cut from the head.
        published=capture.published or page.published or header_date(trimmed.head),
        url=capture.url or capture.final_url or page.url,
        language=detect_language(trimmed.text),
        id=capture.id,
    )
