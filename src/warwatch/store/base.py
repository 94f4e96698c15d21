"""What every part of the Store shares: its URL, transactions, and the store's own errors."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator

import sqlalchemy as sa

from ..errors import StoreError
from .engine import connect


class NotFound(StoreError):
    """The id or sha256 asked for is not in the store."""

    code = "not_found"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class StoreBase:
    """A handle on one database. Cheap to build; engines are cached per URL (``get_engine``)."""

    def __init__(self, url: str) -> None:
        self.url = url

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({sa.make_url(self.url).render_as_string(hide_password=True)!r})"
        )

    @contextlib.contextmanager
    def _tx(self, *, write: bool = False) -> Iterator[sa.Connection]:
        """One transaction: everything inside commits together or not at all."""
        with connect(self.url, write=write) as conn:
            yield conn

    @property
    def dialect(self) -> str:
        from .engine import get_engine

        return get_engine(self.url).dialect.name
