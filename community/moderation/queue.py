"""The one moderation queue: ``enqueue`` puts a target in it (or adds to its open item)."""

from __future__ import annotations

from sqlalchemy import select

from community.core.extensions import db
from community.moderation.models import QueueItem


def open_item(target_type: str, target_id: int) -> QueueItem | None:
    """The target's item awaiting a decision, if any."""
    return db.session.scalar(
        select(QueueItem).where(
            QueueItem.target_type == target_type,
            QueueItem.target_id == target_id,
            QueueItem.decided_at.is_(None),
        )
    )


def enqueue(
    target_type: str,
    target_id: int,
    reason: str,
    *,
    detail: str = "",
    weight: float = 0,
    category_id: int | None = None,
) -> QueueItem:
    """Open an item for the target, or add ``weight`` to its open one (its first reason stays)."""
    item = open_item(target_type, target_id)
    if item is None:
        item = QueueItem(
            target_type=target_type,
            target_id=target_id,
            reason=reason,
            detail=detail,
            weight=weight,
            category_id=category_id,
        )
        db.session.add(item)
    else:
        item.weight += weight
        if detail and detail not in item.detail:
            item.detail = f"{item.detail}\n{detail}".strip()
    db.session.flush()
    return item
