"""The knowledge base of the Néolia demo: a dozen articles written, promoted from answers, rated.

``load`` receives ``community.core.signals.demo_loaded`` once ``demo load`` has created the demo
community; the command commits afterwards. Everything goes through the knowledge base's
operations (create, promote, edit, publish, rate); only dates are set by hand so the curation
queue has something to show: one article not reviewed for months, one flagged by poor ratings,
one with a fresh negative comment, accepted answers left to promote, and a few searches that found
nothing. The texts are JSON files in ``demo_data/`` (formats in ``demo_data/README.md``); the
tutorials' step pictures are PNG files drawn by ``demo_data/draw_images.py``.
"""

from __future__ import annotations

import json
from datetime import timedelta
from importlib.resources import files
from typing import Any

from sqlalchemy import select, update

from community.core.database import utcnow
from community.core.extensions import db
from community.discovery import operations as discovery
from community.questions.models import Question
from knowledge_base import media
from knowledge_base import operations as kb
from knowledge_base.models import Article, ArticleRevision
from knowledge_base.ratings import rate


def _read(name: str) -> Any:
    return json.loads(files(__package__).joinpath("demo_data", f"{name}.json").read_text(encoding="utf-8"))


def _backdate(article: Article, now, published: int, reviewed: int) -> None:
    article.published_at = now - timedelta(days=published)
    article.created_at = article.published_at - timedelta(days=2)
    article.last_reviewed_at = now - timedelta(days=reviewed)
    article.updated_at = article.last_reviewed_at
    db.session.execute(
        update(ArticleRevision).where(ArticleRevision.article_id == article.id).values(created_at=article.created_at)
    )


def _accepted_answer(title: str):
    question = db.session.scalar(select(Question).where(Question.title == title))
    return question.accepted_answer if question is not None else None


def load(sender=None, users: dict | None = None, **extra) -> str | None:
    """Receiver of ``demo_loaded``: create, promote, publish and rate the demo articles (once);
    says what it added."""
    users = users or {}
    texts = _read("articles")
    staff, writer = users.get(texts["staff"]), users.get(texts["writer"])
    if staff is None or db.session.scalar(select(Article.id).limit(1)) is not None:
        return
    promoted, written = texts["promoted"], texts["written"]
    writer = writer or staff
    now = utcnow()
    articles: dict[str, Article] = {}
    for spec in promoted:
        answer = _accepted_answer(spec["question"])
        if answer is None:
            continue
        article = kb.promote_answer(staff, answer, spec["kind"])
        kb.edit_article(
            staff,
            article,
            note="Relu et mis en forme pour la base de connaissances",
            title=spec["title"],
            summary=spec["summary"],
            body=spec["body"],
            steps=spec.get("steps", []),
            tags=spec["tags"],
            language=spec.get("language", "fr"),
        )
        articles[spec["key"]] = article
    for index, spec in enumerate(written):
        author = writer if index % 3 == 2 else staff
        articles[spec["key"]] = kb.create_article(
            author,
            spec["kind"],
            spec["title"],
            spec["body"],
            spec["category"],
            tags=spec["tags"],
            language=spec.get("language", "fr"),
            summary=spec["summary"],
            steps=spec.get("steps"),
            external_id=f"demo-{spec['key']}",
        )
    for spec in promoted + written:
        article = articles.get(spec["key"])
        if article is None:
            continue
        kb.publish(staff, article)
        if "video_step" in spec:
            kb.set_step_media(staff, article, spec["video_step"], video_url=spec["video_url"])
        _attach_images(staff, article, spec["key"])
        _backdate(article, now, spec["published"], spec["reviewed"])
    db.session.flush()
    _rate(articles, users, now)
    for query, times in _read("missing_searches").items():
        for n in range(times):
            discovery.log_search(None, query, 0).created_at = now - timedelta(days=2 + 3 * n, hours=len(query))
    db.session.flush()
    count = sum(1 for spec in promoted if spec["key"] in articles)
    return f"Knowledge base: {len(articles)} published articles, {count} promoted from answers."


def _attach_images(staff, article: Article, key: str) -> None:
    """Give each step the picture drawn for it (``demo_data/images/<key>-<step>.png``), through the
    same pipeline as an upload."""
    images = files(__package__).joinpath("demo_data", "images")
    for step in article.steps:
        picture = images.joinpath(f"{key}-{step.position}.png")
        if picture.is_file():
            with picture.open("rb") as stream:
                kb.set_step_media(staff, article, step.position, image_path=media.save_image(stream))


def _rate(articles: dict[str, Article], users: dict, now) -> None:
    for key, ratings in _read("ratings").items():
        article = articles.get(key)
        for spec in ratings if article is not None else ():
            if spec["email"] in users:
                rating = rate(users[spec["email"]], None, article, spec["helpful"], spec["stars"], spec["comment"])
                rating.created_at = now - timedelta(days=spec["days_ago"])
