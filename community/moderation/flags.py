"""Members' flags: raising one, weighted by the flagger's role and past accuracy; hiding a post at
once when its open queue item's weight reaches the threshold; settling flags when staff decide; and
the author's request for a review of their hidden post.

A flag weighs ``FLAG_WEIGHTS[role]``. Once a member (not staff) has ``FLAG_ACCURACY_MIN_DECIDED``
decided flags, that weight is multiplied by ``0.5 + upheld / decided``: from half (every flag
dismissed) to one and a half (every flag upheld), as Discourse does. Profiles ("user") are only
queued as reported members, never hidden by flags.
"""

from __future__ import annotations

from collections import Counter

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import case, func, or_, select

from community.audit.models import AuditEntry
from community.core.database import INCLUDE_HIDDEN, is_hidden, utcnow
from community.core.errors import Conflict, DomainError, NotFound, ValidationError
from community.core.extensions import db
from community.core.permissions import require
from community.members.models import User
from community.moderation import operations as moderation
from community.moderation import queue
from community.moderation.models import FLAG_REASONS, HOLD_REASONS, OUTCOMES, Flag, QueueItem
from community.questions.models import Answer, Comment, Question

NOTE_MAX = 500
REASON_LABELS = {
    "spam": _l("Spam or advertising"),
    "abuse": _l("Rude or abusive"),
    "off_topic": _l("Off-topic"),
    "duplicate": _l("Duplicate"),
    "other": _l("Something else"),
}
MODELS = {"question": Question, "answer": Answer, "comment": Comment, "user": User}


def _not_own(user, obj) -> bool:
    if obj is None:
        return True
    owner = obj.id if isinstance(obj, User) else obj.author_id
    return owner is None or owner != user.id


def _not_suspended(user, obj) -> bool:
    return not getattr(user, "is_suspended", False)


def _author(user, obj) -> bool:
    return obj is not None and getattr(obj, "author_id", None) is not None and obj.author_id == user.id


ACTIONS = {
    "content.flag": [_not_own, _not_suspended],
    "content.request_review": [_author],
}
REASONS = {
    _not_own: _l("You cannot flag your own post or profile."),
    _not_suspended: _l("Your account is suspended."),
    _author: _l("Only the author can ask for a review."),
}
AUDIT_ACTIONS = {"content.hide_by_flags": _l("Hidden by members' flags")}


def question_of(post) -> Question | None:
    """The question a post belongs to, hidden or not (None when it is gone)."""
    if isinstance(post, Question):
        return post
    question_id = post.question_id
    if question_id is None:  # a comment on an answer
        answer = db.session.get(Answer, post.answer_id, execution_options={INCLUDE_HIDDEN: True})
        question_id = answer.question_id if answer is not None else None
    if question_id is None:
        return None
    return db.session.get(Question, question_id, execution_options={INCLUDE_HIDDEN: True})


def _shown(post) -> bool:
    """Neither the post nor what it hangs under (its answer, its question) is hidden."""
    if is_hidden(post):
        return False
    if isinstance(post, Comment) and post.answer_id is not None:
        answer = db.session.get(Answer, post.answer_id, execution_options={INCLUDE_HIDDEN: True})
        if answer is None or is_hidden(answer):
            return False
    question = question_of(post)
    return question is not None and not is_hidden(question)


def find(target_type: str, target_id: int):
    """The target row, hidden or not, or None (unknown type, missing row, deleted member)."""
    model = MODELS.get(target_type)
    if model is None:
        return None
    obj = db.session.get(model, target_id, execution_options={INCLUDE_HIDDEN: True})
    if obj is None or (target_type == "user" and obj.is_deleted):
        return None
    return obj


def visible_target(target_type: str, target_id: int):
    """The target as a member may flag it: NotFound when missing, or it or its question hidden."""
    obj = find(target_type, target_id)
    if obj is None or (target_type != "user" and not _shown(obj)):
        raise NotFound(_("This post or member does not exist, or is no longer shown."))
    return obj


