"""Customers rating articles, and the rule that sends a poorly rated article back to review."""

from __future__ import annotations

import secrets

from flask import current_app, session
from flask_babel import gettext as _
from sqlalchemy import func, select

from community.core.errors import NotFound, ValidationError
from community.core.extensions import db
from community.core.permissions import require
from community.core.text import storable
from knowledge_base import signals
from knowledge_base.models import Article, Rating

COMMENT_MAX = 1000
RATER_KEY = "kb_rater"  # the session entry naming an anonymous browser as a rater


def browser_rater() -> str:
    """The random key naming this browser session as a rater (pages and API share it)."""
    return session.setdefault(RATER_KEY, secrets.token_urlsafe(18))


def rate_limit() -> str:
    """How many ratings one address may send (Flask-Limiter syntax), pages and API together."""
    return current_app.config["KB_RATING_RATE_LIMIT"]


def score_of(helpful: bool, stars: int | None) -> int:
    """The contract's rule: the stars, or 5 when marked helpful / 1 when not, if no stars."""
    if stars is not None:
        return stars
    return 5 if helpful else 1


def _check(helpful, stars, comment) -> str:
    fields: dict = {}
    if not isinstance(helpful, bool):
        fields["helpful"] = _("Say whether the article helped (true or false).")
    if stars is not None and (isinstance(stars, bool) or not isinstance(stars, int) or not 1 <= stars <= 5):
        fields["stars"] = _("Stars are a whole number from 1 to 5.")
    comment = "" if comment is None else comment
    if not isinstance(comment, str) or not storable(comment):
        fields["comment"] = _("Must be text.")
    elif len(comment.strip()) > COMMENT_MAX:
        fields["comment"] = _("Write at most %(n)d characters.", n=COMMENT_MAX)
    if fields:
        raise ValidationError(_("Please correct the highlighted fields."), fields)
    return comment.strip()


def rate(actor, session_key: str | None, article: Article, helpful, stars=None, comment=None) -> Rating:
    """Record the rating of ``actor`` (a member) or, for a visitor, of the browser ``session_key``.

    A second rating from the same rater replaces the first. The cached sum and count are recomputed
    from the ratings. When the average score falls under ``KB_REVIEW_THRESHOLD`` over at least
    ``KB_REVIEW_MIN_RATINGS`` ratings, the article gets ``needs_review`` (and enters the curation
    queue) but stays published: its status does not change on its own, because anonymous
    ratings are cheap to forge and would otherwise let anyone take a good article offline. Staff
    decide — edit and re-publish, or ``mark_reviewed`` — which clears the flag.
    """
    require(actor, "article.rate", article)
    if not article.is_published:
        raise NotFound(_("This article does not exist."))
    comment = _check(helpful, stars, comment)
    member = actor is not None and getattr(actor, "is_authenticated", False)
    if not member and not session_key:
        raise ValidationError(_("Ratings need a browser session or a signed-in member."), code="no_rater")
    rater = Rating.user_id == actor.id if member else Rating.session_key == session_key
    rating = db.session.scalar(select(Rating).where(Rating.article_id == article.id, rater))
    replaced = rating is not None
    if rating is None:
        rating = Rating(
            article_id=article.id,
            user_id=actor.id if member else None,
            session_key=None if member else session_key[:64],
        )
        db.session.add(rating)
    rating.helpful, rating.stars, rating.comment = helpful, stars, comment
    rating.score = score_of(helpful, stars)
    db.session.flush()
    total, count = db.session.execute(
        select(func.coalesce(func.sum(Rating.score), 0), func.count(Rating.id)).where(Rating.article_id == article.id)
    ).one()
    article.rating_sum, article.rating_count = int(total), int(count)
    flagged = _below_threshold(article) and not article.needs_review
    if flagged:
        article.needs_review = True
    db.session.flush()
    signals.article_rated.send(actor, article=article, rating=rating, replaced=replaced)
    if flagged:
        signals.article_flagged.send(actor, article=article)
    return rating


def _below_threshold(article: Article) -> bool:
    config = current_app.config
    return (
        article.rating_count >= config["KB_REVIEW_MIN_RATINGS"]
        and article.rating_sum / article.rating_count < config["KB_REVIEW_THRESHOLD"]
    )
