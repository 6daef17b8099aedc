"""What moderation keeps: members' flags, the one queue of items awaiting a decision, the members
given the queue of a category, and the staff-edited list of blocked words and domains.

A target is named by type and id (``question``, ``answer``, ``comment``, ``user``), as the audit
log does, so one queue holds posts and members alike.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from community.core.database import utcnow
from community.core.extensions import db
from community.members.models import User

TARGET_TYPES = ("question", "answer", "comment", "user")
FLAG_REASONS = ("spam", "abuse", "off_topic", "duplicate", "other")
#: Why an item is in the queue.
QUEUE_REASONS = ("flagged", "premoderation", "spam_rule", "blocked_term", "repeated_post", "review_requested")
#: Reasons a post is saved hidden until a moderator approves it (spam rules, pre-moderation).
HOLD_REASONS = ("premoderation", "spam_rule", "blocked_term", "repeated_post")
#: A flag's outcome once staff decide on its item.
OUTCOMES = ("upheld", "dismissed")


class Flag(db.Model):
    """One member's flag on one target; ``weight`` is what it counted for when it was raised."""

    __tablename__ = "flags"
    __table_args__ = (UniqueConstraint("user_id", "target_type", "target_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    target_type: Mapped[str] = mapped_column(String(20), nullable=False)
    target_id: Mapped[int] = mapped_column(Integer, nullable=False)
    reason: Mapped[str] = mapped_column(String(20), nullable=False)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)
    weight: Mapped[float] = mapped_column(Float, nullable=False)
    outcome: Mapped[str | None] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)

    user: Mapped[User] = relationship(foreign_keys=[user_id])


class QueueItem(db.Model):
    """An item awaiting a decision; at most one open (``decided_at`` unset) per target."""

    __tablename__ = "moderation_queue"

    id: Mapped[int] = mapped_column(primary_key=True)
    target_type: Mapped[str] = mapped_column(String(20), nullable=False)
    target_id: Mapped[int] = mapped_column(Integer, nullable=False)
    #: Category of the post (None for a member), so ambassadors see their categories' items only.
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id", ondelete="SET NULL"), index=True)
    reason: Mapped[str] = mapped_column(String(20), nullable=False)
    #: What caught it, in words (the rule, the blocked term, the author's review request …).
    detail: Mapped[str] = mapped_column(Text, default="", nullable=False)
    weight: Mapped[float] = mapped_column(Float, default=0, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False, index=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decision: Mapped[str | None] = mapped_column(String(20))

    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])


class CategoryModerator(db.Model):
    """A member (an ambassador) given the moderation queue of one category."""

    __tablename__ = "category_moderators"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id", ondelete="CASCADE"), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)


class BlockedTerm(db.Model):
    """A word, phrase or link domain staff block: posts holding it are ``hold`` (queued, hidden until
    approved) or ``refuse`` (not saved, the author told why)."""

    __tablename__ = "blocked_terms"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)  # "word" or "domain"
    term: Mapped[str] = mapped_column(String(200), nullable=False, unique=True)
    action: Mapped[str] = mapped_column(String(10), nullable=False)  # "hold" or "refuse"
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
