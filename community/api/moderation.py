"""Moderation (staff): hide and restore posts, read the queue, suspend and reinstate members."""

from __future__ import annotations

from datetime import UTC

import marshmallow as ma
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from marshmallow import fields

from community.api.auth import actor, permitted
from community.api.blueprint import bp, errors
from community.api.fields import DateTime, Length, OneOf, Text
from community.api.schemas import Input, Output, PageArgs, page_of
from community.core.database import is_hidden, utcnow
from community.core.errors import NotFound
from community.core.extensions import db
from community.members import operations as members
from community.moderation import actions, queries, suspension
from community.moderation.models import FLAG_REASONS, QUEUE_REASONS, TARGET_TYPES

TAGS = ["moderation"]
bp.tags["moderation"] = (
    "Staff moderation: hiding and restoring posts, the queue of items awaiting a decision, suspensions."
)
KINDS = {"questions": "question", "answers": "answer", "comments": "comment"}


class HideRequest(Input):
    reason = Text(
        load_default="",
        validate=Length(max=actions.REASON_MAX),
        metadata={"description": "Why; kept in the audit log (and shown to the author when hiding)."},
    )


class Moderated(Output):
    target_type = fields.String(validate=OneOf(tuple(KINDS.values())))
    target_id = fields.Integer()
    hidden = fields.Boolean(
        metadata={"description": "Whether the post is now hidden from everyone but staff and its author."}
    )


class QueueFlag(Output):
    id = fields.Integer()
    user_id = fields.Integer(allow_none=True, metadata={"description": "Who flagged."})
    reason = fields.String(validate=OneOf(FLAG_REASONS))
    note = fields.String()
    weight = fields.Float(metadata={"description": "What the flag counted for when it was raised."})
    outcome = fields.String(
        allow_none=True,
        validate=OneOf(("upheld", "dismissed")),
        metadata={"description": "Null until the item is decided."},
    )
    created_at = DateTime()


class QueueEntry(Output):
    id = fields.Integer()
    target_type = fields.String(validate=OneOf(TARGET_TYPES))
    target_id = fields.Integer()
    reason = fields.String(validate=OneOf(QUEUE_REASONS), metadata={"description": "Why the item is in the queue."})
    detail = fields.String(metadata={"description": "What caught it, in words; empty when nothing more to say."})
    weight = fields.Float(metadata={"description": "The sum of its flags' weights."})
    hidden = fields.Boolean(metadata={"description": "Whether the post is hidden now (false for members)."})
    flags = fields.List(fields.Nested(QueueFlag))
    created_at = DateTime()


QueuePage = page_of(QueueEntry)


class QueueArgs(PageArgs):
    reason = Text(validate=OneOf(QUEUE_REASONS), metadata={"description": "Only the items queued for this reason."})


class SuspendRequest(Input):
    reason = Text(
        required=True,
        validate=Length(min=1, max=suspension.REASON_MAX),
        metadata={"description": "Why; the member is shown it at sign-in and in the API's 403."},
    )
    until = ma.fields.AwareDateTime(
        default_timezone=UTC,
        format="iso",
        error_messages={"invalid": _l("Give a moment as ISO 8601, e.g. 2030-01-31T12:00:00Z.")},
        metadata={"description": "The end of the suspension (UTC when no offset is given); absent or null: for good."},
    )

    @ma.validates("until")
    def _future(self, value, **kwargs) -> None:
        if value is not None and _naive_utc(value) <= utcnow():
            raise ma.ValidationError(_("Give a moment in the future."))


def _naive_utc(value):
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


class Suspension(Output):
    id = fields.Integer(metadata={"description": "The member's id."})
    suspended = fields.Boolean()
    suspended_until = DateTime(allow_none=True, metadata={"description": "Null when not suspended."})
    for_good = fields.Boolean()
    suspension_reason = fields.String()


def _post(kind: str, post_id: int):
    post = queries.get_post(KINDS[kind], post_id)
    if post is None:
        raise NotFound(_("This post does not exist."))
    return post


def _moderated(post) -> dict:
    return {"target_type": type(post).__name__.lower(), "target_id": post.id, "hidden": is_hidden(post)}


