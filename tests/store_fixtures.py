"""Store fixtures for both backends, and Hypothesis strategies that generate Reports.

Import the fixture functions into a test module (``from store_fixtures import store_fixture,
store_url_fixture, pg_session_url_fixture``); pytest finds them by their ``name=``.

PostgreSQL tests use ``$WARWATCH_TEST_PG`` (default ``postgresql+psycopg://postgres@127.0.0.1:5432/test``),
each session in its own fresh schema (emptied before every test, dropped at the end), so runs
never collide. When the server is
unreachable they skip, unless ``WARWATCH_REQUIRE_PG=1`` (CI), where that is a failure.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import strategies as st

from warwatch.model import (
    EVENT_TYPE_OF,
    Actor,
    ActorRole,
    Article,
    Background,
    BackgroundKind,
    Capture,
    Claim,
    ClaimAbout,
    Count,
    DatePrecision,
    DateWindow,
    EventType,
    GeoPrecision,
    Incident,
    LegalBasis,
    LegalNote,
    Location,
    NumberMention,
    Place,
    PlaceRole,
    Quote,
    Relation,
    Report,
    Source,
    SourceRole,
    Span,
    Stance,
    SubEventType,
    TextSpan,
    Weapon,
    WeaponKind,
)
from warwatch.store import Store, get_engine, open_store
from warwatch.store.schema import metadata

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _pg_base() -> str:
    return os.environ.get("WARWATCH_TEST_PG", DEFAULT_PG)


def _pg_unreachable(reason: str) -> None:
    message = (
        f"PostgreSQL not reachable at {sa.make_url(_pg_base()).render_as_string(hide_password=True)}"
        f" ({reason}); point the tests at one with "
        "WARWATCH_TEST_PG=postgresql+psycopg://user@host:port/db"
    )
    if os.environ.get("WARWATCH_REQUIRE_PG") == "1":
        pytest.fail(message + " [WARWATCH_REQUIRE_PG=1: PostgreSQL is required]")
    pytest.skip(message)


def _fresh_pg_schema() -> Iterator[str]:
    """A new schema on the test server; yields a URL whose search_path is that schema."""
    admin = sa.create_engine(_pg_base(), connect_args={"connect_timeout": 3})
    name = f"ww_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.begin() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{name}"'))
    except sa.exc.OperationalError as exc:
        admin.dispose()
        _pg_unreachable(str(exc.orig).strip().splitlines()[0])
    url = sa.make_url(_pg_base()).update_query_dict({"options": f"-csearch_path={name}"})
    rendered = url.render_as_string(hide_password=False)
    try:
        yield rendered
    finally:
        get_engine(rendered).dispose()
        with admin.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{name}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session", name="pg_session_url")
def pg_session_url_fixture() -> Iterator[str]:
    """One fresh schema for this test session, migrated to head; dropped at the end."""
    for url in _fresh_pg_schema():
        open_store(url)
        yield url


def _empty_pg(url: str) -> None:
    # DELETE, children first: on a few test rows it is far quicker than TRUNCATE, which
    # rewrites every table's files.
    with get_engine(url).begin() as conn:
        for table in reversed(metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture(params=BACKENDS, name="store_url")
def store_url_fixture(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database URL per test: a new SQLite file, or the session's PostgreSQL schema
    emptied (a schema per test would spend a second migrating each time)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'db' / 'warwatch.db'}"
        yield url
        get_engine(url).dispose()
        return
    url = request.getfixturevalue("pg_session_url")
    _empty_pg(url)
    yield url


@pytest.fixture(name="store")
def store_fixture(store_url: str) -> Store:
    return open_store(store_url)


# --- Hypothesis strategies -----------------------------------------------------------------------
# Text without NUL (PostgreSQL text cannot hold it) and without lone surrogates (not UTF-8).
TEXT = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
texts = st.text(TEXT, max_size=40)
opt_texts = st.none() | texts
offsets = st.integers(0, 2**31 - 1)
opt_offsets = st.none() | offsets
opt_ints = st.none() | st.integers(0, 2**31 - 1)
opt_dates = st.none() | st.dates()
opt_cc = st.none() | st.text(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), min_size=2, max_size=2)


def floats(lo: float, hi: float) -> st.SearchStrategy[float]:
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False)


spans = st.builds(Span, start=offsets, end=offsets)
locations = st.builds(
    Location,
    name=texts,
    start=opt_offsets,
    end=opt_offsets,
    latitude=st.none() | floats(-90, 90),
    longitude=st.none() | floats(-180, 180),
    geonameid=opt_ints,
    country_code=opt_cc,
    admin1=opt_texts,
    precision=st.sampled_from(GeoPrecision),
    score=st.none() | floats(0, 1),
)
counts = st.builds(
    Count, best=opt_ints, low=opt_ints, high=opt_ints, start=opt_offsets, end=opt_offsets
)
actors = st.builds(
    Actor,
    name=texts,
    role=st.sampled_from(ActorRole),
    country_code=opt_cc,
    hedged=st.booleans(),
    start=offsets,
    end=offsets,
    surface=opt_texts,
)
weapons = st.builds(
    Weapon,
    name=texts,
    kind=st.sampled_from(WeaponKind),
    category=opt_texts,
    origin_country=opt_cc,
    start=offsets,
    end=offsets,
    catalogue_id=opt_texts,
)
claims = st.builds(
    Claim,
    claimant=opt_texts,
    stance=st.sampled_from(Stance),
    about=st.sampled_from(ClaimAbout),
    hedged=st.booleans(),
    method=st.lists(texts, max_size=3).map(tuple),
    start=offsets,
    end=offsets,
    grade=opt_texts,
)
legal_notes = st.builds(
    LegalNote,
    instrument=texts,
    basis=st.sampled_from(LegalBasis),
    state=opt_texts,
    state_party=st.none() | st.booleans(),
    as_of=opt_dates,
    note=texts,
    source=opt_texts,
    start=opt_offsets,
    end=opt_offsets,
)
incident_st = st.builds(
    Incident,
    event_type=st.sampled_from(EventType),
    sub_event_type=st.sampled_from(SubEventType),
    trigger=st.builds(TextSpan, start=offsets, end=offsets, text=texts),
    date=st.builds(
        DateWindow,
        start=opt_dates,
        end=opt_dates,
        precision=st.sampled_from(DatePrecision),
        evidence=st.none() | spans,
    ),
    location=st.none() | locations,
    actors=st.lists(actors, max_size=3).map(tuple),
    weapons=st.lists(weapons, max_size=2).map(tuple),
    fatalities=counts,
    injured=counts,
    claims=st.lists(claims, max_size=2).map(tuple),
    legal=st.lists(legal_notes, max_size=2).map(tuple),
    evidence=st.lists(spans, max_size=3).map(tuple),
    confidence=floats(0, 1),
    verification=opt_texts,
    review=texts,
)
article_st = st.builds(
    Article,
    text=st.text(TEXT, max_size=300),
    sha256=st.just("0" * 64),  # replaced per example by ``unique``
    title=opt_texts,
    publisher=opt_texts,
    author=opt_texts,
    published=opt_dates,
    url=opt_texts,
    language=opt_texts,
    id=opt_texts,
    truncated=st.booleans(),
)
report_st = st.builds(
    Report,
    article=article_st,
    incidents=st.lists(incident_st, max_size=3).map(tuple),
    quotes=st.lists(
        st.builds(
            Quote,
            speaker=opt_texts,
            role=opt_texts,
            organization=opt_texts,
            text=texts,
            start=offsets,
            end=offsets,
            direct=st.booleans(),
        ),
        max_size=2,
    ).map(tuple),
    background=st.lists(
        st.builds(
            Background,
            start=offsets,
            end=offsets,
            kind=st.sampled_from(BackgroundKind),
            numbers=st.lists(
                st.builds(NumberMention, value=st.integers(0, 10**6), of=texts), max_size=2
            ).map(tuple),
        ),
        max_size=2,
    ).map(tuple),
    relations=st.lists(
        st.builds(Relation, type=texts, subject=texts, object=texts, start=offsets, end=offsets),
        max_size=2,
    ).map(tuple),
    places=st.lists(
        st.builds(
            Place,
            name=texts,
            start=offsets,
            end=offsets,
            latitude=st.none() | floats(-90, 90),
            longitude=st.none() | floats(-180, 180),
            geonameid=opt_ints,
            country_code=opt_cc,
            feature_code=opt_texts,
            role=st.sampled_from(PlaceRole),
            score=st.none() | floats(0, 1),
        ),
        max_size=2,
    ).map(tuple),
    sources=st.lists(
        st.builds(
            Source,
            name=texts,
            role=st.sampled_from(SourceRole),
            kind=opt_texts,
            start=opt_offsets,
            end=opt_offsets,
        ),
        max_size=2,
    ).map(tuple),
)


def unique(report: Report, salt: str = "") -> tuple[Capture, Report]:
    """Give ``report`` raw bytes and a sha256 of its own, and the Capture they came from."""
    raw = (report.article.text + "\x1f" + salt + uuid.uuid4().hex).encode()
    sha = hashlib.sha256(raw).hexdigest()
    capture = Capture(
        raw=raw, sha256=sha, source=f"test-{sha[:8]}.txt", captured_at=dt.datetime.now(dt.UTC)
    )
    article = report.article.model_copy(update={"sha256": sha})
    return capture, report.model_copy(update={"article": article})


def sample_report(
    text: str,
    *,
    trigger: str,
    place: str | None = None,
    event_type: SubEventType = SubEventType.SHELLING,
    country: str | None = None,
    day: dt.date | None = None,
    coords: tuple[float, float] | None = None,
    killed: int | None = None,
    title: str | None = None,
    publisher: str | None = "Test Wire",
) -> Report:
    """A one-incident report over ``text``, offsets found in the text itself."""
    t0 = text.index(trigger)
    location = None
    if place is not None:
        p0 = text.index(place)
        lat, lon = coords if coords else (None, None)
        location = Location(
            name=place,
            start=p0,
            end=p0 + len(place),
            latitude=lat,
            longitude=lon,
            country_code=country,
            precision=GeoPrecision.TOWN if coords else GeoPrecision.UNKNOWN,
        )
    incident = Incident(
        event_type=EVENT_TYPE_OF[event_type],
        sub_event_type=event_type,
        trigger=TextSpan(start=t0, end=t0 + len(trigger), text=trigger),
        date=DateWindow(
            start=day, end=day, precision=DatePrecision.DAY if day else DatePrecision.UNKNOWN
        ),
        location=location,
        fatalities=Count(best=killed),
        evidence=(Span(start=t0, end=len(text)),),
        confidence=0.5,
    )
    article = Article(text=text, sha256="0" * 64, title=title, publisher=publisher, published=day)
    return Report(article=article, incidents=(incident,))
