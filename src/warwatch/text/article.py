"""Dispatch a Capture to the HTML or plain-text extractor. (Placeholder: the text helper replaces it.)"""

from __future__ import annotations

from ..errors import EncodingError
from ..model import Article, Capture


def extract_article(capture: Capture) -> Article:
    try:
        text = capture.raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(str(exc), source=capture.source) from exc
    return Article(
        text=text, sha256=capture.sha256, published=capture.published, url=capture.url, id=capture.id
    )
