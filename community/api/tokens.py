"""Personal API tokens of the signed-in member: list, create (shown once), revoke."""

from __future__ import annotations

from sqlalchemy import select

from community.api import bp, serializers
from community.api.auth import actor
from community.api.responses import json_body, string_field
from community.core.errors import NotFound
from community.core.extensions import db
from community.core.permissions import require
from community.members import operations as ops
from community.members.models import ApiToken


@bp.get("/me/tokens")
def list_tokens():
    user = actor()
    require(user, "token.manage", user)
    items = db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id.desc())).all()
    return {"items": [serializers.token(t) for t in items], "page": 1, "per_page": len(items), "total": len(items)}


@bp.post("/me/tokens")
def create_token():
    user = actor()
    require(user, "token.manage", user)
    token, plaintext = ops.create_token(user, user, string_field(json_body(), "label"))
    db.session.commit()
    data = serializers.token(token)
    data["token"] = plaintext
    return data, 201


@bp.delete("/me/tokens/<int:token_id>")
def revoke_token(token_id: int):
    user = actor()
    require(user, "token.manage", user)
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise NotFound()
    ops.revoke_token(user, token)
    db.session.commit()
    return serializers.token(token)
