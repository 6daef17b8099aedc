"""What a profile shows of reputation: rank and the next one, the chart, current badges, the
member's best answers and, on one's own profile, the privileges reputation unlocks."""

from __future__ import annotations

from sqlalchemy import case, select
from sqlalchemy.orm import contains_eager

from community.core.database import visible
from community.core.extensions import db
from community.questions.models import Answer, Question
from community.reputation import privileges, ranks
from community.reputation.chart import reputation_chart

BEST_ANSWERS = 5


def best_answers(user, viewer=None, size: int = BEST_ANSWERS) -> list[Answer]:
    """The member's answers the viewer may see: accepted ones first, then by score, then newest."""
    accepted = case((Question.accepted_answer_id == Answer.id, 1), else_=0)
    stmt = (
        visible(select(Answer), viewer)
        .join(Answer.question)
        .where(Answer.author_id == user.id, Answer.score > 0)
        .options(contains_eager(Answer.question))
        .order_by(accepted.desc(), Answer.score.desc(), Answer.created_at.desc())
        .limit(size)
    )
    return list(db.session.scalars(stmt))


def badges(user) -> list[dict]:
    """``[{slug, name, tier, awarded_at}]`` the member holds now; gold first, then newest."""
    from community.reputation.badges import badges_of

    order = {"gold": 0, "silver": 1, "bronze": 2}
    held = sorted(badges_of(user), key=lambda b: b["awarded_at"], reverse=True)
    return sorted(held, key=lambda b: order.get(b["tier"], 3))


def reputation_profile(user, viewer=None) -> dict:
    own = viewer is not None and getattr(viewer, "id", None) == user.id
    return {
        "rank": ranks.rank_of(user),
        "next_rank": None if user.is_staff else ranks.next_rank(user.reputation or 0),
        "chart": reputation_chart(user.id),
        "badges": badges(user),
        "best_answers": best_answers(user, viewer),
        "privileges": privileges.table(user) if own and not user.is_staff else [],
    }