def category_id_of(target) -> int | None:
    if isinstance(target, User):
        return None
    question = question_of(target)
    return question.category_id if question is not None else None


def target_type_of(target) -> str:
    return "user" if isinstance(target, User) else type(target).__name__.lower()


def accuracy(user) -> tuple[int, int]:
    """(upheld, decided) over the member's flags staff have decided on."""
    row = db.session.execute(
        select(
            func.count(Flag.id),
            func.coalesce(func.sum(case((Flag.outcome == "upheld", 1), else_=0)), 0),
        ).where(Flag.user_id == user.id, Flag.outcome.is_not(None))
    ).one()
    return int(row[1]), int(row[0])


def flag_weight(user) -> float:
    """What the member's next flag counts for (see the module's docstring)."""
    config = current_app.config
    weights = config["FLAG_WEIGHTS"]
    weight = float(weights.get(user.role, weights.get("customer", 1)))
    if user.is_staff:
        return weight
    upheld, decided = accuracy(user)
    if decided >= config["FLAG_ACCURACY_MIN_DECIDED"]:
        weight *= 0.5 + upheld / decided
    return round(weight, 3)


def has_flagged(user, target_type: str, target_id: int) -> bool:
    return (
        db.session.scalar(
            select(Flag.id).where(Flag.user_id == user.id, Flag.target_type == target_type, Flag.target_id == target_id)
        )
        is not None
    )


def _check(reason: str, note: str) -> str:
    note = (note or "").strip()
    if reason not in FLAG_REASONS:
        raise ValidationError(_("Choose a reason."), fields={"reason": _("Choose a reason.")})
    if reason == "other" and not note:
        message = _("Say in a few words what is wrong.")
        raise ValidationError(message, fields={"note": message})
    if len(note) > NOTE_MAX:
        message = _("Keep the note under %(max)d characters.", max=NOTE_MAX)
        raise ValidationError(message, fields={"note": message})
    return note


def raise_flag(actor, target_type: str, target, reason: str, note: str = "") -> Flag:
    """Flag ``target`` (a post or a member) for the moderators; a post whose open queue item reaches
    ``FLAG_HIDE_THRESHOLD`` is hidden at once. One flag per member and target (Conflict)."""
    require(actor, "content.flag", target)
    note = _check(reason, note)
    if has_flagged(actor, target_type, target.id):
        raise Conflict(_("You have already flagged this. The team will look at it."))
    weight = flag_weight(actor)
    flag = Flag(user_id=actor.id, target_type=target_type, target_id=target.id, reason=reason, note=note, weight=weight)
    db.session.add(flag)
    db.session.flush()
    item = queue.enqueue(target_type, target.id, "flagged", weight=weight, category_id=category_id_of(target))
    threshold = current_app.config["FLAG_HIDE_THRESHOLD"]
    if target_type != "user" and not is_hidden(target) and item.weight >= threshold - 1e-9:
        moderation.hide_by_flags(target, _flag_summary(target_type, target.id, item.weight))
    return flag


def _undecided(target_type: str, target_id: int):
    return select(Flag).where(Flag.target_type == target_type, Flag.target_id == target_id, Flag.outcome.is_(None))


def _flag_summary(target_type: str, target_id: int, weight: float) -> str:
    """For the audit log: the reasons of the open flags and their weight (staff read it)."""
    reasons = Counter(flag.reason for flag in db.session.scalars(_undecided(target_type, target_id)))
    listed = ", ".join(f"{reason} ×{count}" for reason, count in reasons.most_common())
    return f"flags: {listed} (weight {weight:g})"


def flags_on(target_type: str, target_id: int, undecided_only: bool = True) -> list[Flag]:
    """The target's flags, oldest first, with their flaggers."""
    stmt = select(Flag).where(Flag.target_type == target_type, Flag.target_id == target_id)
    if undecided_only:
        stmt = stmt.where(Flag.outcome.is_(None))
    return list(db.session.scalars(stmt.order_by(Flag.created_at, Flag.id)))


