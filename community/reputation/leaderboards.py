"""Leaderboards: who helped most this week, this month and ever, overall or in one category.

Members are ranked by the reputation they gained in the period (the ledger; all time overall: the
cached ``users.reputation``), then the top of the board gets its figures: answers posted in the
period, how many are the solution, the solution rate and the median time to a first answer
(``answers.response_seconds``). Each figure is one SQL aggregate over the board's members only
(indexed on the author), never a loop over rows, so a board stays fast at any size of community.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import and_, case, func, or_, select

from community.core.database import utcnow
from community.core.extensions import db
from community.members.models import STAFF_ROLES, User
from community.questions.models import Answer, Question
from community.reputation.models import ReputationEvent

PERIODS = ("week", "month", "all")


@dataclass(frozen=True)
class Standing:
    rank: int
    user: User
    gained: int
    answers: int
    solutions: int
    #: Solutions / answers, None without answers in the period.
    solution_rate: float | None
    #: Median seconds from the question to the member's first answers, None without any.
    median_response: float | None


def period_start(period: str, now: datetime | None = None) -> datetime | None:
    """The period's first moment (UTC): Monday 00:00 for ``week``, the 1st for ``month``, None for ``all``."""
    now = now or utcnow()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if period == "week":
        return midnight - timedelta(days=midnight.weekday())
    if period == "month":
        return midnight.replace(day=1)
    return None


def ranked_members(now: datetime | None = None):
    """Members a board or the nomination list may show: not staff, not deleted, not suspended."""
    now = now or utcnow()
    return and_(
        User.role.notin_(STAFF_ROLES),
        User.deleted_at.is_(None),
        or_(User.suspended_until.is_(None), User.suspended_until <= now),
    )


def _gains(start: datetime | None, category_id: int | None, now: datetime):
    """(user, points gained) of the board's members, best first, as a statement to limit."""
    if start is None and category_id is None:
        gained = User.reputation
        stmt = select(User, gained.label("gained")).where(gained > 0)
    else:
        total = func.sum(ReputationEvent.points)
        ledger = select(ReputationEvent.user_id, total.label("gained")).group_by(ReputationEvent.user_id)
        if start is not None:
            ledger = ledger.where(ReputationEvent.created_at >= start)
        if category_id is not None:
            ledger = ledger.where(ReputationEvent.category_id == category_id)
        ledger = ledger.having(total > 0).subquery()
        gained = ledger.c.gained
        stmt = select(User, gained).join(ledger, ledger.c.user_id == User.id)
    return stmt.where(ranked_members(now)).order_by(gained.desc(), User.id)


def answer_figures(user_ids, start: datetime | None = None, category_id: int | None = None) -> dict[int, tuple]:
    """``{user_id: (answers, solutions)}`` for the visible answers of ``user_ids`` posted since ``start``."""
    if not user_ids:
        return {}
    solved = func.sum(case((Question.accepted_answer_id == Answer.id, 1), else_=0))
    stmt = (
        select(Answer.author_id, func.count(Answer.id), solved)
        .join(Question, Question.id == Answer.question_id)
        .where(Answer.author_id.in_(user_ids))
        .group_by(Answer.author_id)
    )
    stmt = _scoped(stmt, start, category_id)
    return {author: (count, int(solutions or 0)) for author, count, solutions in db.session.execute(stmt)}


def median_responses(user_ids, start: datetime | None = None, category_id: int | None = None) -> dict[int, float]:
    """``{user_id: median response_seconds}`` of the first answers of ``user_ids`` posted since ``start``.

    PostgreSQL's ``percentile_cont``; elsewhere (SQLite) the middle row(s) of each member's answers
    numbered in order by a window function, averaged: the same value, in SQL too.
    """
    if not user_ids:
        return {}
    seconds = Answer.response_seconds
    where = (Answer.author_id.in_(user_ids), seconds.is_not(None))
    if db.engine.dialect.name == "postgresql":
        median = func.percentile_cont(0.5).within_group(seconds.asc())
        stmt = _scoped(
            select(Answer.author_id, median).join(Question, Question.id == Answer.question_id).where(*where),
            start,
            category_id,
        ).group_by(Answer.author_id)
        return {author: float(value) for author, value in db.session.execute(stmt)}
    position = func.row_number().over(partition_by=Answer.author_id, order_by=(seconds, Answer.id))
    size = func.count().over(partition_by=Answer.author_id)
    numbered = _scoped(
        select(Answer.author_id.label("author_id"), seconds.label("seconds"), position.label("n"), size.label("size"))
        .join(Question, Question.id == Answer.question_id)
        .where(*where),
        start,
        category_id,
    ).subquery()
    middle = numbered.c.n.in_(((numbered.c.size + 1) // 2, (numbered.c.size + 2) // 2))
    stmt = select(numbered.c.author_id, func.avg(numbered.c.seconds)).where(middle).group_by(numbered.c.author_id)
    return {author: float(value) for author, value in db.session.execute(stmt)}


def _scoped(stmt, start: datetime | None, category_id: int | None):
    if start is not None:
        stmt = stmt.where(Answer.created_at >= start)
    if category_id is not None:
        stmt = stmt.where(Question.category_id == category_id)
    return stmt


def leaderboard(
    period: str = "month", category_id: int | None = None, now: datetime | None = None, limit: int | None = None
) -> list[Standing]:
    """The board of ``period`` (``week``, ``month``, ``all``), in one category or all of them."""
    now = now or utcnow()
    limit = limit or current_app.config["LEADERBOARD_SIZE"]
    start = period_start(period, now)
    top = db.session.execute(_gains(start, category_id, now).limit(limit)).all()
    ids = [user.id for user, _ in top]
    figures = answer_figures(ids, start, category_id)
    medians = median_responses(ids, start, category_id)
    board = []
    for rank, (user, gained) in enumerate(top, start=1):
        answers, solutions = figures.get(user.id, (0, 0))
        board.append(
            Standing(
                rank=rank,
                user=user,
                gained=int(gained),
                answers=answers,
                solutions=solutions,
                solution_rate=solutions / answers if answers else None,
                median_response=medians.get(user.id),
            )
        )
    return board
