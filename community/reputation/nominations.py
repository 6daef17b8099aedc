"""The ambassador programme's nomination list, and staff granting and revoking the role.

Members with enough answers are ranked by a quality score made of visible criteria: solution rate,
median time to a first answer, answers promoted into the knowledge base (the ledger's
``answer_promoted`` rows, net of reversals), upheld flags against their posts or profile, and
activity (questions and answers) in the last ``NOMINATION_ACTIVITY_DAYS``. Each criterion is scaled
to 0–1 and weighed by ``NOMINATION_WEIGHTS`` (upheld flags count against); the score is out of 100.
Every criterion is one SQL aggregate grouped by member; only the scores are computed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, case, func, select, union, union_all

from community.core import permissions
from community.core.database import including_hidden, utcnow
from community.core.extensions import db
from community.members import operations as members
from community.members.models import User
from community.moderation.models import Flag
from community.questions.models import Answer, Comment, Question
from community.reputation.leaderboards import median_responses, ranked_members
from community.reputation.models import ReputationEvent

CRITERIA = ("solution_rate", "response", "promoted", "activity", "upheld_flags")
#: Answers promoted, and posts in the activity window, that reach the full mark of their criterion.
PROMOTED_FULL = 5
ACTIVITY_FULL = 20
#: A median first answer this many seconds after the question scores half the response criterion.
RESPONSE_HALF = 3600
#: Upheld flags that cost the full weight of their criterion.
FLAGS_FULL = 3


@dataclass(frozen=True)
class Nominee:
    user: User
    score: float
    answers: int
    solutions: int
    solution_rate: float
    median_response: float | None
    promoted: int
    upheld_flags: int
    activity: int


def _customer(user, target) -> bool:
    return target is not None and target.role == "customer" and target.deleted_at is None


def _ambassador(user, target) -> bool:
    return target is not None and target.role == "ambassador"


ACTIONS = {
    "ambassador.nominations": [permissions.staff],
    "ambassador.grant": [permissions.staff, _customer],
    "ambassador.revoke": [permissions.staff, _ambassador],
}
REASONS = {
    _customer: _l("Only a member without another role can be made an ambassador."),
    _ambassador: _l("This member is not an ambassador."),
}


def grant(actor, user: User) -> User:
    """Make ``user`` an ambassador (staff; audited as a role change)."""
    permissions.require(actor, "ambassador.grant", user)
    return members.set_role(actor, user, "ambassador")


def revoke(actor, user: User) -> User:
    """Take the ambassador role back: ``user`` is a member again (staff; audited)."""
    permissions.require(actor, "ambassador.revoke", user)
    return members.set_role(actor, user, "customer")


def _answer_counts(min_answers: int, now: datetime) -> dict[int, tuple[int, int]]:
    """``{member: (answers, solutions)}`` of ranked members with ``min_answers`` answers or more: two
    index-only aggregates (answers by author; accepted answers through the questions) rather than a
    join of every answer with its question."""
    members = select(User.id).where(ranked_members(now))
    count = func.count(Answer.id)
    answered = dict(
        db.session.execute(
            select(Answer.author_id, count)
            .where(Answer.author_id.in_(members))
            .group_by(Answer.author_id)
            .having(count >= min_answers)
        ).all()
    )
    if not answered:
        return {}
    solved = dict(
        db.session.execute(
            select(Answer.author_id, func.count(Question.id))
            .join(Answer, Answer.id == Question.accepted_answer_id)
            .where(Answer.author_id.in_(list(answered)))
            .group_by(Answer.author_id)
        ).all()
    )
    return {author: (n, int(solved.get(author, 0))) for author, n in answered.items()}


def _promoted(user_ids) -> dict[int, int]:
    net = func.sum(case((ReputationEvent.reverses_id.is_(None), 1), else_=-1))
    stmt = (
        select(ReputationEvent.user_id, net)
        .where(ReputationEvent.event == "answer_promoted", ReputationEvent.user_id.in_(user_ids))
        .group_by(ReputationEvent.user_id)
    )
    return {user_id: int(n) for user_id, n in db.session.execute(stmt) if n}


def _upheld_flags(user_ids) -> dict[int, int]:
    """Posts (hidden ones too: upheld flags usually hide them) and profiles with an upheld flag."""
    upheld = Flag.outcome == "upheld"
    targets = [
        select(Flag.target_type, Flag.target_id, model.author_id.label("user_id"))
        .join(model, and_(Flag.target_type == kind, Flag.target_id == model.id))
        .where(upheld, model.author_id.in_(user_ids))
        for kind, model in (("question", Question), ("answer", Answer), ("comment", Comment))
    ]
    targets.append(
        select(Flag.target_type, Flag.target_id, Flag.target_id.label("user_id")).where(
            upheld, Flag.target_type == "user", Flag.target_id.in_(user_ids)
        )
    )
    flagged = union(*targets).subquery()
    stmt = including_hidden(select(flagged.c.user_id, func.count()).group_by(flagged.c.user_id))
    return dict(db.session.execute(stmt).all())


def _activity(user_ids, since: datetime) -> dict[int, int]:
    posts = union_all(
        select(Question.author_id.label("user_id")).where(
            Question.author_id.in_(user_ids), Question.created_at >= since
        ),
        select(Answer.author_id.label("user_id")).where(Answer.author_id.in_(user_ids), Answer.created_at >= since),
    ).subquery()
    stmt = select(posts.c.user_id, func.count()).group_by(posts.c.user_id)
    return dict(db.session.execute(stmt).all())


def _scaled(nominee: dict) -> dict[str, float]:
    median = nominee["median_response"]
    return {
        "solution_rate": nominee["solution_rate"],
        "response": 0.0 if median is None else RESPONSE_HALF / (RESPONSE_HALF + median),
        "promoted": min(nominee["promoted"], PROMOTED_FULL) / PROMOTED_FULL,
        "activity": min(nominee["activity"], ACTIVITY_FULL) / ACTIVITY_FULL,
        "upheld_flags": -min(nominee["upheld_flags"], FLAGS_FULL) / FLAGS_FULL,
    }


def score(nominee: dict, weights: dict[str, float]) -> float:
    """0–100: the weighed criteria over the weights of the positive ones (flags only take away)."""
    scaled = _scaled(nominee)
    best = sum(weight for name, weight in weights.items() if name != "upheld_flags" and weight > 0) or 1
    total = sum(weights.get(name, 0) * value for name, value in scaled.items())
    return round(max(total, 0) / best * 100, 1)


def nomination_list(now: datetime | None = None, limit: int | None = None) -> list[Nominee]:
    """Members with at least ``NOMINATION_MIN_ANSWERS`` answers, best score first (then most answers)."""
    config = current_app.config
    now = now or utcnow()
    counts = _answer_counts(config["NOMINATION_MIN_ANSWERS"], now)
    ids = list(counts)
    if not ids:
        return []
    medians = median_responses(ids)
    promoted = _promoted(ids)
    flags = _upheld_flags(ids)
    activity = _activity(ids, now - timedelta(days=config["NOMINATION_ACTIVITY_DAYS"]))
    weights = config["NOMINATION_WEIGHTS"]
    rows = []
    for user_id, (answers, solutions) in counts.items():
        row = {
            "answers": answers,
            "solutions": solutions,
            "solution_rate": solutions / answers,
            "median_response": medians.get(user_id),
            "promoted": max(promoted.get(user_id, 0), 0),
            "upheld_flags": flags.get(user_id, 0),
            "activity": activity.get(user_id, 0),
        }
        rows.append((score(row, weights), user_id, row))
    rows.sort(key=lambda item: (-item[0], -item[2]["answers"], item[1]))
    rows = rows[: limit or config["NOMINATION_LIST_SIZE"]]
    users = {user.id: user for user in db.session.scalars(select(User).where(User.id.in_([r[1] for r in rows])))}
    return [Nominee(user=users[user_id], score=value, **row) for value, user_id, row in rows]
