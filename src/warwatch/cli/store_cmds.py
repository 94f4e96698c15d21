"""`warwatch db upgrade`, `incidents`, `show` and `export`: thin calls into ``warwatch.store`` and
``warwatch.export``. The database is ``--db`` > ``WARWATCH_DB`` > config file > SQLite in the
data dir (``Settings.db_url``)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Column, Table

from ..model import Article, EventType, Incident, LegalBasis, LegalNote
from ..settings import load_settings

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="Database URL (sqlite:///PATH or postgresql+psycopg://...). Default: settings."
    ),
]
# The filters `incidents` and `export` share (Store.search_incidents / iter_incidents).
QOption = Annotated[
    str | None, typer.Option("--q", help="Words to find in the article or the incident.")
]
TypeOption = Annotated[
    str | None, typer.Option("--type", help="ACLED event type (any unambiguous prefix).")
]
CountryOption = Annotated[
    str | None, typer.Option("--country", help="ISO 3166-1 alpha-2 code, e.g. AZ.")
]
SinceOption = Annotated[str | None, typer.Option(help="Only incidents on or after YYYY-MM-DD.")]
UntilOption = Annotated[str | None, typer.Option(help="Only incidents on or before YYYY-MM-DD.")]
db_app = typer.Typer(help="Manage the database.", no_args_is_help=True)


def _url(db: str | None) -> str:
    return load_settings(db=db).db_url


def _date(value: str | None, flag: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a YYYY-MM-DD date", param_hint=flag) from exc


def _event_type(value: str | None) -> str | None:
    """An ACLED event type from any unambiguous, case-insensitive prefix ("explosions")."""
    if value is None:
        return None
    found = [t.value for t in EventType if t.value.lower().startswith(value.lower())]
    if len(found) != 1:
        choices = "; ".join(t.value for t in EventType)
        raise typer.BadParameter(f"{value!r}: give one of {choices}", param_hint="--type")
    return found[0]


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Create the database or bring its schema up to date (safe to run any time)."""
    from ..store import current_revision, upgrade

    url = _url(db)
    upgrade(url)
    typer.echo(f"database is at revision {current_revision(url)}")


def incidents(
    q: QOption = None,
    type: TypeOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many (next page).")] = 0,
    db: DbOption = None,
) -> None:
    """List stored incidents, most recent first."""
    from ..store import open_store

    rows = open_store(_url(db)).search_incidents(
        q=q,
        event_type=_event_type(type),
        country=country,
        since=_date(since, "--since"),
        until=_date(until, "--until"),
        limit=limit,
        offset=offset,
    )
    console = Console()
    if not rows:
        console.print("No incidents match.")
        return
    table = Table(
        Column("ID", no_wrap=True, justify="right"),
        Column("Date", no_wrap=True),
        "Sub-event type",
        Column("Location", no_wrap=True),
        Column("CC", no_wrap=True),
        Column("Killed", no_wrap=True, justify="right"),
        Column("Conf.", no_wrap=True),
        "Source",
    )
    for r in rows:
        when = _window(r.date_start, r.date_end)
        table.add_row(
            str(r.id),
            when,
            r.sub_event_type,
            r.location_name or "",
            r.country_code or "",
            "" if r.fatalities_best is None else str(r.fatalities_best),
            f"{r.confidence:.2f}",
            r.publisher or r.title or r.article_sha256[:12],
        )
    console.print(table)


def _quote(text: str, start: int | None, end: int | None) -> str:
    """The words at [start, end) of the article, on one line."""
    if start is None or end is None or not 0 <= start < end <= len(text):
        return ""
    return " ".join(text[start:end].split())


def show_document(incident_id: int, incident: Incident, article: Article) -> dict[str, Any]:
    """``show --json``: the incident (contract shape), its evidence text and article metadata."""
    meta = article.model_dump(mode="json", exclude={"text"})
    return {
        "id": incident_id,
        "incident": incident.model_dump(mode="json"),
        "evidence_text": [_quote(article.text, s.start, s.end) for s in incident.evidence],
        "article": meta,
    }


def _window(start: dt.date | None, end: dt.date | None) -> str:
    if start == end:
        return str(start) if start else "unknown"
    return f"{start or '?'} to {end or '?'}"


