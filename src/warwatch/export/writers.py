"""Streaming writers: JSON Lines, ACLED-style CSV and GeoJSON, one incident per record.

Each takes an iterable of ``(article, position, incident)`` items (``Store.iter_incidents()``
streams them a page at a time, with filters; ``items_of(reports)`` makes them from Reports) and
writes as it goes, so memory does not grow with the store.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TextIO

from .. import SCHEMA_VERSION
from ..errors import WarwatchError
from ..model import Article, Incident, Report
from .acled import CSV_COLUMNS, acled_row, incident_key

ARTICLE_META = ("sha256", "title", "publisher", "author", "published", "url", "language", "id")


Item = tuple[Article, int, Incident]  # an incident, its article, its position in the article


class IncidentSource(Protocol):
    def iter_incidents(self) -> Iterator[Item]: ...


def items_of(reports: Iterable[Report]) -> Iterator[Item]:
    for report in reports:
        for index, incident in enumerate(report.incidents):
            yield report.article, index, incident


def article_meta(article: Article) -> dict[str, Any]:
    dumped = article.model_dump(mode="json", include=set(ARTICLE_META))
    return {name: dumped[name] for name in ARTICLE_META}


def write_jsonl(items: Iterable[Item], fp: TextIO) -> int:
    """One JSON object per incident: ``{schema_version, event_id, article{meta}, incident}``;
    ``incident`` is the contract's incident object (CONTRACT.md). Returns the incidents written."""
    n = 0
    for article, index, incident in items:
        record = {
            "schema_version": SCHEMA_VERSION,
            "event_id": incident_key(article.sha256, index),
            "article": article_meta(article),
            "incident": incident.model_dump(mode="json"),
        }
        fp.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(items: Iterable[Item], fp: TextIO) -> int:
    """ACLED-style CSV (see ``export.acled``), a header then one row per incident."""
    # RFC 4180 line ends: with them the writer quotes any field holding \r or \n (on Python 3.11
    # it only quotes characters of the line terminator). Open files with newline="".
    writer = csv.DictWriter(fp, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    n = 0
    for article, index, incident in items:
        writer.writerow(acled_row(article, index, incident))
        n += 1
    return n


def feature(article: Article, index: int, incident: Incident) -> dict[str, Any]:
    """An RFC 7946 Feature: a Point at [longitude, latitude], or ``geometry: null`` when the
    incident has no coordinates."""
    loc = incident.location
    geometry = None
    if loc and loc.latitude is not None and loc.longitude is not None:
        geometry = {"type": "Point", "coordinates": [loc.longitude, loc.latitude]}
    body = incident.model_dump(mode="json")
    properties = {
        "event_id": incident_key(article.sha256, index),
        "event_type": body["event_type"],
        "sub_event_type": body["sub_event_type"],
        "date_start": body["date"]["start"],
        "date_end": body["date"]["end"],
        "date_precision": body["date"]["precision"],
        "location": loc.name if loc else None,
        "country_code": loc.country_code if loc else None,
        "admin1": loc.admin1 if loc else None,
        "geo_precision": body["location"]["precision"] if loc else None,
        "fatalities": incident.fatalities.best,
        "injured": incident.injured.best,
        "actors": [{"name": a["name"], "role": a["role"]} for a in body["actors"]],
        "weapons": [w["name"] for w in body["weapons"]],
        "confidence": incident.confidence,
        "trigger": incident.trigger.text,
        "article": article_meta(article),
    }
    return {
        "type": "Feature",
        "id": properties["event_id"],
        "geometry": geometry,
        "properties": properties,
    }


def write_geojson(items: Iterable[Item], fp: TextIO) -> int:
    """A GeoJSON FeatureCollection, written feature by feature."""
    fp.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for article, index, incident in items:
        fp.write(",\n" if n else "\n")
        fp.write(json.dumps(feature(article, index, incident), ensure_ascii=False))
        n += 1
    fp.write("\n]}\n")
    return n


FORMATS: dict[str, Callable[[Iterable[Item], TextIO], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "geojson": write_geojson,
}


def export(source: IncidentSource | Iterable[Report], format: str, fp: TextIO) -> int:
    """Write every incident of ``source`` (a Store, or Reports) to ``fp`` as ``format``;
    returns how many were written. For a filtered export pass ``store.iter_incidents(...)`` to
    ``FORMATS[format]``."""
    writer = FORMATS.get(format)
    if writer is None:
        raise WarwatchError(f"unknown export format {format!r}: use one of {', '.join(FORMATS)}")
    if hasattr(source, "iter_incidents"):
        return writer(source.iter_incidents(), fp)
    return writer(items_of(source), fp)
