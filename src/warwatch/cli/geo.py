"""`warwatch geocode` and `warwatch gazetteer build|import-geonames|info`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..batch import resolve_workers, run_batches, write_lines
from ..settings import load_settings
from .extract import open_lines

gazetteer_app = typer.Typer(help="Build or inspect the gazetteer (SQLite index of GeoNames data).")


def _path(path: str | None) -> Path:
    return Path(path) if path else load_settings().gazetteer_path


@gazetteer_app.command("build")
def build(
    path: Annotated[str | None, typer.Option(help="Where to write (default: settings).")] = None,
) -> None:
    """Build the offline gazetteer from the GeoNames data installed with warwatch."""
    from ..geo.build import build_default

    target = build_default(_path(path))
    typer.echo(f"gazetteer built: {target}")


@gazetteer_app.command("import-geonames")
def import_geonames(
    url: Annotated[
        str | None,
        typer.Option(
            help="Base URL holding allCountries.zip (+ alternateNamesV2.zip, admin1CodesASCII.txt)."
        ),
    ] = None,
    file: Annotated[
        str | None, typer.Option(help="allCountries .zip/.txt, or a folder holding the dump files.")
    ] = None,
    path: Annotated[str | None, typer.Option(help="Where to write (default: settings).")] = None,
) -> None:
    """Replace the gazetteer with one built from the full GeoNames dump (streamed)."""
    from ..geo import geonames_import as gi

    if (url is None) == (file is None):
        raise typer.BadParameter("give exactly one of --url URL or --file PATH")
    target = _path(path)
    if file is not None:
        meta = gi.import_files(target, gi.local_files(Path(file)))
    else:  # url is set: exactly one of the two was checked above
        with gi.downloaded(str(url), timeout=load_settings().http_timeout) as files:
            meta = gi.import_files(target, files)
    typer.echo(f"gazetteer built: {target} ({meta['places']} places)")


@gazetteer_app.command("info")
def info(path: Annotated[str | None, typer.Option(help="Gazetteer file.")] = None) -> None:
    """Show what the gazetteer was built from."""
    from ..geo.gazetteer import Gazetteer

    typer.echo(json.dumps(Gazetteer(_path(path)).meta(), indent=2))


def geocode(
    jsonl: Annotated[str, typer.Option("--jsonl", help="JSON Lines input (- for stdin).")],
    workers: Annotated[int, typer.Option(help="Worker processes; 0 = all cores.")] = 0,
) -> None:
    """Resolve toponyms: {"id","text","toponyms"?} per line -> {"id","toponyms"} (CONTRACT.md)."""
    from ..geo.batch import geocode_batch, warm_up

    settings = load_settings(workers=workers or None)
    warm_up()  # build the gazetteer once here, before workers fork, not in every worker
    with open_lines(jsonl) as handle:
        lines = run_batches(
            handle, geocode_batch, workers=resolve_workers(settings.workers), init=warm_up
        )
        write_lines(sys.stdout, lines)


def register(app: typer.Typer) -> None:
    app.add_typer(gazetteer_app, name="gazetteer")
    app.command()(geocode)
