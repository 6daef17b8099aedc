"""Reads of the ledger: a member's history, their total and its course over time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from community.core.extensions import db
from community.questions.models import Answer, Question
from community.reputation.models import ReputationEvent


@dataclass(frozen=True)
class Entry:
    row: ReputationEvent
    #: The question the row is about (the answer's question for an answer), None when hidden or gone.
    question: Question | None


def history(user_id: int, limit: int = 20, before_id: int | None = None) -> list[Entry]:
    """The member's latest ledger rows, newest first, each with the (visible) question it is about."""
    stmt = select(ReputationEvent).where(ReputationEvent.user_id == user_id)
    if before_id is not None:
        stmt = stmt.where(ReputationEvent.id < before_id)
    rows = list(db.session.scalars(stmt.order_by(ReputationEvent.id.desc()).limit(limit)))
    answer_ids = {r.post_id for r in rows if r.post_type == "answer"}
    of_answer = dict(db.session.execute(select(Answer.id, Answer.question_id).where(Answer.id.in_(answer_ids))).all())
    question_ids = {r.post_id for r in rows if r.post_type == "question"} | set(of_answer.values())
    questions = {q.id: q for q in db.session.scalars(select(Question).where(Question.id.in_(question_ids)))}

    def question_of(row: ReputationEvent) -> Question | None:
        if row.post_type == "question":
            return questions.get(row.post_id)
        return questions.get(of_answer.get(row.post_id))

    return [Entry(row, question_of(row)) for row in rows]


def total(user_id: int, since: datetime | None = None) -> int:
    """The sum of the member's ledger (from ``since`` when given): their reputation, or what they gained."""
    stmt = select(func.coalesce(func.sum(ReputationEvent.points), 0)).where(ReputationEvent.user_id == user_id)
    if since is not None:
        stmt = stmt.where(ReputationEvent.created_at >= since)
    return int(db.session.scalar(stmt))


def daily_totals(user_id: int) -> list[tuple[date, int]]:
    """The member's reputation at the end of each day it changed, oldest first (one grouped query)."""
    day = func.date(ReputationEvent.created_at)
    stmt = (
        select(day, func.sum(ReputationEvent.points))
        .where(ReputationEvent.user_id == user_id)
        .group_by(day)
        .order_by(day)
    )
    running, series = 0, []
    for value, points in db.session.execute(stmt):
        running += int(points)
        series.append((value if isinstance(value, date) else date.fromisoformat(str(value)), running))
    return series
