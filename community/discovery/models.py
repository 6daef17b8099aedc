"""The search query log, deflection events and the staff-edited synonym list."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from community.core.database import utcnow
from community.core.extensions import db


class SearchQuery(db.Model):
    """One search: what was typed, how many results, whether one was opened. No personal data
    beyond the member id and the pseudonymous visit, both erased after ``SEARCH_LOG_ANONYMISE_DAYS``.

    ``visit_id`` is the visit whose cookie came with the search (only that visit may mark it opened,
    and reports count each visit once); None when the request brought no visit cookie, and then the
    search counts in no report. An entry logged outside any request has an ``offline-`` visit of
    its own, which no cookie can name.
    """

    __tablename__ = "search_queries"
    __table_args__ = (Index("ix_search_queries_created_at", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    query: Mapped[str] = mapped_column(String(200), nullable=False)
    normalized: Mapped[str] = mapped_column(String(200), nullable=False, index=True)
    result_count: Mapped[int] = mapped_column(Integer, nullable=False)
    source: Mapped[str] = mapped_column(String(12), default="search", nullable=False)
    opened_key: Mapped[str | None] = mapped_column(String(40))
    visit_id: Mapped[str | None] = mapped_column(String(32))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)


class DeflectionEvent(db.Model):
    """What happened around the ask form during one visit (anonymous visitors included); a visit
    records each kind of event once per target."""

    __tablename__ = "deflection_events"
    __table_args__ = (Index("ix_deflection_events_visit", "visit_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[str] = mapped_column(String(32), nullable=False)
    kind: Mapped[str] = mapped_column(String(24), nullable=False)
    target_key: Mapped[str | None] = mapped_column(String(40))
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False, index=True)


class SynonymGroup(db.Model):
    __tablename__ = "synonym_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    terms: Mapped[str] = mapped_column(Text, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)
