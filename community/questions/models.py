"""Questions, answers, comments, votes and revisions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from community.core.database import Hideable, MarkdownBody, TimestampMixin, VersionedMarkdownBody, utcnow
from community.core.extensions import db
from community.members.models import User
from community.taxonomy.models import Category, Tag

STATUSES = ("open", "answered", "solved", "closed")
CLOSE_REASONS = ("duplicate", "off_topic")


question_tags = Table(
    "question_tags",
    db.metadata,
    Column("question_id", ForeignKey("questions.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_question_tags_tag_id", "tag_id"),
)


class Post(TimestampMixin, VersionedMarkdownBody, Hideable):
    """What questions and answers share: Markdown body, rendered HTML, score, moderation."""

    score: Mapped[int] = mapped_column(Integer, default=0, nullable=False)


class Question(Post, db.Model):
    __tablename__ = "questions"
    __table_args__ = (
        Index("ix_questions_status_activity", "status", "last_activity_at"),
        Index("ix_questions_category_activity", "category_id", "last_activity_at"),
        Index("ix_questions_created_at", "created_at"),
        Index("ix_questions_score", "score"),
        Index("ix_questions_activity", "last_activity_at"),
        Index("ix_questions_language_activity", "language", "last_activity_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    slug: Mapped[str] = mapped_column(String(200), nullable=False)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), nullable=False)
    status: Mapped[str] = mapped_column(String(12), default="open", nullable=False)
    language: Mapped[str] = mapped_column(String(5), default="fr", server_default="fr", nullable=False)
    close_reason: Mapped[str | None] = mapped_column(String(20))
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))
    locked: Mapped[bool] = mapped_column(default=False, nullable=False)
    accepted_answer_id: Mapped[int | None] = mapped_column(
        ForeignKey("answers.id", ondelete="SET NULL", use_alter=True)
    )
    answer_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    view_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    last_activity_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)

    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    category: Mapped[Category] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary=question_tags, order_by=Tag.name)
    answers: Mapped[list[Answer]] = relationship(
        back_populates="question",
        foreign_keys="Answer.question_id",
        cascade="all, delete-orphan",
    )
    accepted_answer: Mapped[Answer | None] = relationship(foreign_keys=[accepted_answer_id], post_update=True)
    duplicate_of: Mapped[Question | None] = relationship(remote_side=[id])
    comments: Mapped[list[Comment]] = relationship(
        foreign_keys="Comment.question_id", order_by="Comment.id", cascade="all, delete-orphan"
    )

    @property
    def is_solved(self) -> bool:
        return self.accepted_answer_id is not None

    @property
    def is_closed(self) -> bool:
        return self.status == "closed"


class Answer(Post, db.Model):
    __tablename__ = "answers"
    __table_args__ = (
        Index("ix_answers_question_id", "question_id"),
        # Per-member aggregates (leaderboards, nominations) read these indexes alone.
        Index("ix_answers_author_hidden", "author_id", "hidden_at"),
        Index("ix_answers_author_response", "author_id", "response_seconds"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), nullable=False)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)

    question: Mapped[Question] = relationship(back_populates="answers", foreign_keys=[question_id])
    #: Seconds from the question to this answer when it was the question's first answer (None
    #: otherwise): response-time badges, leaderboards and the nomination list aggregate it.
    response_seconds: Mapped[int | None] = mapped_column(Integer)
    #: The brand's official answer (an advisor posted a case's resolution on the thread).
    official: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), nullable=False)
    author: Mapped[User | None] = relationship()
    comments: Mapped[list[Comment]] = relationship(
        foreign_keys="Comment.answer_id", order_by="Comment.id", cascade="all, delete-orphan"
    )

    @property
    def is_accepted(self) -> bool:
        return self.question.accepted_answer_id == self.id


class Comment(TimestampMixin, MarkdownBody, Hideable, db.Model):
    __tablename__ = "comments"
    __table_args__ = (CheckConstraint("(question_id IS NULL) <> (answer_id IS NULL)", name="one_parent"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"), index=True)
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))

    author: Mapped[User | None] = relationship()


class Vote(db.Model):
    __tablename__ = "votes"
    __table_args__ = (
        UniqueConstraint("user_id", "question_id", name="uq_votes_user_question"),
        UniqueConstraint("user_id", "answer_id", name="uq_votes_user_answer"),
        CheckConstraint("value IN (-1, 1)", name="value"),
        CheckConstraint("(question_id IS NULL) <> (answer_id IS NULL)", name="one_target"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"), index=True)
    value: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)


class Revision(db.Model):
    """A full copy of a post as it stood after each edit (number 1 is the original)."""

    __tablename__ = "revisions"
    __table_args__ = (
        Index("ix_revisions_question_id", "question_id"),
        Index("ix_revisions_answer_id", "answer_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="CASCADE"))
    answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    title: Mapped[str | None] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, nullable=False)
    tags: Mapped[str] = mapped_column(String(250), default="", nullable=False)
    summary: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)

    author: Mapped[User | None] = relationship()


class AskDraft(db.Model):
    """A visitor's question kept on the server while they sign in; the session holds only ``key``."""

    __tablename__ = "ask_drafts"

    key: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="", nullable=False)
    body: Mapped[str] = mapped_column(Text, default="", nullable=False)
    category: Mapped[str] = mapped_column(String(60), default="", nullable=False)
    tags: Mapped[str] = mapped_column(Text, default="", nullable=False)
    language: Mapped[str] = mapped_column(String(5), default="", server_default="", nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False, index=True)
