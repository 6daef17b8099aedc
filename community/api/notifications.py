"""The caller's notifications: the list, newest first, and marking them read."""

from __future__ import annotations

import marshmallow as ma
from flask import request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from marshmallow import fields

from community.api.auth import actor, signed_in
from community.api.blueprint import bp
from community.api.fields import Boolean, DateTime, Integer, Length, OneOf
from community.api.questions import Author, AuthorField
from community.api.schemas import Input, Output, PageArgs, page_of
from community.core.extensions import db
from community.core.permissions import require
from community.notifications import kinds, queries
from community.notifications import operations as ops

TAGS = ["notifications"]
bp.tags["notifications"] = "The caller's notifications: what happened that concerns them."
MAX_IDS = 100


class Notification(Output):
    id = fields.Integer()
    kind = fields.String(validate=OneOf([kind.key for kind in kinds.KINDS]))
    read = fields.Boolean()
    created_at = DateTime()
    target_url = fields.Function(
        lambda n: request.url_root.rstrip("/") + n.url,
        metadata={"type": "string", "format": "uri", "description": "Where it leads on the site."},
    )
    actor = AuthorField(Author, allow_none=True, metadata={"description": "Who did it."})


NotificationPage = page_of(Notification)


class NotificationFilters(PageArgs):
    unread = Integer(
        validate=OneOf((0, 1), message=_l("Use 1 for unread notifications only, or 0.")),
        metadata={"description": "1: only unread notifications."},
    )


class ReadRequest(Input):
    ids = fields.List(
        Integer(strict=True),
        validate=Length(max=MAX_IDS),
        error_messages={"invalid": _l("Send a list of notification ids.")},
        metadata={"description": f"Notifications to mark read (up to {MAX_IDS}); others' ids are ignored."},
    )
    all = Boolean(_l("Send true to mark every notification read."), metadata={"description": "Mark all."})

    @ma.validates_schema
    def _something(self, data: dict, **kwargs) -> None:
        if not data.get("ids") and data.get("all") is not True:
            raise ma.ValidationError(_("Send the ids to mark read, or all: true."), "ids")


class ReadResult(Output):
    marked = fields.Integer(metadata={"description": "How many notifications this call marked read."})
    unread = fields.Integer(metadata={"description": "How many remain unread."})


@bp.get("/me/notifications", tags=TAGS)
@signed_in
@bp.arguments(NotificationFilters, location="query")
@bp.response(200, NotificationPage)
def list_notifications(args: dict):
    """The caller's notifications

    Newest first; `unread=1` for the unread ones only. A notification about a post since hidden by
    moderation leaves the list.
    """
    user = actor()
    require(user, "notification.read")
    return queries.notifications(
        user, unread_only=bool(args.get("unread")), page=args["page"], per_page=args["per_page"]
    )


@bp.post("/me/notifications/read", tags=TAGS)
@signed_in
@bp.arguments(ReadRequest)
@bp.response(200, ReadResult)
def mark_notifications_read(data: dict):
    """Mark notifications read

    `{"ids": [...]}` marks those of the caller's notifications, `{"all": true}` every one.
    """
    user = actor()
    marked = ops.mark_read(user, data.get("ids"), everything=data.get("all") is True)
    db.session.commit()
    return {"marked": marked, "unread": queries.unread_count(user)}
