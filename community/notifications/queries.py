"""A member's notifications: the list, newest first, and the unread count of the bell.

A notification whose post was hidden by moderation (or deleted) after it was made leaves both,
for everyone: nothing hidden keeps notifying (except the author's notice that it was hidden).
"""

from __future__ import annotations

from sqlalchemy import and_, func, not_, or_, select
from sqlalchemy.orm import aliased, selectinload

from community.core.database import including_hidden
from community.core.extensions import db
from community.core.pagination import Page, paginate
from community.notifications.models import Notification
from community.questions.models import Answer, Comment, Question

PER_PAGE = 30
#: Kinds about the hiding itself: they stay, so the author learns why their post went.
ABOUT_HIDDEN = ("content_hidden",)


def _gone(target_type: str, model, extra=None):
    """Notifications about a ``target_type`` whose row is missing or hidden (``extra``: or its parent's)."""
    missing = or_(model.id.is_(None), model.hidden_at.is_not(None), *([extra] if extra is not None else []))
    return and_(Notification.target_type == target_type, missing)


def _visible(stmt):
    question, answer, parent, comment = aliased(Question), aliased(Answer), aliased(Question), aliased(Comment)
    n = Notification
    stmt = (
        stmt.outerjoin(question, and_(n.target_type == "question", question.id == n.target_id))
        .outerjoin(answer, and_(n.target_type == "answer", answer.id == n.target_id))
        .outerjoin(parent, parent.id == answer.question_id)
        .outerjoin(comment, and_(n.target_type == "comment", comment.id == n.target_id))
        .where(
            or_(
                n.kind.in_(ABOUT_HIDDEN),
                and_(
                    not_(_gone("question", question)),
                    not_(_gone("answer", answer, parent.hidden_at.is_not(None))),
                    not_(_gone("comment", comment)),
                ),
            )
        )
    )
    return including_hidden(stmt)


def unread_count(user) -> int:
    stmt = select(func.count(Notification.id)).where(
        Notification.recipient_id == user.id, Notification.read_at.is_(None)
    )
    return db.session.scalar(_visible(stmt)) or 0


def notifications(user, unread_only: bool = False, page: int = 1, per_page: int = PER_PAGE) -> Page:
    stmt = select(Notification).where(Notification.recipient_id == user.id)
    if unread_only:
        stmt = stmt.where(Notification.read_at.is_(None))
    stmt = (
        _visible(stmt)
        .options(selectinload(Notification.actor))
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )
    return paginate(stmt, page, per_page)


def own(user, notification_id: int) -> Notification | None:
    """``user``'s notification ``notification_id``, if it is theirs and still shown."""
    stmt = select(Notification).where(Notification.id == notification_id, Notification.recipient_id == user.id)
    return db.session.scalar(_visible(stmt))
