"""Creating and changing categories (staff)."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select

from community.core import signals
from community.core.errors import ValidationError
from community.core.extensions import db
from community.core.permissions import require
from community.core.text import check_text, slugify, storable
from community.taxonomy.models import Category


def save_category(actor, slug: str, name: str, description: str = "", category: Category | None = None) -> Category:
    """Create a category, or change ``category``; an empty ``slug`` is made from the name."""
    require(actor, "category.manage")
    fields: dict = {}
    name = check_text(name, "name", 2, 80, fields)
    slug, slug_field = (slug or "").strip(), "slug" if (slug or "").strip() else "name"
    if len(slug) > 60:
        fields["slug"] = _("Write at most %(n)d characters.", n=60)
    elif slug and (not storable(slug) or slugify(slug, 60, default="") != slug):
        fields["slug"] = _("Use lower-case letters, digits and hyphens, for example: box-internet.")
    elif not slug and "name" not in fields:
        slug = slugify(name, 60, default="")
        if not slug:
            fields["name"] = _("Use at least one letter or digit.")
    description = check_text(description, "description", 0, 500, fields)
    clash = db.session.scalar(select(Category).where(Category.slug == slug)) if slug and not fields else None
    if clash is not None and clash is not category:
        fields[slug_field] = _("Another category already uses this address.")
    if fields:
        raise ValidationError(_("Please correct the highlighted fields."), fields)
    if category is None:
        position = (db.session.scalar(select(func.max(Category.position))) or 0) + 1
        category = Category(position=position)
        db.session.add(category)
    category.slug, category.name, category.description = slug, name, description
    db.session.flush()
    signals.content_changed.send(actor)
    return category
