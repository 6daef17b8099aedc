"""Reads for the public knowledge-base pages: home by category, related articles, step navigation,
structured data for search engines, and the human-support channels offered past the articles.

Every list is eager-loaded so a page costs a fixed number of queries whatever its length.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import Float, cast, func, or_, select
from sqlalchemy.orm import joinedload

from community.core import language as content_language
from community.core.errors import NotFound
from community.core.extensions import db
from community.core.markup import html_to_text
from community.discovery import searching
from community.escalation import channels
from community.escalation.articles import ArticleFact
from community.questions import operations as qa
from community.questions.coverage import Cover
from community.questions.models import Question
from community.taxonomy import queries as taxonomy
from community.taxonomy.models import Category
from knowledge_base.models import Article, ArticleStep, article_tags
from knowledge_base.urls import article_url

# An article's helpfulness is its average score pulled towards a neutral 3 by two phantom ratings,
# so one 5-star rating does not outrank fifty 4.8s and a poorly rated article sinks below new ones.
PRIOR_SCORE, PRIOR_WEIGHT = 3.0, 2
PER_CATEGORY = 4
RELATED = 4


def helpfulness():
    return (cast(Article.rating_sum, Float) + PRIOR_SCORE * PRIOR_WEIGHT) / (Article.rating_count + PRIOR_WEIGHT)


def _published():
    return Article.status == "published"


def _best_first():
    """The interface language's articles first, then the most helpful."""
    language_first = content_language.first(Article.language)
    return (language_first, helpfulness().desc(), Article.published_at.desc(), Article.id.desc())


@dataclass
class CategorySection:
    category: Category
    total: int
    kinds: dict[str, int]
    articles: list[Article] = field(default_factory=list)


def home(per_category: int = PER_CATEGORY, helpful: int = 5) -> dict:
    """Categories holding published articles, each with its counts and best few; the most helpful overall."""
    counts: dict[int, dict[str, int]] = {}
    for category_id, kind, number in db.session.execute(
        select(Article.category_id, Article.kind, func.count())
        .where(_published())
        .group_by(Article.category_id, Article.kind)
    ):
        counts.setdefault(category_id, {})[kind] = number
    sections = {
        c.id: CategorySection(c, sum(counts[c.id].values()), counts[c.id])
        for c in taxonomy.categories()
        if c.id in counts
    }
    rank = func.row_number().over(partition_by=Article.category_id, order_by=_best_first()).label("rank")
    ranked = select(Article.id, rank).where(_published()).subquery()
    best = db.session.scalars(
        select(Article)
        .join(ranked, ranked.c.id == Article.id)
        .where(ranked.c.rank <= per_category)
        .order_by(Article.category_id, ranked.c.rank)
    )
    for article in best:
        if article.category_id in sections:
            sections[article.category_id].articles.append(article)
    most_helpful = list(
        db.session.scalars(
            select(Article)
            .where(_published(), Article.rating_count > 0)
            .options(joinedload(Article.category))
            .order_by(*_best_first())
            .limit(helpful)
        )
    )
    return {
        "sections": list(sections.values()),
        "most_helpful": most_helpful,
        "total": sum(section.total for section in sections.values()),
    }


def kind_counts(category: Category, language: str | None = None) -> dict[str, int]:
    """Published articles of ``category`` by kind (in ``language`` only, when given)."""
    stmt = select(Article.kind, func.count()).where(_published(), Article.category_id == category.id)
    if language:
        stmt = stmt.where(Article.language == language)
    return dict(db.session.execute(stmt.group_by(Article.kind)).all())


def source_question(article: Article, viewer=None) -> Question | None:
    """The thread the article was promoted from, when ``viewer`` may see it."""
    if article.source_question_id is None:
        return None
    try:
        return qa.get_question(article.source_question_id, viewer)
    except NotFound:
        return None


def related(article: Article, limit: int = RELATED) -> list[Article]:
    """Published articles near this one: alike in wording first (the search's similar-content query on
    its title, summary and tags), then sharing its tags, then in its category."""
    found = _alike(article, limit)
    if len(found) < limit:
        tag_ids = [t.id for t in article.tags]
        shared = (
            select(article_tags.c.article_id, func.count().label("n"))
            .where(article_tags.c.tag_id.in_(tag_ids), article_tags.c.article_id != article.id)
            .group_by(article_tags.c.article_id)
            .subquery()
        )
        same_category = Article.category_id == article.category_id
        found += db.session.scalars(
            select(Article)
            .outerjoin(shared, shared.c.article_id == Article.id)
            .where(
                _published(),
                Article.id.not_in([article.id, *(a.id for a in found)]),
                or_(same_category, shared.c.n > 0),
            )
            .order_by(func.coalesce(shared.c.n, 0).desc(), same_category.desc(), *_best_first())
            .limit(limit - len(found))
        )
    return found


