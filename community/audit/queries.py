"""Reading the audit log: newest first, filtered by actor, action, kind of target and dates."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from community.audit.models import AuditEntry
from community.core.extensions import db
from community.core.pagination import Page, paginate
from community.members.models import User

OPERATOR = "cli"  # the ``actor`` filter's value for the operator at the command line


def entries(
    *,
    actor: int | str | None = None,
    action: str | None = None,
    target_type: str | None = None,
    since: date | None = None,
    until: date | None = None,
    page: int = 1,
    per_page: int = 30,
) -> Page:
    """A page of entries; ``actor`` a member's id or ``OPERATOR``; ``since``/``until`` whole days, included."""
    stmt = select(AuditEntry).options(selectinload(AuditEntry.actor))
    if actor == OPERATOR:
        stmt = stmt.where(AuditEntry.actor_id.is_(None), AuditEntry.origin == "cli")
    elif actor is not None:
        stmt = stmt.where(AuditEntry.actor_id == actor)
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    if target_type:
        stmt = stmt.where(AuditEntry.target_type == target_type)
    if since:
        stmt = stmt.where(AuditEntry.at >= datetime.combine(since, time.min))
    if until and until < date.max:
        stmt = stmt.where(AuditEntry.at < datetime.combine(until + timedelta(days=1), time.min))
    return paginate(stmt.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()), page, per_page)


def actors() -> list[User]:
    """The members who appear in the log, by name."""
    ids = select(AuditEntry.actor_id).where(AuditEntry.actor_id.is_not(None)).distinct()
    return list(db.session.scalars(select(User).where(User.id.in_(ids)).order_by(User.display_name, User.id)))
