"""The process's gazetteer: opened from ``Settings.gazetteer_path``, built on first use."""

from __future__ import annotations

import logging
from pathlib import Path

from ..settings import Settings, default_settings
from .gazetteer import Gazetteer, StaleGazetteer, open_gazetteer

log = logging.getLogger(__name__)


def gazetteer_path(settings: Settings | None = None) -> Path:
    return (settings or default_settings()).gazetteer_path


def ensure_gazetteer(settings: Settings | None = None) -> Gazetteer:
    """Open the gazetteer, building the offline default first if there is none yet.

    Two processes starting together may both build; each writes its own temp file and renames it
    into place, so neither ever opens half an index.
    """
    path = gazetteer_path(settings)
    if not path.is_file():
        log.warning("no gazetteer at %s: building it from the installed GeoNames data", path)
        return _rebuild(path)
    try:
        return open_gazetteer(path)
    except StaleGazetteer:
        # Built by an older warwatch: its rows may not mean what this code expects. A user who
        # imported the full GeoNames dump is told to re-import; rebuilding keeps warwatch working.
        log.warning(
            "gazetteer at %s has an old schema: rebuilding the offline default "
            "(re-run `warwatch gazetteer import-geonames` if you had imported the full dump)",
            path,
        )
        return _rebuild(path)


def _rebuild(path: Path) -> Gazetteer:
    from .build import build_default

    build_default(path)
    open_gazetteer.cache_clear()
    return open_gazetteer(path)
