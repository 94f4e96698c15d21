"""`warwatch extract`, `ingest` and `demo`: thin calls into ``warwatch.pipeline``."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Annotated, TextIO

import typer

from .. import pipeline
from ..batch import dask_executor, resolve_workers, run_batches, write_lines
from ..capture import capture_bytes, capture_path
from ..contract import to_document
from ..errors import Unreadable
from ..settings import Settings, load_settings

SEED_NAME = "stepanakert-cluster-munitions.txt"
SEED_PUBLISHED = dt.date(2020, 10, 5)  # Amnesty's statement on the footage (shared/seed/README.md)


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a YYYY-MM-DD date") from exc


def extract(
    file: Annotated[
        str | None, typer.Argument(help="Article file (.html/.htm or text), or - for stdin.")
    ] = None,
    published: Annotated[str | None, typer.Option(help="Publication date, YYYY-MM-DD.")] = None,
    url: Annotated[str | None, typer.Option(help="The article's URL, recorded as given.")] = None,
    jsonl: Annotated[
        str | None, typer.Option("--jsonl", help="JSON Lines input (- for stdin).")
    ] = None,
    workers: Annotated[int, typer.Option(help="Worker processes for --jsonl; 0 = all cores.")] = 0,
    dask: Annotated[
        str | None,
        typer.Option(help="Run --jsonl batches on the Dask scheduler at this address."),
    ] = None,
) -> None:
    """One article -> one JSON document on stdout (CONTRACT.md); --jsonl: one per line."""
    if file is not None and jsonl is not None:
        raise typer.BadParameter("give FILE or --jsonl IN.jsonl, not both")
    settings = load_settings(workers=workers or None)
    if jsonl is not None:
        _extract_jsonl(jsonl, settings, dask)
        return
    if file is None:
        raise typer.BadParameter("give an article FILE (or - for stdin), or --jsonl IN.jsonl")
    try:
        if file == "-":
            raw = sys.stdin.buffer.read()
            capture = capture_bytes(
                raw,
                source="stdin",
                kind="stdin",
                max_bytes=settings.max_bytes,
                published=_date(published),
                url=url,
            )
        else:
            capture = capture_path(
                Path(file), max_bytes=settings.max_bytes, published=_date(published), url=url
            )
        report = pipeline.extract(capture, settings)
    except OSError as exc:
        raise Unreadable(f"cannot read: {exc.strerror or exc}", source=file) from exc
    if (note := language_note(report.article.language)) is not None:
        typer.echo(f"warning: {note}", err=True)
    typer.echo(json.dumps(to_document(report), ensure_ascii=False, indent=2))


def language_note(language: str | None) -> str | None:
    """A warning for an article that is not in English, or None.

    The parser, triggers and actor lexicons are English, so such a record is kept (its text,
    metadata and the place names the gazetteer knows) but its incidents are very likely missing;
    the analyst must hear that rather than read an empty list as "nothing happened"."""
    if language in (None, "en"):
        return None
    return (
        f"the article reads as language '{language}'; warwatch extracts events from English "
        "text only, so this record's incidents are probably incomplete"
    )


def open_lines(path: str) -> contextlib.AbstractContextManager[TextIO]:
    """A JSON Lines input for the --jsonl commands; ``-`` is stdin.

    Undecodable bytes become lone surrogates, so that line alone fails later, not the whole run."""
    if path == "-":
        return contextlib.nullcontext(sys.stdin)
    try:
        return open(path, encoding="utf-8", errors="surrogateescape")
    except OSError as exc:
        raise typer.BadParameter(f"cannot open {path}: {exc.strerror}") from exc


def _extract_jsonl(path: str, settings: Settings, dask: str | None) -> None:
    executor = dask_executor(dask) if dask else None
    with open_lines(path) as handle:
        lines = run_batches(
            handle,
            partial(pipeline.extract_lines, settings),
            workers=resolve_workers(settings.workers),
            init=pipeline.warm_up,
            executor=executor,
        )
        write_lines(sys.stdout, lines)


def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (recursive), URLs, WARC/WACZ files.")
    ],
    db: Annotated[
        str | None,
        typer.Option(help="Database URL (default: WARWATCH_DB or the embedded SQLite store)."),
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date for files that carry none.")
    ] = None,
) -> None:
    """Extract and store articles; already stored bytes are skipped and counted."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from ..store import open_store

    settings = load_settings(db=db)
    store = open_store(settings.db_url)
    console = Console(stderr=True)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[item]}"),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("ingesting", total=None, item="")
        summary = pipeline.ingest(
            paths,
            store,
            settings,
            published=_date(published),
            progress=lambda source: bar.update(task, advance=1, item=Path(source).name[-40:]),
        )
    for source, code, message in summary.failures:
        console.print(f"[red]failed[/red] {source}: [{code}] {message}", highlight=False)
    console.print(
        f"run {summary.run_id}: {summary.added} added, {summary.present} already present, "
        f"{summary.failed} failed",
        highlight=False,
    )


def seed_bytes() -> bytes:
    return resources.files("warwatch.data.seed").joinpath(SEED_NAME).read_bytes()


def demo(
    db: Annotated[
        str | None, typer.Option(help="Database URL; default: a fresh demo.db in the data dir.")
    ] = None,
) -> None:
    """The seed story through the pipeline into a fresh store, then shown from the store."""
    from rich.console import Console

    from ..store import open_store
    from .store_cmds import incident_lines

    settings = load_settings()
    if db is None:
        path = settings.data_dir / "demo.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        db = f"sqlite:///{path}"
    store = open_store(db)
    capture = capture_bytes(seed_bytes(), source=f"seed:{SEED_NAME}", published=SEED_PUBLISHED)
    with pipeline.run(store, "demo", {"db": db}) as summary:
        pipeline.ingest_captures([capture], store, settings, run_id=summary.run_id, summary=summary)
    console = Console(highlight=False)
    console.print(f"[bold]warwatch demo[/bold]: the seed story, stored in {db}")
    for source, code, message in summary.failures:
        console.print(f"failed {source}: [{code}] {message}", markup=False)
    for incident_id in summary.incident_ids:  # read back from the store, not from memory
        incident, article = store.get_incident(incident_id)
        console.rule(f"incident {incident_id}")
        for line in incident_lines(incident, article):
            console.print(line, markup=False, soft_wrap=True)
    report = store.load_report(capture.sha256)
    console.rule("article")
    for quote in report.quotes:
        console.print(
            f"Quote: {quote.speaker or '?'} ({quote.role or '?'}, "
            f"{quote.organization or '?'}): {quote.text}",
            markup=False,
            soft_wrap=True,
        )
    for item in report.background:
        numbers = ", ".join(f"{n.value:,} {n.of}" for n in item.numbers)
        console.print(
            f"Background ({item.kind}): {report.article.text[item.start : item.end]}"
            + (f" [{numbers}]" if numbers else ""),
            markup=False,
            soft_wrap=True,
        )
    for rel in report.relations:
        console.print(f"Relation: {rel.subject} {rel.type} {rel.object}", markup=False)
    places = ", ".join(f"{p.name} ({p.role})" for p in report.places)
    console.print(f"Places: {places}", markup=False, soft_wrap=True)
    console.print(
        f"\nBrowse it: warwatch incidents --db {db}; warwatch show ID --db {db}; "
        f"warwatch export --format geojson --db {db}",
        markup=False,
        soft_wrap=True,
    )


def register(app: typer.Typer) -> None:
    app.command()(extract)
    app.command()(ingest)
    app.command()(demo)
