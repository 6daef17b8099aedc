"""Members' flags on questions, answers, comments and profiles, for the moderators."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from marshmallow import fields

from community.api.auth import actor, signed_in
from community.api.blueprint import bp, errors
from community.api.fields import DateTime, Length, OneOf, Text
from community.api.schemas import Input, Output
from community.core.extensions import db
from community.moderation import flags
from community.moderation.limits import limited
from community.moderation.models import FLAG_REASONS

bp.tags["flags"] = (
    "Flag a post or a member for the moderators: one flag per member and target. A post whose flags "
    "weigh enough (3 by default: three members, or one staff member) is hidden at once."
)


class NewFlag(Input):
    reason = Text(
        required=True,
        validate=OneOf(FLAG_REASONS, message=_l("Choose spam, abuse, off_topic, duplicate or other.")),
        metadata={"description": "Why: `other` needs a note."},
    )
    note = Text(
        load_default="",
        validate=Length(max=flags.NOTE_MAX),
        metadata={"description": "A word for the moderators (required with `other`)."},
    )


class Flag(Output):
    id = fields.Integer()
    reason = fields.String(validate=OneOf(FLAG_REASONS))
    note = fields.String()
    created_at = DateTime()


def _flag(target_type: str, target_id: int, data: dict):
    target = flags.visible_target(target_type, target_id)
    flag = flags.raise_flag(actor(), target_type, target, data["reason"], data.get("note", ""))
    db.session.commit()
    return flag


def _view(target_type: str, path: str, what: str):
    """One ``POST …/{id}/flags`` operation for a kind of target."""

    def view(data: dict, **ids: int):
        return _flag(target_type, ids[f"{target_type}_id"], data)

    view.__name__ = f"flag_{target_type}"
    view.__doc__ = (
        f"Flag {what}\n\n"
        "201 with the flag; 409 when the caller already flagged it; 404 when it is unknown or hidden; "
        "403 for the author (or the member themself) and for suspended members."
    )
    view = bp.response(201, Flag)(view)
    view = bp.arguments(NewFlag)(view)
    view = limited("flag")(view)
    view = errors(403, 409, 429)(view)
    view = signed_in(view)
    bp.post(f"/{path}/<int:{target_type}_id>/flags", tags=["flags"])(view)


_view("question", "questions", "a question")
_view("answer", "answers", "an answer")
_view("comment", "comments", "a comment")
_view("user", "users", "a member's profile")
