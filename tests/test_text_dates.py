"""Publication dates from a page's own header line, used only when nothing better is known."""

from __future__ import annotations

import csv
import datetime as dt
import sys
from pathlib import Path

import pytest

from warwatch.capture import capture_bytes
from warwatch.text import extract_article
from warwatch.text.dates import header_date, parse_date


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("This story is from March 10, 2002", dt.date(2002, 3, 10)),
        ("Published: 3 March 2020", dt.date(2020, 3, 3)),
        ("Posted on Sept. 21st, 2019", dt.date(2019, 9, 21)),
        ("Updated 2020-10-05 12:00", dt.date(2020, 10, 5)),
        ("February 30, 2020", None),  # not a date
    ],
)
def test_parse_date(line: str, expected: dt.date | None) -> None:
    assert parse_date(line) == expected


def test_only_dated_header_lines_count() -> None:
    # A date in an ordinary line (an event date) is not a publication date.
    assert header_date(["The attack on March 3, 2020 killed five."]) is None
    assert header_date(["This article was first published on 4 May 2021"]) == dt.date(2021, 5, 4)


def test_header_date_fills_published_but_never_overrides_the_user() -> None:
    raw = b"This story is from March 10, 2002\n\nPolice fired tear gas at protesters in Surat on Saturday, officials said.\n"
    assert extract_article(capture_bytes(raw, source="x")).published == dt.date(2002, 3, 10)
    given = capture_bytes(raw, source="x", published=dt.date(2002, 3, 11))
    assert extract_article(given).published == dt.date(2002, 3, 11)


def test_ipe_header_dates_match_the_gold_metadata(shared: Path) -> None:
    # IndiaPoliceEvents articles open with "This story is from <date>"; the corpus metadata has
    # each article's date separately, which the date read from the text must match.
    gold = shared / "gold"
    csv.field_size_limit(sys.maxsize)
    with open(gold / "indiapoliceevents_metadata_no_text.csv", encoding="utf-8") as f:
        dates = {r["doc_id"]: dt.date.fromisoformat(r["date"]) for r in csv.DictReader(f)}
    with open(gold / "indiapoliceevents_docs.csv", encoding="utf-8", newline="") as f:
        docs = [r for r in csv.DictReader(f) if r["doc_text"].startswith("This story is from")]
    assert len(docs) >= 100
    for row in docs[:60]:
        article = extract_article(capture_bytes(row["doc_text"].encode(), source=row["doc_id"]))
        assert article.published == dates[row["doc_id"]], row["doc_id"]
        assert not article.text.startswith("This story is from")
