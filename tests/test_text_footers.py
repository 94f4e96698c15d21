"""Real footers of many sites: the general rules must cut them and keep the article's last sentence.

Two sources (see the report in eval/boilerplate.py for the figures over whole corpora):

- ``tests/data/footers/*.txt``: footers of pages in trafilatura's test set (Apache-2.0), each file
  naming its source; a ``=== footer ===`` line marks where the site's boilerplate starts.
- documents of the gold corpora in ``../shared`` (never copied here): each case names its document
  by URL or id and where its footer starts (the first words of the footer, which are site
  boilerplate, not article text). The expected text is everything before that point.
"""

from __future__ import annotations

import csv
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

from warwatch.capture import capture_bytes
from warwatch.text import extract_article
from warwatch.text.boilerplate import trim_boilerplate
from warwatch.text.plain import normalise_whitespace

FOOTERS = Path(__file__).parent / "data" / "footers"
MARKER = "=== footer ==="


@dataclass(frozen=True)
class Fixture:
    body: str
    footer: str
    publisher: str | None


def read_fixture(path: Path) -> Fixture:
    lines = path.read_text("utf-8").splitlines()
    publisher = next(
        (x.split(":", 1)[1].strip() for x in lines if x.startswith("# publisher:")), None
    )
    text = [x for x in lines if not x.startswith("#")]
    at = text.index(MARKER)
    return Fixture("\n".join(text[:at]), "\n".join(text[at + 1 :]), publisher)


FIXTURES = sorted(FOOTERS.glob("*.txt"))


def test_there_are_fixture_footers() -> None:
    assert len(FIXTURES) >= 3


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_footer_is_cut_exactly(path: Path) -> None:
    fx = read_fixture(path)
    trimmed = trim_boilerplate(normalise_whitespace(fx.body + "\n" + fx.footer))
    assert trimmed.text == normalise_whitespace(fx.body)
    assert trimmed.tail  # something was cut, and it is all footer
    assert "\n".join(trimmed.tail) in normalise_whitespace(fx.footer)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_through_extract_article(path: Path) -> None:
    fx = read_fixture(path)
    raw = (fx.body + "\n\n" + fx.footer + "\n").encode()
    article = extract_article(capture_bytes(raw, source=path.name))
    last_sentence = fx.body.rstrip().rsplit(". ", 1)[-1]
    assert article.text.endswith(last_sentence)
    assert article.publisher == fx.publisher


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture_footer_does_not_eat_a_real_article(path: Path, seed_path: Path) -> None:
    # Glue the footer under another article (the seed story without its own footer).
    seed = trim_boilerplate(normalise_whitespace(seed_path.read_text("utf-8"))).text
    fx = read_fixture(path)
    assert trim_boilerplate(seed + "\n\n" + fx.footer).text == seed


# --- footers in the gold corpora, located at run time -------------------------------------------


@dataclass(frozen=True)
class GoldCase:
    corpus: str  # GWN | LGL | TR-News | IPE
    locator: str  # part of the document's URL (XML corpora) or its doc_id (IPE)
    footer_starts: str | None  # first words of the footer; None: no footer, only a header
    header_ends: str | None = None  # first words of a leading boilerplate line, if any
    publisher: str | None = None


