"""The knowledge base's part of the audit log: its actions, articles as targets, and what an edit changed."""

from __future__ import annotations

from flask import url_for
from flask_babel import lazy_gettext as _l

from community.audit import record
from community.audit.catalogue import register_actions, register_target
from community.core.extensions import db
from community.taxonomy.models import Category

ACTIONS = {
    "article.create": _l("Article written"),
    "article.edit": _l("Article edited"),
    "article.media": _l("Article step media changed"),
    "article.restore_revision": _l("Article revision restored"),
    "article.submit": _l("Article sent for review"),
    "article.publish": _l("Article published"),
    "article.review": _l("Article marked as reviewed"),
    "article.archive": _l("Article archived"),
    "article.promote": _l("Answer promoted to an article"),
    "article.import": _l("Articles imported"),
}

# ``operations.content_key`` order; the long texts are named when changed, not copied.
KEY_FIELDS = ("kind", "title", "summary", "body", "language", "category", "tags", "steps")
LONG_FIELDS = {"summary", "body", "steps"}


def register() -> None:
    register_actions(ACTIONS)
    register_target("article", _l("Help article"), lambda article_id: url_for("kb.article", article_id=article_id))


def _shown(name: str, value):
    if name == "category":
        category = db.session.get(Category, value) if value is not None else None
        return category.slug if category else value
    return list(value) if isinstance(value, tuple) else value


def record_edit(actor, article, before_key: tuple, after_key: tuple, revision, action: str, note: str = "") -> None:
    """An edit as the fields it changed: short ones old → new, long ones named under ``changed``."""
    before, after, changed = {"revision": revision.number - 1}, {"revision": revision.number}, []
    for name, old, new in zip(KEY_FIELDS, before_key, after_key, strict=True):
        if old == new:
            continue
        if name in LONG_FIELDS:
            changed.append(name)
        else:
            before[name], after[name] = _shown(name, old), _shown(name, new)
    if changed:
        after["changed"] = changed
    record(actor, action, "article", article.id, before=before, after=after, reason=note)


def record_status(actor, action: str, article, old_status: str, **after) -> None:
    """A change of status (``old_status`` None for a new article), with ``after``'s other facts."""
    before, after = {"status": old_status}, {"status": article.status, **after}
    record(actor, action, "article", article.id, before=before, after=after)
