"""Deleting an account: the posts stay, signed "former member"; everything that names the person goes."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select
from werkzeug.security import check_password_hash

from community import audit
from community.core import signals
from community.core.errors import Conflict, ValidationError
from community.core.extensions import db
from community.core.permissions import require
from community.members.models import User
from community.privacy import registry
from community.privacy.signals import account_deleted


def _other_admins(user: User) -> int:
    return db.session.scalar(
        select(func.count(User.id)).where(User.role == "admin", User.id != user.id, User.deleted_at.is_(None))
    )


def delete_account(actor, user: User, password: str | None = None) -> User:
    """Erase ``user``'s personal data as each source declares, then their profile; their sessions and
    tokens stop working. ``password`` (pages) must be the member's; the API's token is proof enough.
    The last administrator cannot leave the site without one."""
    require(actor, "account.delete", user)
    if password is not None and not check_password_hash(user.password_hash, password or ""):
        message = _("Your current password is not correct.")
        raise ValidationError(message, {"password": message})
    if user.is_admin and not _other_admins(user):
        raise Conflict(_("You are the only administrator: give the role to someone else first."), code="last_admin")
    db.session.flush()
    for source in registry.ordered():
        registry.erase(source, user)
    db.session.expire(user, ["tokens"])
    db.session.flush()
    audit.record(user, "account.delete", "user", user.id)
    account_deleted.send(actor, user=user)
    signals.content_changed.send(actor)
    return user
