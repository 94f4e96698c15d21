"""extract_article: seed story, HTML metadata, encodings and bad input."""

from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from warwatch.capture import capture_bytes, capture_path
from warwatch.errors import BinaryInput, EmptyInput, EncodingError, InputError, TooLarge
from warwatch.text import extract_article

FOOTER_WORDS = (
    "No oligarch",
    "donation",
    "Follow us on",
    "Google News",
    "News Room",
    "Editorial Board",
)

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Shelling hits market in Kharkiv | Frontline Daily</title>
<meta property="og:site_name" content="Frontline Daily">
<meta property="og:title" content="Shelling hits market in Kharkiv">
<meta name="author" content="Olena Petrenko">
<meta property="article:published_time" content="2022-05-14T09:30:00+00:00">
<link rel="canonical" href="https://frontline.example/2022/05/14/kharkiv-market">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/subscribe">Subscribe</a></nav>
<article>
<h1>Shelling hits market in Kharkiv</h1>
<p class="byline">By Olena Petrenko</p>
<p>Artillery shells struck the central market of Kharkiv on Saturday morning, regional officials
said, setting several stalls on fire and damaging a nearby apartment block.</p>
<p>Emergency services said they were still counting casualties in the afternoon. Witnesses
described at least three explosions in quick succession shortly after the market opened.</p>
<p>The regional governor said the strike came from the north-east and urged residents to stay
in shelters while firefighters worked to put out the blaze.</p>
</article>
<footer><p>&copy; 2022 Frontline Daily. All rights reserved.</p>
<p>Follow us on Twitter and Facebook</p></footer>
</body></html>
"""


def cap(raw: bytes, **kw) -> object:
    kw.setdefault("source", "test-input")
    return capture_bytes(raw, **kw)


def test_seed_story_is_cleaned_and_names_its_publisher(seed_path: Path) -> None:
    article = extract_article(capture_path(seed_path))
    assert article.text.startswith("Cluster bombs banned since 2010")
    assert article.text.endswith("Turkey, allied with Azerbaijan, and Iran.")
    for word in FOOTER_WORDS:
        assert word not in article.text
    assert article.publisher == "The Eastern Herald"
    assert article.language == "en"
    assert article.sha256 == capture_path(seed_path).sha256


def test_user_given_date_wins_and_text_is_a_stable_slice(seed_path: Path) -> None:
    capture = capture_path(seed_path, published=dt.date(2020, 10, 5))
    article = extract_article(capture)
    assert article.published == dt.date(2020, 10, 5)
    # The text is final: running again gives the very same string (offsets stay valid).
    assert extract_article(capture).text == article.text


def test_html_page_gives_text_and_metadata() -> None:
    article = extract_article(cap(PAGE.encode(), content_type="text/html"))
    assert "central market of Kharkiv" in article.text
    assert article.text.rstrip().endswith("to put out the blaze.")
    assert "All rights reserved" not in article.text
    assert "Subscribe" not in article.text
    assert article.title == "Shelling hits market in Kharkiv"
    assert article.author == "Olena Petrenko"
    assert article.publisher == "Frontline Daily"
    assert article.published == dt.date(2022, 5, 14)
    assert article.url == "https://frontline.example/2022/05/14/kharkiv-market"


def test_html_is_sniffed_without_a_declared_type_and_user_date_wins() -> None:
    article = extract_article(cap(PAGE.encode(), published=dt.date(2022, 5, 15)))
    assert article.title == "Shelling hits market in Kharkiv"
    assert article.published == dt.date(2022, 5, 15)


def test_html_meta_charset_is_honoured() -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "Olena Petrenko</p>",
        "Olena Petrenko</p><p>The café owner, José Núñez, said the "
        "market had been busy since dawn, with hundreds of shoppers.</p>",
    )
    article = extract_article(cap(page.encode("cp1252"), content_type="text/html"))
    assert "José Núñez" in article.text


def test_http_charset_is_honoured_for_plain_text() -> None:
    raw = "Le café a été touché par un obus à Kharkiv, selon la mairie.".encode("cp1252")
    article = extract_article(cap(raw, content_type="text/plain; charset=windows-1252"))
    assert article.text.startswith("Le café a été touché")
    assert article.language == "fr"  # non-English text still comes through


def test_empty_and_blank_inputs_are_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(EmptyInput, match="empty"):
        capture_path(empty)
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n\n\t \r\n")
    with pytest.raises(EmptyInput, match=str(blank)):
        extract_article(capture_path(blank))


def test_text_that_is_only_boilerplate_is_empty() -> None:
    raw = b"Copyright 2021 Reuters. All rights reserved.\nFollow us on Twitter\n"
    with pytest.raises(EmptyInput, match="boilerplate"):
        extract_article(cap(raw))


def test_html_without_article_text_is_empty() -> None:
    with pytest.raises(EmptyInput, match="no article text"):
        extract_article(cap(b"<html><head><title>x</title></head><body></body></html>"))


@pytest.mark.parametrize(
    ("raw", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "GIF"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
    ],
)
def test_binary_files_are_refused_by_magic_number(raw: bytes, what: str) -> None:
    # Even when the suffix claims text: the bytes decide.
    with pytest.raises(BinaryInput, match=what) as info:
        extract_article(cap(raw, source="report.txt", content_type="text/plain"))
    assert "report.txt" in str(info.value)
    assert "HTML or plain text" in str(info.value)


def test_pdf_message_is_helpful(tmp_path: Path) -> None:
    path = tmp_path / "statement"  # no suffix: nothing declared
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    with pytest.raises(BinaryInput) as info:
        extract_article(capture_path(path))
    assert str(info.value) == f"{path}: looks like a PDF file; warwatch reads HTML or plain text"


def test_nul_bytes_and_control_characters_are_binary() -> None:
    with pytest.raises(BinaryInput, match="NUL"):
        extract_article(cap(b"some text\x00\x01\x02 more text " * 10))
    with pytest.raises(BinaryInput, match="control characters"):
        extract_article(cap(bytes([1, 2, 3, 4, 5, 6, 65, 66]) * 100))


def test_invalid_utf8_names_the_offset_and_the_fix() -> None:
    # UTF-8 "—" before the bad byte: the offset counts bytes, not characters.
    raw = "Shelling in Kharkiv — again.".encode() + b" The caf\xe9 was hit."
    with pytest.raises(EncodingError) as info:
        extract_article(cap(raw, source="kharkiv.txt"))
    message = str(info.value)
    bad_at = raw.index(b"\xe9")
    assert "kharkiv.txt" in message
    assert f"offset {bad_at}" in message
    assert "UTF-8" in message


def test_utf8_bom_is_dropped() -> None:
    raw = codecs.BOM_UTF8 + b"Shelling hit the market in Kharkiv on Saturday."
    article = extract_article(cap(raw))
    assert article.text == "Shelling hit the market in Kharkiv on Saturday."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_bom_is_decoded(encoding: str) -> None:
    text = "Кассетные бомбы были использованы в Степанакерте, сообщила Amnesty International."
    raw = text.encode(encoding)
    if encoding == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + raw
    article = extract_article(cap(raw))
    assert article.text == text
    assert article.language == "ru"


def test_utf16_without_bom_is_explained() -> None:
    raw = "Shelling hit the market in Kharkiv on Saturday.".encode("utf-16-le")
    with pytest.raises(BinaryInput, match="UTF-16"):
        extract_article(cap(raw))


def test_a_200_mb_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(200_000_000)  # sparse: takes no disk space, and must never be read
    with pytest.raises(TooLarge) as info:
        capture_path(path)
    assert "200,000,000 bytes" in str(info.value)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    "raw",
    [
        b"<html><body><p>Shelling hit the market in Kharkiv on Saturday, officials said.<div><b>",
        b"<html><body><<<>>><p>garbage</i></b></table><script>var x = '<p>'",
        b"<!DOCTYPE html><html><body>" + b"<div>" * 5000 + b"text",
        b"<html>\xff\xfe\xfa broken bytes <p>Shelling hit Kharkiv on Saturday.</p>",
        b"<?xml version='1.0' encoding='utf-8'?><html><body><p>Shelling hit Kharkiv.</p></body></html>",
    ],
)
def test_broken_html_gives_text_or_a_clear_error(raw: bytes) -> None:
    try:
        article = extract_article(cap(raw, content_type="text/html"))
    except InputError as exc:
        assert "test-input" in str(exc)
    else:
        assert article.text.strip()


def test_whitespace_is_normalised_conservatively() -> None:
    raw = b"Title line   \r\n\r\n\r\n\r\nFirst paragraph.\t \r\n\r\nSecond  paragraph.  \r\n"
    article = extract_article(cap(raw))
    assert article.text == "Title line\n\nFirst paragraph.\n\nSecond  paragraph."