def _alike(article: Article, limit: int) -> list[Article]:
    """Up to ``limit`` published articles the search finds most alike; none when it is unavailable."""
    text = "\n".join([article.title, article.summary, " ".join(t.name for t in article.tags)])
    hits = searching.similar(text, limit * 5, exclude={f"article:{article.id}"})
    ids = list(dict.fromkeys(hit.id for hit in hits if hit.type == "article"))[: limit * 2]
    if not ids:
        return []
    rows = {a.id: a for a in db.session.scalars(select(Article).where(Article.id.in_(ids), _published()))}
    return [rows[i] for i in ids if i in rows][:limit]


def covering_articles(question, viewer=None) -> list[Cover]:
    """The published articles made from ``question``'s answers, for the thread to link to (a
    ``community.questions.coverage`` finder, registered at ``init_app``)."""
    rows = db.session.execute(
        select(Article.id, Article.slug, Article.title, Article.language)
        .where(Article.source_question_id == question.id, _published())
        .order_by(Article.published_at, Article.id)
    )
    label = _("Covered in the help article:")
    return [Cover(label, row.title, article_url(row), row.language) for row in rows]


@dataclass
class StepPosition:
    step: ArticleStep
    number: int
    total: int

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.total else None

    @property
    def is_last(self) -> bool:
        return self.number == self.total


def step_at(article: Article, number: int) -> StepPosition | None:
    """Step ``number`` (from 1) of a tutorial, or None when there is no such step."""
    if article.kind != "tutorial" or not 1 <= number <= len(article.steps):
        return None
    return StepPosition(article.steps[number - 1], number, len(article.steps))


def step_url(article: Article, number: int, external: bool = False) -> str:
    return url_for("kb.step", article_id=article.id, slug=article.slug, number=number, _external=external)


def structured_data(article: Article) -> dict:
    """schema.org data for search engines: an FAQPage for an FAQ entry, a HowTo for a tutorial."""
    url = article_url(article, _external=True)
    base = {"@context": "https://schema.org", "inLanguage": article.language, "url": url}
    if article.last_reviewed_at:
        base["dateModified"] = article.last_reviewed_at.date().isoformat()
    if article.kind != "tutorial":
        answer = {"@type": "Answer", "text": html_to_text(article.body_html)}
        return base | {
            "@type": "FAQPage",
            "mainEntity": [{"@type": "Question", "name": article.title, "acceptedAnswer": answer}],
        }
    steps = []
    for step in article.steps:
        item = {
            "@type": "HowToStep",
            "position": step.position,
            "text": html_to_text(step.text_html) or step.title,
            "url": step_url(article, step.position, True),
        }
        if step.title:
            item["name"] = step.title
        if step.image_path:
            item["image"] = url_for("kb_media.image", name=step.image_path, _external=True)
        steps.append(item)
    description = article.summary or html_to_text(article.body_html)
    return base | {"@type": "HowTo", "name": article.title, "description": description, "step": steps}


def ask_args(article: Article) -> dict:
    """What "Ask the community" prefills in the ask form: the article's title, a line pointing at it, its category."""
    url = article_url(article, _external=True)
    body = _("I read the article “%(title)s” (%(url)s) but…", title=article.title, url=url)
    return {"title": article.title, "body": body, "category": article.category.slug}


def advisor_channels() -> list[dict]:
    """The brand's human-support channels (``ADVISOR_CHANNELS``), as the community's advisor page
    shows them: with their hours in words and whether they are open now."""
    return channels.advisor_channels()


def article_fact(article_id: int) -> ArticleFact | None:
    """A published article as the escalation keeps it on a case (its id, title and address)."""
    article = db.session.get(Article, article_id)
    if article is None or not article.is_published:
        return None
    return ArticleFact(article.id, article.title, article_url(article))


def article_titles(ids: set[int]) -> dict[int, str]:
    """The titles of the published articles among ``ids``: the journey trail names the articles a
    visit opened from the page cache with them."""
    published = select(Article.id, Article.title).where(Article.id.in_(ids), Article.status == "published")
    return dict(db.session.execute(published).all())
