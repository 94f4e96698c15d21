"""The ``warwatch`` command: thin commands, each calling one library function.

Each module here defines ``register(app)`` and adds its commands; ``MODULES`` lists them.
Exit codes follow CONTRACT.md: 0 run completed (even with per-item errors), 2 bad usage,
1 the run itself failed.
"""

from __future__ import annotations

import importlib
import sys

import typer

MODULES = ["extract", "store_cmds", "geo", "kb", "capture"]


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="warwatch",
        help="Turn conflict news reports into structured, sourced incident records.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    for name in MODULES:
        try:
            module = importlib.import_module(f"warwatch.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"warwatch.cli.{name}":
                continue  # command group not built yet
            raise
        module.register(app)
    return app


def main() -> None:
    from ..errors import WarwatchError

    app = build_app()
    try:
        app(standalone_mode=True)
    except WarwatchError as exc:
        typer.echo(f"error [{exc.code}]: {exc}", err=True)
        sys.exit(1)
