""" "Questions for you": the questions a member was invited to answer, then the unanswered questions
of the categories and tags where their answers were accepted most, oldest first."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import case, exists, func, or_, select
from sqlalchemy.orm import selectinload

from community.core.extensions import db
from community.questions.models import Answer, Question, question_tags
from community.reputation.models import AnswerInvitation
from community.taxonomy.models import Category, Tag


@dataclass
class ForYou:
    invited: list[Question] = field(default_factory=list)
    suggested: list[Question] = field(default_factory=list)
    categories: list[Category] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)


def _list_options():
    return (selectinload(Question.author), selectinload(Question.category), selectinload(Question.tags))


def _strongest(column, join, user, limit: int) -> list[int]:
    """Ids of ``column`` (a category or a tag) where ``user``'s answers were accepted most; when none
    was accepted yet, where they answered most."""
    accepted = func.sum(case((Question.accepted_answer_id == Answer.id, 1), else_=0))
    stmt = (
        select(column)
        .select_from(Answer)
        .join(Question, Question.id == Answer.question_id)
        .where(Answer.author_id == user.id)
        .group_by(column)
        .limit(limit)
    )
    if join is not None:
        stmt = stmt.join(join, join.c.question_id == Question.id)
    ranked = db.session.scalars(stmt.having(accepted > 0).order_by(accepted.desc(), func.count().desc(), column)).all()
    return list(ranked) or list(db.session.scalars(stmt.order_by(func.count().desc(), column)))


def _open_to(user):
    """Questions ``user`` may still answer usefully: not closed, locked or solved, not theirs, not answered by them."""
    answered = exists().where(Answer.question_id == Question.id, Answer.author_id == user.id)
    return (
        Question.status != "closed",
        Question.locked.is_(False),
        Question.accepted_answer_id.is_(None),
        or_(Question.author_id.is_(None), Question.author_id != user.id),
        ~answered,
    )


def questions_for(user, limit: int | None = None) -> ForYou:
    config = current_app.config
    limit = limit or config["FOR_YOU_SIZE"]
    invited = db.session.scalars(
        select(Question)
        .join(AnswerInvitation, AnswerInvitation.question_id == Question.id)
        .where(AnswerInvitation.user_id == user.id, *_open_to(user))
        .options(*_list_options())
        .order_by(AnswerInvitation.created_at, Question.id)
        .limit(limit)
    ).all()
    category_ids = _strongest(Question.category_id, None, user, config["FOR_YOU_CATEGORIES"])
    tag_ids = _strongest(question_tags.c.tag_id, question_tags, user, config["FOR_YOU_TAGS"])
    found = ForYou(invited=list(invited))
    if category_ids:
        found.categories = list(db.session.scalars(select(Category).where(Category.id.in_(category_ids))))
        found.categories.sort(key=lambda c: category_ids.index(c.id))
    if tag_ids:
        found.tags = list(db.session.scalars(select(Tag).where(Tag.id.in_(tag_ids))))
        found.tags.sort(key=lambda t: tag_ids.index(t.id))
    if not (category_ids or tag_ids):
        return found
    tagged = exists().where(question_tags.c.question_id == Question.id, question_tags.c.tag_id.in_(tag_ids))
    stmt = (
        select(Question)
        .where(
            Question.answer_count == 0,
            or_(Question.category_id.in_(category_ids), tagged),
            Question.id.notin_([q.id for q in found.invited]),
            *_open_to(user),
        )
        .options(*_list_options())
        .order_by(Question.created_at, Question.id)
        .limit(limit)
    )
    found.suggested = list(db.session.scalars(stmt))
    return found
