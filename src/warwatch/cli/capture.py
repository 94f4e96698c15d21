"""`warwatch watch`, `bundle` and `verify`: thin calls into ``capture.watch`` and ``bundle``."""

from __future__ import annotations

import logging
import re
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer

from ..settings import Settings, load_settings

if TYPE_CHECKING:
    from ..model import Capture
    from ..pipeline import IngestSummary
    from ..store import Store

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNIT = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """Seconds in ``90``, ``90s``, ``15m``, ``2h`` or ``1d``."""
    match = _DURATION.match(text)
    if not match or float(match.group(1)) <= 0:
        raise typer.BadParameter(f"{text!r} is not a duration like 90s, 15m or 2h")
    return float(match.group(1)) * _UNIT[match.group(2).lower()]


@contextmanager
def stop_on_signals() -> Iterator[threading.Event]:
    """An event set by the first SIGINT/SIGTERM; a second Ctrl-C interrupts at once."""
    stop = threading.Event()

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            signal.default_int_handler(signum, frame)
        typer.echo("stopping after the current item (Ctrl-C again to abort)", err=True)
        stop.set()

    old = {s: signal.signal(s, handler) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop
    finally:
        for sig, previous in old.items():
            signal.signal(sig, previous)


def _pipeline_handler(
    store: Store, settings: Settings, summary: IngestSummary
) -> Callable[[Capture], None]:
    """Each new capture through the pipeline into the store (which also files its story family)."""
    from .. import pipeline

    def on_capture(capture: Capture) -> None:
        pipeline.ingest_captures([capture], store, settings, run_id=summary.run_id, summary=summary)

    return on_capture


def watch(
    feeds: Annotated[list[str], typer.Argument(help="RSS or Atom feed URLs.")],
    every: Annotated[
        str, typer.Option(help="Interval between polls of a feed: 90s, 15m, 2h.")
    ] = "15m",
    once: Annotated[
        bool, typer.Option("--once", help="Poll each feed once and exit (cron).")
    ] = False,
    db: Annotated[
        str | None, typer.Option(help="Database URL (default: WARWATCH_DB or the embedded store).")
    ] = None,
) -> None:
    """Poll feeds and ingest new entries; Ctrl-C (or SIGTERM) finishes the current item and exits."""
    from .. import pipeline
    from ..capture.watch import watch_feeds
    from ..store import open_store

    interval = parse_duration(every)
    if not logging.getLogger().handlers:
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    settings = load_settings(db=db)
    store = open_store(settings.db_url)
    args = {"feeds": feeds, "every": interval, "once": once}
    with pipeline.run(store, "watch", args) as summary, stop_on_signals() as stop:
        result = watch_feeds(
            feeds,
            store=store,
            settings=settings,
            on_capture=_pipeline_handler(store, settings, summary),
            every=interval,
            once=once,
            stop=stop,
        )
    for url, error in result.feed_failures.items():
        typer.echo(f"feed failed: {url}: {error}", err=True)
    typer.echo(
        f"run {summary.run_id}: {result.polls} polls, {result.captured} new entries, "
        f"{summary.added} added, {summary.present} already present, {summary.failed} failed",
        err=True,
    )


def bundle(
    incident_id: Annotated[int, typer.Argument(help="Incident id (as shown by search/show).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="The bundle zip to write.")],
    tsa: Annotated[str | None, typer.Option(help="RFC 3161 time-stamping authority URL.")] = None,
    db: Annotated[str | None, typer.Option(help="Database URL.")] = None,
) -> None:
    """Write an evidence bundle: raw captures, extraction JSON, manifest with hashes and audit log."""
    from ..bundle import write_bundle
    from ..store import open_store

    settings = load_settings(db=db)
    result = write_bundle(
        open_store(settings.db_url), incident_id, output, settings=settings, tsa_url=tsa
    )
    typer.echo(
        f"wrote {output}: {len(result.manifest.files)} files, manifest sha256 {result.manifest_sha256}"
    )
    if result.timestamp:
        typer.echo(
            f"timestamped by {tsa} at {result.timestamp.gen_time.isoformat()} (serial "
            f"{result.timestamp.serial_number}); imprint checked, TSA signature not verified"
        )


def verify(
    file: Annotated[Path, typer.Argument(help="A bundle zip written by `warwatch bundle`.")],
) -> None:
    """Re-check a bundle's hashes; exit 1 and list every alteration if anything changed."""
    from ..bundle import verify_bundle

    if not file.is_file():
        raise typer.BadParameter(f"no such file: {file}")
    result = verify_bundle(file)
    for problem in result.problems:
        typer.echo(str(problem))
    if result.timestamp and not any(p.kind == "timestamp" for p in result.problems):
        typer.echo(
            f"timestamp: {result.timestamp.gen_time.isoformat()} covers this manifest "
            "(message imprint checked; TSA signature not verified)"
        )
    if not result.ok:
        typer.echo(f"ALTERED: {len(result.problems)} problem(s) in {file}", err=True)
        raise typer.Exit(1)
    typer.echo(f"OK: {result.files_checked} files match the manifest")


def register(app: typer.Typer) -> None:
    app.command()(watch)
    app.command()(bundle)
    app.command()(verify)
