"""`warwatch gazetteer import-geonames`: the streaming path against a local HTTP server."""

from __future__ import annotations

import http.server
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warwatch.cli import build_app
from warwatch.geo.gazetteer import Gazetteer


def _row(gid: int, name: str, alts: str, lat: float, lon: float, fcl: str, fcode: str,
         cc: str, a1: str, pop: int) -> str:  # fmt: skip
    # allCountries columns (GeoNames readme): id, name, asciiname, alternatenames, lat, lon,
    # feature class, feature code, cc, cc2, admin1..4, population, elevation, dem, tz, moddate
    return "\t".join(
        [str(gid), name, name, alts, str(lat), str(lon), fcl, fcode, cc, "", a1, "", "", "",
         str(pop), "", "0", "Asia/Baku", "2024-01-01"]
    )  # fmt: skip


ALL = [
    _row(587116, "Azerbaijan", "Azerbaidjan,Azərbaycan", 40.5, 47.5, "A", "PCLI", "AZ", "00", 10_000_000),
    _row(409421, "Xankəndi", "", 39.82, 46.76, "A", "ADM1", "AZ", "61", 55_000),
    _row(146970, "Khankendi", "Stepanakert,Xankendi", 39.8177, 46.7528, "P", "PPLA", "AZ", "61", 55_000),
    _row(999001, "Some Bank Branch", "", 39.8, 46.7, "S", "BNK", "AZ", "61", 0),
]  # fmt: skip
ALT = [
    "1\t146970\ten\tStepanakert City\t\t\t\t\t\t",
    "2\t146970\tlink\thttps://x.example\t\t\t\t\t\t",
]
ADMIN1 = ["AZ.61\tXankandi\tXankandi\t409421"]


@pytest.fixture()
def dump_server(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "dump"
    root.mkdir()
    with zipfile.ZipFile(root / "allCountries.zip", "w") as zf:
        zf.writestr("allCountries.txt", "\n".join(ALL) + "\n")
    (root / "alternateNamesV2.txt").write_text("\n".join(ALT) + "\n", encoding="utf-8")
    (root / "admin1CodesASCII.txt").write_text("\n".join(ADMIN1) + "\n", encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *a, **kw):  # type: ignore[no-untyped-def]
            super().__init__(*a, directory=str(root), **kw)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_import_geonames_from_url(dump_server: str, tmp_path: Path) -> None:
    target = tmp_path / "gaz.sqlite"
    result = CliRunner().invoke(
        build_app(), ["gazetteer", "import-geonames", "--url", dump_server, "--path", str(target)]
    )
    assert result.exit_code == 0, result.output
    gaz = Gazetteer(target)
    for name in ("Stepanakert", "Khankendi", "Xankendi", "Stepanakert City"):
        best = gaz.candidates(name)[0]
        assert best.id == 146970 and best.feature_code == "PPLA", name
    assert best.admin1_name == "Xankəndi"  # from the ADM1 row itself
    # The fame count is allCountries' own alternatenames column (all languages), not the
    # alternateNamesV2 rows; a place without one gets the count of names indexed for it.
    assert best.n_names == 2
    assert gaz.candidates("Azerbaidjan")[0].n_names == 2
    assert gaz.candidates("Xankəndi")[0].n_names >= 1
    assert gaz.candidates("Some Bank Branch") == ()  # spots (class S) are not imported
    assert gaz.candidates("https://x.example") == ()  # link rows are not names
    assert gaz.candidates("Azerbaidjan")[0].feature_code == "PCLI"


def test_import_geonames_from_file_and_bad_usage(dump_server: str, tmp_path: Path) -> None:
    folder = tmp_path / "dump"  # the folder the server serves, read directly
    target = tmp_path / "g2.sqlite"
    app = build_app()
    ok = CliRunner().invoke(
        app, ["gazetteer", "import-geonames", "--file", str(folder), "--path", str(target)]
    )
    assert ok.exit_code == 0, ok.output
    assert Gazetteer(target).candidates("Stepanakert")[0].id == 146970
    both = CliRunner().invoke(app, ["gazetteer", "import-geonames", "--path", str(target)])
    assert both.exit_code == 2
