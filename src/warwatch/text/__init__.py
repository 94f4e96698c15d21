"""Stage 2: raw bytes to clean article text and metadata. Never fetches."""

from .article import extract_article

__all__ = ["extract_article"]
