"""What the knowledge base tells the community: published articles can be followed, and when one
changes its followers hear of it."""

from __future__ import annotations

from flask import Flask, abort
from flask_babel import gettext as _

from community.notifications import subscribers as notifications
from community.notifications.follow_views import register_target
from knowledge_base import queries, signals
from knowledge_base.urls import article_url


def followable(key: str) -> tuple[int, str, str]:
    """A published article by id: (id, page, title); 404 otherwise."""
    if not key.isdigit() or len(key) > 9:
        abort(404)
    article = queries.article_detail(int(key))
    if article is None or not article.is_published:
        abort(404)
    return article.id, article_url(article), article.title


def article_edited(actor, article, **extra) -> None:
    if article.is_published:
        notifications.article_updated(actor, article.id, article.title, article_url(article), article.summary or "")


def connect(app: Flask) -> None:
    signals.article_edited.connect(article_edited, weak=False)
    register_target(
        app,
        "article",
        followable,
        lambda name: _("You follow “%(name)s”: you will hear when it is updated.", name=name),
        lambda name: _("You no longer follow “%(name)s”.", name=name),
    )
