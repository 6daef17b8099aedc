"""What the knowledge base adds to the community's home page: its most helpful articles and the advisors."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from community.core import language as content_language
from community.core.extensions import db
from community.core.navigation import HomeBlock, register_home_block
from knowledge_base import browsing
from knowledge_base.models import Article

HELPFUL = 5


def helpful_articles(limit: int = HELPFUL) -> dict:
    """Published articles, the interface language's first, then best rated.

    (A prior in ``helpfulness`` keeps a single 5-star rating from topping the list.)
    """
    articles = db.session.scalars(
        select(Article)
        .where(Article.status == "published")
        .options(joinedload(Article.category))
        .order_by(
            content_language.first(Article.language),
            browsing.helpfulness().desc(),
            Article.rating_count.desc(),
            Article.published_at.desc(),
            Article.id.desc(),
        )
        .limit(limit)
    )
    return {"articles": list(articles)}


def advisor() -> dict:
    return {"channels": browsing.advisor_channels()[:3]}


def init_app(app: Flask) -> None:
    register_home_block(app, HomeBlock("self_service", "kb/_home_helpful.html", helpful_articles, order=10))
    register_home_block(app, HomeBlock("human", "kb/_home_advisor.html", advisor, order=10))
