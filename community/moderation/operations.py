"""Hide and restore questions, answers and comments; the counters they feed follow."""

from __future__ import annotations

from community import audit
from community.core import signals
from community.core.database import INCLUDE_HIDDEN, utcnow
from community.core.extensions import db
from community.core.permissions import require
from community.questions import operations as qa
from community.questions.models import Answer, Comment, Question

Hideable = Question | Answer | Comment


def _recount(target: Hideable) -> None:
    if isinstance(target, Question):
        qa.recount_category(target.category_id)
    elif isinstance(target, Answer):
        qa.refresh_question(db.session.get(Question, target.question_id, execution_options={INCLUDE_HIDDEN: True}))


def _set_hidden(actor, target: Hideable, hidden: bool, reason: str, by_flags: bool = False) -> Hideable:
    if not by_flags:
        require(actor, "content.hide", target)
    if (target.hidden_at is not None) != hidden:
        hidden_at, target.hidden_at = target.hidden_at, utcnow() if hidden else None
        db.session.flush()
        audit.record(
            actor,
            "content.hide_by_flags" if by_flags else "content.hide" if hidden else "content.restore",
            type(target).__name__.lower(),
            target.id,
            before={"hidden": not hidden},
            after={"hidden": hidden},
            reason=reason,
        )
        _recount(target)
        db.session.flush()
        if hidden:
            signals.content_hidden.send(actor, target=target, reason=reason, by_flags=by_flags)
        else:
            signals.content_restored.send(actor, target=target, hidden_at=hidden_at)
        signals.content_changed.send(actor)
    return target


def hide(actor, target: Hideable, reason: str = "") -> Hideable:
    """Take ``target`` out of every page, list, search and count, at once (staff); ``reason`` goes to the audit log."""
    return _set_hidden(actor, target, True, reason)


def restore(actor, target: Hideable, reason: str = "") -> Hideable:
    """Undo ``hide``."""
    return _set_hidden(actor, target, False, reason)


def hide_by_flags(target: Hideable, reason: str = "") -> Hideable:
    """Hide ``target`` because members' flags reached the threshold (``moderation.flags``): nobody
    acts, so the audit entry names no actor; ``reason`` sums the flags up."""
    return _set_hidden(None, target, True, reason, by_flags=True)
