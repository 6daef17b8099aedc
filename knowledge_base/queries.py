"""Reads for the knowledge base: lists, one article with what its page shows, thread links."""

from __future__ import annotations

from sqlalchemy import case, func, select
from sqlalchemy.orm import joinedload, selectinload

from community.core.extensions import db
from community.core.pagination import Page, paginate
from community.core.permissions import can
from community.taxonomy.models import Category
from knowledge_base.models import Article, ArticleCredit, ArticleRevision, Rating


def _list_options():
    return (joinedload(Article.category), selectinload(Article.tags), selectinload(Article.credits))


def article_list(
    viewer=None,
    *,
    kind: str | None = None,
    category: str | None = None,
    status: str | None = None,
    needs_review: bool | None = None,
    language: str | None = None,
    page: int = 1,
    per_page: int = 20,
) -> Page:
    """Published articles, newest first; staff may ask for another ``status``, or for the ones
    that ``needs_review``; with ``language``, only those written in it."""
    stmt = select(Article).options(*_list_options()).order_by(Article.updated_at.desc(), Article.id.desc())
    if status is None or not can(viewer, "article.view_unpublished"):
        status = "published"
    stmt = stmt.where(Article.status == status)
    if kind:
        stmt = stmt.where(Article.kind == kind)
    if language:
        stmt = stmt.where(Article.language == language)
    if needs_review is not None and can(viewer, "article.view_unpublished"):
        stmt = stmt.where(Article.needs_review.is_(needs_review))
    if category:
        stmt = stmt.join(Category, Article.category_id == Category.id).where(Category.slug == category)
    return paginate(stmt, page, per_page)


def article_detail(article_id: int) -> Article | None:
    """One article with everything its page and the API show: category, tags, steps, credited
    members, replacement."""
    return db.session.scalar(
        select(Article)
        .where(Article.id == article_id)
        .options(
            joinedload(Article.category),
            joinedload(Article.replacement),
            selectinload(Article.tags),
            selectinload(Article.steps),
            selectinload(Article.credits).joinedload(ArticleCredit.user),
        )
    )


def articles_for_question(question_id: int, viewer=None) -> dict[int | None, Article]:
    """Articles promoted from a thread, by answer id: what lets the thread say "This answer is now in
    the knowledge base". Visitors see only published ones; staff also drafts and articles in review.

    The link lives on the article (``source_question_id``, ``source_answer_id``) so the community
    keeps no knowledge of articles; ``knowledge_base.init_app`` exposes this to templates as
    ``kb_articles_for_question``.
    """
    statuses = ("published",) if not can(viewer, "article.view_unpublished") else ("draft", "in_review", "published")
    rows = db.session.scalars(
        select(Article)
        .where(Article.source_question_id == question_id, Article.status.in_(statuses))
        .order_by(Article.id)
    )
    return {article.source_answer_id: article for article in rows}


def article_summaries(ids: list[int]) -> dict[int, str]:
    """The summaries of published articles, by id: what the ask page's confirmation step shows
    under a matching article (registered with ``community.questions.matches``)."""
    rows = db.session.execute(
        select(Article.id, Article.summary).where(Article.id.in_(ids), Article.status == "published")
    )
    return {id_: summary for id_, summary in rows}


def revisions(article: Article) -> list[ArticleRevision]:
    return list(
        db.session.scalars(
            select(ArticleRevision)
            .where(ArticleRevision.article_id == article.id)
            .options(joinedload(ArticleRevision.author))
            .order_by(ArticleRevision.number.desc())
        )
    )


def rating_comments(article: Article, limit: int = 50) -> list[Rating]:
    """The newest ratings that carry a comment (staff read them in the curation queue)."""
    return list(
        db.session.scalars(
            select(Rating)
            .where(Rating.article_id == article.id, Rating.comment != "")
            .order_by(Rating.created_at.desc(), Rating.id.desc())
            .limit(limit)
        )
    )


def status_counts(tabs) -> dict[str, int]:
    """Articles by status, and the published ones that need review (``needs_review``)."""
    flagged = func.sum(case((Article.needs_review.is_(True) & (Article.status == "published"), 1), else_=0))
    rows = db.session.execute(select(Article.status, func.count(), flagged).group_by(Article.status)).all()
    counts = dict.fromkeys(tabs, 0)
    for status, count, needs_review in rows:
        counts[status] = count
        counts["needs_review"] = counts.get("needs_review", 0) + int(needs_review or 0)
    return counts


def replacement_choices(article: Article) -> list[tuple[int, str]]:
    """Published articles that may replace ``article`` when it is archived (staff tools)."""
    rows = db.session.execute(
        select(Article.id, Article.title)
        .where(Article.status == "published", Article.id != article.id)
        .order_by(Article.title)
        .limit(1000)
    )
    return [tuple(row) for row in rows]
