"""`warwatch kb treaty|state|weapon`: browse the knowledge base, with sources."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from ..kb.browse import TreatyView, find_weapons_by_name, state_view, treaty_view, weapon_view
from ..kb.status import Standing
from ..kb.treaties import find_treaty, load_treaties

kb_app = typer.Typer(
    help="Browse the knowledge base: treaties, states' standing, weapons.", no_args_is_help=True
)
AsOf = Annotated[
    str | None, typer.Option("--as-of", help="Date for the standing, YYYY-MM-DD (default today).")
]


def _as_of(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a YYYY-MM-DD date") from exc


def _flag(party: bool | None) -> str:
    return {True: "[green]party[/]", False: "[red]not a party[/]", None: "[yellow]unknown[/]"}[
        party
    ]


def _d(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _print_treaty(console: Console, view: TreatyView) -> None:
    t = view.treaty
    console.print(f"[bold]{t.name}[/] ({t.short_name})")
    console.print(
        f"adopted {_d(t.adopted)}; in force {_d(t.entered_into_force)}; {t.depositary_ref}"
    )
    console.print(f"for a joining state: {t.rule.describe()}")
    console.print(f"prohibits (summary): {t.what_it_prohibits}")
    console.print(f"dates source: {t.source}")
    console.print(f"states-parties data: {t.status_data}")
    if not view.has_data:
        console.print(
            "[yellow]status of every state: unknown (no source packaged; nothing is guessed)[/]"
        )
        return
    table = Table(title=f"{t.short_name}: standing as of {view.as_of}")
    for column in ("state", "standing", "signed", "consent", "in force", "withdrawn", "note"):
        table.add_column(column)
    for p, s in view.rows:
        consent = _d(p.consent) or (f"{p.consent_year} (year only)" if p.consent_year else "")
        withdrawn = _d(p.withdrawn) or ("yes (undated)" if p.withdrawn_undated else "")
        table.add_row(
            p.state, _flag(s.party), _d(p.signed), consent, _d(s.in_force), withdrawn, s.note
        )
    console.print(table)
    console.print(f"source: {view.rows[0][1].source if view.rows else t.status_data}")
    console.print(f"{sum(1 for _, s in view.rows if s.party)} parties in force on {view.as_of}")


@kb_app.command("treaty")
def treaty(
    name: Annotated[
        str, typer.Argument(help="Key, short name or name: CCM, Ottawa, CWC, 'Protocol III'.")
    ],
    as_of: AsOf = None,
) -> None:
    """A treaty, its entry-into-force rule and every state's standing on a date."""
    found = find_treaty(name)
    if found is None:
        keys = ", ".join(load_treaties())
        raise typer.BadParameter(f"no treaty called {name!r}; try one of: {keys}")
    _print_treaty(Console(), treaty_view(found, _as_of(as_of)))


@kb_app.command("state")
def state(
    iso2: Annotated[str, typer.Argument(help="ISO 3166-1 alpha-2 code, e.g. AZ.")],
    as_of: AsOf = None,
) -> None:
    """A state's standing under every treaty in the KB on a date."""
    import pycountry

    if len(iso2) != 2 or pycountry.countries.get(alpha_2=iso2.upper()) is None:
        raise typer.BadParameter(f"{iso2!r} is not an ISO 3166-1 alpha-2 country code (e.g. AZ)")
    when = _as_of(as_of)
    rows: list[Standing] = state_view(iso2, when)
    table = Table(title=f"{iso2.upper()}: treaty standing as of {when}")
    for column in ("treaty", "standing", "note", "source"):
        table.add_column(column)
    treaties = load_treaties()
    for s in rows:
        table.add_row(treaties[s.treaty].short_name, _flag(s.party), s.note, s.source)
    Console().print(table)


@kb_app.command("weapon")
def weapon(
    name: Annotated[
        str, typer.Argument(help="Designation or type: 'M095', 'Smerch', 'cluster bombs'.")
    ],
) -> None:
    """Catalogue entries for a weapon, their carriers and sub-munitions, and the law on their category."""
    entries = find_weapons_by_name(name)
    if not entries:
        raise typer.BadParameter(f"no catalogue entry matches {name!r}")
    console = Console()
    for entry in entries:
        view = weapon_view(entry)
        table = Table(title=f"{entry.name} [{entry.id}]", show_header=False)
        table.add_column("field")
        table.add_column("value")
        rows = {
            "kind": entry.kind.value,
            "category": entry.category,
            "origin": entry.origin_country or "",
            "maker": entry.maker or "",
            "aliases": "; ".join(entry.aliases[1:]),
            "carried by": " <- ".join(c.name for c in view.carriers),
            "carries": "; ".join(c.name for c in view.children),
            "treaties": "; ".join(f"{p.treaty} {p.article}" for p in view.provisions),
            "customary": "; ".join(view.customary),
            "source": entry.source,
        }
        for key, value in rows.items():
            table.add_row(key, value)
        console.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(kb_app, name="kb")
