"""The rules that award badges, each run on the domain event that can make it true.

Every rule counts from the database (hidden posts never count: the visibility filter leaves them out)
and ``badges.award`` gives a badge once, so a rule may run any number of times: ``evaluate_member``
runs them all for one member (``flask reputation badges --all`` for everyone, after the rules change
or on an existing community).

An answer accepted by its own author is no solution here, as it earns no reputation.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, func, select, update

from community.core import signals
from community.core.database import utcnow
from community.core.extensions import db
from community.members.models import User
from community.questions.models import Answer, Question
from community.reputation import responsive
from community.reputation.badges import EXPERT, award, setting
from community.reputation.models import BadgeAward

#: Solution badges by the setting holding their count.
SOLUTION_BADGES = (
    ("solver", "BADGE_SOLVER_SOLUTIONS"),
    ("troubleshooter", "BADGE_TROUBLESHOOTER_SOLUTIONS"),
    ("master-troubleshooter", "BADGE_MASTER_SOLUTIONS"),
)


def _solutions(user_id: int, category_id: int | None = None) -> int:
    """Answers of the member accepted by someone else (in one category, when given)."""
    stmt = (
        select(func.count(Answer.id))
        .join(Question, Question.accepted_answer_id == Answer.id)
        .where(Answer.author_id == user_id, Question.author_id.is_distinct_from(user_id))
    )
    if category_id is not None:
        stmt = stmt.where(Question.category_id == category_id)
    return db.session.scalar(stmt) or 0


def _answer_days(user_id: int, since) -> int:
    """Distinct UTC days on which the member answered since ``since``."""
    day = func.date(Answer.created_at)
    stmt = select(func.count(func.distinct(day))).where(Answer.author_id == user_id, Answer.created_at >= since)
    return db.session.scalar(stmt) or 0


def _member(user_id: int | None) -> User | None:
    user = db.session.get(User, user_id) if user_id is not None else None
    return None if user is None or user.is_deleted else user


def check_answer(answer: Answer) -> None:
    """First answer, answering streak and Responsive, for the answer's author."""
    user = _member(answer.author_id)
    if user is None or answer.hidden_at is not None:
        return
    award(user, "first-answer", answer)
    days = int(setting("BADGE_STREAK_DAYS"))
    today = utcnow().replace(hour=0, minute=0, second=0, microsecond=0)
    if days > 0 and _answer_days(user.id, today - timedelta(days=days - 1)) >= days:
        award(user, "answer-streak", answer)
    responsive.evaluate(user)


def check_solutions(answer: Answer) -> None:
    """First solution, the solution counts and the category's expert, for the accepted answer's author."""
    question = answer.question
    user = _member(answer.author_id)
    if user is None or question.author_id == user.id or answer.hidden_at is not None:
        return
    total = _solutions(user.id)
    if total >= 1:
        award(user, "first-solution", answer)
    for slug, name in SOLUTION_BADGES:
        if total >= int(setting(name)):
            award(user, slug, answer)
    if _solutions(user.id, question.category_id) >= int(setting("BADGE_EXPERT_SOLUTIONS")):
        award(user, EXPERT, answer, category_id=question.category_id)


def check_score(post) -> None:
    """Helpful (an answer) or Good question (a question) once the post's score reaches the threshold."""
    user = _member(post.author_id)
    if user is None or post.hidden_at is not None:
        return
    slug, name = (
        ("good-question", "BADGE_GOOD_QUESTION_SCORE")
        if isinstance(post, Question)
        else (
            "helpful",
            "BADGE_HELPFUL_SCORE",
        )
    )
    if post.score >= int(setting(name)):
        award(user, slug, post)


def check_profile(user: User) -> None:
    if len((user.bio or "").strip()) >= int(setting("BADGE_PROFILE_BIO_MIN")) and user.locale:
        award(user, "complete-profile")


def check_promotion(user_id: int, answer_id: int | None) -> None:
    user = _member(user_id)
    answer = db.session.get(Answer, answer_id) if answer_id is not None else None
    if user is not None:
        award(user, "kb-author", answer)


