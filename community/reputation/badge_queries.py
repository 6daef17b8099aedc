"""Reads for the badge pages: how many members hold each badge, and who holds one."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from community.core.extensions import db
from community.core.pagination import Page, paginate
from community.members.models import User
from community.questions.models import Answer, Question
from community.reputation.badges import CATALOGUE, Badge, category_names_of, split_key
from community.reputation.models import BadgeAward

HOLDERS_PER_PAGE = 30


def _held():
    """Awards held now by members who still have an account."""
    return (
        select(BadgeAward)
        .join(User, User.id == BadgeAward.user_id)
        .where(BadgeAward.withdrawn_at.is_(None), User.deleted_at.is_(None))
    )


def _matching(stmt, badge: Badge):
    if badge.per_category:
        return stmt.where(BadgeAward.badge.like(f"{badge.slug}:%"))
    return stmt.where(BadgeAward.badge == badge.slug)


def holder_counts() -> dict[str, int]:
    """Members holding each badge now, by slug (a member expert in two categories counts once)."""
    plain = _held().with_only_columns(BadgeAward.badge, func.count()).group_by(BadgeAward.badge)
    counts = dict(db.session.execute(plain).all())
    for badge in CATALOGUE:
        if badge.per_category:
            members = _matching(_held(), badge).with_only_columns(func.count(func.distinct(BadgeAward.user_id)))
            counts[badge.slug] = db.session.scalar(members) or 0
    return {badge.slug: counts.get(badge.slug, 0) for badge in CATALOGUE}


def held_by(user) -> set[str]:
    """Slugs of the badges ``user`` holds now."""
    if user is None or not getattr(user, "is_authenticated", False):
        return set()
    keys = db.session.scalars(
        select(BadgeAward.badge).where(BadgeAward.user_id == user.id, BadgeAward.withdrawn_at.is_(None))
    )
    return {split_key(key)[0] for key in keys}


@dataclass
class Holder:
    award: BadgeAward
    user: User
    category: str | None
    #: The post that earned it, when it is still visible: (question, answer or None).
    question: Question | None = None
    answer: Answer | None = None


def holders(badge: Badge, page: int) -> Page:
    """The members holding ``badge`` now, most recent award first, with the post that earned it."""
    stmt = _matching(_held(), badge).options(selectinload(BadgeAward.user))
    result = paginate(stmt.order_by(BadgeAward.awarded_at.desc(), BadgeAward.id.desc()), page, HOLDERS_PER_PAGE)
    awards = result.items
    answers = _visible(Answer, [a.post_id for a in awards if a.post_type == "answer"])
    questions = _visible(Question, [a.post_id for a in awards if a.post_type == "question"])
    categories = category_names_of(split_key(a.badge)[1] for a in awards)
    items = []
    for award in awards:
        holder = Holder(award, award.user, categories.get(split_key(award.badge)[1]))
        if award.post_type == "answer" and award.post_id in answers:
            holder.answer = answers[award.post_id]
            holder.question = holder.answer.question
        elif award.post_type == "question":
            holder.question = questions.get(award.post_id)
        items.append(holder)
    result.items = items
    return result


def _visible(model, ids: list[int]) -> dict:
    """The posts among ``ids`` everyone may see (hidden ones leave through the visibility filter)."""
    if not ids:
        return {}
    stmt = select(model).where(model.id.in_(ids))
    if model is Answer:
        stmt = stmt.join(Question, Question.id == Answer.question_id).options(selectinload(Answer.question))
    return {post.id: post for post in db.session.scalars(stmt)}
