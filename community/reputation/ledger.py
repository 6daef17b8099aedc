"""The reputation ledger: every change is a row, every withdrawal an exact reversal (a row with
``reverses_id`` and the opposite points), and ``users.reputation`` moves in the same transaction.

A row's *source* is what earned it: a vote (``vote``, the vote's id), an acceptance (``answer``, the
accepted answer's id), a promotion into the knowledge base (``article``, the article's id). A source
has at most one *live* row (neither a reversal nor reversed). The receivers in ``events`` record the
community's events; the knowledge base records its promotions through ``record_promotion`` and
``withdraw_promotion`` and tells, through ``register_source``, whether a promotion still stands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from flask import current_app
from sqlalchemy import exists, func, or_, select, update
from sqlalchemy.orm import aliased

from community.core import signals
from community.core.database import INCLUDE_HIDDEN, is_hidden, utcnow
from community.core.extensions import db
from community.members.models import User
from community.questions.models import Answer, Question, Vote
from community.reputation.models import ReputationEvent

VOTE_EVENTS = {
    ("answer", 1): "answer_upvoted",
    ("answer", -1): "answer_downvoted",
    ("question", 1): "question_upvoted",
    ("question", -1): "question_downvoted",
}
#: The events whose points count toward the daily cap.
CAPPED_EVENTS = ("answer_upvoted", "question_upvoted")

#: source_type -> holds(row): whether what earned ``row`` still stands (restoring a hidden post
#: credits again only the sources that do).
_SOURCES: dict[str, Callable[[ReputationEvent], bool]] = {}


def register_source(source_type: str, holds: Callable[[ReputationEvent], bool]) -> None:
    _SOURCES[source_type] = holds


def points_for(event: str) -> int:
    return int(current_app.config["REPUTATION_POINTS"].get(event, 0))


def post_type(post) -> str:
    return "question" if isinstance(post, Question) else "answer"


def _category_id(post) -> int | None:
    if isinstance(post, Question):
        return post.category_id
    question = db.session.get(Question, post.question_id, execution_options={INCLUDE_HIDDEN: True})
    return question.category_id if question is not None else None


def _move_total(user_id: int, delta: int) -> None:
    db.session.execute(
        update(User).where(User.id == user_id).values(reputation=User.reputation + delta),
        execution_options={"synchronize_session": "fetch"},
    )


def _add(row: ReputationEvent) -> ReputationEvent:
    db.session.add(row)
    _move_total(row.user_id, row.points)
    db.session.flush()
    signals.reputation_changed.send(None, user=db.session.get(User, row.user_id), entry=row)
    return row


def credit(
    user_id: int | None,
    event: str,
    points: int,
    *,
    source_type: str,
    source_id: int,
    post=None,
    actor=None,
    at: datetime | None = None,
) -> ReputationEvent | None:
    """A new row giving ``points`` (maybe negative) to ``user_id``; None when there is nothing to give."""
    if user_id is None or not points:
        return None
    row = ReputationEvent(
        user_id=user_id,
        event=event,
        points=points,
        source_type=source_type,
        source_id=source_id,
        post_type=post_type(post) if post is not None else None,
        post_id=post.id if post is not None else None,
        category_id=_category_id(post) if post is not None else None,
        actor_id=getattr(actor, "id", None),
        created_at=at or utcnow(),
    )
    return _add(row)


def reverse(row: ReputationEvent, actor=None) -> ReputationEvent:
    """The exact reversal of ``row``: the same event, source and post, the opposite points."""
    reversal = ReputationEvent(
        user_id=row.user_id,
        event=row.event,
        points=-row.points,
        source_type=row.source_type,
        source_id=row.source_id,
        post_type=row.post_type,
        post_id=row.post_id,
        category_id=row.category_id,
        actor_id=getattr(actor, "id", None),
        reverses_id=row.id,
        created_at=utcnow(),
    )
    return _add(reversal)


def live(*criteria) -> list[ReputationEvent]:
    """The rows matching ``criteria`` that still count: not reversals, not reversed."""
    reversal = aliased(ReputationEvent)
    stmt = select(ReputationEvent).where(
        ReputationEvent.reverses_id.is_(None),
        ~exists().where(reversal.reverses_id == ReputationEvent.id),
        *criteria,
    )
    return list(db.session.scalars(stmt.order_by(ReputationEvent.id)))


def reverse_live(*criteria, actor=None) -> list[ReputationEvent]:
    return [reverse(row, actor) for row in live(*criteria)]


def _day_start(now: datetime) -> datetime:
    return datetime.combine(now.date(), time.min)


def room_today(user_id: int, now: datetime | None = None) -> int:
    """Points ``user_id`` may still earn from upvotes this UTC day (reversals of today's rows free room)."""
    start = _day_start(now or utcnow())
    original = aliased(ReputationEvent)
    earned = db.session.scalar(
        select(func.coalesce(func.sum(ReputationEvent.points), 0))
        .outerjoin(original, original.id == ReputationEvent.reverses_id)
        .where(
            ReputationEvent.user_id == user_id,
            ReputationEvent.event.in_(CAPPED_EVENTS),
            ReputationEvent.created_at >= start,
            or_(ReputationEvent.reverses_id.is_(None), original.created_at >= start),
        )
    )
    return max(0, int(current_app.config["REPUTATION_DAILY_VOTE_CAP"]) - int(earned))


def _too_new(voter) -> bool:
    days = current_app.config["REPUTATION_MIN_VOTER_AGE_DAYS"]
    created = getattr(voter, "created_at", None)
    return created is None or created > utcnow() - timedelta(days=days)


def record_vote(voter, target: Question | Answer, value: int, previous: int = 0) -> ReputationEvent | None:
    """A vote was cast, changed or withdrawn: reverse what the voter's former vote earned, then credit
    the new one (nothing for one's own post, a hidden post, a new account's vote; capped daily)."""
    kind = post_type(target)
    reverse_live(
        ReputationEvent.source_type == "vote",
        ReputationEvent.actor_id == voter.id,
        ReputationEvent.post_type == kind,
        ReputationEvent.post_id == target.id,
        actor=voter,
    )
    if value not in (1, -1) or target.author_id in (None, voter.id) or is_hidden(target) or _too_new(voter):
        return None
    event = VOTE_EVENTS[(kind, value)]
    points = points_for(event)
    if event in CAPPED_EVENTS and points > 0:
        points = min(points, room_today(target.author_id))
    column = Vote.question_id if kind == "question" else Vote.answer_id
    vote_id = db.session.scalar(select(Vote.id).where(Vote.user_id == voter.id, column == target.id))
    if vote_id is None:
        return None
    return credit(target.author_id, event, points, source_type="vote", source_id=vote_id, post=target, actor=voter)


def record_acceptance(actor, answer: Answer, previous: Answer | None = None) -> ReputationEvent | None:
    """The solution moved to ``answer``: the former one's points go, ``answer``'s author earns
    (not when they asked the question or accepted it themselves)."""
    if previous is not None:
        record_unacceptance(actor, previous)
    question = answer.question
    if answer.author_id in (None, question.author_id, getattr(actor, "id", None)) or is_hidden(answer):
        return None
    event = "answer_accepted"
    return credit(
        answer.author_id, event, points_for(event), source_type="answer", source_id=answer.id, post=answer, actor=actor
    )


def record_unacceptance(actor, answer: Answer) -> list[ReputationEvent]:
    return reverse_live(
        ReputationEvent.source_type == "answer",
        ReputationEvent.source_id == answer.id,
        ReputationEvent.event == "answer_accepted",
        actor=actor,
    )


def record_promotion(actor, answer: Answer, article_id: int) -> ReputationEvent | None:
    """``answer`` became the knowledge-base article ``article_id``: its author earns (not when they promoted it)."""
    if answer.author_id in (None, getattr(actor, "id", None)) or is_hidden(answer):
        return None
    event = "answer_promoted"
    return credit(
        answer.author_id,
        event,
        points_for(event),
        source_type="article",
        source_id=article_id,
        post=answer,
        actor=actor,
    )


def withdraw_promotion(actor, article_id: int) -> list[ReputationEvent]:
    return reverse_live(ReputationEvent.source_type == "article", ReputationEvent.source_id == article_id, actor=actor)


def _post_criteria(target) -> tuple:
    return ReputationEvent.post_type == post_type(target), ReputationEvent.post_id == target.id


def record_hidden(actor, target) -> list[ReputationEvent]:
    """A hidden question or answer: every live row about it is reversed (not its answers' rows)."""
    if not isinstance(target, Question | Answer):
        return []
    return reverse_live(*_post_criteria(target), actor=actor)


def record_restored(actor, target) -> list[ReputationEvent]:
    """A post put back: each source of its rows that still stands and no longer counts earns again
    what it last earned (a copy of its latest row)."""
    if not isinstance(target, Question | Answer):
        return []
    latest = {}
    originals = select(ReputationEvent).where(ReputationEvent.reverses_id.is_(None), *_post_criteria(target))
    for row in db.session.scalars(originals.order_by(ReputationEvent.id)):
        latest[(row.source_type, row.source_id)] = row
    counting = {(row.source_type, row.source_id) for row in live(*_post_criteria(target))}
    credited = []
    for key, row in latest.items():
        holds = _SOURCES.get(row.source_type)
        if key in counting or holds is None or not holds(row):
            continue
        credited.append(_add(_copy(row)))
    return credited


def _copy(row: ReputationEvent) -> ReputationEvent:
    """``row`` again, now: the same member, event, points, source, post and actor (the voter, so that
    withdrawing the vote later reverses this copy)."""
    names = (
        "user_id",
        "event",
        "points",
        "source_type",
        "source_id",
        "post_type",
        "post_id",
        "category_id",
        "actor_id",
    )
    return ReputationEvent(**{name: getattr(row, name) for name in names}, created_at=utcnow())


def _vote_holds(row: ReputationEvent) -> bool:
    vote = db.session.get(Vote, row.source_id)
    return (
        vote is not None
        and row.actor_id in (None, vote.user_id)
        and VOTE_EVENTS.get((row.post_type, vote.value)) == row.event
    )


def _acceptance_holds(row: ReputationEvent) -> bool:
    answer = db.session.get(Answer, row.source_id, execution_options={INCLUDE_HIDDEN: True})
    if answer is None:
        return False
    question = db.session.get(Question, answer.question_id, execution_options={INCLUDE_HIDDEN: True})
    return question is not None and question.accepted_answer_id == answer.id


register_source("vote", _vote_holds)
register_source("answer", _acceptance_holds)


@dataclass(frozen=True)
class Difference:
    user_id: int
    cached: int
    ledger: int


def differences() -> list[Difference]:
    """Members whose cached ``reputation`` is not the sum of their ledger."""
    totals = (
        select(ReputationEvent.user_id, func.sum(ReputationEvent.points).label("total"))
        .group_by(ReputationEvent.user_id)
        .subquery()
    )
    total = func.coalesce(totals.c.total, 0)
    stmt = (
        select(User.id, User.reputation, total)
        .outerjoin(totals, totals.c.user_id == User.id)
        .where(User.reputation != total)
        .order_by(User.id)
    )
    return [Difference(user_id, cached, int(ledger)) for user_id, cached, ledger in db.session.execute(stmt)]


def rebuild(check: bool = False) -> list[Difference]:
    """The differences between cached totals and the ledger; fixed unless ``check``."""
    found = differences()
    if not check:
        for difference in found:
            db.session.execute(
                update(User).where(User.id == difference.user_id).values(reputation=difference.ledger),
                execution_options={"synchronize_session": "fetch"},
            )
        db.session.flush()
    return found
