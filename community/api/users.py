"""Public member profiles and the signed-in member."""

from __future__ import annotations

from marshmallow import fields

from community.api.auth import actor, signed_in
from community.api.blueprint import bp
from community.api.fields import DateTime, OneOf
from community.api.schemas import Output, With
from community.core.permissions import require
from community.members import operations as ops
from community.members.models import ROLES
from community.reputation.badges import badges_of
from community.reputation.ranks import rank_of


class Badge(Output):
    slug = fields.String()
    name = fields.String()
    tier = fields.String()
    awarded_at = DateTime()


class User(Output):
    """What anyone sees of a member."""

    id = fields.Integer()
    display_name = fields.String()
    role = fields.String(validate=OneOf(ROLES))
    reputation = fields.Integer()
    rank = fields.String(
        allow_none=True,
        dump_default=None,
        metadata={"description": "The rank's name in the caller's language; null for staff."},
    )
    badges = fields.List(fields.Nested(Badge), dump_default=list, metadata={"description": "Held now."})
    bio = fields.String()
    created_at = DateTime()


class Me(User):
    """What members see of themselves."""

    email = fields.String(metadata={"format": "email"})
    locale = fields.String(allow_none=True)


@bp.get("/users/<int:user_id>", tags=["members"])
@bp.response(200, User)
def get_user(user_id: int):
    """A member's public profile"""
    return _with_reputation(ops.get_user(user_id))


@bp.get("/me", tags=["members"])
@signed_in
@bp.response(200, Me)
def me():
    """The calling member, with e-mail and language"""
    user = actor()
    require(user, "token.manage", user)
    return _with_reputation(user)


def _with_reputation(user) -> With:
    rank = rank_of(user)
    return With(user, rank=rank.name if rank else None, badges=badges_of(user))
