"""Creating and changing categories (staff)."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, select

from community import audit
from community.core import signals
from community.core.errors import ValidationError
from community.core.extensions import db
from community.core.language import languages
from community.core.permissions import require
from community.core.text import check_text, slugify, storable
from community.taxonomy.models import Category, Tag

#: ``save_category(escalation_hours=…)`` left as it is (None means "the site's default delay").
UNCHANGED = object()
ESCALATION_HOURS_MAX = 24 * 365


def save_category(
    actor,
    slug: str,
    name: str,
    description: str = "",
    category: Category | None = None,
    translations: dict | None = None,
    premoderation: bool | None = None,
    escalation_hours=UNCHANGED,
) -> Category:
    """Create a category, or change ``category``; an empty ``slug`` is made from the name.

    ``translations`` (``{"en": {"name": …, "description": …}}``) replaces the names and descriptions
    shown in other languages (an empty one falls back to ``name``); None keeps them. ``premoderation``:
    whether new accounts' first posts wait for a moderator (None keeps it). ``escalation_hours``: hours
    a question may wait for an answer before it becomes an advisor case (None: the site's default;
    0: never)."""
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
    translated = _translations(translations, fields) if translations is not None else None
    if escalation_hours is not UNCHANGED and escalation_hours is not None:
        if isinstance(escalation_hours, bool) or not isinstance(escalation_hours, int) or not (
            0 <= escalation_hours <= ESCALATION_HOURS_MAX
        ):
            fields["escalation_hours"] = _(
                "Give a number of hours from 0 (never) to %(n)d, or leave it empty.", n=ESCALATION_HOURS_MAX
            )
    clash = db.session.scalar(select(Category).where(Category.slug == slug)) if slug and not fields else None
    if clash is not None and clash is not category:
        fields[slug_field] = _("Another category already uses this address.")
    if fields:
        raise ValidationError(_("Please correct the highlighted fields."), fields)
    before = None if category is None else _audited(category)
    if category is None:
        position = (db.session.scalar(select(func.max(Category.position))) or 0) + 1
        category = Category(position=position)
        db.session.add(category)
    category.slug, category.name, category.description = slug, name, description
    if translated is not None:
        category.translations = translated
    if premoderation is not None:
        category.premoderation = bool(premoderation)
    if escalation_hours is not UNCHANGED:
        category.escalation_hours = escalation_hours
    db.session.flush()
    after = _audited(category)
    if before != after:
        action = "category.create" if before is None else "category.edit"
        audit.record(actor, action, "category", category.id, before=before, after=after)
    signals.content_changed.send(actor)
    return category


def _audited(category: Category) -> dict:
    return {
        "slug": category.slug,
        "name": category.base_name,
        "description": category.base_description,
        "translations": dict(category.translations or {}),
        "premoderation": bool(category.premoderation),
        "escalation_hours": category.escalation_hours,
    }


def _translations(translations, fields: dict) -> dict:
    """Names and descriptions per language, checked; reasons under ``name_<code>``/``description_<code>``."""
    if not isinstance(translations, dict) or any(
        code not in languages()
        or not isinstance(entry, dict)
        or not all(isinstance(entry.get(key) or "", str) for key in ("name", "description"))
        for code, entry in translations.items()
    ):
        codes = ", ".join(languages())
        fields["translations"] = _("Give a name and a description for each of: %(codes)s.", codes=codes)
        return {}
    kept = {}
    for code, entry in translations.items():
        name = check_text(entry.get("name") or "", f"name_{code}", 0, 80, fields)
        if name and len(name) < 2:
            fields[f"name_{code}"] = _("Write at least %(n)d characters.", n=2)
        description = check_text(entry.get("description") or "", f"description_{code}", 0, 500, fields)
        if name or description:
            kept[code] = {"name": name, "description": description}
    return kept


def translate_tag(actor, tag: Tag, language: str, label: str) -> Tag:
    """Show ``tag`` as ``label`` in ``language`` (an empty label shows its name again)."""
    require(actor, "category.manage")
    fields: dict = {}
    if language not in languages():
        fields["language"] = _("Choose a language from the list.")
    label = check_text(label or "", "label", 0, 40, fields)
    if fields:
        raise ValidationError(_("Please correct the highlighted fields."), fields)
    old = (tag.translations or {}).get(language)
    translations = {code: value for code, value in (tag.translations or {}).items() if code != language}
    if label:
        translations[language] = label
    tag.translations = translations
    db.session.flush()
    if old != (label or None):
        audit.record(actor, "tag.translate", "tag", tag.id, before={language: old}, after={language: label or None})
    signals.content_changed.send(actor)
    return tag
