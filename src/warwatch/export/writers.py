"""Streaming writers: JSON Lines, ACLED-style CSV and GeoJSON, one incident per record.

Each takes any iterable of Reports (``Store.iter_reports()`` streams them a page at a time) and
writes as it goes, so memory does not grow with the store.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, TextIO

from .. import SCHEMA_VERSION
from ..errors import WarwatchError
from ..model import Incident, Report
from .acled import CSV_COLUMNS, acled_row, incident_key

ARTICLE_META = ("sha256", "title", "publisher", "author", "published", "url", "language", "id")


class ReportSource(Protocol):
    def iter_reports(self) -> Iterator[Report]: ...


def _incidents(reports: Iterable[Report]) -> Iterator[tuple[Report, int, Incident]]:
    for report in reports:
        for index, incident in enumerate(report.incidents):
            yield report, index, incident


def article_meta(report: Report) -> dict[str, Any]:
    dumped = report.article.model_dump(mode="json", include=set(ARTICLE_META))
    return {name: dumped[name] for name in ARTICLE_META}


def write_jsonl(reports: Iterable[Report], fp: TextIO) -> int:
    """One JSON object per incident: ``{schema_version, event_id, article{meta}, incident}``;
    ``incident`` is the contract's incident object (CONTRACT.md). Returns the incidents written."""
    n = 0
    for report, index, incident in _incidents(reports):
        record = {
            "schema_version": SCHEMA_VERSION,
            "event_id": incident_key(report.article.sha256, index),
            "article": article_meta(report),
            "incident": incident.model_dump(mode="json"),
        }
        fp.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(reports: Iterable[Report], fp: TextIO) -> int:
    """ACLED-style CSV (see ``export.acled``), a header then one row per incident."""
    # RFC 4180 line ends: with them the writer quotes any field holding \r or \n (on Python 3.11
    # it only quotes characters of the line terminator). Open files with newline="".
    writer = csv.DictWriter(fp, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    n = 0
    for report, index, incident in _incidents(reports):
        writer.writerow(acled_row(report, index, incident))
        n += 1
    return n


def feature(report: Report, index: int, incident: Incident) -> dict[str, Any]:
    """An RFC 7946 Feature: a Point at [longitude, latitude], or ``geometry: null`` when the
    incident has no coordinates."""
    loc = incident.location
    geometry = None
    if loc and loc.latitude is not None and loc.longitude is not None:
        geometry = {"type": "Point", "coordinates": [loc.longitude, loc.latitude]}
    body = incident.model_dump(mode="json")
    properties = {
        "event_id": incident_key(report.article.sha256, index),
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
        "article": article_meta(report),
    }
    return {
        "type": "Feature",
        "id": properties["event_id"],
        "geometry": geometry,
        "properties": properties,
    }


def write_geojson(reports: Iterable[Report], fp: TextIO) -> int:
    """A GeoJSON FeatureCollection, written feature by feature."""
    fp.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for report, index, incident in _incidents(reports):
        fp.write(",\n" if n else "\n")
        fp.write(json.dumps(feature(report, index, incident), ensure_ascii=False))
        n += 1
    fp.write("\n]}\n")
    return n


FORMATS: dict[str, Callable[[Iterable[Report], TextIO], int]] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "geojson": write_geojson,
}


def export(source: ReportSource | Iterable[Report], format: str, fp: TextIO) -> int:
    """Write every incident of ``source`` (a Store or Reports) to ``fp`` as ``format``."""
    writer = FORMATS.get(format)
    if writer is None:
        raise WarwatchError(f"unknown export format {format!r}: use one of {', '.join(FORMATS)}")
    reports = source.iter_reports() if hasattr(source, "iter_reports") else source
    return writer(reports, fp)
