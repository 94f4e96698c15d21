"""The orchestrator: the only module that calls the stages in order.

    1. capture   source -> Capture            (capture/)
    2. text      Capture -> Article           (text/)
    3. nlp       Article.text -> Doc          (nlp/)
    4. places    Doc -> Place mentions        (geo/)
    5. incidents Doc -> Report                (incidents/, which asks geo/ for event locations)
    6. claims    Report -> Report + claims    (claims/)
    7. legal     Report -> Report + law       (kb/)
    8. store     Report -> rows               (store/)

It is also the one place that catches errors broadly: a broken article is recorded as failed (on
its run, with its error code and message) and the batch goes on.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from . import claims, geo, incidents, kb, text
from .capture import capture_path, iter_warc
from .capture.http import Fetcher
from .errors import ProcessingError, Unreadable, WarwatchError
from .link.syndication import assign_family
from .model import Article, Capture, Report
from .nlp import build_nlp
from .settings import Settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .store import Store

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz", ".wacz")
URL_RE = re.compile(r"^https?://", re.IGNORECASE)


# --- steps 2-7: one article ----------------------------------------------------------------------


def cap_words(article: Article, max_words: int) -> Article:
    """Cut pathological articles at ``max_words`` so one document cannot stall a batch.

    Cutting at the end keeps every offset valid."""
    matches = re.finditer(r"\S+", article.text)
    for n, m in enumerate(matches, 1):
        if n > max_words:
            return article.model_copy(update={"text": article.text[: m.start()], "truncated": True})
    return article


def analyse(doc: Doc, article: Article) -> Report:
    """Steps 4-7 on an already parsed document."""
    places = geo.geoparse(doc)  # 4
    report = incidents.assemble(doc, article, places)  # 5
    report = claims.annotate(report, doc)  # 6
    return kb.assess(report, doc)  # 7


def read_article(capture: Capture, settings: Settings) -> Article:
    return cap_words(text.extract_article(capture), settings.max_words)  # 2


def extract(capture: Capture, settings: Settings) -> Report:
    article = read_article(capture, settings)
    doc = build_nlp()(article.text)  # 3
    return analyse(doc, article)


Outcome = Report | WarwatchError


def _guard(source: str, step: Callable[[], Report]) -> Outcome:
    try:
        return step()
    except WarwatchError as exc:
        return exc
    except Exception as exc:  # the one broad catch: a bug in a stage must not sink the batch
        log.exception("processing %s failed", source)
        return ProcessingError(f"{type(exc).__name__}: {exc}", source=source)


def extract_many(captures: Iterable[Capture], settings: Settings) -> Iterator[Outcome]:
    """Outcome per capture, in order, parsing the texts with ``nlp.pipe`` (much faster than one
    call per text)."""
    articles: list[Article | WarwatchError] = []
    caps = list(captures)
    for capture in caps:
        try:
            articles.append(read_article(capture, settings))
        except WarwatchError as exc:
            articles.append(exc)
    texts = [a.text for a in articles if isinstance(a, Article)]
    docs = iter(build_nlp().pipe(texts, batch_size=32))
    for capture, article in zip(caps, articles, strict=True):
        if isinstance(article, WarwatchError):
            yield article
            continue
        yield _guard(capture.source, partial(analyse, next(docs), article))


# --- step 1 and 8: sources into the store --------------------------------------------------------


@dataclass
class IngestSummary:
    run_id: int
    added: int = 0
    present: int = 0
    failed: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # source, code, message
    incident_ids: list[int] = field(default_factory=list)


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named, and every non-hidden file under folders named, in a stable order."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path)
                if child.is_file() and not any(p.startswith(".") for p in rel.parts):
                    yield child
        else:
            yield path


def iter_captures(
    sources: Iterable[str], settings: Settings, published: dt.date | None = None
) -> Iterator[Capture | WarwatchError]:
    """Step 1 for every kind of source: URLs, web archives, files and folders.

    URLs share one Fetcher so robots.txt is read once per site and the per-host delay holds."""
    with contextlib.ExitStack() as stack:
        fetcher: Fetcher | None = None
        for source in sources:
            try:
                if URL_RE.match(source):
                    if fetcher is None:
                        fetcher = stack.enter_context(Fetcher(settings))
                    yield fetcher.fetch(source)
                    continue
                for path in iter_files([Path(source)]):
                    yield from _captures_of_file(path, settings, published)
            except WarwatchError as exc:
                yield exc
            except OSError as exc:
                yield Unreadable(f"cannot read: {exc.strerror or exc}", source=source)


def _captures_of_file(
    path: Path, settings: Settings, published: dt.date | None
) -> Iterator[Capture | WarwatchError]:
    if path.name.lower().endswith(WARC_SUFFIXES):
        try:
            yield from iter_warc(path, max_bytes=settings.max_bytes)
        except WarwatchError as exc:  # a truncated archive still gave what it could
            yield exc
        return
    try:
        yield capture_path(path, max_bytes=settings.max_bytes, published=published)
    except WarwatchError as exc:
        yield exc
    except OSError as exc:
        yield Unreadable(f"cannot read: {exc.strerror or exc}", source=str(path))


def ingest_captures(
    items: Iterable[Capture | WarwatchError],
    store: Store,
    settings: Settings,
    *,
    run_id: int,
    summary: IngestSummary | None = None,
    progress: Callable[[str], None] | None = None,
    chunk: int = 32,
) -> IngestSummary:
    """Steps 2-8 for a stream of captures; failures are recorded on ``run_id``."""
    summary = summary or IngestSummary(run_id=run_id)
    pending: list[Capture] = []

    def fail(source: str, exc: WarwatchError) -> None:
        summary.failed += 1
        summary.failures.append((source, exc.code, str(exc)))
        store.record_failure(run_id, source, exc.code, str(exc))

    def flush() -> None:
        for capture, outcome in zip(pending, extract_many(pending, settings), strict=True):
            error = (
                _save(store, capture, outcome, run_id, summary)
                if isinstance(outcome, Report)
                else outcome
            )
            if error is not None:
                fail(capture.source, error)
            if progress:
                progress(capture.source)
        pending.clear()

    for item in items:
        if isinstance(item, WarwatchError):
            fail(item.source or "?", item)
            if progress:
                progress(item.source or "?")
        elif store.has_article(item.sha256) or any(p.sha256 == item.sha256 for p in pending):
            summary.present += 1
            if progress:
                progress(item.source)
        else:
            pending.append(item)
            if len(pending) >= chunk:
                flush()
    flush()
    return summary


def _save(
    store: Store, capture: Capture, report: Report, run_id: int, summary: IngestSummary
) -> WarwatchError | None:
    try:
        saved = store.save_report(capture, report, run_id=run_id)
    except WarwatchError as exc:
        return exc
    except Exception as exc:  # the store rolls back; record and go on with the batch
        log.exception("saving %s failed", capture.source)
        return ProcessingError(f"saving failed: {type(exc).__name__}: {exc}", source=capture.source)
    summary.added += saved.added
    summary.present += not saved.added
    summary.incident_ids.extend(saved.incident_ids)
    if saved.added:
        # Chain of custody and syndication: what was done when, and which story family the
        # article belongs to, so corroboration later counts independent sources only.
        store.log_audit(
            "ingested",
            f"article:{capture.sha256}",
            {"source": capture.source, "run_id": run_id, "incidents": len(saved.incident_ids)},
        )
        assign_family(store, capture.sha256, report.article.text)
    return None


@contextlib.contextmanager
def run(store: Store, kind: str, args: dict[str, object]) -> Iterator[IngestSummary]:
    """One recorded run: opened on the store, closed with its counts even when it is cut short."""
    summary = IngestSummary(run_id=store.start_run(kind, args))
    try:
        yield summary
    finally:
        store.finish_run(
            summary.run_id,
            added=summary.added,
            present=summary.present,
            failed=summary.failed,
        )


def ingest(
    sources: Iterable[str],
    store: Store,
    settings: Settings,
    *,
    published: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> IngestSummary:
    sources = list(sources)
    with run(store, "ingest", {"sources": sources}) as summary:
        ingest_captures(
            iter_captures(sources, settings, published),
            store,
            settings,
            run_id=summary.run_id,
            summary=summary,
            progress=progress,
        )
    return summary


# --- the contract's `extract --jsonl`: one batch of lines in a worker process ----------------------


def warm_up() -> None:
    """Worker initialiser: build the models once per process, before the first batch."""
    build_nlp()


def extract_lines(settings: Settings, batch: list[tuple[int, str]]) -> list[str]:
    """Contract documents (or error lines) for numbered JSONL lines, in order."""
    from .contract import dumps, error_document, to_document
    from .records import extract_capture

    out: list[str] = [""] * len(batch)
    captures: list[tuple[int, Capture]] = []
    for i, (lineno, line) in enumerate(batch):
        try:
            captures.append((i, extract_capture(lineno, line, max_bytes=settings.max_bytes)))
        except WarwatchError as exc:
            out[i] = dumps(error_document(getattr(exc, "id", None), exc))
    outcomes = extract_many([c for _, c in captures], settings)
    for (i, capture), outcome in zip(captures, outcomes, strict=True):
        if isinstance(outcome, WarwatchError):
            out[i] = dumps(error_document(capture.id, outcome))
        else:
            out[i] = dumps(to_document(outcome, capture.id))
    return out
