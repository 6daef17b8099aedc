"""The audit log: staff and admin actions, newest first (staff only)."""

from __future__ import annotations

import marshmallow as ma
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from marshmallow import fields

from community.api.auth import permitted
from community.api.blueprint import bp
from community.api.fields import DateTime, Integer, Range, Text
from community.api.schemas import Output, PageArgs, page_of
from community.audit import catalogue, queries
from community.audit.models import ORIGINS
from community.audit.views import parse_day

TAGS = ["audit"]
bp.tags["audit"] = "What staff and administrators did: who, what, on what, when, before and after."


class AuditEntry(Output):
    id = fields.Integer()
    actor_id = fields.Integer(
        attribute="public_actor_id",
        allow_none=True, metadata={"description": "Who acted; null for the command line or a deleted member."}
    )
    action = fields.String(metadata={"description": "What was done, e.g. `question.close`, `user.role`."})
    target_type = fields.String(metadata={"description": "What it was done to: `question`, `user`, `category` …"})
    target_id = fields.Integer(allow_none=True, metadata={"description": "Null when the target is a whole list."})
    before = fields.Dict(allow_none=True, metadata={"description": "The fields changed, as they were."})
    after = fields.Dict(allow_none=True, metadata={"description": "The fields changed, as they became."})
    reason = fields.String(metadata={"description": "Why, as staff gave it; empty when none was given."})
    origin = fields.String(
        validate=ma.validate.OneOf(ORIGINS), metadata={"description": "Through a page, the API or the command line."}
    )
    at = DateTime()


AuditPage = page_of(AuditEntry)


class Day(fields.Date):
    default_error_messages = {"invalid": _l("Give a date as YYYY-MM-DD, for example 2024-03-31.")}

    def _deserialize(self, value, attr, data, **kwargs):
        try:
            if isinstance(value, str):
                return parse_day(value)
        except ValueError:
            pass
        raise self.make_error("invalid")


class Registered(Text):
    """One of the names ``choices()`` gives when the request comes (packages add theirs at start-up)."""

    def __init__(self, choices, message, **kwargs):
        super().__init__(**kwargs)
        self.choices, self.message = choices, message

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if text not in self.choices():
            raise ma.ValidationError(str(self.message))
        return text


class AuditFilters(PageArgs):
    actor_id = Integer(
        validate=Range(min=1, max=2**31 - 1, error=_l("Must be a member's id.")),
        metadata={"description": "Only this member's actions."},
    )
    action = Registered(
        lambda: catalogue.ACTIONS,
        _l("Unknown action."),
        metadata={"description": "Only this action, e.g. `question.close`."},
    )
    target_type = Registered(
        lambda: catalogue.TARGETS, _l("Unknown kind of target."), metadata={"description": "Only actions on this kind."}
    )
    from_ = Day(data_key="from", metadata={"description": "From this day (UTC), included: YYYY-MM-DD."})
    to = Day(metadata={"description": "Up to this day (UTC), included: YYYY-MM-DD."})

    @ma.validates_schema
    def _in_order(self, data: dict, **kwargs) -> None:
        if data.get("from_") and data.get("to") and data["from_"] > data["to"]:
            raise ma.ValidationError(_("Give a date on or after the first one."), "to")


@bp.get("/audit", tags=TAGS)
@permitted("audit.view")
@bp.arguments(AuditFilters, location="query")
@bp.response(200, AuditPage)
def list_audit(args: dict):
    """The audit log (staff)

    Every staff and administrator action, newest first: who (`actor_id`), what (`action`), on what
    (`target_type`, `target_id`), when (`at`), and the fields changed (`before`, `after`).
    """
    return queries.entries(
        actor=args.get("actor_id"),
        action=args.get("action"),
        target_type=args.get("target_type"),
        since=args.get("from_"),
        until=args.get("to"),
        page=args["page"],
        per_page=args["per_page"],
    )
