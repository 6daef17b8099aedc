"""Following questions, categories, tags and articles: the operations and who follows what."""

from __future__ import annotations

from sqlalchemy import select

from community.core import signals
from community.core.extensions import db
from community.core.permissions import require
from community.notifications.models import Follow

TARGETS = ("question", "category", "tag", "article")


def is_following(user, target_type: str, target_id: int) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return db.session.get(Follow, (user.id, target_type, target_id)) is not None


def follow(actor, target_type: str, target_id: int) -> Follow:
    """``actor`` follows the target (idempotent)."""
    require(actor, "notification.follow")
    if target_type not in TARGETS:
        raise ValueError(target_type)
    existing = db.session.get(Follow, (actor.id, target_type, target_id))
    if existing is not None:
        return existing
    row = Follow(user_id=actor.id, target_type=target_type, target_id=target_id)
    db.session.add(row)
    db.session.flush()
    signals.follow_changed.send(actor, target_type=target_type, target_id=target_id, following=True)
    return row


def unfollow(actor, target_type: str, target_id: int) -> None:
    require(actor, "notification.follow")
    row = db.session.get(Follow, (actor.id, target_type, target_id))
    if row is not None:
        db.session.delete(row)
        db.session.flush()
        signals.follow_changed.send(actor, target_type=target_type, target_id=target_id, following=False)


def followers(target_type: str, target_id: int) -> list[int]:
    """Ids of the members following the target."""
    return list(
        db.session.scalars(
            select(Follow.user_id).where(Follow.target_type == target_type, Follow.target_id == target_id)
        )
    )
