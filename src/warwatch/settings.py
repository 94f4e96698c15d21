"""One typed settings object. Precedence: defaults < config file < environment < CLI flags.

The config file is TOML (``$WARWATCH_CONFIG`` or ``<user config dir>/warwatch/config.toml``) with the
field names below as keys; environment variables are ``WARWATCH_<FIELD>`` upper-cased.
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import ConfigError

APP = "warwatch"


def _data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    db: str = Field(
        default="",
        description="Database URL (sqlite:///path or postgresql+psycopg://...). "
        "Empty: SQLite file warwatch.db in data_dir.",
    )
    data_dir: Path = Field(
        default_factory=_data_dir,
        description="Where the embedded database, gazetteer index and raw captures live.",
    )
    max_bytes: int = Field(
        default=20_000_000,
        description="Largest input accepted, in bytes. Larger files are refused (too_large); "
        "20 MB is ~50x the longest news article in the gold corpora.",
    )
    max_words: int = Field(
        default=60_000,
        description="Article text longer than this many words is cut before NLP (the cut is "
        "recorded); keeps one pathological document from stalling a batch.",
    )
    workers: int = Field(
        default=0, description="Worker processes for batch commands; 0 means all cores."
    )
    gazetteer: str = Field(
        default="",
        description="Path of the gazetteer SQLite index. Empty: gazetteer.sqlite in data_dir.",
    )
    allow_private_addresses: bool = Field(
        default=False,
        description="Allow fetching from private, loopback and link-local addresses.",
    )
    user_agent: str = Field(
        default="warwatch/0.1 (+https://github.com/warwatch/warwatch)",
        description="User-Agent sent with every HTTP request.",
    )
    http_timeout: float = Field(default=20.0, description="Seconds before an HTTP request fails.")
    respect_robots: bool = Field(default=True, description="Honour robots.txt when fetching.")

    @property
    def db_url(self) -> str:
        return self.db or f"sqlite:///{self.data_dir / 'warwatch.db'}"

    @property
    def gazetteer_path(self) -> Path:
        return Path(self.gazetteer) if self.gazetteer else self.data_dir / "gazetteer.sqlite"


def config_path() -> Path:
    env = os.environ.get("WARWATCH_CONFIG")
    if env:
        return Path(env)
    return Path(platformdirs.user_config_dir(APP, appauthor=False)) / "config.toml"


def _from_file(path: Path) -> dict[str, Any]:
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"config file is not valid TOML: {exc}", source=str(path)) from exc


def _from_env() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in Settings.model_fields:
        value = os.environ.get(f"WARWATCH_{name.upper()}")
        if value is not None:
            out[name] = value
    return out


def load_settings(**overrides: Any) -> Settings:
    """Build settings from every layer; ``overrides`` are CLI flags (None means not given)."""
    merged: dict[str, Any] = {}
    merged.update(_from_file(config_path()))
    merged.update(_from_env())
    merged.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings(**merged)
    except ValidationError as exc:
        raise ConfigError(f"invalid setting: {exc}") from exc


@cache
def default_settings() -> Settings:
    return load_settings()
