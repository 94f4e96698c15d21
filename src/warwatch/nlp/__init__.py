"""spaCy pipeline and warwatch's own components. See ``build_nlp``."""

from .build import build_nlp, load_base_model

__all__ = ["build_nlp", "load_base_model"]