def evaluate_member(user: User) -> None:
    """Run every rule for ``user`` on what they have done so far (awards are dated now)."""
    from community.reputation.models import ReputationEvent

    if user.is_deleted:
        return
    check_profile(user)
    answers = select(Answer).where(Answer.author_id == user.id)
    first = db.session.scalar(answers.order_by(Answer.created_at, Answer.id).limit(1))
    if first is not None:
        award(user, "first-answer", first)
    accepted = db.session.scalars(
        answers.join(Question, Question.accepted_answer_id == Answer.id)
        .where(Question.author_id.is_distinct_from(user.id))
        .order_by(Answer.created_at, Answer.id)
    ).all()
    seen = set()
    for answer in accepted:  # once per category: the counts are the member's, the expert badge per category
        if answer.question.category_id not in seen:
            seen.add(answer.question.category_id)
            check_solutions(answer)
    for model in (Answer, Question):
        best = db.session.scalar(
            select(model).where(model.author_id == user.id).order_by(model.score.desc(), model.id).limit(1)
        )
        if best is not None:
            check_score(best)
    promoted = db.session.scalar(
        select(ReputationEvent.post_id)
        .where(
            ReputationEvent.user_id == user.id,
            ReputationEvent.event == "answer_promoted",
            ReputationEvent.points >= 0,
            ReputationEvent.reverses_id.is_(None),
        )
        .limit(1)
    )
    if promoted is not None:
        check_promotion(user.id, promoted)
    responsive.evaluate(user)


# Receivers of the domain events.


def _answer_posted(actor, answer: Answer, **extra) -> None:
    check_answer(answer)


def _answer_accepted(actor, answer: Answer, **extra) -> None:
    check_solutions(answer)


def _vote_cast(actor, target, value: int, previous: int, **extra) -> None:
    if value > previous:
        check_score(target)


def _profile_saved(actor, user: User, **extra) -> None:
    check_profile(user)


def _reputation_changed(actor, user, entry, **extra) -> None:
    """The ledger credits an answer promoted into the knowledge base: its author is a knowledge-base author."""
    if entry.event == "answer_promoted" and entry.reverses_id is None and entry.post_type == "answer":
        check_promotion(entry.user_id, entry.post_id)


def _content_hidden(actor, target, **extra) -> None:
    """Moderation hid a post: the badges it earned go (a later post may earn them again)."""
    if isinstance(target, Answer | Question):
        post_type = "question" if isinstance(target, Question) else "answer"
        db.session.execute(
            delete(BadgeAward).where(
                BadgeAward.post_type == post_type, BadgeAward.post_id == target.id, BadgeAward.badge != responsive.SLUG
            ),
            execution_options={"synchronize_session": "fetch"},
        )


def _content_restored(actor, target, **extra) -> None:
    """A hidden post put back earns again what it earns."""
    if isinstance(target, Answer):
        check_answer(target)
        if target.question.accepted_answer_id == target.id:
            check_solutions(target)
    if isinstance(target, Answer | Question):
        check_score(target)


def _held_post_released(actor, item, **extra) -> None:
    """A held answer approved by moderation counts as posted now."""
    if item.target_type == "answer" and item.decision in ("approved", "restored"):
        answer = db.session.get(Answer, item.target_id)
        if answer is not None:
            check_answer(answer)


def demo_loaded(sender=None, users: dict | None = None, **extra) -> str | None:
    """Receiver of ``demo_loaded``: the rules run again on the demo's final dates (the loader dates
    posts after creating them), and each award takes the date of the post that earned it."""
    from community.notifications.models import Notification

    for user in (users or {}).values():
        evaluate_member(user)
    for model, post_type in ((Answer, "answer"), (Question, "question")):
        posted = select(model.created_at).where(model.id == BadgeAward.post_id).scalar_subquery()
        db.session.execute(
            update(BadgeAward).where(BadgeAward.post_type == post_type).values(awarded_at=posted),
            execution_options={"synchronize_session": False},
        )
    awarded = select(BadgeAward.awarded_at).where(BadgeAward.id == Notification.target_id).scalar_subquery()
    db.session.execute(
        # An award taken back since (a demo post hidden by moderation) leaves its notice's date alone.
        update(Notification)
        .where(Notification.target_type == "badge")
        .values(created_at=func.coalesce(awarded, Notification.created_at)),
        execution_options={"synchronize_session": False},
    )
    responsive.sweep()
    db.session.expire_all()
    count = db.session.scalar(select(func.count()).select_from(BadgeAward).where(BadgeAward.withdrawn_at.is_(None)))
    return f"Badges: {count} held by the demo's members." if count else None


def connect() -> None:
    signals.demo_loaded.connect(demo_loaded, weak=False)
    signals.answer_posted.connect(_answer_posted, weak=False)
    signals.answer_accepted.connect(_answer_accepted, weak=False)
    signals.vote_cast.connect(_vote_cast, weak=False)
    signals.profile_saved.connect(_profile_saved, weak=False)
    signals.reputation_changed.connect(_reputation_changed, weak=False)
    signals.queue_item_decided.connect(_held_post_released, weak=False)
    signals.content_hidden.connect(_content_hidden, weak=False)
    signals.content_restored.connect(_content_restored, weak=False)
