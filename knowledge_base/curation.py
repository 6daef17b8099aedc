"""Reads for the staff curation queue: answers worth promoting, articles to review, searches that found nothing.

Promotion candidates are accepted answers of visible threads that no live article was made from,
ranked by

    priority = 2 × answer score + log₂(1 + question views) + 4 × log₂(1 + comebacks)

where *comebacks* counts how often the same need came back: questions closed as duplicates of this
one, visits of the last ``COMEBACK_DAYS`` days whose search opened it, and visits that opened it from
the ask form's suggestions in that time (a visit counts once, however often it clicks). Votes say
the answer is right, views that many people read the thread, comebacks that people keep asking: the
logarithms keep a thread with thousands of views from burying one that comes back every week.

An article needs review when it is published and any of: ratings flagged it (``needs_review``);
its last review (or its publication, if never reviewed) is older than ``KB_REVIEW_MAX_AGE_DAYS``;
a rating with a comment that said "not helpful" or gave 2 stars or fewer arrived since that review.
Marking it reviewed clears all three.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import joinedload

from community.core.database import utcnow
from community.core.extensions import db
from community.core.pagination import Page
from community.discovery import operations as discovery
from community.discovery.models import DeflectionEvent, SearchQuery
from community.questions.models import Answer, Question
from knowledge_base.models import Article, Rating

SECTION_SIZE = 20
CANDIDATES_PER_PAGE = 10
COMEBACK_DAYS = 90
ZERO_RESULT_DAYS = 30
NEGATIVE_SCORE = 2  # a rating scoring this or less, with a comment, asks for a review
COMMENTS_SHOWN = 3


@dataclass
class Candidate:
    answer: Answer
    question: Question
    score: int
    views: int
    duplicates: int
    searches: int
    suggestions: int
    priority: float

    @property
    def comebacks(self) -> int:
        return self.duplicates + self.searches + self.suggestions


@dataclass
class ReviewItem:
    article: Article
    flagged: bool
    stale: bool
    reviewed_at: datetime
    comments: list[Rating] = field(default_factory=list)

    @property
    def age_days(self) -> int:
        return (utcnow() - self.reviewed_at).days


@dataclass
class ZeroResult:
    normalized: str
    query: str  # the latest spelling someone typed, for a readable title
    times: int  # visits that searched it (one visit repeating it counts once)
    last_seen: datetime


@dataclass
class Section:
    items: list
    total: int


def review_max_age_days() -> int:
    return int(current_app.config["KB_REVIEW_MAX_AGE_DAYS"])


def priority(score: int, views: int, comebacks: int) -> float:
    return 2 * score + math.log2(1 + max(views, 0)) + 4 * math.log2(1 + max(comebacks, 0))


def _counts_by_question(rows) -> dict[int, int]:
    counts: dict[int, int] = {}
    for key, count in rows:
        kind, _, raw_id = (key or "").partition(":")
        if kind == "question" and raw_id.isdigit():
            counts[int(raw_id)] = counts.get(int(raw_id), 0) + count
    return counts


def promotion_candidates(page: int = 1, per_page: int = CANDIDATES_PER_PAGE, now: datetime | None = None) -> Page:
    """Accepted answers not in the knowledge base yet, best first (see the module docstring)."""
    since = (now or utcnow()) - timedelta(days=COMEBACK_DAYS)
    promoted = exists().where(Article.source_answer_id == Answer.id, Article.status != "archived")
    rows = db.session.execute(
        select(Answer.id, Answer.score, Question.id, Question.view_count)
        .join(Answer, Question.accepted_answer_id == Answer.id)
        .where(~promoted)
    ).all()
    if not rows:
        return Page([], page, per_page, 0)
    duplicates = dict(
        db.session.execute(
            select(Question.duplicate_of_id, func.count())
            .where(Question.duplicate_of_id.is_not(None), Question.status == "closed")
            .group_by(Question.duplicate_of_id)
        ).all()
    )
    searches = _counts_by_question(
        db.session.execute(
            select(SearchQuery.opened_key, func.count(func.distinct(SearchQuery.visit_id)))
            .where(SearchQuery.opened_key.like("question:%"), SearchQuery.created_at >= since)
            .group_by(SearchQuery.opened_key)
        ).all()
    )
    suggestions = _counts_by_question(
        db.session.execute(
            select(DeflectionEvent.target_key, func.count(func.distinct(DeflectionEvent.visit_id)))
            .where(
                DeflectionEvent.kind == "suggestion_opened",
                DeflectionEvent.target_key.like("question:%"),
                DeflectionEvent.created_at >= since,
            )
            .group_by(DeflectionEvent.target_key)
        ).all()
    )
    figures = []
    for answer_id, score, question_id, views in rows:
        counts = (duplicates.get(question_id, 0), searches.get(question_id, 0), suggestions.get(question_id, 0))
        figures.append((priority(score, views, sum(counts)), answer_id, score, views, counts))
    figures.sort(key=lambda f: (-f[0], -f[1]))
    best = figures[(page - 1) * per_page : page * per_page]
    answers = {
        a.id: a
        for a in db.session.scalars(
            select(Answer)
            .where(Answer.id.in_([f[1] for f in best]))
            .options(
                joinedload(Answer.author),
                joinedload(Answer.question).joinedload(Question.category),
            )
        ).unique()
    }
    items = [
        Candidate(answers[aid], answers[aid].question, score, views, *counts, priority=round(value, 1))
        for value, aid, score, views, counts in best
        if aid in answers
    ]
    return Page(items, page, per_page, len(figures))


def _reviewed_at():
    return func.coalesce(Article.last_reviewed_at, Article.published_at, Article.created_at)


def _negative_comment():
    return and_(
        Rating.comment != "",
        or_(Rating.helpful.is_(False), Rating.score <= NEGATIVE_SCORE),
    )


def articles_to_review(limit: int = SECTION_SIZE, now: datetime | None = None) -> Section:
    """Published articles needing a look: flagged first, then most negative comments, then the oldest review."""
    max_age = timedelta(days=review_max_age_days())
    cutoff = (now or utcnow()) - max_age
    reviewed_at = _reviewed_at()
    negative = (
        select(func.count(Rating.id))
        .where(Rating.article_id == Article.id, _negative_comment(), Rating.created_at >= reviewed_at)
        .correlate(Article)
        .scalar_subquery()
    )
    stale = reviewed_at < cutoff
    condition = or_(Article.needs_review.is_(True), stale, negative > 0)
    base = select(Article).where(Article.status == "published", condition)
    total = db.session.scalar(select(func.count()).select_from(base.subquery()))
    if not total:
        return Section([], 0)
    rows = db.session.execute(
        base.add_columns(negative.label("negative"), reviewed_at.label("reviewed_at"))
        .options(joinedload(Article.category))
        .order_by(Article.needs_review.desc(), negative.desc(), reviewed_at.asc(), Article.id)
        .limit(limit)
    ).all()
    comments = _negative_comments({article.id: at for article, _, at in rows})
    items = [
        ReviewItem(
            article=article,
            flagged=article.needs_review,
            stale=at < cutoff,
            reviewed_at=at,
            comments=comments.get(article.id, []),
        )
        for article, _, at in rows
    ]
    return Section(items, total)


def _negative_comments(since_by_article: dict[int, datetime]) -> dict[int, list[Rating]]:
    """The newest negative comments of each article since its last review (a few each)."""
    if not since_by_article:
        return {}
    found: dict[int, list[Rating]] = {}
    ratings = db.session.scalars(
        select(Rating)
        .where(
            Rating.article_id.in_(list(since_by_article)),
            Rating.created_at >= min(since_by_article.values()),
            _negative_comment(),
        )
        .order_by(Rating.created_at.desc(), Rating.id.desc())
    )
    for rating in ratings:
        kept = found.setdefault(rating.article_id, [])
        if rating.created_at >= since_by_article[rating.article_id] and len(kept) < COMMENTS_SHOWN:
            kept.append(rating)
    return {key: value for key, value in found.items() if value}


def zero_result_searches(limit: int = SECTION_SIZE, days: int = ZERO_RESULT_DAYS) -> Section:
    """The search report's searches without results, with a spelling someone actually typed."""
    rows = discovery.zero_result_queries(days=days, limit=limit)
    if not rows:
        return Section([], 0)
    counted = discovery.counted_zero_results(days)
    total = db.session.scalar(select(func.count(func.distinct(SearchQuery.normalized))).where(*counted))
    spelled: dict[str, str] = {}
    for normalized, query in db.session.execute(
        select(SearchQuery.normalized, SearchQuery.query)
        .where(*counted, SearchQuery.normalized.in_([row[0] for row in rows]))
        .order_by(SearchQuery.created_at.desc(), SearchQuery.id.desc())
    ):
        spelled.setdefault(normalized, query.strip())
    items = [
        ZeroResult(normalized, spelled.get(normalized) or normalized, times, last_seen)
        for normalized, times, last_seen in rows
    ]
    return Section(items, total or len(items))


def queue(page: int = 1) -> dict:
    return {
        "candidates": promotion_candidates(page),
        "review": articles_to_review(),
        "zero": zero_result_searches(),
    }
