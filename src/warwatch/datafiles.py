"""Reading the sourced data files shipped in the package (CSV or TSV).

Every such file starts with ``#`` lines that name its source (DESIGN.md); they, and blank lines,
are skipped here once for all readers.
"""

from __future__ import annotations

import csv
from importlib import resources


def data_rows(package: str, *path: str, delimiter: str = ",") -> list[dict[str, str]]:
    """Rows of the data file at ``path`` inside ``package``, as dicts keyed by its header."""
    text = resources.files(package).joinpath(*path).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter=delimiter))
