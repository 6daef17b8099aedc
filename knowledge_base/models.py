"""Knowledge-base articles (FAQ entries and tutorials), their steps, credits, revisions and ratings."""

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
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from community.core.database import TimestampMixin, VersionedMarkdownBody, utcnow
from community.core.extensions import db
from community.members.models import User
from community.taxonomy.models import Category, Tag
from knowledge_base.steps import split_title

KINDS = ("faq", "tutorial")
STATUSES = ("draft", "in_review", "published", "archived")
LANGUAGES = ("fr", "en")

article_tags = Table(
    "article_tags",
    db.metadata,
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_article_tags_tag_id", "tag_id"),
)


class Article(TimestampMixin, VersionedMarkdownBody, db.Model):
    """An FAQ entry or a tutorial; only ``published`` ones are shown to non-staff."""

    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_status_category", "status", "category_id"),
        CheckConstraint("kind IN ('faq', 'tutorial')", name="kind"),
        CheckConstraint("status IN ('draft', 'in_review', 'published', 'archived')", name="status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    slug: Mapped[str] = mapped_column(String(200), nullable=False)
    summary: Mapped[str] = mapped_column(Text, default="", nullable=False)
    category_id: Mapped[int] = mapped_column(ForeignKey("categories.id"), nullable=False, index=True)
    language: Mapped[str] = mapped_column(String(5), default="fr", nullable=False)
    status: Mapped[str] = mapped_column(String(12), default="draft", nullable=False)
    replacement_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    external_id: Mapped[str | None] = mapped_column(String(200), unique=True)
    source_question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"), index=True)
    source_answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id", ondelete="SET NULL"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    editor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    published_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    rating_sum: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    rating_count: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    category: Mapped[Category] = relationship()
    tags: Mapped[list[Tag]] = relationship(secondary=article_tags, order_by=Tag.name)
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    replacement: Mapped[Article | None] = relationship(remote_side=[id])
    steps: Mapped[list[ArticleStep]] = relationship(
        order_by="ArticleStep.position", cascade="all, delete-orphan", back_populates="article"
    )
    credits: Mapped[list[ArticleCredit]] = relationship(order_by="ArticleCredit.id", cascade="all, delete-orphan")

    @property
    def rating_average(self) -> float | None:
        return round(self.rating_sum / self.rating_count, 2) if self.rating_count else None

    @property
    def is_published(self) -> bool:
        return self.status == "published"


class ArticleStep(db.Model):
    """One step of a tutorial, in order from position 1."""

    __tablename__ = "article_steps"
    __table_args__ = (UniqueConstraint("article_id", "position", name="uq_article_steps_position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    position: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    text_html: Mapped[str] = mapped_column(Text, nullable=False)
    image_path: Mapped[str | None] = mapped_column(String(200))
    video_url: Mapped[str | None] = mapped_column(String(300))

    article: Mapped[Article] = relationship(back_populates="steps")

    @property
    def title(self) -> str:
        """The heading the step's text starts with, "" when none (see ``knowledge_base.steps``)."""
        return split_title(self.text)[0]


class ArticleCredit(db.Model):
    """A member credited for an article (``reason``: "answer" when promoted from their answer)."""

    __tablename__ = "article_credits"
    __table_args__ = (UniqueConstraint("article_id", "user_id", name="uq_article_credits_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    reason: Mapped[str] = mapped_column(String(20), default="answer", nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)

    user: Mapped[User] = relationship()


class ArticleRevision(db.Model):
    """A full copy of an article as it stood after each edit (number 1 is the original)."""

    __tablename__ = "article_revisions"
    __table_args__ = (UniqueConstraint("article_id", "number", name="uq_article_revisions_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    summary: Mapped[str] = mapped_column(Text, default="", nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    steps: Mapped[str] = mapped_column(Text, default="[]", nullable=False)
    note: Mapped[str] = mapped_column(String(200), default="", nullable=False)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)

    author: Mapped[User | None] = relationship()


class Rating(db.Model):
    """One rater's verdict on an article: a member (``user_id``) or an anonymous browser session."""

    __tablename__ = "article_ratings"
    __table_args__ = (
        UniqueConstraint("article_id", "user_id", name="uq_article_ratings_user"),
        UniqueConstraint("article_id", "session_key", name="uq_article_ratings_session"),
        CheckConstraint("(user_id IS NULL) <> (session_key IS NULL)", name="one_rater"),
        CheckConstraint("stars IS NULL OR (stars >= 1 AND stars <= 5)", name="stars"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    session_key: Mapped[str | None] = mapped_column(String(64))
    helpful: Mapped[bool] = mapped_column(Boolean, nullable=False)
    stars: Mapped[int | None] = mapped_column(SmallInteger)
    score: Mapped[int] = mapped_column(SmallInteger, nullable=False)
    comment: Mapped[str] = mapped_column(Text, default="", nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
