"""Giving an ambassador the moderation queue of a category, and taking it back (staff, audited)."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from community import audit
from community.core.errors import ValidationError
from community.core.extensions import db
from community.core.permissions import require
from community.members.models import User
from community.moderation.models import CategoryModerator
from community.taxonomy.models import Category


def _slugs(user: User) -> list[str]:
    stmt = (
        select(Category.slug)
        .join(CategoryModerator, CategoryModerator.category_id == Category.id)
        .where(CategoryModerator.user_id == user.id)
        .order_by(Category.slug)
    )
    return list(db.session.scalars(stmt))


def _change(actor, user: User, category: Category, given: bool) -> User:
    require(actor, "moderation.manage")
    row = db.session.get(CategoryModerator, (user.id, category.id))
    if given == (row is not None):
        return user
    before = _slugs(user)
    if given:
        db.session.add(CategoryModerator(user_id=user.id, category_id=category.id))
    else:
        db.session.delete(row)
    db.session.flush()
    audit.record(
        actor, "user.moderates", "user", user.id, before={"categories": before}, after={"categories": _slugs(user)}
    )
    return user


def give(actor, user: User, category: Category) -> User:
    """``user`` (an ambassador) moderates ``category`` from now on."""
    if not user.is_ambassador:
        raise ValidationError(_("Only ambassadors can be given a category."), {"user": _("Choose an ambassador.")})
    return _change(actor, user, category, True)


def take_back(actor, user: User, category: Category) -> User:
    return _change(actor, user, category, False)
