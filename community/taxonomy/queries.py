"""Reading categories."""

from __future__ import annotations

from sqlalchemy import select

from community.core.extensions import db
from community.core.text import storable
from community.taxonomy.models import Category, Tag


def categories() -> list[Category]:
    return list(db.session.scalars(select(Category).order_by(Category.position, Category.name)))


def category_by_slug(slug: str) -> Category | None:
    if not storable(slug):
        return None
    return db.session.scalar(select(Category).where(Category.slug == slug))


def tag_by_name(name: str) -> Tag | None:
    if not storable(name):
        return None
    return db.session.scalar(select(Tag).where(Tag.name == name.strip().lower()))
