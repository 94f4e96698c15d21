"""Import the full GeoNames dump (``allCountries`` + ``alternateNamesV2`` + admin code files).

Everything streams: a URL is downloaded chunk by chunk to a temporary file (a zip needs random
access to its directory), and a zip member or text file is read line by line, so memory stays
flat however large the dump. File formats: https://download.geonames.org/export/dump/readme.txt
"""

from __future__ import annotations

import contextlib
import io
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import CaptureError, InputError
from .build import apply_abbreviations, apply_demonyms, apply_supplement
from .fold import is_latin
from .records import GazPlace
from .store import ALT, GazetteerWriter, writing

if TYPE_CHECKING:
    import httpx

ALL_COUNTRIES = "allCountries"
ALTERNATE_NAMES = "alternateNamesV2"
ADMIN1 = "admin1CodesASCII.txt"
# Feature classes kept: administrative (A), populated places (P), areas (L), water (H) and
# terrain (T). Spots and buildings (S), roads (R), undersea (U) and vegetation (V) are millions
# of rows that news place names almost never mean.
KEEP_CLASSES = frozenset("APLHT")
# alternateNamesV2 "isolanguage" values that are codes or links, not names.
NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "fr_1793", "wkdt", "unlc", "tcid"})


def _lines(path: Path, stem: str) -> Iterator[str]:
    """Text lines of ``path`` (a .txt, or a .zip holding ``stem``.txt)."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if n.endswith(".txt")]
            member = next((n for n in names if Path(n).stem == stem), names[0] if names else None)
            if member is None:
                raise InputError(f"{path}: zip holds no .txt file")
            with zf.open(member) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    with path.open(encoding="utf-8") as fh:
        yield from fh


def parse_place(line: str) -> GazPlace | None:
    f = line.rstrip("\n").split("\t")
    if len(f) < 15 or not f[0].isdigit() or f[6] not in KEEP_CLASSES:
        return None
    cc, a1, a2 = f[8], f[10], f[11]
    alt = [n for n in f[3].split(",") if n and n != f[1] and is_latin(n) and not n.islower()]
    return GazPlace(
        id=int(f[0]),
        name=f[1],
        latitude=float(f[4]),
        longitude=float(f[5]),
        feature_code=f[7] or f[6],
        country_code=cc,
        admin1=f"{cc}.{a1}" if cc and a1 else "",
        admin2=f"{cc}.{a1}.{a2}" if cc and a1 and a2 else "",
        population=int(f[14] or 0),
        names=alt,
        # allCountries' own alternatenames column (all languages): the fame count, as in the
        # default build's cities500 rows.
        n_names=sum(1 for n in f[3].split(",") if n),
    )


def import_files(target: Path, files: dict[str, Path]) -> dict[str, str]:
    """Build the gazetteer at ``target`` from local dump files; returns the build's meta."""
    if ALL_COUNTRIES not in files:
        raise InputError("import-geonames needs an allCountries file (.zip or .txt)")
    start = time.time()
    with writing(target) as writer:
        n = sum(
            1
            for p in map(parse_place, _lines(files[ALL_COUNTRIES], ALL_COUNTRIES))
            if p and _add(writer, p)
        )
        names = _alternate_names(writer, files[ALTERNATE_NAMES]) if ALTERNATE_NAMES in files else 0
        writer.fill_admin1_names()  # from the ADM1 rows first; the codes file fills the rest
        admin = _admin1_names(writer, files[ADMIN1]) if ADMIN1 in files else 0
        s = apply_supplement(writer) + apply_abbreviations(writer) + apply_demonyms(writer)
        meta = {"source": "GeoNames dump (import-geonames)", "places": str(n),
                "alternate_names": str(names), "admin1_names": str(admin),
                "supplement_rows": str(s), "built_seconds": f"{time.time() - start:.1f}"}  # fmt: skip
        writer.finish(meta)
    return meta


def _add(writer: GazetteerWriter, place: GazPlace) -> bool:
    writer.add_place(place)
    return True


def _alternate_names(writer: GazetteerWriter, path: Path) -> int:
    n = 0
    for line in _lines(path, ALTERNATE_NAMES):
        f = line.rstrip("\n").split("\t")
        if len(f) < 4 or not f[1].isdigit() or f[2] in NOT_NAMES:
            continue
        name = f[3]
        if name and is_latin(name) and not name.islower():
            writer.add_name(int(f[1]), name, ALT)  # names of places not kept never match a row
            n += 1
    return n


def _admin1_names(writer: GazetteerWriter, path: Path) -> int:
    n = 0
    for line in _lines(path, "admin1CodesASCII"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 2 and "." in f[0]:
            writer.db.execute(
                "UPDATE place SET admin1_name=? WHERE admin1=? AND admin1_name=''", (f[1], f[0])
            )
            n += 1
    return n


def local_files(path: Path) -> dict[str, Path]:
    """The dump files in a directory, or a single allCountries-format file."""
    if path.is_file():
        return {ALL_COUNTRIES: path}
    if not path.is_dir():
        raise InputError(f"{path}: no such file or directory")
    out = {}
    for stem in (ALL_COUNTRIES, ALTERNATE_NAMES, "admin1CodesASCII"):
        for ext in (".zip", ".txt"):
            if (path / f"{stem}{ext}").is_file():
                out[ADMIN1 if stem == "admin1CodesASCII" else stem] = path / f"{stem}{ext}"
                break
    return out


@contextlib.contextmanager
def downloaded(base_url: str, *, timeout: float = 60.0) -> Iterator[dict[str, Path]]:
    """Stream the dump files under ``base_url`` to a temp dir; missing optional files are skipped."""
    import httpx

    base = base_url if base_url.endswith("/") else base_url + "/"
    with (
        tempfile.TemporaryDirectory(prefix="warwatch-geonames-") as tmp,
        httpx.Client(timeout=timeout, follow_redirects=True) as client,
    ):
        out: dict[str, Path] = {}
        for key, names in ((ALL_COUNTRIES, ("allCountries.zip", "allCountries.txt")),
                           (ALTERNATE_NAMES, ("alternateNamesV2.zip", "alternateNamesV2.txt")),
                           (ADMIN1, ("admin1CodesASCII.txt",))):  # fmt: skip
            for name in names:
                dest = Path(tmp) / name
                if _fetch(client, base + name, dest):
                    out[key] = dest
                    break
        if ALL_COUNTRIES not in out:
            raise CaptureError(f"no allCountries.zip or allCountries.txt under {base}")
        yield out


def _fetch(client: httpx.Client, url: str, dest: Path) -> bool:
    import httpx

    try:
        with client.stream("GET", url) as resp:
            if resp.status_code == 404:
                return False
            resp.raise_for_status()
            with dest.open("wb") as fh:
                for chunk in resp.iter_bytes(1 << 20):
                    fh.write(chunk)
    except httpx.HTTPError as exc:
        raise CaptureError(f"{url}: {exc}") from exc
    return True
