"""Deciding a queue item. Each decision acts on the target through the operations that already exist
(hide and restore, lock, move, close as duplicate, suspend), then closes the item: who decided,
when and how, its flags upheld or dismissed, one ``moderation.decide`` entry in the audit log.

"Delete" hides the post for good: it stays in the database (hidden, out of every page, list,
search and count) and its item is closed as ``deleted``, which tells it apart from a plain hide
(the author may ask for a review of a hidden post, not of a deleted one).
"""

from __future__ import annotations

from flask_babel import gettext as _

from community import audit
from community.core import signals
from community.core.database import is_hidden, utcnow
from community.core.errors import Conflict, NotFound, ValidationError
from community.core.extensions import db
from community.core.permissions import require
from community.members.models import User
from community.moderation import flags, queries, suspension
from community.moderation import operations as content
from community.moderation.models import QueueItem
from community.moderation.queue import open_item
from community.questions import operations as qa
from community.questions.models import Question

#: Each decision, and what it makes of the flags that led to it.
OUTCOMES = {
    "approved": "dismissed",
    "restored": "dismissed",
    "hidden": "upheld",
    "deleted": "upheld",
    "locked": "upheld",
    "moved": "upheld",
    "closed": "upheld",
    "suspended": "upheld",
}
REASON_MAX = 500


def target_of(item: QueueItem):
    """The item's post (hidden or not) or member; None when it no longer exists."""
    if item.target_type == "user":
        return db.session.get(User, item.target_id)
    return queries.get_post(item.target_type, item.target_id)


def _check_open(actor, item: QueueItem) -> None:
    require(actor, "moderation.decide", item)
    if item.decided_at is not None:
        raise Conflict(_("This item was already decided."))


def _post(item: QueueItem):
    target = target_of(item)
    if item.target_type == "user" or target is None:
        raise NotFound(_("This post does not exist any more."))
    return target


def _question(item: QueueItem) -> Question:
    target = _post(item)
    if not isinstance(target, Question):
        raise ValidationError(_("Only a question can be locked, moved or closed."))
    return target


def _reason(reason: str, required: bool = False) -> str:
    reason = " ".join((reason or "").split())
    if required and not reason:
        raise ValidationError(_("Say why."), {"reason": _("Say why: it goes to the audit log.")})
    if len(reason) > REASON_MAX:
        raise ValidationError(_("Too long."), {"reason": _("Write at most %(n)d characters.", n=REASON_MAX)})
    return reason


def _close(actor, item: QueueItem, decision: str, reason: str = "") -> QueueItem:
    item.decided_at = utcnow()
    item.decided_by_id = getattr(actor, "id", None)
    item.decision = decision
    flags.decide_flags(actor, item.target_type, item.target_id, OUTCOMES[decision])
    db.session.flush()
    audit.record(
        actor,
        "moderation.decide",
        item.target_type,
        item.target_id,
        before={"queue": item.reason},
        after={"decision": decision},
        reason=reason,
    )
    signals.queue_item_decided.send(actor, item=item)
    return item


def _shown(actor, target, reason: str) -> None:
    """Restore ``target`` when flags or a hold hid it: the decision keeps it on the site."""
    if is_hidden(target):
        content.restore(actor, target, reason)


def approve(actor, item: QueueItem, reason: str = "") -> QueueItem:
    """Nothing wrong: the post is shown (published, when it was held), the flags dismissed."""
    _check_open(actor, item)
    reason = _reason(reason)
    target = target_of(item)
    if target is not None and item.target_type != "user":
        _shown(actor, target, reason)
    return _close(actor, item, "approved", reason)


def restore(actor, item: QueueItem, reason: str = "") -> QueueItem:
    """Put back a post that flags or staff hid."""
    _check_open(actor, item)
    reason = _reason(reason)
    target = _post(item)
    if not is_hidden(target):
        raise Conflict(_("This post is not hidden."))
    content.restore(actor, target, reason)
    return _close(actor, item, "restored", reason)


def hide(actor, item: QueueItem, reason: str) -> QueueItem:
    _check_open(actor, item)
    reason = _reason(reason, required=True)
    content.hide(actor, _post(item), reason)
    return _close(actor, item, "hidden", reason)


def delete(actor, item: QueueItem, reason: str) -> QueueItem:
    """Hide for good (see the module's docstring)."""
    _check_open(actor, item)
    reason = _reason(reason, required=True)
    content.hide(actor, _post(item), reason)
    return _close(actor, item, "deleted", reason)


def lock(actor, item: QueueItem, reason: str = "") -> QueueItem:
    _check_open(actor, item)
    reason = _reason(reason)
    question = _question(item)
    qa.set_locked(actor, question, True)
    _shown(actor, question, reason)
    return _close(actor, item, "locked", reason)


def move(actor, item: QueueItem, category: str, reason: str = "") -> QueueItem:
    """File the question under ``category`` (a slug); it keeps a revision like any edit."""
    _check_open(actor, item)
    reason = _reason(reason)
    question = _question(item)
    if category == question.category.slug:
        raise ValidationError(_("Choose another category."), {"category": _("The question is already there.")})
    summary = reason or _("Moved by a moderator")
    qa.edit_question(actor, question, question.title, question.body, category, None, summary[:200])
    _shown(actor, question, reason)
    return _close(actor, item, "moved", reason)


def close_duplicate(actor, item: QueueItem, duplicate_of_id: int | None, reason: str = "") -> QueueItem:
    _check_open(actor, item)
    reason = _reason(reason)
    question = _question(item)
    qa.close_question(actor, question, "duplicate", duplicate_of_id)
    _shown(actor, question, reason)
    return _close(actor, item, "closed", reason)


def suspend(actor, item: QueueItem, reason: str, days: int, hide_post: bool = True) -> QueueItem:
    """Suspend the post's author (or the reported member) for ``days`` (0: for good); the post is
    hidden too unless ``hide_post`` is false."""
    _check_open(actor, item)
    target = target_of(item)
    member = target if item.target_type == "user" else getattr(target, "author", None)
    if member is None or member.is_deleted:
        raise ValidationError(_("This member's account no longer exists."))
    suspension.suspend_for(actor, member, reason, days)
    if hide_post and item.target_type != "user":
        content.hide(actor, target, reason)
    return _close(actor, item, "suspended", _reason(reason))


def hide_target(actor, target, reason: str) -> object:
    """Hide a post outside the queue (the API); its open item, if any, is decided as ``hidden``."""
    content.hide(actor, target, _reason(reason))
    item = open_item(type(target).__name__.lower(), target.id)
    if item is not None:
        _close(actor, item, "hidden", reason)
    return target


def restore_target(actor, target, reason: str = "") -> object:
    """Undo a hide outside the queue; its open item, if any, is decided as ``restored``."""
    content.restore(actor, target, _reason(reason))
    item = open_item(type(target).__name__.lower(), target.id)
    if item is not None:
        _close(actor, item, "restored", reason)
    return target
