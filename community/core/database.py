"""Engine settings, shared column mixins and the one visibility filter.

Hidden content (moderated posts: ``Hideable.hidden_at`` set) leaves every ORM query, relationship
loads included, through one ``do_orm_execute`` hook; a statement that may show hidden rows says so
with ``visible(stmt, viewer)`` (staff, through the ``content.view_hidden`` permission) or
``including_hidden(stmt)``. Nothing else filters by hand.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, SmallInteger, Text, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, Session, mapped_column, with_loader_criteria

from community.core.extensions import db
from community.core.permissions import can

INCLUDE_HIDDEN = "include_hidden"
HIDDEN_COLUMN = "hidden_at"


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


class MarkdownBody:
    """A Markdown source and its HTML, rendered once at write time by ``community.core.markup``."""

    body: Mapped[str] = mapped_column(Text, nullable=False)
    body_html: Mapped[str] = mapped_column(Text, nullable=False)


class VersionedMarkdownBody(MarkdownBody):
    """… with the renderer version that made the HTML (``markup.MARKUP_VERSION``), to find stale HTML."""

    markup_version: Mapped[int] = mapped_column(SmallInteger, default=1, nullable=False)


class Hideable:
    """Content moderation can hide: set ``hidden_at`` and it leaves every query."""

    hidden_at: Mapped[datetime | None] = mapped_column(DateTime)


def is_hidden(obj) -> bool:
    return getattr(obj, HIDDEN_COLUMN, None) is not None


def including_hidden(stmt):
    """``stmt`` with hidden rows kept (and the relationships of what it loads)."""
    return stmt.execution_options(**{INCLUDE_HIDDEN: True})


def sees_hidden(viewer) -> bool:
    return can(viewer, "content.view_hidden")


def visible(stmt, viewer):
    """``stmt`` as ``viewer`` may see it: hidden rows for staff too, for others never."""
    return including_hidden(stmt) if sees_hidden(viewer) else stmt


def _leave_hidden_out(state) -> None:
    if (
        state.is_select
        and not state.is_column_load
        and not state.is_relationship_load
        and not state.execution_options.get(INCLUDE_HIDDEN, False)
    ):
        state.statement = state.statement.options(
            with_loader_criteria(Hideable, lambda cls: cls.hidden_at.is_(None), include_aliases=True)
        )


def filter_hidden() -> None:
    """Install the visibility filter on every ORM session of the process (the search queue's too); once."""
    if not event.contains(Session, "do_orm_execute", _leave_hidden_out):
        event.listen(Session, "do_orm_execute", _leave_hidden_out)


def get_visible(model, ident: int, viewer, action: str):
    """The ``model`` row ``ident``, or None when missing, or hidden and ``viewer`` may not ``action`` it."""
    obj = db.session.get(model, ident, execution_options={INCLUDE_HIDDEN: True})
    if obj is None or (is_hidden(obj) and not can(viewer, action, obj)):
        return None
    return obj
