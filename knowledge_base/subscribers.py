"""What the knowledge base tells the community: a published article changed, so its followers hear of it."""

from __future__ import annotations

from community.notifications import subscribers as notifications
from knowledge_base import signals
from knowledge_base.urls import article_url


def article_edited(actor, article, **extra) -> None:
    if article.is_published:
        notifications.article_updated(actor, article.id, article.title, article_url(article), article.summary or "")


def connect() -> None:
    signals.article_edited.connect(article_edited, weak=False)
