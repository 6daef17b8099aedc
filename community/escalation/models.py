"""Escalation to a human advisor: cases, their private thread, the advisors' canned replies, and the
journey trail (what a visit opened) that a case may carry.

A case names a help article only as a fact (id, title, address), kept as data: the community knows
no article. ``context`` is the snapshot the customer confirmed when asking: the searches, articles
and questions of their visit they left ticked, and their device.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from community.core.database import MarkdownBody, utcnow
from community.core.extensions import db
from community.members.models import User

#: new → assigned → waiting (on the customer) → resolved (→ reopened, then assigned/waiting/resolved again).
STATUSES = ("new", "assigned", "waiting", "resolved", "reopened")
PRIORITIES = ("low", "normal", "high", "urgent")
#: Where a case came from: the form, the API (a chatbot hand-off), the sweep of unanswered questions,
#: a callback request.
SOURCES = ("web", "api", "sweep", "callback")


class Case(db.Model):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True)
    subject: Mapped[str] = mapped_column(String(200), nullable=False)
    message: Mapped[str] = mapped_column(Text, default="", nullable=False)
    message_html: Mapped[str] = mapped_column(Text, default="", nullable=False)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"), index=True)
    #: Set only by the sweep: unique, so two workers sweeping at once cannot open the same case twice.
    swept_question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"), unique=True)
    article_id: Mapped[int | None] = mapped_column(Integer)
    article_title: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    article_url: Mapped[str] = mapped_column(String(500), default="", nullable=False)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id", ondelete="SET NULL"), index=True)
    #: A chatbot's conversation handed over through the API: [{"role": "user"|"bot", "text": …}, …].
    transcript: Mapped[list | None] = mapped_column(JSON)
    #: {"searches": [{"query", "result_count", "at"}], "articles": [{"id", "title", "url", "at"}],
    #:  "questions": [...], "device": {"kind", "system", "browser"}}: what the customer let us share.
    context: Mapped[dict] = mapped_column(JSON, default=dict, nullable=False)
    status: Mapped[str] = mapped_column(String(12), default="new", nullable=False, index=True)
    priority: Mapped[str] = mapped_column(String(10), default="normal", nullable=False)
    source: Mapped[str] = mapped_column(String(10), default="web", nullable=False)
    callback_phone: Mapped[str] = mapped_column(String(40), default="", nullable=False)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    first_response_due: Mapped[datetime] = mapped_column(DateTime, nullable=False, index=True)
    first_response_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    #: The customer agrees that the fix be shared with the community (posted on the thread or
    #: proposed for the knowledge base), without their name or private details.
    share_consent: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    shared_answer_id: Mapped[int | None] = mapped_column(ForeignKey("answers.id", ondelete="SET NULL"))
    shared_to_curation_at: Mapped[datetime | None] = mapped_column(DateTime)
    #: Customer Effort Score (1–7) and CSAT (1–5), answered once the case is resolved, once.
    ces: Mapped[int | None] = mapped_column(SmallInteger)
    csat: Mapped[int | None] = mapped_column(SmallInteger)
    surveyed_at: Mapped[datetime | None] = mapped_column(DateTime)

    customer: Mapped[User] = relationship(foreign_keys=[customer_id])
    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id])
    messages: Mapped[list[CaseMessage]] = relationship(
        back_populates="case", order_by="CaseMessage.id", cascade="all, delete-orphan"
    )

    @property
    def is_open(self) -> bool:
        return self.status != "resolved"


class CaseMessage(MarkdownBody, db.Model):
    """One message of a case's private thread; ``internal`` notes are for staff only."""

    __tablename__ = "case_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), nullable=False, index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    internal: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)

    case: Mapped[Case] = relationship(back_populates="messages")
    author: Mapped[User | None] = relationship()


class CannedReply(db.Model):
    """A reply advisors reuse (Markdown), managed by staff."""

    __tablename__ = "canned_replies"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(120), nullable=False, unique=True)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)


class TrailView(db.Model):
    """An article or question a visit opened (the journey trail; searches are in the search log).
    Kept for the visit's retention period, like the search log."""

    __tablename__ = "trail_views"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[str | None] = mapped_column(String(40), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)  # "article" or "question"
    target_id: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    url: Mapped[str] = mapped_column(String(500), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False, index=True)
