"""The sweep: a question nobody answered in time becomes an advisor case of its own.

A question is due when it is visible, open (not closed, not locked), has no visible answer and was
asked longer ago than its category's delay: ``Category.escalation_hours`` hours, or
``ESCALATION_DELAY_HOURS`` when the category leaves it empty; 0 means never. A question stays due
for ``ESCALATION_SWEEP_WINDOW_DAYS`` days after that (0: for ever), so that turning the sweep on
does not bring every old unanswered thread to the advisors at once.

The case is opened for the asker (source "sweep", subject the title, message the start of the
question, question linked) and ``question_escalated`` tells the asker. ``Case.swept_question_id``
is unique: two workers sweeping at once, or a second run, add nothing. ``flask escalations sweep``
runs it (cron-friendly); each worker also runs it every ``ESCALATION_SWEEP_SECONDS`` in a
background thread, one sweeper at a time, as the mail sender does.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from flask import Flask, current_app
from sqlalchemy import and_, exists, false, or_, select
from sqlalchemy.exc import IntegrityError

from community.core import signals
from community.core.background import every, exclusive
from community.core.database import utcnow
from community.core.errors import DomainError
from community.core.extensions import db
from community.core.markup import plain_text
from community.escalation.models import Case
from community.members.models import User
from community.questions.models import Answer, Question
from community.taxonomy.models import Category

log = logging.getLogger("entraide.escalation")

#: The case's message: the start of the question, as plain text (the case links the thread).
MESSAGE_CHARS = 1000
LOCK_ID = 7_214_223


def delay_hours(category: Category) -> int:
    """Hours a question of ``category`` may wait for an answer (0: never escalated)."""
    hours = category.escalation_hours
    return int(current_app.config["ESCALATION_DELAY_HOURS"] if hours is None else hours)


def _asked_in_time(now: datetime):
    """Per category: asked before its delay ran out, and within the window after that."""
    window = int(current_app.config["ESCALATION_SWEEP_WINDOW_DAYS"])
    conditions = []
    for category_id, hours in db.session.execute(select(Category.id, Category.escalation_hours)):
        hours = int(current_app.config["ESCALATION_DELAY_HOURS"] if hours is None else hours)
        if hours <= 0:
            continue
        due_at = now - timedelta(hours=hours)
        condition = and_(Question.category_id == category_id, Question.created_at <= due_at)
        if window > 0:
            condition = and_(condition, Question.created_at > due_at - timedelta(days=window))
        conditions.append(condition)
    return or_(*conditions) if conditions else false()


def due_questions(now: datetime | None = None) -> list[Question]:
    """The questions the sweep would turn into cases now, oldest first."""
    now = now or utcnow()
    answered = exists().where(Answer.question_id == Question.id, Answer.hidden_at.is_(None))
    has_case = exists().where(or_(Case.swept_question_id == Question.id, Case.question_id == Question.id))
    return list(
        db.session.scalars(
            select(Question)
            .join(User, Question.author_id == User.id)
            .where(
                Question.hidden_at.is_(None),
                Question.status == "open",
                Question.locked.is_(False),
                Question.accepted_answer_id.is_(None),
                User.deleted_at.is_(None),
                ~answered,
                ~has_case,
                _asked_in_time(now),
            )
            .order_by(Question.created_at, Question.id)
        )
    )


def escalate(question: Question) -> Case | None:
    """Open the sweep's case for ``question``; None when another sweep did already (or it is refused).

    In a savepoint: a refusal or a lost race undoes only this question's case."""
    from community.escalation.operations import open_case

    try:
        with db.session.begin_nested():
            case = open_case(
                question.author,
                subject=question.title,
                message=plain_text(question.body, MESSAGE_CHARS),
                question=question,
                source="sweep",
            )
    except IntegrityError:
        return None
    except DomainError as err:
        log.warning("question %s not escalated: %s %s", question.id, err.message, err.fields)
        return None
    signals.question_escalated.send(None, case=case, question=question)
    return case


def sweep(now: datetime | None = None) -> list[Case]:
    """Turn every due question into a case; the caller commits. Returns the cases opened."""
    opened = []
    for question in due_questions(now):
        case = escalate(question)
        if case is not None:
            opened.append(case)
    return opened


def sweep_once(now: datetime | None = None) -> list[Case] | None:
    """``sweep`` and commit, unless another process is sweeping (then None)."""
    with exclusive("escalation_sweep", LOCK_ID) as acquired:
        if not acquired:
            return None
        opened = sweep(now)
        db.session.commit()
        return opened


def init_app(app: Flask) -> None:
    every(app, "ESCALATION_SWEEP_SECONDS", "escalation sweep", sweep_once)