def _suspension(user) -> dict:
    return {
        "id": user.id,
        "suspended": user.is_suspended,
        "suspended_until": user.suspended_until if user.is_suspended else None,
        "for_good": user.is_suspended and suspension.for_good(user),
        "suspension_reason": user.suspension_reason if user.is_suspended else "",
    }


def _hide_and_restore(kind: str, target_type: str) -> None:
    """``POST /moderation/<kind>/<id>/hide`` and ``…/restore`` for one kind of post."""
    id_name = f"{target_type}_id"

    @permitted("moderation.manage")
    @bp.arguments(HideRequest)
    @bp.response(200, Moderated)
    def hide(data: dict, **ids):
        post = actions.hide_target(actor(), _post(kind, ids[id_name]), data.get("reason", ""))
        db.session.commit()
        return _moderated(post)

    @permitted("moderation.manage")
    @bp.arguments(HideRequest)
    @bp.response(200, Moderated)
    def restore(data: dict, **ids):
        post = actions.restore_target(actor(), _post(kind, ids[id_name]), data.get("reason", ""))
        db.session.commit()
        return _moderated(post)

    hide.__doc__ = f"""Hide {ARTICLES[target_type]} (staff)

    It leaves every page, list, search and count at once; its author and staff still see it. An open
    queue item for it is decided as `hidden` and its flags upheld.
    """
    restore.__doc__ = f"""Restore a hidden {target_type} (staff)

    Undoes a hide. An open queue item for it is decided as `restored` and its flags dismissed.
    """
    bp.route(f"/moderation/{kind}/<int:{id_name}>/hide", methods=["POST"], endpoint=f"hide_{target_type}", tags=TAGS)(
        hide
    )
    bp.route(
        f"/moderation/{kind}/<int:{id_name}>/restore", methods=["POST"], endpoint=f"restore_{target_type}", tags=TAGS
    )(restore)


ARTICLES = {"question": "a question", "answer": "an answer", "comment": "a comment"}
for _kind, _target_type in KINDS.items():
    _hide_and_restore(_kind, _target_type)


@bp.get("/moderation/queue", tags=TAGS)
@permitted("moderation.manage")
@bp.arguments(QueueArgs, location="query")
@bp.response(200, QueuePage)
def queue(args: dict):
    """Items awaiting a decision (staff)

    Flagged posts and reported members, posts held for approval or caught by the spam rules, and
    authors' review requests; oldest first, each with its flags.
    """
    page = queries.open_items(actor(), reason=args.get("reason"), page=args["page"], per_page=args["per_page"])
    page.items = [
        {
            "id": e.item.id,
            "target_type": e.item.target_type,
            "target_id": e.item.target_id,
            "reason": e.item.reason,
            "detail": e.item.detail,
            "weight": e.item.weight,
            "hidden": e.hidden and e.item.target_type != "user",
            "flags": e.flags,
            "created_at": e.item.created_at,
        }
        for e in queries.entries(page.items)
    ]
    return page


@bp.post("/moderation/users/<int:user_id>/suspend", tags=TAGS)
@permitted("moderation.manage")
@errors(403)
@bp.arguments(SuspendRequest)
@bp.response(200, Suspension)
def suspend(data: dict, user_id: int):
    """Suspend a member (staff; staff members: administrators only)

    Without `until`, for good. The member cannot sign in; their sessions end and their API calls
    get 403 with the code `suspended` and the reason. A new suspension replaces the current one.
    """
    user = members.get_user(user_id)
    until = data.get("until")
    suspension.suspend(actor(), user, data["reason"], _naive_utc(until) if until else None)
    db.session.commit()
    return _suspension(user)


@bp.post("/moderation/users/<int:user_id>/unsuspend", tags=TAGS)
@permitted("moderation.manage")
@errors(403)
@bp.response(200, Suspension)
def unsuspend(user_id: int):
    """Lift a member's suspension (staff)"""
    user = members.get_user(user_id)
    suspension.unsuspend(actor(), user)
    db.session.commit()
    return _suspension(user)
