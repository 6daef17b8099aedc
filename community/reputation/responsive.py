"""The rolling Responsive badge: held while at least ``RESPONSIVE_SHARE`` of the member's first answers
(answers with a ``response_seconds``) of the last ``RESPONSIVE_DAYS`` days came within
``RESPONSIVE_SECONDS`` of the question, with ``RESPONSIVE_MIN`` such answers at least.

It is evaluated when the member posts an answer, and for everyone by the sweep: the window slides, so
the badge lapses (or holds again) without the member doing anything. ``flask reputation badges`` runs
the sweep (cron-friendly); each worker also runs it every ``BADGE_SWEEP_SECONDS`` in a background
thread, one sweeper at a time, as the escalation sweep does.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import Flask, current_app
from sqlalchemy import case, func, select

from community.core.background import every, exclusive
from community.core.database import utcnow
from community.core.extensions import db
from community.members.models import User
from community.questions.models import Answer
from community.reputation.badges import award, withdraw
from community.reputation.models import BadgeAward

SLUG = "responsive"
LOCK_ID = 7_214_316


def _window(now: datetime):
    """Per member: first answers in the window, and how many of them came in time."""
    config = current_app.config
    fast = func.sum(case((Answer.response_seconds <= int(config["RESPONSIVE_SECONDS"]), 1), else_=0))
    return (
        select(Answer.author_id, func.count(Answer.id), fast)
        .where(
            Answer.response_seconds.is_not(None),
            Answer.author_id.is_not(None),
            Answer.created_at > now - timedelta(days=int(config["RESPONSIVE_DAYS"])),
            Answer.created_at <= now,
        )
        .group_by(Answer.author_id)
    )


def _holds(total: int, fast: int) -> bool:
    config = current_app.config
    return total >= max(int(config["RESPONSIVE_MIN"]), 1) and fast >= float(config["RESPONSIVE_SHARE"]) * total


def _apply(user: User, holds: bool, now: datetime) -> None:
    if holds:
        award(user, SLUG, at=now)
    else:
        withdraw(user, SLUG, at=now)


def evaluate(user: User, now: datetime | None = None) -> bool:
    """Award, keep or withdraw the member's Responsive badge; True when they hold it."""
    now = now or utcnow()
    row = db.session.execute(_window(now).where(Answer.author_id == user.id)).first()
    holds = row is not None and _holds(row[1], int(row[2] or 0))
    _apply(user, holds, now)
    return holds


def sweep(now: datetime | None = None) -> tuple[int, int]:
    """Evaluate every member who holds the badge or has enough first answers in the window; the caller
    commits. Returns (members holding it, withdrawn by this run)."""
    now = now or utcnow()
    counts = {author: (total, int(fast or 0)) for author, total, fast in db.session.execute(_window(now))}
    holders = set(
        db.session.scalars(
            select(BadgeAward.user_id).where(BadgeAward.badge == SLUG, BadgeAward.withdrawn_at.is_(None))
        )
    )
    candidates = holders | {
        uid for uid, (total, _fast) in counts.items() if total >= int(current_app.config["RESPONSIVE_MIN"])
    }
    held = withdrawn = 0
    for user in db.session.scalars(select(User).where(User.id.in_(candidates)).order_by(User.id)) if candidates else ():
        holds = not user.is_deleted and _holds(*counts.get(user.id, (0, 0)))
        _apply(user, holds, now)
        held += holds
        withdrawn += (not holds) and user.id in holders
    return held, withdrawn


def sweep_once(now: datetime | None = None) -> tuple[int, int] | None:
    """``sweep`` and commit, unless another process is sweeping (then None)."""
    with exclusive("badge_sweep", LOCK_ID) as acquired:
        if not acquired:
            return None
        result = sweep(now)
        db.session.commit()
        return result


def init_app(app: Flask) -> None:
    every(app, "BADGE_SWEEP_SECONDS", "badge sweep", sweep_once)