def reason_labels(target_type: str, target_id: int) -> list[str]:
    """The undecided flags' reasons, most frequent first, in the current language."""
    reasons = Counter(flag.reason for flag in db.session.scalars(_undecided(target_type, target_id)))
    return [str(REASON_LABELS[reason]) for reason, _count in reasons.most_common()]


def decide_flags(actor, target_type: str, target_id: int, outcome: str) -> int:
    """Settle the target's undecided flags as ``upheld`` or ``dismissed`` (called by the queue's
    decisions, which check permissions and write the audit log); returns how many."""
    if outcome not in OUTCOMES:
        raise DomainError(f"unknown outcome {outcome!r}")
    flags = list(db.session.scalars(_undecided(target_type, target_id)))
    now = utcnow()
    for flag in flags:
        flag.outcome, flag.decided_at = outcome, now
    db.session.flush()
    return len(flags)


def _review_item(target_type: str, target) -> QueueItem | None:
    """The author's review request for the target's current hide, if they made one."""
    return db.session.scalar(
        select(QueueItem)
        .where(
            QueueItem.target_type == target_type,
            QueueItem.target_id == target.id,
            QueueItem.reason == "review_requested",
            or_(QueueItem.decided_at.is_(None), QueueItem.decided_at >= target.hidden_at),
        )
        .limit(1)
    )


def hide_reason(target_type: str, target_id: int) -> str:
    """What staff wrote when they last hid the target (empty when flags hid it, or no reason)."""
    return (
        db.session.scalar(
            select(AuditEntry.reason)
            .where(
                AuditEntry.action == "content.hide",
                AuditEntry.target_type == target_type,
                AuditEntry.target_id == target_id,
            )
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            .limit(1)
        )
        or ""
    )


def review_state(target_type: str, target) -> str:
    """Where the author's hidden post stands: ``shown``, ``held`` (waiting for a first decision),
    ``requested`` (review asked for), ``deleted`` (a moderator deleted it: no review) or ``hidden``
    (a review may be asked for)."""
    if not is_hidden(target):
        return "shown"
    item = queue.open_item(target_type, target.id)
    if item is not None and item.reason in HOLD_REASONS:
        return "held"
    if _review_item(target_type, target) is not None:
        return "requested"
    if item is None and _last_decision(target_type, target.id) == "deleted":
        return "deleted"
    return "hidden"


def _last_decision(target_type: str, target_id: int) -> str | None:
    return db.session.scalar(
        select(QueueItem.decision)
        .where(QueueItem.target_type == target_type, QueueItem.target_id == target_id)
        .where(QueueItem.decided_at.is_not(None))
        .order_by(QueueItem.decided_at.desc(), QueueItem.id.desc())
        .limit(1)
    )


def request_review(actor, target_type: str, target, message: str = "") -> QueueItem:
    """The author of a hidden post asks the moderators to look again (once per hide): the target's
    open item (or a new one) becomes a ``review_requested`` item carrying the author's message."""
    require(actor, "content.request_review", target)
    state = review_state(target_type, target)
    if state == "shown":
        raise Conflict(_("This post is not hidden."))
    if state == "held":
        raise Conflict(_("Your post is already waiting for a moderator."))
    if state == "requested":
        raise Conflict(_("You have already asked for a review. The team will look at it."))
    if state == "deleted":
        raise Conflict(_("A moderator deleted this post: it cannot be reviewed again."))
    message = (message or "").strip()
    if len(message) > NOTE_MAX:
        text = _("Keep the message under %(max)d characters.", max=NOTE_MAX)
        raise ValidationError(text, fields={"message": text})
    item = queue.enqueue(target_type, target.id, "review_requested", detail=message, category_id=category_id_of(target))
    item.reason = "review_requested"
    db.session.flush()
    return item
