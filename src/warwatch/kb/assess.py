"""Report -> Report with legal notes per incident. (Placeholder.)"""

from __future__ import annotations

from ..model import Report


def assess(report: Report) -> Report:
    return report
