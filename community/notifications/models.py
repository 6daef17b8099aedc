"""Notifications, what members follow, how each wants to hear of each kind, and the mail outbox."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from community.core.database import utcnow
from community.core.extensions import db
from community.members.models import User

#: How a member hears of a kind of event by e-mail (in the site they always do).
DELIVERIES = ("immediate", "digest", "off")


class Notification(db.Model):
    """One member told of one event. ``target_type``/``target_id`` name what it is about
    (question, answer, comment, article…); ``url`` is where it leads, fixed when it is made."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    kind: Mapped[str] = mapped_column(String(30), nullable=False)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    target_type: Mapped[str] = mapped_column(String(20), nullable=False)
    target_id: Mapped[int] = mapped_column(Integer, nullable=False)
    url: Mapped[str] = mapped_column(String(500), nullable=False)
    title: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    excerpt: Mapped[str] = mapped_column(Text, default="", nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    read_at: Mapped[datetime | None] = mapped_column(DateTime)
    #: When it went out by e-mail (alone, grouped or in a digest); None while waiting or never.
    mailed_at: Mapped[datetime | None] = mapped_column(DateTime)

    recipient: Mapped[User] = relationship(foreign_keys=[recipient_id])
    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])

    __table_args__ = (
        Index("ix_notifications_recipient_read", "recipient_id", "read_at"),
        Index("ix_notifications_recipient_id", "recipient_id", "id"),
    )

    @property
    def read(self) -> bool:
        return self.read_at is not None


class Follow(db.Model):
    """A member follows a question, a category, a tag or an article."""

    __tablename__ = "follows"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    target_type: Mapped[str] = mapped_column(String(20), primary_key=True)
    target_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)

    __table_args__ = (Index("ix_follows_target", "target_type", "target_id"),)


class DeliverySetting(db.Model):
    """A member's choice for one kind: immediate, digest or off (no row: the kind's default)."""

    __tablename__ = "notification_settings"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), primary_key=True)
    delivery: Mapped[str] = mapped_column(String(10), nullable=False)


class OutboxMessage(db.Model):
    """An e-mail to send, written in the transaction of the event that causes it.

    Notification mail waits ``send_after`` (a short window) so that a burst for one recipient goes
    out as one message (``group_key``); account mail (confirmation, password reset) goes at once.
    ``sent_at`` is set only after the SMTP server accepted the message; failures are retried with
    backoff until ``attempts`` reaches the configured maximum, then ``failed_at`` is set (kept).
    """

    __tablename__ = "mail_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    to_address: Mapped[str] = mapped_column(String(254), nullable=False)
    kind: Mapped[str] = mapped_column(String(30), nullable=False)
    group_key: Mapped[str | None] = mapped_column(String(80))
    notification_id: Mapped[int | None] = mapped_column(ForeignKey("notifications.id", ondelete="CASCADE"))
    subject: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    text_body: Mapped[str] = mapped_column(Text, default="", nullable=False)
    html_body: Mapped[str] = mapped_column(Text, default="", nullable=False)
    headers: Mapped[dict] = mapped_column(JSON, default=dict, nullable=False)
    message_id: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    send_after: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    attempts: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    last_error: Mapped[str] = mapped_column(Text, default="", nullable=False)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    failed_at: Mapped[datetime | None] = mapped_column(DateTime)

    __table_args__ = (Index("ix_mail_outbox_due", "sent_at", "failed_at", "send_after"),)
