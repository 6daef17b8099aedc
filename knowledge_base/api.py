"""API v1 for articles: list, read, promote, publish, rate (same /api/v1 base and error shape)."""

from __future__ import annotations

from flask import Blueprint, request, url_for

from community.api.auth import actor, authenticate, signed_in
from community.api.responses import choice_arg, json_body, listing, pagination, string_field
from community.api.serializers import iso
from community.core.extensions import db, limiter
from community.core.permissions import can
from community.questions import operations as qa
from community.questions import queries as qa_queries
from knowledge_base import operations as ops
from knowledge_base import queries
from knowledge_base.models import KINDS
from knowledge_base.ratings import browser_rater, rate, rate_limit
from knowledge_base.search_documents import article_path

bp = Blueprint("kb_api", __name__, url_prefix="/api/v1")
bp.before_request(authenticate)


def _image_url(step) -> str | None:
    """The address the pages show the step's image at, absolute like ``url``; None without an image."""
    if not step.image_path:
        return None
    return request.host_url.rstrip("/") + url_for("kb_media.image", name=step.image_path)


def serialize(article) -> dict:
    """What every caller sees of an article; staff also see ``needs_review``."""
    data = {
        "id": article.id,
        "kind": article.kind,
        "status": article.status,
        "title": article.title,
        "summary": article.summary,
        "body": article.body,
        "body_html": article.body_html,
        "steps": [
            {
                "position": step.position,
                "text": step.text,
                "text_html": step.text_html,
                "image_url": _image_url(step),
                "video_url": step.video_url,
            }
            for step in article.steps
        ],
        "url": request.host_url.rstrip("/") + article_path(article),
        "category": article.category.slug,
        "tags": [t.name for t in article.tags],
        "language": article.language,
        "external_id": article.external_id,
        "rating": {"average": article.rating_average, "count": article.rating_count},
        "source_question_id": article.source_question_id,
        "credited_user_ids": [credit.user_id for credit in article.credits],
        "replacement_id": article.replacement_id,
        "last_reviewed_at": iso(article.last_reviewed_at),
        "created_at": iso(article.created_at),
        "updated_at": iso(article.updated_at),
    }
    if can(actor(), "article.view_unpublished", article):
        data["needs_review"] = article.needs_review
    return data


def _article(article_id: int):
    ops.get_article(article_id, actor())
    return queries.article_detail(article_id)


@bp.get("/articles")
def list_articles():
    page, per_page = pagination()
    result = queries.article_list(
        actor(),
        kind=choice_arg("kind", KINDS),
        category=choice_arg("category", [c.slug for c in qa_queries.categories()]),
        page=page,
        per_page=per_page,
    )
    return listing(result, serialize)


@bp.get("/articles/<int:article_id>")
def get_article(article_id: int):
    return serialize(_article(article_id))


@bp.post("/answers/<int:answer_id>/promote")
@signed_in
def promote_answer(answer_id: int):
    answer = qa.get_answer(answer_id, actor())
    data = json_body()
    article = ops.promote_answer(actor(), answer, string_field(data, "kind", required=False, default="faq"))
    db.session.commit()
    return serialize(article), 201


@bp.post("/articles/<int:article_id>/publish")
@signed_in
def publish_article(article_id: int):
    article = ops.publish(actor(), _article(article_id))
    db.session.commit()
    return serialize(article)


@bp.post("/articles/<int:article_id>/ratings")
@limiter.shared_limit(rate_limit, scope="kb-rating")
def rate_article(article_id: int):
    """One rating per member, or per browser session for visitors (a random key kept in the session)."""
    article = _article(article_id)
    data = json_body()
    session_key = None if actor() else browser_rater()
    rating = rate(actor(), session_key, article, data.get("helpful"), data.get("stars"), data.get("comment"))
    db.session.commit()
    return {
        "helpful": rating.helpful,
        "stars": rating.stars,
        "comment": rating.comment,
        "rating": {"average": article.rating_average, "count": article.rating_count},
    }, 201
