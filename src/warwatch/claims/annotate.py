"""Report -> Report with quotes, claims per incident and relations. (Placeholder.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Report

if TYPE_CHECKING:
    from spacy.tokens import Doc


def annotate(report: Report, doc: Doc) -> Report:
    return report
