"""The character set a page declares: recorded at capture, used by the text stage to decode.

Capture never decodes; it only notes what the server or the document itself says, in the order
browsers trust them (WHATWG encoding sniffing, simplified): byte-order mark, HTTP header,
``<meta>`` or XML declaration in the first bytes.
"""

from __future__ import annotations

import codecs
import re
from email.message import Message

# 4,096 bytes: the WHATWG prescan looks at the first 1,024; real pages sometimes put the meta
# tag after a long <head> preamble, and 4 KiB still costs nothing.
SNIFF_BYTES = 4096

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def header_charset(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header value, lower-cased."""
    if not content_type:
        return None
    msg = Message()
    msg["content-type"] = content_type
    value = msg.get_param("charset")
    return value.strip().lower() if isinstance(value, str) and value.strip() else None


def media_type(content_type: str | None) -> str | None:
    """``text/html`` from ``text/html; charset=utf-8``."""
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def sniff_charset(raw: bytes) -> str | None:
    """The charset the document declares about itself (BOM, meta tag, XML declaration)."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    head = raw[:SNIFF_BYTES]
    match = _XML.search(head) or _META.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def declared_charset(content_type: str | None, raw: bytes) -> str | None:
    """BOM first (it cannot lie about the bytes), then the header, then the document."""
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    return header_charset(content_type) or sniff_charset(raw)


def with_charset(content_type: str | None, raw: bytes) -> str | None:
    """The Content-Type to record: the server's, with the declared charset made explicit."""
    charset = declared_charset(content_type, raw)
    base = media_type(content_type)
    if base is None or charset is None:
        return content_type
    return f"{base}; charset={charset}"
