"""Quotes, claims and their stance, source chain, grades, relations and context."""

from .annotate import annotate

__all__ = ["annotate"]
