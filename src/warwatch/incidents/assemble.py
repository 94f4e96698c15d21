"""Doc -> Report. (Placeholder: the incidents work replaces it.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Article, Place, Report

if TYPE_CHECKING:
    from spacy.tokens import Doc


def assemble(doc: Doc, article: Article, places: tuple[Place, ...]) -> Report:
    return Report(article=article, places=places)
