"""The caller's personal data: all of it as JSON, and deleting the account."""

from __future__ import annotations

from marshmallow import fields

from community.api.auth import actor, signed_in
from community.api.blueprint import bp, errors
from community.api.schemas import Output
from community.core.extensions import db
from community.privacy.deletion import delete_account
from community.privacy.export import export_member


class Export(Output):
    format = fields.String(metadata={"description": "entraide-export/1"})
    exported_at = fields.String(metadata={"format": "date-time"})
    member_id = fields.Integer()
    data = fields.Dict(
        keys=fields.String(),
        values=fields.Raw(),
        metadata={
            "description": "One entry a kind of data (profile, questions, answers, comments, revisions, votes, "
            "follows, notifications, searches, visits, flags, tokens metadata, ratings, …): the caller's rows."
        },
    )


@bp.get("/me/export", tags=["members"])
@signed_in
@bp.response(200, Export)
def export():
    """Every personal datum of the caller

    What the privacy page lists, as JSON: the same document as "Download my data" in the settings.
    API tokens appear without their secret.
    """
    user = actor()
    return export_member(user, user)


@bp.delete("/me", tags=["members"])
@signed_in
@errors(409)
@bp.response(204)
def delete_me():
    """Delete the caller's account

    Posts stay, signed by a former member (`author.id` null); the profile, tokens, sessions,
    notifications, follows and mail are erased. The last administrator gets 409 (`last_admin`).
    """
    user = actor()
    delete_account(user, user)
    db.session.commit()
    return ""
