"""Public member profiles and the signed-in member."""

from __future__ import annotations

from community.api import bp, serializers
from community.api.auth import actor
from community.core.permissions import require
from community.members import operations as ops


@bp.get("/users/<int:user_id>")
def get_user(user_id: int):
    return serializers.user(ops.get_user(user_id))


@bp.get("/me")
def me():
    user = actor()
    require(user, "token.manage", user)
    data = serializers.user(user)
    data["email"] = user.email
    data["locale"] = user.locale
    return data
