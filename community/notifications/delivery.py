"""Sending what the outbox holds: one sender at a time, each message marked sent only once the
server took it, failures retried with backoff until ``MAIL_MAX_ATTEMPTS``, then kept as failed.

``send_due`` is what ``flask notifications send`` runs; each worker also runs it in a background
thread every ``MAIL_POLL_SECONDS`` and right after a request that queued mail, so a small site
needs no cron (as search's poller does).
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta

from flask import Flask, current_app
from sqlalchemy import func, select

from community.core.background import every, exclusive
from community.core.database import utcnow
from community.core.extensions import db
from community.members.models import User
from community.notifications import compose, digest, mailer, outbox, preferences
from community.notifications.models import Notification, OutboxMessage

log = logging.getLogger("entraide.mail")

#: At most this long between two tries of one message, however many failed before.
MAX_BACKOFF = timedelta(hours=6)
#: The PostgreSQL advisory lock one sender holds at a time.
LOCK_ID = 7_214_222


def _compose_burst(leader: OutboxMessage, now: datetime) -> bool:
    """Write into ``leader`` the one e-mail of its burst, dropping the burst's other rows; False
    (and the leader dropped too) when nothing is left to tell: all read in the site meanwhile, the
    member changed the setting, or their address is no longer confirmed."""
    rows = db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.group_key == leader.group_key, OutboxMessage.sent_at.is_(None))
        .where(OutboxMessage.failed_at.is_(None), OutboxMessage.attempts == 0, OutboxMessage.text_body == "")
        .order_by(OutboxMessage.id)
    ).all()
    ids = [row.notification_id for row in rows if row.notification_id is not None]
    notifications = db.session.scalars(
        select(Notification)
        .where(Notification.id.in_(ids), Notification.read_at.is_(None), Notification.mailed_at.is_(None))
        .order_by(Notification.id)
    ).all()
    user = db.session.get(User, leader.recipient_id)
    if not preferences.mailed_at_once(user, leader.kind):
        notifications = []
    for row in rows:
        if row is not leader:
            db.session.delete(row)
    if not notifications:
        db.session.delete(leader)
        return False
    url, headers = preferences.unsubscribe_headers(user, leader.kind)
    mail = compose.notification_mail(user, notifications, url)
    leader.to_address = user.email
    leader.subject, leader.text_body, leader.html_body = mail.subject, mail.text, mail.html
    leader.headers = {**mail.headers, **headers}
    for notification in notifications:
        notification.mailed_at = now
    return True


def _backoff(attempts: int) -> timedelta:
    seconds = current_app.config["MAIL_RETRY_SECONDS"] * 2 ** (attempts - 1)
    return min(timedelta(seconds=seconds), MAX_BACKOFF)


def _send_one(row: OutboxMessage, counts: dict) -> bool:
    """Try ``row`` once; False when the server cannot be reached (the run stops there)."""
    try:
        mailer.transmit(mailer.build(row), f"{row.id}-{row.kind}")
    except mailer.SendError as exc:
        row.attempts += 1
        row.last_error = str(exc)[:2000]
        now = utcnow()
        if exc.permanent or row.attempts >= current_app.config["MAIL_MAX_ATTEMPTS"]:
            row.failed_at = now
            counts["failed"] += 1
            log.warning("mail %s to %s given up: %s", row.id, row.to_address, exc)
        else:
            row.send_after = now + _backoff(row.attempts)
            counts["retrying"] += 1
        db.session.commit()
        return not exc.unreachable
    row.attempts += 1
    row.sent_at = utcnow()
    row.last_error = ""
    db.session.commit()
    counts["sent"] += 1
    return True


def send_due(now: datetime | None = None) -> dict | None:
    """Queue the daily summaries that are due, then send every message whose time has come.
    Returns counts (sent, retrying, failed, digests), or None when another sender is at work."""
    now = now or utcnow()
    counts = {"sent": 0, "retrying": 0, "failed": 0, "digests": 0}
    with exclusive("mail_outbox", LOCK_ID) as acquired:
        if not acquired:
            return None
        counts["digests"] = digest.queue_digests(now)
        due = db.session.scalars(
            select(OutboxMessage.id)
            .where(OutboxMessage.sent_at.is_(None), OutboxMessage.failed_at.is_(None))
            .where(OutboxMessage.send_after <= now)
            .order_by(OutboxMessage.id)
        ).all()
        for row_id in due:
            row = db.session.get(OutboxMessage, row_id)
            if row is None or row.sent_at is not None or row.failed_at is not None:
                continue  # merged into an earlier message of its burst
            if row.notification_id is not None and not row.text_body:
                composed = _compose_burst(row, now)
                db.session.commit()
                if not composed:
                    continue
            if not _send_one(row, counts):
                break
    return counts


def failed_messages(limit: int = 200) -> list[OutboxMessage]:
    """Mail given up on, newest first (the staff page)."""
    return list(
        db.session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.failed_at.is_not(None))
            .order_by(OutboxMessage.id.desc())
            .limit(limit)
        )
    )


def waiting_count() -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(OutboxMessage)
        .where(OutboxMessage.sent_at.is_(None), OutboxMessage.failed_at.is_(None))
    )


# Set after a request that queued mail: the sender goes at once instead of at its next poll.
_wake = threading.Event()


def wake() -> None:
    _wake.set()


def init_app(app: Flask) -> None:
    every(app, "MAIL_POLL_SECONDS", "mail sender", send_due, wake=_wake)

    @app.after_request
    def wake_after_commit(response):
        if db.session.info.pop(outbox.QUEUED, False) and app.config["MAIL_POLL_SECONDS"]:
            wake()
        return response
