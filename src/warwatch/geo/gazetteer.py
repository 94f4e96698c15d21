"""Read side of the gazetteer: candidate places for a name, cached per process."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz

from ..errors import ConfigError
from .fold import fold, skeleton
from .records import feature_class
from .store import DEMONYM, MAX_CANDIDATES, SCHEMA_VERSION

SKELETON_MATCH = 3  # name kind used for a skeleton (spelling-variant) match
# A skeleton match must still look like the name (rapidfuzz ratio, 0..100): "Terter"/"Tartar"
# score 67, "Xankendi"/"Khankendi" 82, while false skeleton hits on the dev sets ("European"/
# "Mala Erpenja", "Ghouta"/"Guatemala City") scored 50 or less.
SKELETON_MIN_SIMILARITY = 65


@dataclass(frozen=True, slots=True)
class Candidate:
    id: int
    name: str
    latitude: float
    longitude: float
    feature_code: str
    country_code: str
    admin1: str
    admin2: str
    population: int
    admin1_name: str
    kind: int  # store.MAIN / ALT / DEMONYM, or SKELETON_MATCH
    n_names: int = 0  # alternate names the place has (store.py): how widely it is known

    @property
    def geonameid(self) -> int | None:
        return self.id if self.id > 0 else None

    @property
    def feature_class(self) -> str:
        return feature_class(self.feature_code)


class StaleGazetteer(ConfigError):
    """The index was built by an older warwatch; the default one is rebuilt automatically."""

    code = "stale_gazetteer"


_COLS = "p.id, p.name, p.lat, p.lon, p.fcode, p.cc, p.admin1, p.admin2, p.population, p.admin1_name"


class Gazetteer:
    """A read-only SQLite gazetteer; ``candidates`` is cached (names repeat across a batch)."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise ConfigError(f"no gazetteer at {path}: run `warwatch gazetteer build`")
        self.path = path
        self._local = threading.local()
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        version = self._db().execute("SELECT v FROM meta WHERE k='schema_version'").fetchone()
        if not version or version[0] != SCHEMA_VERSION:
            raise StaleGazetteer(f"gazetteer {path} has an old schema: rebuild it")

    def _db(self) -> sqlite3.Connection:
        # One connection per thread and per process: SQLite connections must not cross a fork
        # (batch workers are forked after the parent opened the gazetteer).
        db = getattr(self._local, "db", None)
        if db is None or self._local.pid != os.getpid():
            db = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True)
            self._local.db = db
            self._local.pid = os.getpid()
        return db

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        key = fold(name)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._lookup(key, name)
            if len(self._cache) > 200_000:  # bound memory on endless streams
                self._cache.clear()
            self._cache[key] = hit
        return hit

    def _lookup(self, key: str, name: str) -> tuple[Candidate, ...]:
        if not key:
            return ()
        db = self._db()
        row = db.execute("SELECT rows FROM lookup WHERE key = ?", (key,)).fetchone()
        if row is None and (sk := skeleton(name)):
            # Fallback for names not in the index: the skeleton table joined at query time (rare,
            # so not packed at build time).
            rows = db.execute(
                f"SELECT {_COLS}, {SKELETON_MATCH}, p.n_names FROM skel n JOIN place p ON p.id = n.id "
                "WHERE n.key = ? ORDER BY p.population DESC LIMIT ?",
                (sk, MAX_CANDIDATES),
            ).fetchall()
            return tuple(
                c
                for c in (Candidate(*r) for r in rows)
                if fuzz.ratio(key, fold(c.name)) >= SKELETON_MIN_SIMILARITY
            )
        if row is None:
            return ()
        return tuple(map(_candidate, json.loads(row[0])))

    def is_demonym(self, name: str) -> bool:
        return any(c.kind == DEMONYM for c in self.candidates(name))

    def place(self, pid: int) -> Candidate | None:
        row = (
            self._db()
            .execute(f"SELECT {_COLS}, 0, p.n_names FROM place p WHERE p.id = ?", (pid,))
            .fetchone()
        )
        return Candidate(*row) if row else None

    def us_state(self, postal: str) -> Candidate | None:
        """The US state whose postal code is ``postal`` ("TX"), from its ADM1 row (GeoNames
        admin1 codes for the US are the postal codes)."""
        if not hasattr(self, "_us_states"):
            rows = self._db().execute(
                f"SELECT {_COLS}, 0, p.n_names FROM place p WHERE p.fcode = 'ADM1' AND p.cc = 'US'"
            )
            self._us_states = {r[6].removeprefix("US."): Candidate(*r) for r in rows}
        return self._us_states.get(postal)

    def country_keys(self) -> dict[str, str]:
        """Every folded country name, alternate name and demonym -> ISO country code."""
        if not hasattr(self, "_countries"):
            self._countries = _country_keys(self)
        return self._countries

    def country_first_words(self) -> frozenset[str]:
        """First words of the ``country_keys``: a text's word that is none of them starts no
        country name, so the resolver tries no run from it."""
        if not hasattr(self, "_country_firsts"):
            self._country_firsts = frozenset(k.partition(" ")[0] for k in self.country_keys())
        return self._country_firsts

    def meta(self) -> dict[str, str]:
        return dict(self._db().execute("SELECT k, v FROM meta").fetchall())


def _candidate(row: list) -> Candidate:
    return Candidate(*row)


@cache
def open_gazetteer(path: Path) -> Gazetteer:
    return Gazetteer(path)


def _country_keys(gaz: Gazetteer) -> dict[str, str]:
    rows = gaz._db().execute(
        "SELECT n.key, p.cc FROM name n JOIN place p ON p.id = n.id "
        "WHERE p.fcode IN ('PCLI','PCLD','PCLS','PCLF','PCL','TERR') AND p.cc <> ''"
    )
    return {key: cc for key, cc in rows}
