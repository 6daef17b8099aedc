"""The community's use of search: the staff synonym list, and a database fallback.

The search package wires itself (``search.service``: backend, queue, poller, maintenance);
``drain``, ``rebuild`` and ``check`` here are its operations, named for the community's callers.
When the index cannot answer, searches fall back to a database query and say so in the log.
"""

from __future__ import annotations

import logging
import time

from flask import Flask, current_app
from markupsafe import escape
from sqlalchemy import select
from sqlalchemy.orm import Session

import search
from community.core import language as content_language
from community.core import signals
from community.core.extensions import db
from community.core.markup import html_to_text
from community.discovery.models import SynonymGroup
from community.questions import queries
from community.questions.urls import question_url
from search import Filters, Hit, Results, SearchUnavailable, service
from search.analysis import content_words, tokens

log = logging.getLogger("entraide.search")


class _Synonyms:
    """The staff list, read from the database at most every few seconds per process."""

    def __init__(self):
        self.groups: list[list[str]] = []
        self.read_at = 0.0

    def __call__(self) -> list[list[str]]:
        if time.monotonic() - self.read_at > current_app.config["SEARCH_SYNONYMS_TTL"]:
            try:
                with Session(db.engine) as session:
                    self.groups = _synonyms_from(session)
            except Exception:  # noqa: BLE001 - a missing table must not break search
                log.exception("could not read the synonym list")
            self.read_at = time.monotonic()
        return self.groups

    def forget(self, *args, **kwargs) -> None:
        self.read_at = 0.0


def _synonyms_from(session: Session) -> list[list[str]]:
    rows = session.scalars(select(SynonymGroup.terms).where(SynonymGroup.enabled).order_by(SynonymGroup.id))
    groups = [[t.strip() for t in terms.split(",") if t.strip()] for terms in rows]
    return [g for g in groups if len(g) > 1]


synonyms = _Synonyms()


drain = service.drain
rebuild = service.rebuild
check = service.check


def run(viewer, text: str, filters: Filters, page: int = 1, per_page: int = 20, facets: bool = True) -> Results:
    """Search with the index, or with the database when the index cannot answer."""
    try:
        service.backend()
        return search.query(text, filters, page, per_page, facets)
    except SearchUnavailable as err:
        log.warning("search index unavailable (%s): falling back to the database", err)
    except Exception:  # noqa: BLE001
        log.exception("search index failed: falling back to the database")
    service.wake_poller()
    return database_search(viewer, text, filters, page, per_page)


def suggest(text: str, limit: int = 8, language: str | None = None) -> list[Hit]:
    """Matches for a title being typed. With ``language``, those in it come first and the other
    languages fill the rest (each hit says its language, so pages can label it)."""
    try:
        service.backend()
        if not language:
            return search.suggest(text, limit)
        hits = search.suggest(text, limit, language)
        if len(hits) < limit:
            seen = {(hit.type, hit.id) for hit in hits}
            hits += [hit for hit in search.suggest(text, limit) if (hit.type, hit.id) not in seen][: limit - len(hits)]
        return hits
    except Exception:  # noqa: BLE001
        log.warning("suggestions unavailable: falling back to the database")
        results = database_search(None, text, Filters(types=("question",)), 1, limit)
        return sorted(results.hits, key=lambda h: (not h.solved, bool(language) and h.language != language))


def similar(text: str, limit: int = 5, exclude=()) -> list[Hit]:
    try:
        service.backend()
        return search.similar(text, limit, exclude)
    except Exception:  # noqa: BLE001
        return []


def database_search(viewer, text: str, filters: Filters, page: int, per_page: int) -> Results:
    if "question" not in filters.types:
        return Results([], 0, page, per_page)
    status = "solved" if filters.solved else None
    found = queries.question_list(
        viewer,
        text=text,
        category=filters.category,
        tag=filters.tag,
        status=status,
        language=filters.language,
        sort="votes",
        page=page,
        per_page=per_page,
    )
    hits = [
        Hit(
            type="question",
            id=q.id,
            title=q.title,
            url=question_url(q),
            snippet=str(escape(_excerpt(html_to_text(q.body_html)))),
            category=q.category.slug,
            tags=[t.name for t in q.tags],
            solved=q.is_solved,
            language=q.language,
        )
        for q in found.items
    ]
    return Results(hits, found.total, page, per_page)


def _excerpt(text: str, limit: int = 200) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def init_app(app: Flask) -> None:
    search.set_synonym_source(synonyms)
    signals.synonyms_changed.connect(synonyms.forget, weak=False)


def strong_matches(title: str, limit: int = 3, language: str | None = None) -> list[Hit]:
    """Articles and solved questions whose title shares most of the words of ``title``; those in
    ``language`` (default: the interface's) first."""
    words = set(content_words(tokens(title)))
    if not words:
        return []
    matches = []
    try:
        candidates = search.query(title, Filters(), 1, 8, facets=False).hits
    except Exception:  # noqa: BLE001 - no confirmation step rather than an error
        candidates = []
    for hit in candidates:
        if hit.type == "question" and not hit.solved:
            continue
        overlap = len(words & set(content_words(tokens(hit.title)))) / len(words)
        if overlap >= 0.6:
            matches.append(hit)
    language = language or content_language.interface_language()
    matches.sort(key=lambda hit: hit.language not in ("", language))
    return matches[:limit]
