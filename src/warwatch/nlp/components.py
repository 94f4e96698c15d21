"""The ordered list of warwatch spaCy components added after the base pipeline.

Each component lives in its own module, defines its factory with ``Language.factory`` inside a
``register()`` function, and is listed here in pipeline order.
"""

from __future__ import annotations

from collections.abc import Callable

# (module name under warwatch.nlp, factory name) in pipeline order. Later issues append here.
COMPONENTS: list[tuple[str, str]] = [
    ("actors", "warwatch_actors"),
    ("triggers", "warwatch_triggers"),
]


def register_components() -> list[str]:
    import importlib

    names = []
    for module_name, factory in COMPONENTS:
        module = importlib.import_module(f"warwatch.nlp.{module_name}")
        register: Callable[[], None] = module.register
        register()
        names.append(factory)
    return names
