"""Help articles as the escalation knows them: facts (id, title, address) the knowledge base supplies.

The community knows no article: the knowledge base registers, at its ``init_app``, a function that
turns an article id into an ``ArticleFact`` (None when there is no such published article). A case
keeps the fact as data, so it reads the same if the article later changes or goes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from flask import Flask, current_app

KEY = "escalation_article_facts"


class ArticleFact(NamedTuple):
    id: int
    title: str
    url: str


def register_article_facts(app: Flask, fn: Callable[[int], ArticleFact | None]) -> None:
    """``fn(article_id)`` answers the fact of a published article, or None."""
    app.extensions[KEY] = fn


def article_fact(article_id) -> ArticleFact | None:
    """The fact of the article ``article_id`` (any value: bad ids give None), or None when no
    knowledge base is installed or it knows no such article."""
    try:
        article_id = int(article_id)
    except (TypeError, ValueError):
        return None
    if article_id <= 0:
        return None
    fn = current_app.extensions.get(KEY)
    return fn(article_id) if fn is not None else None
