"""Reputation as a ledger (one immutable row per change, reversals as rows of their own), badges
awarded to members, and invitations to answer a question.

``users.reputation`` is the cached sum of a member's ledger; ``flask reputation rebuild``
recomputes it. A ledger row names what earned it (``source_type``/``source_id``: the vote, the
acceptance's answer, the article) and the post it is about, and carries the post's category so
per-category leaderboards are one indexed SQL aggregate.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from community.core.database import utcnow
from community.core.extensions import db
from community.members.models import User

TIERS = ("bronze", "silver", "gold")


class ReputationEvent(db.Model):
    __tablename__ = "reputation_events"
    __table_args__ = (
        Index("ix_reputation_events_user_created", "user_id", "created_at"),
        Index("ix_reputation_events_category_created", "category_id", "created_at"),
        Index("ix_reputation_events_source", "source_type", "source_id"),
        Index("ix_reputation_events_event_user", "event", "user_id"),
        # Per-category boards read this index alone.
        Index("ix_reputation_events_category_user", "category_id", "user_id", "points"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    #: What happened: ``answer_upvoted``, ``answer_downvoted``, ``question_upvoted``,
    #: ``answer_accepted``, ``answer_promoted`` … (a reversal keeps the event it reverses).
    event: Mapped[str] = mapped_column(String(30), nullable=False)
    points: Mapped[int] = mapped_column(Integer, nullable=False)
    #: What earned it: ``vote`` (id of the vote), ``answer`` (acceptance), ``article`` (promotion) …
    source_type: Mapped[str] = mapped_column(String(20), nullable=False)
    source_id: Mapped[int] = mapped_column(Integer, nullable=False)
    #: The post it is about (``question``/``answer``) and its category, for pages and leaderboards.
    post_type: Mapped[str | None] = mapped_column(String(20))
    post_id: Mapped[int | None] = mapped_column(Integer)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id", ondelete="SET NULL"))
    #: Who caused it (the voter, the asker who accepted, the staff member who promoted).
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    #: Set on a reversal: the row it cancels (each row is reversed at most once).
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("reputation_events.id"), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False, index=True)

    user: Mapped[User] = relationship(foreign_keys=[user_id])


class BadgeAward(db.Model):
    """A badge a member holds (once per badge); ``withdrawn_at`` is set while a rolling badge
    (Responsive) has lapsed, cleared when it holds again."""

    __tablename__ = "badge_awards"
    __table_args__ = (UniqueConstraint("user_id", "badge"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    badge: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    #: The post that earned it, when one did.
    post_type: Mapped[str | None] = mapped_column(String(20))
    post_id: Mapped[int | None] = mapped_column(Integer)
    awarded_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)

    user: Mapped[User] = relationship()


class AnswerInvitation(db.Model):
    """Staff or the asker invited a member to answer a question."""

    __tablename__ = "answer_invitations"
    __table_args__ = (UniqueConstraint("question_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), nullable=False)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)


class CloseVote(db.Model):
    """A member's vote to close a question as a duplicate of another; ``CLOSE_VOTES_NEEDED`` of them
    close it, and the votes are spent once the question is closed."""

    __tablename__ = "close_votes"
    __table_args__ = (UniqueConstraint("question_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), nullable=False)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    duplicate_of_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
