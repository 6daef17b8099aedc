"""API v1 for articles: list, read, promote, publish, rate. The knowledge base's own part of the API
(same /api/v1 base, error shape and OpenAPI document), registered at its ``init_app``."""

from __future__ import annotations

from flask import request, url_for
from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate

from community.api.auth import actor, permitted, signed_in
from community.api.blueprint import Blueprint, errors
from community.api.categories import CategorySlug
from community.api.fields import Boolean, DateTime, Facet, Integer, Length, OneOf, Range, Text
from community.api.questions import MARKDOWN, STORED_TAG
from community.api.schemas import Input, Output, PageArgs, page_of
from community.core.extensions import db, limiter
from community.questions import operations as qa
from knowledge_base import operations as ops
from knowledge_base import queries
from knowledge_base.models import KINDS, LANGUAGES, STATUSES
from knowledge_base.ratings import COMMENT_MAX, browser_rater, rate, rate_limit
from knowledge_base.urls import article_url

TAGS = ["articles"]
HTML = {"description": "The Markdown rendered to safe HTML."}

bp = Blueprint("kb_api", __name__, tags={"articles": "Knowledge-base articles: FAQ entries and tutorials."})


def _absolute(path: str) -> str:
    return request.host_url.rstrip("/") + path


def _image_url(step) -> str | None:
    """The address the pages show the step's image at, absolute like ``url``; None without an image."""
    return _absolute(url_for("kb_media.image", name=step.image_path)) if step.image_path else None


class ArticleStep(Output):
    position = fields.Integer(validate=validate.Range(min=1))
    title = fields.String(
        metadata={"description": "The heading the step's text starts with (its Markdown), or an empty string."}
    )
    text = fields.String(metadata=MARKDOWN)
    text_html = fields.String(metadata=HTML)
    image_url = fields.Function(
        _image_url, metadata={"type": ["string", "null"], "description": "The step's picture, if any."}
    )
    video_url = fields.String(allow_none=True, metadata={"description": "A privacy-friendly embed address, if any."})


class RatingSummary(Output):
    average = fields.Float(
        attribute="rating_average",
        allow_none=True,
        metadata={"description": "Average score from 1 to 5; null unrated."},
    )
    count = fields.Integer(attribute="rating_count", validate=validate.Range(min=0))


class Article(Output):
    """An article as anyone sees it; staff also see ``needs_review``."""

    id = fields.Integer()
    kind = fields.String(validate=OneOf(KINDS))
    status = fields.String(validate=OneOf(STATUSES), metadata={"description": "Always `published` for non-staff."})
    title = fields.String()
    summary = fields.String()
    body = fields.String(metadata=MARKDOWN)
    body_html = fields.String(metadata=HTML)
    steps = fields.List(fields.Nested(ArticleStep), metadata={"description": "A tutorial's steps, in order."})
    url = fields.Function(
        lambda article: article_url(article, _external=True),
        metadata={"type": "string", "format": "uri", "description": "The article's page on the site."},
    )
    category = fields.String(attribute="category.slug", metadata={"description": "The category's slug."})
    tags = fields.Function(
        lambda article: [tag.name for tag in article.tags], metadata={"type": "array", "items": STORED_TAG}
    )
    language = fields.String(validate=OneOf(LANGUAGES))
    external_id = fields.String(allow_none=True, metadata={"description": "The id given at import (`kb import`)."})
    rating = Facet(RatingSummary)
    needs_review = fields.Boolean(
        metadata={
            "only_for": "article.view_unpublished",
            "description": "Staff only: the ratings fell under the review threshold.",
        }
    )
    source_question_id = fields.Integer(allow_none=True, metadata={"description": "The thread it was promoted from."})
    credited_user_ids = fields.Function(
        lambda article: [credit.user_id for credit in article.credits],
        metadata={"type": "array", "items": {"type": "integer"}},
    )
    replacement_id = fields.Integer(allow_none=True, metadata={"description": "An archived article's replacement."})
    last_reviewed_at = DateTime(allow_none=True)
    created_at = DateTime()
    updated_at = DateTime()