GOLD_CASES = {
    # site (wire): where the footer starts
    "chinapost (AP sports)": GoldCase(
        "GWN", "chinapost.nownews.com/20180401-270851", "Follow Mitch"
    ),
    "wsoctv (AP member exchange)": GoldCase(
        "GWN",
        "wsoctv.com/news/north-carolina/report-23",
        "Information from:",
        publisher="The Associated Press",
    ),
    "wsvn (CNN Wire)": GoldCase(
        "GWN",
        "wsvn.com/news/local/the-2018-hurricane-season",
        "The-CNN-Wire",
        publisher="Cable News Network",
    ),
    "kiro7 (AP, follow on Twitter)": GoldCase(
        "GWN",
        "kiro7.com/news/inside-a-white-house-in-tumult",
        "Follow Lemire",
        publisher="The Associated Press",
    ),
    "kob (NBC, read more + credits)": GoldCase(
        "GWN", "kob.com/news/facebook-privacy-policies-scrutiny", "Read More:", publisher="KOB-TV"
    ),
    "good4utah (AP, reach on Twitter)": GoldCase(
        "GWN", "good4utah.com/news/politics/us-approves-13-billion", "AP National Security Writer"
    ),
    "fox13memphis (AP)": GoldCase(
        "GWN",
        "fox13memphis.com/news/tennessee/montana-prison",
        "Copyright 2018",
        publisher="The Associated Press",
    ),
    "cleveland.com (editorial, comments)": GoldCase(
        "GWN", "cleveland.com/opinion/index.ssf/2018/04/_endorsement", "About our editorials"
    ),
    "clickondetroit (CNN NewSource)": GoldCase(
        "GWN",
        "clickondetroit.com/news/international/former-south-korean",
        "Copyright 2018",
        publisher="CNN NewSource",
    ),
    "news4jax (CNN NewSource)": GoldCase(
        "GWN",
        "news4jax.com/news/international/south-africas-expresident",
        "Copyright 2018",
        publisher="CNN NewSource",
    ),
    "augusta chronicle (staff credit)": GoldCase(
        "LGL", "chronicle.augusta.com/stories/2009/03/31/met_516575", "Staff Writers"
    ),
    "haaretz (related articles)": GoldCase(
        "LGL", "haaretz.com/hasen/spages/1072723", "Related articles"
    ),
    "reuters (reporting/editing)": GoldCase(
        "TR-News", "reuters.com/article/us-texas-nationalist", "(Reporting by"
    ),
    "reuters (reporting/editing, 2)": GoldCase(
        "TR-News", "reuters.com/article/us-usa-security-ohio-plea", "(Reporting by"
    ),
    "times of india (related + share bar)": GoldCase("IPE", "33", "related stories"),
    "times of india (related list)": GoldCase("IPE", "59", "related stories"),
    "times of india (inputs credit)": GoldCase("IPE", "637", "(with inputs from"),
    "times of india (dated header)": GoldCase("IPE", "11", None, header_ends="This story is from"),
}


@cache
def xml_docs(shared: Path, corpus: str) -> dict[str, str]:
    name = {"GWN": "GWN.xml", "LGL": "lgl.xml", "TR-News": "TR-News.xml"}[corpus]
    docs = {}
    for article in ET.parse(shared / "geo-gold" / name).getroot().iter("article"):
        url = (article.findtext("link") or article.findtext("url") or "").strip()
        docs[url] = article.findtext("text") or ""
    return docs


@cache
def ipe_docs(shared: Path) -> dict[str, str]:
    csv.field_size_limit(sys.maxsize)
    with open(shared / "gold" / "indiapoliceevents_docs.csv", encoding="utf-8", newline="") as f:
        return {row["doc_id"]: row["doc_text"] for row in csv.DictReader(f)}


def locate(shared: Path, case: GoldCase) -> str:
    if case.corpus == "IPE":
        return ipe_docs(shared)[case.locator]
    matches = [t for url, t in xml_docs(shared, case.corpus).items() if case.locator in url]
    assert len(matches) == 1, f"{case.locator!r} should name one {case.corpus} document"
    return matches[0]


def expected_text(text: str, case: GoldCase) -> str:
    start = 0
    if case.header_ends:
        line_end = text.index("\n", text.index(case.header_ends))
        start = line_end + 1
    end = text.index(case.footer_starts) if case.footer_starts else len(text)
    return text[start:end].strip()


@pytest.mark.parametrize("name", list(GOLD_CASES))
def test_gold_footer_is_cut_at_its_start(shared: Path, name: str) -> None:
    case = GOLD_CASES[name]
    text = normalise_whitespace(locate(shared, case))
    trimmed = trim_boilerplate(text)
    assert trimmed.text == expected_text(text, case)
    if case.footer_starts:
        assert trimmed.tail[0].startswith(case.footer_starts)


@pytest.mark.parametrize("name", [n for n, c in GOLD_CASES.items() if c.publisher])
def test_gold_publisher_from_copyright_line(shared: Path, name: str) -> None:
    case = GOLD_CASES[name]
    article = extract_article(capture_bytes(locate(shared, case).encode(), source=name))
    assert article.publisher == case.publisher


def test_seed_footer_with_other_articles(shared: Path, seed_path: Path) -> None:
    # The seed's footer glued under real gold articles: each is kept whole.
    seed = normalise_whitespace(seed_path.read_text("utf-8"))
    footer = seed[seed.index("\n©") + 1 :]
    for name in (
        "reuters (reporting/editing)",
        "fox13memphis (AP)",
        "times of india (related list)",
    ):
        text = normalise_whitespace(locate(shared, GOLD_CASES[name]))
        alone = trim_boilerplate(text).text
        assert trim_boilerplate(text + "\n" + footer).text == alone
