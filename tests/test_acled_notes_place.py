"""eval/acled_notes.py scores place on the notes without coders' coding remarks."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _module():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(REPO / "eval"))  # the script imports its sibling ``common``
    spec = importlib.util.spec_from_file_location(
        "acled_notes_eval", REPO / "eval" / "acled_notes.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_coding_remarks_are_removed_and_report_text_kept() -> None:
    remark = _module().CODING_REMARK
    text = "On 2 May, farmers blocked a road in Lori region [coded to Vanadzor]. Police came."
    assert remark.sub("", text) == "On 2 May, farmers blocked a road in Lori region. Police came."
    text = "On 2 May, in Salta province (coded to Salta, Salta), teachers marched (peacefully)."
    assert remark.sub("", text) == "On 2 May, in Salta province, teachers marched (peacefully)."
