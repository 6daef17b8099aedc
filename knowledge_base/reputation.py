"""Promotions in the community's reputation ledger: an answer turned into an article earns its
author points, taken back when the article is archived; a hidden answer put back earns them again
while its article stands."""

from __future__ import annotations

from community.core.extensions import db
from community.reputation import ledger
from knowledge_base import signals
from knowledge_base.models import Article


def _promoted(sender, article: Article, answer, **extra) -> None:
    ledger.record_promotion(sender, answer, article.id)


def _archived(sender, article: Article, **extra) -> None:
    ledger.withdraw_promotion(sender, article.id)


def _promotion_holds(row) -> bool:
    article = db.session.get(Article, row.source_id)
    return article is not None and article.status != "archived" and article.source_answer_id == row.post_id


def init_app() -> None:
    signals.answer_promoted.connect(_promoted, weak=False)
    signals.article_archived.connect(_archived, weak=False)
    ledger.register_source("article", _promotion_holds)
