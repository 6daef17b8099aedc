"""Published articles as search documents; drafts, articles in review and archived ones leave the index."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from community.core.markup import html_to_text
from knowledge_base.models import Article
from knowledge_base.urls import article_url
from search import Document
from search.queue import Kind, ids_in_batches, register

ARTICLE_BOOST = 2.0


def article_document(article: Article) -> Document:
    steps = "\n".join(
        "\n".join(part for part in (step.title, html_to_text(step.text_html)) if part) for step in article.steps
    )
    body = "\n".join(part for part in (article.summary, html_to_text(article.body_html), steps) if part)
    return Document(
        type="article",
        id=article.id,
        title=article.title,
        body=body,
        url=article_url(article),
        tags=[t.name for t in article.tags],
        category=article.category.slug,
        language=article.language,
        status=article.status,
        boost=ARTICLE_BOOST,
        created_at=article.published_at or article.created_at,
    )


def _load(session: Session, ids: list[int]) -> dict[int, Document | None]:
    rows = session.scalars(
        select(Article)
        .where(Article.id.in_(ids))
        .options(joinedload(Article.category), selectinload(Article.tags), selectinload(Article.steps))
    ).unique()
    found = {a.id: (article_document(a) if a.is_published else None) for a in rows}
    return {i: found.get(i) for i in ids}


def register_kinds() -> None:
    """Index published articles (called by the knowledge base's ``init_app``)."""
    register(
        Kind(
            Article,
            ("title", "summary", "body", "status", "category_id", "language", "tags", "updated_at"),
            lambda article: [f"article:{article.id}"],
            _load,
            lambda session: ids_in_batches(Article, session),
            "article",
        )
    )
