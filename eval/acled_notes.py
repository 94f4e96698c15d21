"""ACLED notes -> incident, on the dev halves (Armenia 2018-20, Argentina 2022-06, Africa 2016).

    python eval/acled_notes.py [--limit N] [--baseline] [--file armenia|argentina|africa2016]
                               [--errors actor1|place|sub-event]

Each note runs through the full pipeline (build_nlp -> geo.geoparse -> incidents.assemble). Notes
start with their own date, often without the year ("On 13 December, ..."). ``--published``:
``none`` (default) passes no publication date; ``next-day`` passes the day after the event (a date
after it, as a news report would carry); ``year-end`` passes 31 December of the event's year.
The first incident is compared with the row:
- sub-event type, accuracy per gold type and its mean over types ("stratified"). The 2016 file uses
  ACLED's old taxonomy: "Battle-No change of territory" -> Armed clash, "Battle-Government regains
  territory" and "Battle-Non-state actor overtakes territory" -> their new namesakes, "Non-violent
  transfer of territory" -> itself; the old types that split into several new sub-event types
  ("Riots/Protests", "Violence against civilians", "Remote violence", "Strategic development")
  count as right when the prediction is one of the new sub-event types of that family.
- actor1: the first perpetrator/participant's name against ``actor1`` with ACLED's regime years
  removed ("Military Forces of Azerbaijan (2003-)" -> "Military Forces of Azerbaijan"); a bracketed
  country is compared only when both names carry one.
- place: the incident location within 25 km of the row's coordinates, read from the note without
  the coder's coding remarks ("[coded to Kapan]", "(coded to Posadas)", "[coded according to
  private sources]"): a remark is ACLED's record of the answer, not report text, and the pipeline
  would otherwise read the answer from it. ``--keep-coding-remarks`` scores place on the note as
  written (the convention before). A location at region precision is the region's main town
  (geo.seat), as ACLED codes it (geo-precision 3).
- date: the incident window is exactly the event date (start == end == event_date).
- fatalities (files that have them): ``fatalities.best`` equals the row; null counts as 0, as ACLED
  codes "no reported deaths" as 0.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
from collections import defaultdict
from collections.abc import Callable
from datetime import date, timedelta

from common import GOLD, NONE, first_sub_event, run_reports
from warwatch.model import ActorRole, Incident, Report

FILES = {
    "armenia": "acled_armenia_2018-01-01_2020-12-05_hdx.csv",
    "argentina": "acled_argentina_2022-06_acledR_dummy_326.csv",
    "africa2016": "acled_africa_2016-06-17_2016-07-02_500.csv",
}
# A coder's remark in a note on how the row was coded: "[coded to Kapan]", "(coded to Rosario,
# Santa Fe)", "[coded according to private Armenian sources]", "[coded to Sisian with GP2]".
CODING_REMARK = re.compile(r"\s*[\[(]\s*coded\b[^\])]*[\])]", re.IGNORECASE)
OLD_SINGLE = {
    "Battle-No change of territory": "Armed clash",
    "Battle-Government regains territory": "Government regains territory",
    "Battle-Non-state actor overtakes territory": "Non-state actor overtakes territory",
    "Non-violent transfer of territory": "Non-violent transfer of territory",
}
OLD_FAMILY = {
    "Riots/Protests": {
        "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
        "Violent demonstration", "Mob violence",
    },
    "Violence against civilians": {"Attack", "Sexual violence", "Abduction/forced disappearance"},
    "Remote violence": {
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    },
    "Strategic development": {
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    },
}  # fmt: skip
KM_LIMIT = 25.0


def load(name: str, limit: int | None) -> list[dict[str, str]]:
    with open(GOLD / FILES[name], encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if not r["event_date"].startswith("#")]
    return rows[:limit] if limit else rows


def gold_ok(row: dict[str, str], pred: str) -> tuple[str, bool]:
    """(gold label for stratifying, is the prediction right)."""
    if row.get("sub_event_type"):
        return row["sub_event_type"], pred == row["sub_event_type"]
    old = row["event_type"].strip()
    if old in OLD_SINGLE:
        return old, pred == OLD_SINGLE[old]
    return old, pred in OLD_FAMILY.get(old, set())


def _norm(name: str) -> tuple[str, str | None]:
    name = re.sub(r"\s*\(\d{4}-\d{0,4}\)", "", name).strip()
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", name)
    return (m.group(1).lower(), m.group(2).lower()) if m else (name.lower(), None)


def first_actor(incident: Incident | None) -> str | None:
    """The name scored against ``actor1``: the first perpetrator or participant."""
    if incident is None:
        return None
    roles = (ActorRole.PERPETRATOR, ActorRole.PARTICIPANT)
    first = next((a for a in incident.actors if a.role in roles), None)
    return first.name if first else None


def actor_match(incident: Incident | None, gold: str) -> bool:
    name = first_actor(incident)
    if name is None:
        return False
    (gb, gc), (pb, pc) = _norm(gold), _norm(name)
    return gb.startswith(pb) and (gc is None or pc is None or gc == pc)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def place_ok(inc: Incident | None, row: dict[str, str]) -> bool:
    loc = inc.location if inc else None
    if loc is None or loc.latitude is None or loc.longitude is None:
        return False
    return (
        km(loc.latitude, loc.longitude, float(row["latitude"]), float(row["longitude"])) <= KM_LIMIT
    )


def date_ok(inc: Incident | None, row: dict[str, str]) -> bool:
    gold = date.fromisoformat(row["event_date"][:10])
    return inc is not None and inc.date.start == gold and inc.date.end == gold


def fatal_ok(inc: Incident | None, row: dict[str, str]) -> bool | None:
    raw = (row.get("fatalities") or "").strip()
    if not raw:
        return None
    best = inc.fatalities.best if inc and inc.fatalities.best is not None else 0
    return best == int(float(raw))


def _place_text(inc: Incident | None) -> str:
    loc = inc.location if inc else None
    if loc is None:
        return "-"
    return f"{loc.name} [{loc.country_code}] ({loc.latitude}, {loc.longitude})"


def print_error(kind: str, row: dict[str, str], inc: Incident | None) -> None:
    """One line per miss: the gold value, the prediction, the start of the note."""
    if kind == "actor1":
        gold, pred = row["actor1"], first_actor(inc) or "-"
    else:
        gold = f"{row.get('location', '')} [{row.get('country', '')}] ({row['latitude']}, {row['longitude']})"
        pred = _place_text(inc)
    print(f"  {kind} gold={gold!r} pred={pred!r} | {row['notes'][:160]}")


def score_file(
    name: str,
    rows: list[dict[str, str]],
    reports: list[Report],
    errors: str | None = None,
    place_reports: list[Report] | None = None,
) -> None:
    """``place_reports``: the reports place is scored on (the notes without coding remarks)."""
    per_type: dict[str, list[bool]] = defaultdict(list)
    actor, place, when, fatal = [], [], [], []
    for row, rep, where in zip(rows, reports, place_reports or reports, strict=True):
        inc = rep.incidents[0] if rep.incidents else None
        label, ok = gold_ok(row, first_sub_event(rep))
        per_type[label].append(ok)
        actor.append(actor_match(inc, row["actor1"]))
        place_inc = where.incidents[0] if where.incidents else None
        place.append(place_ok(place_inc, row))
        if errors == "actor1" and not actor[-1]:
            print_error(errors, row, inc)
        if errors == "place" and not place[-1]:
            print_error(errors, row, place_inc)
        if errors == "sub-event" and not ok:
            print(
                f"  sub-event gold={label!r} pred={first_sub_event(rep)!r} | {row['notes'][:200]}"
            )
        when.append(date_ok(inc, row))
        f = fatal_ok(inc, row)
        if f is not None:
            fatal.append(f)
    print(f"\n== {name} ({len(rows)} notes)")
    print(f"{'gold sub-event type':45} {'acc':>6} {'n':>5}")
    for label, oks in sorted(per_type.items(), key=lambda kv: -len(kv[1])):
        print(f"{label[:45]:45} {sum(oks) / len(oks):6.2f} {len(oks):5d}")
    strat = sum(sum(v) / len(v) for v in per_type.values()) / max(len(per_type), 1)
    flat = sum(sum(v) for v in per_type.values()) / max(len(rows), 1)
    print(f"sub-event accuracy: stratified {strat:.3f}  overall {flat:.3f}")
    print(f"actor1 {_rate(actor)}  place<=25km {_rate(place)}  exact date {_rate(when)}", end="")
    print(f"  fatalities exact {_rate(fatal)}" if fatal else "  (no fatalities column)")


def without_remarks(
    texts: list[str], pubs: list[date | None], reports: list[Report]
) -> list[Report]:
    """The reports of ``texts`` with coding remarks removed; notes without one keep theirs."""
    stripped = [CODING_REMARK.sub("", t) for t in texts]
    redo = [i for i, (t, s) in enumerate(zip(texts, stripped, strict=True)) if t != s]
    out = list(reports)
    if redo:
        again = run_reports([stripped[i] for i in redo], [pubs[i] for i in redo])
        for i, rep in zip(redo, again, strict=True):
            out[i] = rep
    return out


def year_end(row: dict[str, str]) -> date:
    return date(int(row["event_date"][:4]), 12, 31)


def next_day(row: dict[str, str]) -> date:
    return date.fromisoformat(row["event_date"][:10]) + timedelta(days=1)


PUBLISHED: dict[str, Callable[[dict[str, str]], date | None]] = {
    "none": lambda row: None,
    "next-day": next_day,
    "year-end": year_end,
}


def _rate(xs: list[bool]) -> str:
    return f"{sum(xs) / len(xs):.3f}" if xs else "n/a"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="notes per file")
    ap.add_argument("--baseline", action="store_true", help="score the empty placeholder output")
    ap.add_argument("--file", choices=sorted(FILES), action="append")
    ap.add_argument("--published", choices=sorted(PUBLISHED), default="none")
    ap.add_argument(
        "--errors",
        choices=("actor1", "place", "sub-event"),
        help="list each miss: gold vs predicted, note start",
    )
    ap.add_argument(
        "--keep-coding-remarks",
        action="store_true",
        help="score place on the notes as written, coders' '[coded to X]' remarks included",
    )
    args = ap.parse_args()
    for name in args.file or list(FILES):
        rows = load(name, args.limit)
        texts = [r["notes"] for r in rows]
        pubs = [PUBLISHED[args.published](r) for r in rows]
        reports = list(run_reports(texts, pubs, baseline=args.baseline))
        keep = args.keep_coding_remarks or args.baseline
        where = reports if keep else without_remarks(texts, pubs, reports)
        score_file(name, rows, reports, args.errors, where)
    print(f"\n(no incident is scored as the label {NONE!r}; published: {args.published})")


if __name__ == "__main__":
    main()
