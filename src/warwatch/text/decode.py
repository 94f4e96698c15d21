"""Tell what kind of bytes a capture holds, refuse binary files, and decode plain text.

The rules are meant to be predictable rather than clever:

Kind (``sniff_kind``)
    1. Binary is refused whatever the declared type: a known magic number (PDF, PNG, JPEG, GIF,
       ZIP/Office, gzip, ...), a NUL byte, or more than ``CONTROL_SHARE_MAX`` control characters
       in the first ``SNIFF_BYTES`` bytes raise :class:`~warwatch.errors.BinaryInput`.
    2. A declared type wins: ``text/html`` or ``application/xhtml+xml`` is HTML, any other
       ``text/*`` type is plain text.
    3. Undeclared bytes are HTML when they open with ``<!doctype html`` / ``<html`` or hold at
       least ``HTML_TAGS_MIN`` common HTML tags in the first ``SNIFF_BYTES`` bytes; else plain text.

Plain-text encoding (``decode_plain``)
    1. A byte-order mark decides: UTF-8 (BOM dropped), UTF-16 LE/BE, UTF-32 LE/BE.
    2. Else a charset declared with the type (``text/plain; charset=windows-1252``) is used,
       strictly.
    3. Else the bytes must be UTF-8. Nothing is guessed: cp1252 or latin-1 text that is not
       declared raises :class:`~warwatch.errors.EncodingError` naming the offset of the first bad
       byte and what to do (re-encode as UTF-8, or declare the charset).

HTML encoding (``decode_html``): the HTTP charset, else ``<meta charset>`` / ``http-equiv``
in the first bytes, else a BOM, else UTF-8 if the bytes are valid UTF-8, else windows-1252 (the
WHATWG fallback browsers use). HTML is decoded leniently (bad bytes become U+FFFD), as browsers do.
"""

from __future__ import annotations

import codecs
import re
from enum import StrEnum

from ..errors import BinaryInput, EncodingError

SNIFF_BYTES = 8192
# Text (any script, UTF-8 or UTF-16 with BOM) has almost no C0 controls besides tab/CR/LF/FF;
# binary formats run at 10-40 %. 5 % leaves room for a few stray escape codes in real text.
CONTROL_SHARE_MAX = 0.05
# A plain-text article may mention "<p>" once or twice; an HTML page has dozens of tags in its
# first 8 KB. Five distinct-or-repeated tag openings was enough on every page tried.
HTML_TAGS_MIN = 5

MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt file)"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc/.xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "an executable program"),
    (b"RIFF", "a RIFF media file (WebP, WAV, AVI)"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 audio file"),
)

BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its LE BOM starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

HELP = "warwatch reads HTML or plain text"
_TAG_RE = re.compile(
    rb"<(?:/?(?:p|div|span|a|br|li|ul|table|tr|td|h[1-6]|script|style|meta|link|title|body|head)\b)",
    re.IGNORECASE,
)
_HTML_START_RE = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?<(?:!doctype\s+html|html)\b", re.IGNORECASE)
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_CHARSET_PARAM_RE = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


class Kind(StrEnum):
    HTML = "html"
    PLAIN = "plain"


def bom_encoding(raw: bytes) -> str | None:
    for bom, name in BOMS:
        if raw.startswith(bom):
            return name
    return None


def check_not_binary(raw: bytes, *, source: str) -> None:
    """Raise BinaryInput when ``raw`` looks like a binary file (see the module rules)."""
    for magic, what in MAGIC:
        if raw.startswith(magic):
            raise BinaryInput(f"looks like {what}; {HELP}", source=source)
    if bom_encoding(raw) in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        return  # NUL bytes are expected in UTF-16/32 text.
    head = raw[:SNIFF_BYTES]
    if b"\x00" in head:
        if _looks_like_bomless_utf16(head):
            raise BinaryInput(
                "looks like UTF-16 text without a byte-order mark; save it as UTF-8 "
                "(or UTF-16 with a BOM)",
                source=source,
            )
        raise BinaryInput(f"holds NUL bytes, so looks like a binary file; {HELP}", source=source)
    controls = sum(1 for b in head if (b < 0x20 and b not in b"\t\n\r\f\x0b") or b == 0x7F)
    if head and controls / len(head) > CONTROL_SHARE_MAX:
        raise BinaryInput(
            f"{controls / len(head):.0%} of its first bytes are control characters, "
            f"so it looks like a binary file; {HELP}",
            source=source,
        )


