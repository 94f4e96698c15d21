"""iter_warc on archives written by warcio here: HTML records in, the rest out, truncation named."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warwatch.capture.warc import iter_warc
from warwatch.errors import MalformedRecord

PAGES = [
    (
        f"https://news.example/story-{i}",
        f"<html><body><p>Story {i}: shelling in town {i}.</p></body></html>",
    )
    for i in range(6)
]


def write_warc(path: Path, *, gzip: bool = True) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for i, (url, html) in enumerate(PAGES):
            headers = StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html; charset=utf-8"), ("X-Seq", str(i))],
                protocol="HTTP/1.1",
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(html.encode()),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": f"2024-03-0{i + 1}T10:00:00Z"},
                )
            )
            if i == 1:  # records that are not pages: a request and an image response
                req = StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True
                )
                writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
                img = StatusAndHeaders(
                    "200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1"
                )
                writer.write_record(
                    writer.create_warc_record(
                        url + ".png",
                        "response",
                        payload=io.BytesIO(b"\x89PNG...."),
                        http_headers=img,
                    )
                )


@pytest.mark.parametrize("gzip", [True, False])
def test_every_html_response_becomes_a_capture(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    write_warc(path, gzip=gzip)
    caps = list(iter_warc(path, max_bytes=1_000_000))
    assert [c.url for c in caps] == [u for u, _ in PAGES]
    first = caps[0]
    assert first.raw == PAGES[0][1].encode() and first.kind == "warc"
    assert first.sha256 == hashlib.sha256(first.raw).hexdigest()
    assert first.captured_at == dt.datetime(2024, 3, 1, 10, tzinfo=dt.UTC)
    assert first.http_status == 200 and ("x-seq", "0") in first.headers
    assert first.content_type == "text/html; charset=utf-8"
    assert first.source.startswith(str(path) + "#")


def test_oversized_record_skipped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    caps = list(iter_warc(path, max_bytes=60))  # every page is longer than 60 bytes
    assert caps == []


def test_truncated_warc_yields_what_it_can_then_names_offset(tmp_path: Path) -> None:
    whole = tmp_path / "crawl.warc.gz"
    write_warc(whole)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.6)])
    got = []
    with pytest.raises(MalformedRecord, match=r"truncated or corrupt at or after byte offset \d+"):
        for capture in iter_warc(cut, max_bytes=1_000_000):
            got.append(capture)
    complete = list(iter_warc(whole, max_bytes=1_000_000))
    assert 1 <= len(got) < len(complete)
    assert [c.raw for c in got] == [c.raw for c in complete[: len(got)]]


def test_wacz(tmp_path: Path) -> None:
    warc = tmp_path / "data.warc.gz"
    write_warc(warc)
    wacz = tmp_path / "crawl.wacz"
    with zipfile.ZipFile(wacz, "w") as z:
        z.writestr("datapackage.json", "{}")
        z.write(warc, "archive/data.warc.gz")
    caps = list(iter_warc(wacz, max_bytes=1_000_000))
    assert [c.url for c in caps] == [u for u, _ in PAGES]
    assert "!archive/data.warc.gz#" in caps[0].source


def test_not_an_archive(tmp_path: Path) -> None:
    bogus = tmp_path / "x.wacz"
    bogus.write_bytes(b"hello")
    with pytest.raises(MalformedRecord, match="WACZ"):
        list(iter_warc(bogus, max_bytes=1000))
