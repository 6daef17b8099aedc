"""``kb import``: a brand's existing FAQ, one JSON article a line, idempotent on ``external_id``.

Each line is parsed and fully validated before anything is written, so a refused line leaves no
trace; the command commits once at the end.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import func, select

from community.audit import record
from community.core import signals as community_signals
from community.core.database import utcnow
from community.core.extensions import db
from community.core.permissions import require
from community.core.text import slugify, storable
from community.taxonomy.models import Category
from knowledge_base import operations as ops
from knowledge_base import signals
from knowledge_base.models import Article

EXTERNAL_ID_MAX = 200
CATEGORY_MAX = 80
KNOWN_KEYS = {"external_id", "title", "body", "kind", "category", "tags", "language", "summary", "steps"}


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: list[tuple[int, str]] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)


class Refused(Exception):
    """A line that cannot be imported, with the reason."""


def _parse(line: str) -> dict:
    try:
        data = json.loads(line)
    except (ValueError, RecursionError) as err:
        raise Refused(f"invalid JSON ({err})") from None
    if not isinstance(data, dict):
        raise Refused("not a JSON object")
    return data


def _external_id(data: dict) -> str:
    value = data.get("external_id")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip() or not storable(value):
        raise Refused("external_id: required, a non-empty string")
    if len(value.strip()) > EXTERNAL_ID_MAX:
        raise Refused(f"external_id: at most {EXTERNAL_ID_MAX} characters")
    return value.strip()


def _category_name(data: dict) -> str:
    value = data.get("category")
    if not isinstance(value, str) or not value.strip() or not storable(value) or not slugify(value, 60):
        raise Refused("category: required, a name or a slug")
    if len(value.strip()) > CATEGORY_MAX:
        raise Refused(f"category: at most {CATEGORY_MAX} characters")
    return value.strip()


def _validated(data: dict) -> tuple[str, str, dict]:
    external_id = _external_id(data)
    category = _category_name(data)
    fields: dict = {}
    values = ops.validate({**data, "category": None}, fields)
    fields.pop("category", None)
    if fields:
        raise Refused("; ".join(f"{name}: {reason}" for name, reason in sorted(fields.items())))
    del values["category"]
    return external_id, category, values


def _category(name: str) -> Category:
    """The category with this slug or name; created at the end of the list when unknown."""
    slug = slugify(name, 60)
    category = db.session.scalar(select(Category).where((Category.slug == slug) | (Category.name == name)))
    if category is None:
        position = (db.session.scalar(select(func.max(Category.position))) or 0) + 1
        category = Category(slug=slug, name=name, description="", position=position)
        db.session.add(category)
        db.session.flush()
    return category


def import_articles(actor, lines: Iterable[str], publish: bool = False) -> ImportReport:
    """Create or update one article per line; ``actor`` None is the operator at the command line.

    New articles start as drafts, or published with ``publish``; an article already there keeps
    its status (``publish`` publishes drafts and articles in review, never archived ones).
    """
    if actor is not None:
        require(actor, "article.import")
    report, published = ImportReport(), 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            external_id, category_name, values = _validated(_parse(line))
        except Refused as err:
            report.refused.append((number, str(err)))
            continue
        values["category"] = _category(category_name)
        article = db.session.scalar(select(Article).where(Article.external_id == external_id))
        if article is None:
            article = Article(status="draft", external_id=external_id, author_id=getattr(actor, "id", None))
            ops.apply_values(article, values)
            db.session.add(article)
            db.session.flush()
            ops.add_revision(actor, article, "Imported")
            report.created += 1
            signals.article_created.send(actor, article=article)
        else:
            before = ops.content_key(article)
            ops.apply_values(article, values)
            db.session.flush()
            if ops.content_key(article) == before:
                report.unchanged += 1
            else:
                article.updated_at = utcnow()
                revision = ops.add_revision(actor, article, "Imported")
                report.updated += 1
                signals.article_edited.send(actor, article=article, revision=revision)
        if publish and article.status in ("draft", "in_review"):
            now = utcnow()
            article.status, article.published_at, article.last_reviewed_at = "published", now, now
            published += 1
            signals.article_published.send(actor, article=article)
        db.session.flush()
        report.articles.append(article)
    after = {"created": report.created, "updated": report.updated, "unchanged": report.unchanged}
    after |= {"refused": len(report.refused), "published": published}
    record(actor, "article.import", "article", None, after=after)
    community_signals.content_changed.send(actor)
    return report
