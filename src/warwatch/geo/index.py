"""The process's gazetteer: opened from ``Settings.gazetteer_path``, built on first use."""

from __future__ import annotations

import logging
from pathlib import Path

from ..settings import Settings, default_settings
from .gazetteer import Gazetteer, open_gazetteer

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
        from .build import build_default

        log.warning("no gazetteer at %s: building it from the installed GeoNames data", path)
        build_default(path)
    return open_gazetteer(path)
