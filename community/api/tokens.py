"""Personal API tokens of the signed-in member: list, create (shown once), revoke."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from marshmallow import fields
from sqlalchemy import select

from community.api.auth import actor, signed_in
from community.api.blueprint import bp
from community.api.fields import DateTime, Length, Text
from community.api.schemas import Input, Output, With, page_of, whole
from community.core.errors import NotFound
from community.core.extensions import db
from community.core.permissions import require
from community.members import operations as ops
from community.members.models import ApiToken

TAGS = ["tokens"]


class Token(Output):
    """A personal token as listed: never its plaintext (tokens are stored hashed)."""

    id = fields.Integer()
    label = fields.String()
    prefix = fields.String(metadata={"description": "The first characters of the token, to recognise it."})
    created_at = DateTime()
    last_used_at = DateTime(allow_none=True)
    revoked = fields.Function(lambda token: token.revoked_at is not None, metadata={"type": "boolean"})


class NewToken(Token):
    token = fields.String(metadata={"description": "The plaintext token: shown this once, never again."})


TokenPage = page_of(Token, paginated=False)


class TokenRequest(Input):
    label = Text(required=True, validate=Length(1, 80, error=_l("Give the token a label (up to 80 characters).")))


@bp.get("/me/tokens", tags=TAGS)
@signed_in
@bp.response(200, TokenPage)
def list_tokens():
    """The caller's personal API tokens

    Every token of the caller, newest first, on one page.
    """
    user = actor()
    require(user, "token.manage", user)
    mine = select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id.desc())
    return whole(db.session.scalars(mine).all())


@bp.post("/me/tokens", tags=TAGS)
@signed_in
@bp.arguments(TokenRequest)
@bp.response(201, NewToken)
def create_token(data: dict):
    """Create a personal API token

    The plaintext is in the answer, this once.
    """
    user = actor()
    token, plaintext = ops.create_token(user, user, data["label"])
    db.session.commit()
    return With(token, token=plaintext)


@bp.delete("/me/tokens/<int:token_id>", tags=TAGS)
@signed_in
@bp.response(200, Token)
def revoke_token(token_id: int):
    """Revoke one of the caller's tokens

    Another member's token gives 404. Revoking twice is harmless.
    """
    user = actor()
    require(user, "token.manage", user)
    token = db.session.get(ApiToken, token_id)
    if token is None or token.user_id != user.id:
        raise NotFound()
    ops.revoke_token(user, token)
    db.session.commit()
    return token
