"""Engine settings, shared column mixins and the visibility filter."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, mapped_column


def utcnow() -> datetime:
    """Naive UTC: stored the same way on SQLite and PostgreSQL."""
    return datetime.now(UTC).replace(tzinfo=None)


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record) -> None:
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    # Set by the operations that edit content, so votes and view counts do not touch it.
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)


def visible(stmt, model, viewer):
    """Restrict ``stmt`` to rows of ``model`` that ``viewer`` may see (hidden posts: staff only)."""
    if viewer is not None and getattr(viewer, "is_staff", False):
        return stmt
    return stmt.where(model.hidden_at.is_(None))
