"""The knowledge base in the sitemap: its home page and every published article (nothing else)."""

from __future__ import annotations

from collections.abc import Iterator

from flask import Flask, url_for
from sqlalchemy import select

from community.core import sitemap
from community.core.extensions import db
from knowledge_base.models import Article
from knowledge_base.urls import article_url


def published_articles() -> Iterator[sitemap.Entry]:
    yield url_for("kb.home", _external=True), None
    rows = db.session.execute(
        select(Article.id, Article.slug, Article.updated_at)
        .where(Article.status == "published")
        .order_by(Article.updated_at.desc(), Article.id.desc())
        .limit(sitemap.MAX_URLS)
    )
    for row in rows:
        yield article_url(row, _external=True), row.updated_at


def init_app(app: Flask) -> None:
    sitemap.register(published_articles, app)
    sitemap.disallow(("/kb/staff", "/kb/curation", "/kb/new", "/kb/*/edit", "/kb/*/revisions"), app)
