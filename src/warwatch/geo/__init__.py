"""Geoparsing: gazetteer, toponym recognition, resolution, event location."""

from .api import geoparse, locate_incident

__all__ = ["geoparse", "locate_incident"]
