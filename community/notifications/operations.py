"""Telling a member of an event, and marking what they have read."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import update

from community.core import signals
from community.core.database import utcnow
from community.core.extensions import db
from community.core.permissions import require
from community.notifications import outbox
from community.notifications.models import Notification

TITLE_MAX = 300
EXCERPT_MAX = 200


def deliver(
    actor,
    recipient,
    kind: str,
    target_type: str,
    target_id: int,
    url: str,
    title: str = "",
    excerpt: str = "",
) -> Notification:
    """Tell ``recipient`` that ``actor`` (None: nobody in particular) did something to the target.

    ``subscribers`` decides who is told of what; this only records it and queues the e-mail, which
    goes only to confirmed addresses (and then as the member's setting for the kind says).
    """
    notification = Notification(
        recipient=recipient,
        recipient_id=recipient.id,
        kind=kind,
        actor_id=actor.id if actor is not None else None,
        target_type=target_type,
        target_id=target_id,
        url=url,
        title=(title or "")[:TITLE_MAX],
        excerpt=(excerpt or "")[:EXCERPT_MAX],
    )
    db.session.add(notification)
    db.session.flush()
    signals.notification_created.send(actor, notification=notification)
    if recipient.email_confirmed_at is not None:
        outbox.queue_notification(notification)
    return notification


def mark_read(actor, ids: Iterable[int] | None = None, everything: bool = False) -> int:
    """Mark ``actor``'s notifications ``ids`` (or all of them) read; others' ids are ignored.
    Returns how many changed."""
    require(actor, "notification.read")
    stmt = (
        update(Notification)
        .where(Notification.recipient_id == actor.id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
        .execution_options(synchronize_session="fetch")
    )
    if not everything:
        wanted = {int(i) for i in ids or ()}
        if not wanted:
            return 0
        stmt = stmt.where(Notification.id.in_(wanted))
    changed = db.session.execute(stmt).rowcount
    db.session.flush()
    return changed
