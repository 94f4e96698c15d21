"""Report -> Report with legal notes per incident. (Placeholder.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Report

if TYPE_CHECKING:
    from spacy.tokens import Doc


def assess(report: Report, doc: Doc) -> Report:
    return report
