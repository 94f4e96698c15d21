"""Assemble annotated text into incident records."""

from .assemble import assemble

__all__ = ["assemble"]