ArticlePage = page_of(Article)


class ArticleFilters(PageArgs):
    kind = Text(validate=OneOf(KINDS), metadata={"description": "Only FAQ entries or only tutorials."})
    category = CategorySlug(metadata={"description": "Only articles of this category (a slug)."})


class Promotion(Input):
    kind = Text(allow_none=True, load_default="faq", validate=OneOf(KINDS))


class NewRating(Input):
    helpful = Boolean(
        _l("Say whether the article helped (true or false)."),
        required=True,
        metadata={"description": "Was this helpful?"},
    )
    stars = Integer(
        strict=True,
        allow_none=True,
        validate=Range(1, 5, error=_l("Stars are a whole number from 1 to 5.")),
        error_messages={"invalid": _l("Stars are a whole number from 1 to 5.")},
    )
    comment = Text(allow_none=True, validate=Length(max=COMMENT_MAX), metadata={"description": "Read by staff."})


class RatingResult(Output):
    helpful = fields.Boolean()
    stars = fields.Integer(allow_none=True, validate=validate.Range(1, 5))
    comment = fields.String()
    rating = fields.Nested(RatingSummary)


def _article(article_id: int):
    ops.get_article(article_id, actor())
    return queries.article_detail(article_id)


@bp.get("/articles", tags=TAGS)
@bp.arguments(ArticleFilters, location="query")
@bp.response(200, ArticlePage)
def list_articles(args: dict):
    """Published knowledge-base articles

    Last updated first.
    """
    return queries.article_list(
        actor(), kind=args.get("kind"), category=args.get("category"), page=args["page"], per_page=args["per_page"]
    )


@bp.get("/articles/<int:article_id>", tags=TAGS)
@bp.response(200, Article)
def get_article(article_id: int):
    """An FAQ entry or a tutorial

    Drafts, articles in review and archived ones give 404, except to staff.
    """
    return _article(article_id)


@bp.post("/answers/<int:answer_id>/promote", tags=TAGS)
@permitted("article.promote")
@errors(409)
@bp.arguments(Promotion)
@bp.response(201, Article)
def promote_answer(data: dict, answer_id: int):
    """Turn an answer into a draft article (staff)

    The draft is prefilled from the question's title and the answer, and credited to the answer's
    author; for a tutorial the answer's numbered list becomes the steps. 409 `already_promoted` when
    the answer already has an article.
    """
    answer = qa.get_answer(answer_id, actor())
    article = ops.promote_answer(actor(), answer, data.get("kind", "faq"))
    db.session.commit()
    return article


@bp.post("/articles/<int:article_id>/publish", tags=TAGS)
@signed_in
@errors(403, 409)
@bp.response(200, Article)
def publish_article(article_id: int):
    """Publish a draft or an article in review (staff)

    409 `not_publishable` when the article is already published or archived. No body is needed.
    """
    article = ops.publish(actor(), _article(article_id))
    db.session.commit()
    return article


@bp.post("/articles/<int:article_id>/ratings", tags=TAGS)
@limiter.shared_limit(rate_limit, scope="kb-rating")
@errors(429)
@bp.arguments(NewRating)
@bp.response(201, RatingResult)
def rate_article(data: dict, article_id: int):
    """Rate a published article

    One rating per member, or per browser session for visitors (a random key kept in the session
    cookie): a second one from the same rater replaces the first. A rating scores its stars, or 5 when
    helpful and 1 when not.
    """
    article = _article(article_id)
    session_key = None if actor() else browser_rater()
    rating = rate(actor(), session_key, article, data["helpful"], data.get("stars"), data.get("comment"))
    db.session.commit()
    return {"helpful": rating.helpful, "stars": rating.stars, "comment": rating.comment, "rating": article}
