"""Stage 1: get raw bytes and their provenance. Never parses."""

from .files import capture_bytes, capture_path

__all__ = ["capture_bytes", "capture_path"]
