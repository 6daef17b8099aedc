"""Reading the queue: open items with their target, its author and its flags, loaded in a few
queries; and who moderates which category."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import g, has_request_context
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from community.core.database import INCLUDE_HIDDEN, is_hidden
from community.core.extensions import db
from community.core.pagination import Page, paginate
from community.members.models import User
from community.moderation.models import CategoryModerator, Flag, QueueItem
from community.questions.models import Answer, Comment, Question
from community.taxonomy.models import Category

POST_MODELS = {"question": Question, "answer": Answer, "comment": Comment}
EXCERPT = 280


@dataclass
class Entry:
    """A queue item as the queue page shows it: its target (None when gone), the target's author
    (the member themself for a reported member), the question it belongs to, and its flags."""

    item: QueueItem
    target: object | None
    author: User | None
    question: Question | None
    flags: list[Flag] = field(default_factory=list)

    @property
    def hidden(self) -> bool:
        return self.target is not None and is_hidden(self.target)

    @property
    def excerpt(self) -> str:
        if self.target is None or self.item.target_type == "user":
            return ""
        text = Markup(self.target.body_html).striptags()
        return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def moderated_category_ids(user) -> set[int]:
    """The categories whose queue ``user`` was given (once a request)."""
    if user is None or getattr(user, "id", None) is None:
        return set()
    cache = g.setdefault("moderated_categories", {}) if has_request_context() else {}
    if user.id not in cache:
        ids = db.session.scalars(select(CategoryModerator.category_id).where(CategoryModerator.user_id == user.id))
        cache[user.id] = set(ids)
    return cache[user.id]


def get_post(target_type: str, target_id: int):
    """A question, answer or comment, hidden or not; None when missing."""
    model = POST_MODELS.get(target_type)
    return None if model is None else db.session.get(model, target_id, execution_options={INCLUDE_HIDDEN: True})


def _question_of(post) -> Question | None:
    if isinstance(post, Question):
        return post
    if isinstance(post, Answer):
        return db.session.get(Question, post.question_id, execution_options={INCLUDE_HIDDEN: True})
    if isinstance(post, Comment):
        if post.question_id is not None:
            return db.session.get(Question, post.question_id, execution_options={INCLUDE_HIDDEN: True})
        answer = db.session.get(Answer, post.answer_id, execution_options={INCLUDE_HIDDEN: True})
        return None if answer is None else _question_of(answer)
    return None


def category_of(obj) -> int | None:
    """The category a queue item or a post belongs to (None for members)."""
    if isinstance(obj, QueueItem):
        return obj.category_id
    question = _question_of(obj)
    return None if question is None else question.category_id


def _visible_to(stmt, viewer):
    """Staff see every item; a category's moderators its posts' items only."""
    if viewer.is_staff:
        return stmt
    ids = moderated_category_ids(viewer)
    return stmt.where(QueueItem.category_id.in_(ids or {-1}), QueueItem.target_type != "user")


def open_items(viewer, *, reason: str | None = None, page: int = 1, per_page: int = 20) -> Page:
    """Items awaiting a decision that ``viewer`` may decide, oldest first."""
    stmt = _visible_to(select(QueueItem).where(QueueItem.decided_at.is_(None)), viewer)
    if reason:
        stmt = stmt.where(QueueItem.reason == reason)
    return paginate(stmt.order_by(QueueItem.created_at, QueueItem.id), page, per_page)


def decided_items(viewer, *, page: int = 1, per_page: int = 20) -> Page:
    """Items decided, newest decision first."""
    stmt = _visible_to(select(QueueItem).where(QueueItem.decided_at.is_not(None)), viewer)
    stmt = stmt.options(selectinload(QueueItem.decided_by))
    return paginate(stmt.order_by(QueueItem.decided_at.desc(), QueueItem.id.desc()), page, per_page)


def get_item(viewer, item_id: int) -> QueueItem | None:
    """The item when ``viewer`` may see it."""
    return db.session.scalar(_visible_to(select(QueueItem).where(QueueItem.id == item_id), viewer))


def flags_by_target(items: list[QueueItem]) -> dict[tuple[str, int], list[Flag]]:
    """Every flag on the items' targets (decided ones too), oldest first, flaggers loaded."""
    found: dict[tuple[str, int], list[Flag]] = {(i.target_type, i.target_id): [] for i in items}
    by_type: dict[str, set[int]] = {}
    for item in items:
        by_type.setdefault(item.target_type, set()).add(item.target_id)
    for target_type, ids in by_type.items():
        stmt = (
            select(Flag)
            .where(Flag.target_type == target_type, Flag.target_id.in_(ids))
            .options(selectinload(Flag.user))
            .order_by(Flag.created_at, Flag.id)
        )
        for flag in db.session.scalars(stmt):
            found[(flag.target_type, flag.target_id)].append(flag)
    return found


def entries(items: list[QueueItem]) -> list[Entry]:
    """The items with their targets, authors, questions and flags."""
    targets: dict[tuple[str, int], object] = {}
    by_type: dict[str, set[int]] = {}
    for item in items:
        by_type.setdefault(item.target_type, set()).add(item.target_id)
    for target_type, ids in by_type.items():
        model = POST_MODELS.get(target_type, User if target_type == "user" else None)
        if model is None:
            continue
        stmt = select(model).where(model.id.in_(ids)).execution_options(**{INCLUDE_HIDDEN: True})
        if model is not User:
            stmt = stmt.options(selectinload(model.author))
        for target in db.session.scalars(stmt):
            targets[(target_type, target.id)] = target
    flags = flags_by_target(items)
    result = []
    for item in items:
        target = targets.get((item.target_type, item.target_id))
        author = target if item.target_type == "user" else getattr(target, "author", None)
        question = _question_of(target) if target is not None and item.target_type != "user" else None
        result.append(Entry(item, target, author, question, flags[(item.target_type, item.target_id)]))
    return result


def moderators() -> list[tuple[User, list[Category]]]:
    """Each member given a category's queue, by name, with their categories by name."""
    rows = db.session.execute(
        select(User, Category)
        .join(CategoryModerator, CategoryModerator.user_id == User.id)
        .join(Category, Category.id == CategoryModerator.category_id)
        .order_by(User.display_name, User.id, Category.name)
    )
    grouped: dict[int, tuple[User, list[Category]]] = {}
    for user, category in rows:
        grouped.setdefault(user.id, (user, []))[1].append(category)
    return list(grouped.values())


def ambassadors() -> list[User]:
    return list(db.session.scalars(select(User).where(User.role == "ambassador").order_by(User.display_name, User.id)))
