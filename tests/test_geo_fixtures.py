"""Session fixtures shared by the geo tests (imported by them; no tests here).

``real_gazetteer`` is the offline default gazetteer at ``Settings.gazetteer_path`` (or
``$WARWATCH_GAZETTEER``), built once if missing: the same file ``geo.geoparse`` opens, so the
slow build happens at most once per machine, not once per test.
"""

from __future__ import annotations

import pytest

from warwatch.geo.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def real_gazetteer() -> Gazetteer:
    from warwatch.geo.index import ensure_gazetteer

    return ensure_gazetteer()
