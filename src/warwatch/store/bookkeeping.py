"""Capture bookkeeping: raw captures (chain of custody), feed polling state, story families
(syndicated copies of one story) and the audit log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from ..model import Capture
from .base import StoreBase, utcnow
from .schema import audit_log, captures, feed_entries, feeds, story_families


@dataclass(frozen=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    last_polled_at: dt.datetime | None = None
    last_status: int | None = None
    last_error: str | None = None


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: dt.datetime
    action: str
    subject: str
    detail: dict[str, Any]


def capture_row(capture: Capture) -> dict[str, Any]:
    return {
        "sha256": capture.sha256,
        "raw": capture.raw,
        "source": capture.source,
        "kind": capture.kind,
        "url": capture.url,
        "final_url": capture.final_url,
        "content_type": capture.content_type,
        "http_status": capture.http_status,
        "headers": [list(pair) for pair in capture.headers],
        "captured_at": capture.captured_at,
        "published": capture.published,
        "caller_id": capture.id,
    }


def insert_capture(conn: sa.Connection, capture: Capture) -> bool:
    """Store ``capture`` unless its sha256 is already there (the first capture is the record)."""
    found = conn.execute(
        sa.select(captures.c.sha256).where(captures.c.sha256 == capture.sha256)
    ).first()
    if found:
        return False
    conn.execute(sa.insert(captures).values(capture_row(capture)))
    return True


class BookkeepingMixin(StoreBase):
    # --- captures --------------------------------------------------------------------------------
    def save_capture(self, capture: Capture) -> bool:
        """Keep the raw bytes and their provenance; True if this sha256 was new."""
        with self._tx(write=True) as conn:
            return insert_capture(conn, capture)

    def has_capture(self, sha256: str) -> bool:
        with self._tx() as conn:
            return (
                conn.execute(
                    sa.select(captures.c.sha256).where(captures.c.sha256 == sha256)
                ).first()
                is not None
            )

    def get_capture(self, sha256: str) -> Capture | None:
        with self._tx() as conn:
            row = conn.execute(sa.select(captures).where(captures.c.sha256 == sha256)).mappings()
            found = row.first()
        if found is None:
            return None
        return Capture(
            raw=found["raw"],
            sha256=found["sha256"],
            source=found["source"],
            kind=found["kind"],
            url=found["url"],
            final_url=found["final_url"],
            content_type=found["content_type"],
            http_status=found["http_status"],
            headers=tuple((str(k), str(v)) for k, v in found["headers"]),
            captured_at=found["captured_at"],
            published=found["published"],
            id=found["caller_id"],
        )

    # --- feeds -----------------------------------------------------------------------------------
    def feed_state(self, url: str) -> FeedState | None:
        with self._tx() as conn:
            row = conn.execute(sa.select(feeds).where(feeds.c.url == url)).mappings().first()
        return FeedState(**row) if row else None

    def update_feed_state(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        status: int | None = None,
        error: str | None = None,
        polled_at: dt.datetime | None = None,
    ) -> FeedState:
        """Record one poll of ``url``. Every value is written as given (None clears it), so on a
        304 pass the previous etag/last_modified again; ``polled_at`` defaults to now."""
        state = FeedState(
            url=url,
            etag=etag,
            last_modified=last_modified,
            last_polled_at=polled_at or utcnow(),
            last_status=status,
            last_error=error,
        )
        values = {k: getattr(state, k) for k in FeedState.__dataclass_fields__}
        with self._tx(write=True) as conn:
            done = conn.execute(sa.update(feeds).where(feeds.c.url == url).values(values))
            if done.rowcount == 0:
                conn.execute(sa.insert(feeds).values(values))
        return state

    def mark_entry_seen(
        self, feed_url: str, entry_key: str, capture_sha256: str | None = None
    ) -> bool:
        """Remember a feed entry; True if it was new. A later call may fill in the capture."""
        with self._tx(write=True) as conn:
            key = (feed_entries.c.feed_url == feed_url) & (feed_entries.c.entry_key == entry_key)
            seen = conn.execute(sa.select(feed_entries.c.capture_sha256).where(key)).first()
            if seen is None:
                conn.execute(
                    sa.insert(feed_entries).values(
                        feed_url=feed_url,
                        entry_key=entry_key,
                        seen_at=utcnow(),
                        capture_sha256=capture_sha256,
                    )
                )
                return True
            if capture_sha256 and seen[0] != capture_sha256:
                conn.execute(
                    sa.update(feed_entries).where(key).values(capture_sha256=capture_sha256)
                )
            return False

    def entry_seen(self, feed_url: str, entry_key: str) -> bool:
        with self._tx() as conn:
            key = (feed_entries.c.feed_url == feed_url) & (feed_entries.c.entry_key == entry_key)
            return conn.execute(sa.select(feed_entries.c.entry_key).where(key)).first() is not None

    # --- story families --------------------------------------------------------------------------
    def set_family(self, sha256: str, family_id: str, signature: bytes | None = None) -> None:
        """Put capture/article ``sha256`` in ``family_id`` (replacing any earlier assignment)."""
        values = {"family_id": family_id, "signature": signature, "assigned_at": utcnow()}
        with self._tx(write=True) as conn:
            done = conn.execute(
                sa.update(story_families).where(story_families.c.sha256 == sha256).values(values)
            )
            if done.rowcount == 0:
                conn.execute(sa.insert(story_families).values(sha256=sha256, **values))

    def family_of(self, sha256: str) -> str | None:
        with self._tx() as conn:
            return conn.execute(
                sa.select(story_families.c.family_id).where(story_families.c.sha256 == sha256)
            ).scalar()

    def family_members(self, family_id: str) -> list[str]:
        """The sha256s in ``family_id``, in the order they joined it."""
        with self._tx() as conn:
            rows = conn.execute(
                sa.select(story_families.c.sha256)
                .where(story_families.c.family_id == family_id)
                .order_by(story_families.c.assigned_at, story_families.c.sha256)
            )
            return [r[0] for r in rows]

    def iter_signatures(self) -> Iterator[tuple[str, str, bytes]]:
        """(sha256, family_id, signature) for every member that has a signature."""
        with self._tx() as conn:
            rows = conn.execute(
                sa.select(
                    story_families.c.sha256, story_families.c.family_id, story_families.c.signature
                ).where(story_families.c.signature.is_not(None))
            ).all()  # fetched whole: a caller pausing the generator must not hold a transaction
        for sha, family, signature in rows:
            yield sha, family, bytes(signature)

    # --- audit log -------------------------------------------------------------------------------
    def log_audit(self, action: str, subject: str, detail: Mapping[str, Any] | None = None) -> int:
        """Append one entry (who did what to which record); returns its id."""
        with self._tx(write=True) as conn:
            return int(
                conn.execute(
                    sa.insert(audit_log)
                    .values(at=utcnow(), action=action, subject=subject, detail=dict(detail or {}))
                    .returning(audit_log.c.id)
                ).scalar_one()
            )

    def audit_for(self, subject: str) -> list[AuditEntry]:
        with self._tx() as conn:
            rows = conn.execute(
                sa.select(audit_log).where(audit_log.c.subject == subject).order_by(audit_log.c.id)
            ).mappings()
            return [AuditEntry(**dict(r)) for r in rows]