def _looks_like_bomless_utf16(head: bytes) -> bool:
    # ASCII-range UTF-16 has a NUL in every other byte.
    even, odd = head[0::2], head[1::2]
    return even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd)


def media_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def declared_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = _CHARSET_PARAM_RE.search(content_type)
    return _known_codec(m.group(1)) if m else None


def _known_codec(name: str | bytes) -> str | None:
    label = name.decode("ascii", "replace") if isinstance(name, bytes) else name
    try:
        return codecs.lookup(label.strip()).name
    except LookupError:
        return None


def sniff_kind(raw: bytes, content_type: str | None, *, source: str) -> Kind:
    """Binary check, then the declared type, then the bytes (see the module rules)."""
    check_not_binary(raw, source=source)
    mtype = media_type(content_type)
    if mtype in ("text/html", "application/xhtml+xml"):
        return Kind.HTML
    if mtype is not None and mtype.startswith("text/"):
        return Kind.PLAIN
    head = raw[:SNIFF_BYTES]
    enc = bom_encoding(head)
    if enc and enc != "utf-8":
        # Re-encode the sniffed head so the byte patterns below apply to UTF-16/32 as well.
        head = head.decode(enc, errors="ignore").encode("utf-8")
    elif enc:
        head = head[len(codecs.BOM_UTF8) :]
    if _HTML_START_RE.match(head) or len(_TAG_RE.findall(head)) >= HTML_TAGS_MIN:
        return Kind.HTML
    return Kind.PLAIN


def decode_plain(raw: bytes, content_type: str | None, *, source: str) -> str:
    """Decode plain text by the documented rule; raise EncodingError with the bad offset."""
    enc = bom_encoding(raw)
    if enc is not None:
        bom_len = 4 if enc.startswith("utf-32") else 3 if enc == "utf-8" else 2
        return _strict(raw[bom_len:], enc, source=source, offset_base=bom_len)
    declared = declared_charset(content_type)
    return _strict(raw, declared or "utf-8", source=source, declared=declared is not None)


def _strict(
    raw: bytes, encoding: str, *, source: str, offset_base: int = 0, declared: bool = False
) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        offset = exc.start + offset_base
        bad = raw[exc.start : exc.start + 4].hex(" ")
        hint = (
            f"the bytes do not match the declared charset {encoding}; fix the declaration"
            if declared
            else "warwatch reads plain text as UTF-8: re-encode it, for example "
            "`iconv -f WINDOWS-1252 -t UTF-8 in.txt > out.txt`"
        )
        raise EncodingError(
            f"not valid {encoding}: bad byte at offset {offset} ({bad}); {hint}", source=source
        ) from exc


def decode_html(raw: bytes, content_type: str | None) -> str:
    """Decode an HTML page leniently by the documented rule; never raises on bad bytes."""
    encoding = declared_charset(content_type)
    if encoding is None:
        m = _META_CHARSET_RE.search(raw[:SNIFF_BYTES])
        encoding = _known_codec(m.group(1)) if m else None
    bom = bom_encoding(raw)
    if bom is not None and (encoding is None or bom.startswith("utf")):
        # A BOM outranks a meta tag (WHATWG encoding sniffing does the same).
        return raw.decode(bom, errors="replace").lstrip("\ufeff")
    if encoding is not None:
        return raw.decode(encoding, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")
