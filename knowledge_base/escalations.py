"""Advisors' resolutions proposed for the knowledge base.

When an advisor sends a case's fix to curation (with the customer's consent), the community sends
``resolution_shared``; the knowledge base keeps it as an ``AdvisorSuggestion``, listed in the curation
queue with "Write an article" (a draft prefilled from it, opened in the editor) and "Dismiss".
"""

from __future__ import annotations

from datetime import datetime

from flask import Blueprint, Flask, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from sqlalchemy import DateTime, ForeignKey, String, Text, func, select
from sqlalchemy.orm import Mapped, joinedload, mapped_column, relationship

from community.audit import record
from community.audit.catalogue import register_actions
from community.core import signals as community_signals
from community.core.database import utcnow
from community.core.errors import Conflict, DomainError, NotFound
from community.core.extensions import db
from community.core.permissions import require
from community.questions.models import Question
from community.taxonomy import queries as taxonomy
from community.taxonomy.models import Category
from knowledge_base import operations as kb
from knowledge_base.models import Article

SHOWN = 20


class AdvisorSuggestion(db.Model):
    """An advisor's resolution proposed as an article; ``done_at`` once written or dismissed."""

    __tablename__ = "advisor_suggestions"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="SET NULL"), index=True)
    question_id: Mapped[int | None] = mapped_column(ForeignKey("questions.id", ondelete="SET NULL"))
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id", ondelete="SET NULL"))
    title: Mapped[str] = mapped_column(String(200), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id", ondelete="SET NULL"))
    done_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)

    category: Mapped[Category | None] = relationship()
    question: Mapped[Question | None] = relationship()


def _category_id(case, question_id: int | None) -> int | None:
    """The case's category, else its question's, else that of the help article it was opened from."""
    if case.category_id is not None:
        return case.category_id
    if question_id is not None:
        found = db.session.scalar(select(Question.category_id).where(Question.id == question_id))
        if found is not None:
            return found
    if case.article_id is not None:
        return db.session.scalar(select(Article.category_id).where(Article.id == case.article_id))
    return None


def resolution_shared(actor, case, title: str, body: str, question_id: int | None = None, **extra) -> None:
    db.session.add(
        AdvisorSuggestion(
            case_id=case.id,
            question_id=question_id,
            category_id=_category_id(case, question_id),
            title=title,
            body=body,
        )
    )
    db.session.flush()


def pending(limit: int = SHOWN) -> dict:
    """The suggestions waiting for staff, oldest first, how many there are, and the categories to
    choose from when one has none."""
    waiting = select(AdvisorSuggestion).where(AdvisorSuggestion.done_at.is_(None))
    total = db.session.scalar(select(func.count()).select_from(waiting.subquery()))
    items = (
        db.session.scalars(
            waiting.options(joinedload(AdvisorSuggestion.category), joinedload(AdvisorSuggestion.question))
            .order_by(AdvisorSuggestion.created_at, AdvisorSuggestion.id)
            .limit(limit)
        ).all()
        if total
        else []
    )
    # A suggestion without a category asks for one before its draft is written.
    choices = taxonomy.categories() if any(item.category is None for item in items) else []
    return {"items": items, "total": total or 0, "categories": choices}


def _pending_suggestion(suggestion_id: int) -> AdvisorSuggestion:
    suggestion = db.session.get(AdvisorSuggestion, suggestion_id)
    if suggestion is None:
        raise NotFound()
    if suggestion.done_at is not None:
        raise Conflict(_("This suggestion was already handled."), code="already_handled")
    return suggestion


def write_article(actor, suggestion: AdvisorSuggestion, category: str) -> Article:
    """A draft FAQ entry from the suggestion, in ``category`` (a slug), for staff to edit and publish."""
    require(actor, "article.create")
    article = kb.create_article(actor, kind="faq", title=suggestion.title, body=suggestion.body, category=category)
    article.source_question_id = suggestion.question_id
    suggestion.article_id, suggestion.done_at = article.id, utcnow()
    db.session.flush()
    return article


def dismiss(actor, suggestion: AdvisorSuggestion) -> AdvisorSuggestion:
    require(actor, "article.edit")
    suggestion.done_at = utcnow()
    db.session.flush()
    record(actor, "article.suggestion_dismiss", "case", suggestion.case_id, after={"title": suggestion.title})
    return suggestion


bp = Blueprint("kb_suggestions", __name__)


def _back():
    return redirect(url_for("kb_curation.queue", _anchor="advisors"))


@bp.route("/kb/suggestions/<int:suggestion_id>/write", methods=["POST"])
@login_required
def write(suggestion_id: int):
    require(current_user, "article.create")
    try:
        article = write_article(current_user, _pending_suggestion(suggestion_id), request.form.get("category") or "")
        db.session.commit()
    except DomainError as err:
        db.session.rollback()
        if err.status in (401, 403, 404):
            raise
        flash(" ".join(str(message) for message in err.fields.values()) or err.message, "error")
        return _back()
    flash(_("Draft written from the advisor’s resolution: review and publish it."), "success")
    return redirect(url_for("kb_staff.edit", article_id=article.id))


@bp.route("/kb/suggestions/<int:suggestion_id>/dismiss", methods=["POST"])
@login_required
def dismiss_view(suggestion_id: int):
    require(current_user, "article.edit")
    try:
        dismiss(current_user, _pending_suggestion(suggestion_id))
        db.session.commit()
    except DomainError as err:
        db.session.rollback()
        if err.status in (401, 403, 404):
            raise
        flash(err.message, "error")
        return _back()
    flash(_("Suggestion dismissed."), "success")
    return _back()


def init_app(app: Flask) -> None:
    register_actions({"article.suggestion_dismiss": _l("Advisor's suggestion dismissed")})
    community_signals.resolution_shared.connect(resolution_shared, weak=False)
    app.register_blueprint(bp)
    app.add_template_global(pending, "kb_advisor_suggestions")
