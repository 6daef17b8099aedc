"""The mail outbox: e-mail written in the transaction of its cause, delivered later.

Interface used by the rest of the notifications package and by account mail (members):
``queue_notification`` and ``queue_account_mail``. Delivery (``delivery.send_due``), retries,
bursts, digests (``digest``) and the background drain live in the modules next to this one.
"""

from __future__ import annotations

from datetime import timedelta
from email.utils import make_msgid

from flask import current_app
from sqlalchemy import select

from community.core.database import utcnow
from community.core.extensions import db
from community.notifications import compose, preferences
from community.notifications.models import OutboxMessage

#: Set on the session when mail was queued: the request wakes the background sender after commit.
QUEUED = "mail_queued"


def new_message_id() -> str:
    return make_msgid("entraide", domain=compose.mail_domain())


def burst_key(kind: str, user_id: int) -> str:
    """Notifications of one kind to one member waiting together go out as one e-mail."""
    return f"{kind}:{user_id}"


def queue_notification(notification) -> OutboxMessage | None:
    """Queue the e-mail telling ``notification.recipient`` of it, when their setting for its kind
    is "immediate" and their address is confirmed; a burst for one recipient goes out as one mail.

    Each notification gets its own row (nothing is lost if the sender runs meanwhile); rows of one
    burst share the window opened by the first, and the sender merges them into one message.
    Bodies are written when the window closes, so a burst reads as one e-mail.
    """
    user = notification.recipient
    if not preferences.mailed_at_once(user, notification.kind):
        return None
    key = burst_key(notification.kind, user.id)
    window_end = db.session.scalar(
        select(OutboxMessage.send_after)
        .where(OutboxMessage.group_key == key, OutboxMessage.sent_at.is_(None), OutboxMessage.failed_at.is_(None))
        .where(OutboxMessage.attempts == 0, OutboxMessage.text_body == "")
        .order_by(OutboxMessage.id)
        .limit(1)
    )
    now = utcnow()
    row = OutboxMessage(
        recipient_id=user.id,
        to_address=user.email,
        kind=notification.kind,
        group_key=key,
        notification_id=notification.id,
        send_after=window_end or now + timedelta(seconds=current_app.config["MAIL_BURST_SECONDS"]),
        message_id=new_message_id(),
        created_at=now,
    )
    db.session.add(row)
    db.session.flush()
    db.session.info[QUEUED] = True
    return row


def queue_account_mail(user, kind: str, subject, template: str, **context) -> OutboxMessage:
    """Queue an account e-mail (address confirmation, password reset, security notice) to ``user``,
    sent at once and whatever their notification settings; ``template`` names
    ``templates/mail/<template>.txt`` and ``.html`` (extending ``mail/_layout``), rendered in the
    member's language with ``context``. Pass ``subject`` as a lazy string (``lazy_gettext``) so it
    is translated in that language too. Links in ``context`` should come from
    ``compose.external_url`` (the configured address, never the request's host)."""
    mail = compose.account_mail(user, subject, template, **context)
    now = utcnow()
    row = OutboxMessage(
        recipient_id=user.id,
        to_address=context.get("to_address") or user.email,
        kind=kind,
        subject=mail.subject,
        text_body=mail.text,
        html_body=mail.html,
        headers=mail.headers,
        message_id=new_message_id(),
        created_at=now,
        send_after=now,
    )
    db.session.add(row)
    db.session.flush()
    db.session.info[QUEUED] = True
    return row
