"""The daily summary: once every ``MAIL_DIGEST_HOURS`` at most, one e-mail per member gathering
the unread notifications of the kinds they set to "digest" that no e-mail told them of yet."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import and_, or_, select

from community.core.extensions import db
from community.members.models import User
from community.notifications import compose, kinds, outbox, preferences
from community.notifications.models import DeliverySetting, Notification, OutboxMessage


def _due_members(now: datetime) -> list[User]:
    """Members with a confirmed address, no summary for a day, and something to put in one."""
    cutoff = now - timedelta(hours=current_app.config["MAIL_DIGEST_HOURS"])
    by_default = [kind.key for kind in kinds.KINDS if kind.default == "digest"]
    setting = and_(DeliverySetting.user_id == Notification.recipient_id, DeliverySetting.kind == Notification.kind)
    ids = (
        select(Notification.recipient_id)
        .join(User, User.id == Notification.recipient_id)
        .outerjoin(DeliverySetting, setting)
        .where(Notification.mailed_at.is_(None), Notification.read_at.is_(None), Notification.created_at <= now)
        .where(User.email_confirmed_at.is_not(None))
        .where(or_(User.suspended_until.is_(None), User.suspended_until <= now))
        .where(or_(User.last_digest_at.is_(None), User.last_digest_at <= cutoff))
        .where(
            or_(
                DeliverySetting.delivery == "digest",
                and_(DeliverySetting.delivery.is_(None), Notification.kind.in_(by_default)),
            )
        )
        .distinct()
    )
    return list(db.session.scalars(select(User).where(User.id.in_(ids)).order_by(User.id)))


def queue_digest(user: User, now: datetime) -> OutboxMessage | None:
    """Queue ``user``'s summary now, if there is anything to tell; the notifications it holds are
    marked mailed so that no other e-mail repeats them."""
    notifications = db.session.scalars(
        select(Notification)
        .where(Notification.recipient_id == user.id, Notification.kind.in_(preferences.digest_kinds(user)))
        .where(Notification.mailed_at.is_(None), Notification.read_at.is_(None), Notification.created_at <= now)
        .order_by(Notification.id)
    ).all()
    if not notifications:
        return None
    url, headers = preferences.unsubscribe_headers(user, preferences.DIGEST)
    mail = compose.digest_mail(user, notifications, url)
    row = OutboxMessage(
        recipient_id=user.id,
        to_address=user.email,
        kind="digest",
        subject=mail.subject,
        text_body=mail.text,
        html_body=mail.html,
        headers={**mail.headers, **headers},
        message_id=outbox.new_message_id(),
        created_at=now,
        send_after=now,
    )
    db.session.add(row)
    for notification in notifications:
        notification.mailed_at = now
    user.last_digest_at = now
    return row


def queue_digests(now: datetime) -> int:
    """Queue every summary that is due; each member's is committed on its own."""
    queued = 0
    for user in _due_members(now):
        if queue_digest(user, now) is not None:
            queued += 1
        db.session.commit()
    return queued