def _count(label: str, best: int | None, low: int | None, high: int | None) -> str:
    if best is None and low is None and high is None:
        return f"{label}: not reported"
    span = f" ({low}-{high})" if low is not None and high is not None else ""
    return f"{label}: {best if best is not None else '?'}{span}"


def _party(note: LegalNote) -> str:
    """A treaty note's state and whether it is a party; other bases bind regardless."""
    if note.basis != LegalBasis.TREATY:
        return ""
    party = {True: "party", False: "not a party", None: "party status unknown"}[note.state_party]
    return f", {note.state or '?'} {party}"


def incident_lines(incident: Incident, article: Article) -> list[str]:
    d, loc = incident.date, incident.location
    lines = [
        f"{incident.event_type} / {incident.sub_event_type}  "
        f'trigger: "{incident.trigger.text}" (confidence {incident.confidence:.2f})',
        f"Date: {_window(d.start, d.end)} ({d.precision})",
    ]
    if loc:
        coords = (
            f"{loc.latitude}, {loc.longitude}" if loc.latitude is not None else "no coordinates"
        )
        where = ", ".join(p for p in (loc.name, loc.admin1, loc.country_code) if p)
        lines.append(f"Location: {where} [{coords}; precision {loc.precision}]")
    else:
        lines.append("Location: unknown")
    lines.append(
        _count(
            "Killed", incident.fatalities.best, incident.fatalities.low, incident.fatalities.high
        )
    )
    lines.append(
        _count("Injured", incident.injured.best, incident.injured.low, incident.injured.high)
    )
    for a in incident.actors:
        lines.append(f"Actor: {a.name} ({a.role}{', hedged' if a.hedged else ''})")
    for w in incident.weapons:
        made = f", made in {w.origin_country}" if w.origin_country else ""
        lines.append(f"Weapon: {w.name} ({w.kind}{', ' + w.category if w.category else ''}{made})")
    for c in incident.claims:
        said = _quote(article.text, c.start, c.end)
        lines.append(f'Claim: {c.claimant or "unattributed"} {c.stance} {c.about}: "{said}"')
    for note in incident.legal:
        lines.append(f"Law: {note.instrument} ({note.basis}){_party(note)}: {note.note}")
    for span in incident.evidence:
        lines.append(
            f'Evidence [{span.start}:{span.end}]: "{_quote(article.text, span.start, span.end)}"'
        )
    lines.append(f"Verification: {incident.verification or 'none'}; review: {incident.review}")
    lines.append(
        f"Article: {article.title or '(untitled)'} - {article.publisher or '?'}, "
        f"{article.published or 'date unknown'}; {article.url or 'no URL'}; sha256 {article.sha256}"
    )
    return lines


def show(
    incident_id: Annotated[int, typer.Argument(help="Incident id (from `warwatch incidents`).")],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable JSON.")] = False,
    db: DbOption = None,
) -> None:
    """One incident with every field, its evidence text and the article it came from."""
    from ..store import open_store

    incident, article = open_store(_url(db)).get_incident(incident_id)
    if as_json:
        typer.echo(
            json.dumps(show_document(incident_id, incident, article), ensure_ascii=False, indent=2)
        )
        return
    console = Console(highlight=False)
    for n, line in enumerate(incident_lines(incident, article)):  # markup off: text is the source's
        console.print(line, markup=False, soft_wrap=True, style="bold" if n == 0 else None)


def export(
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or geojson.")] = "jsonl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    q: QOption = None,
    type: TypeOption = None,
    country: CountryOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    db: DbOption = None,
) -> None:
    """Write stored incidents (all, or those matching the filters) as JSON Lines, ACLED-style
    CSV or GeoJSON."""
    from ..export import FORMATS
    from ..store import open_store

    writer = FORMATS.get(format)
    if writer is None:
        raise typer.BadParameter(
            f"{format!r}: use one of {', '.join(FORMATS)}", param_hint="--format"
        )
    items = open_store(_url(db)).iter_incidents(
        q=q,
        event_type=_event_type(type),
        country=country,
        since=_date(since, "--since"),
        until=_date(until, "--until"),
    )
    if output is None:
        count = writer(items, sys.stdout)
    else:
        with output.open("w", encoding="utf-8", newline="") as fp:
            count = writer(items, fp)
    typer.echo(f"exported {count} incidents as {format}", err=True)


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
    app.command()(incidents)
    app.command()(show)
    app.command()(export)
