"""The community's use of the search package: backend set-up, freshness, fallback, maintenance.

Index tasks are queued by ``community.search_documents`` in the content's transaction. They are
drained right after the request that committed them, and by a poller thread in each worker that
picks up what a busy or killed writer left behind and rebuilds a missing or outdated index.
When the index cannot answer, searches fall back to a database query and say so in the log.
"""

from __future__ import annotations

import logging
import os
import threading
import time

import click
from flask import Flask, current_app
from markupsafe import escape
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

import search
from community.core.extensions import db
from community.core.markup import html_to_text
from community.questions import queries
from community.search_documents import all_documents, load_documents, search_tasks
from search import Filters, Hit, Results, SearchUnavailable
from search.queue import advisory_lock, file_lock
from search.queue import drain as drain_queue

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
    from community.discovery.models import SynonymGroup

    rows = session.scalars(select(SynonymGroup.terms).where(SynonymGroup.enabled).order_by(SynonymGroup.id))
    groups = [[t.strip() for t in terms.split(",") if t.strip()] for terms in rows]
    return [g for g in groups if len(g) > 1]


synonyms = _Synonyms()


def make_backend(app: Flask):
    if app.config["SEARCH_BACKEND"] == "postgres":
        from search.backends.postgres import PostgresBackend

        return PostgresBackend(db.engine)
    from search.backends.whoosh import WhooshBackend

    return WhooshBackend(os.path.join(app.instance_path, "search_index"))


def _lock():
    if current_app.config["SEARCH_BACKEND"] == "postgres":
        return advisory_lock(db.engine)
    return file_lock(os.path.join(current_app.instance_path, "search_index.lock"))


def _backend():
    """This process's backend, made on first use (one searcher per worker, refreshed per query)."""
    backend = current_app.extensions.get("search_backend")
    if backend is None:
        backend = current_app.extensions["search_backend"] = make_backend(current_app)
    return backend


def drain() -> int | None:
    """Apply queued index tasks now; None when another writer is at it. Never raises."""
    search.configure(_backend())
    try:
        if _backend().needs_rebuild():
            return None
        with Session(db.engine) as session:
            return drain_queue(db.engine, search_tasks, lambda keys: load_documents(session, keys), _lock())
    except Exception:  # noqa: BLE001 - indexing problems are logged, never shown to users
        log.exception("draining the index queue failed")
        return None


def rebuild(progress: bool = False) -> int:
    """Recreate the index from the database; tasks queued meanwhile are kept and applied after."""
    search.configure(_backend())
    with _lock() as acquired:
        if not acquired:
            raise SearchUnavailable("another process is writing the index")
        with db.engine.connect() as conn:
            last_task = conn.execute(select(func.max(search_tasks.c.id))).scalar() or 0
        _backend().create()
        total = 0
        with Session(db.engine) as session:
            batches = all_documents(session)
            if progress:
                with click.progressbar(batches, label="Indexing", show_pos=True) as bar:
                    for docs in bar:
                        search.index(docs)
                        total += len(docs)
            else:
                for docs in batches:
                    search.index(docs)
                    total += len(docs)
        with db.engine.begin() as conn:
            conn.execute(delete(search_tasks).where(search_tasks.c.id <= last_task))
    drain()
    return total


def check(fix: bool = False) -> dict:
    """Compare the index with the database: keys missing from the index and keys that should go."""
    search.configure(_backend())
    with Session(db.engine) as session:
        expected = {doc.key for docs in all_documents(session) for doc in docs}
    present = search.keys()
    report = {"missing": sorted(expected - present), "extra": sorted(present - expected)}
    if fix and (report["missing"] or report["extra"]):
        with db.engine.begin() as conn:
            conn.execute(search_tasks.insert(), [{"key": k} for k in report["missing"] + report["extra"]])
        drain()
    return report


def run(viewer, text: str, filters: Filters, page: int = 1, per_page: int = 20, facets: bool = True) -> Results:
    """Search with the index, or with the database when the index cannot answer."""
    search.configure(_backend())
    try:
        return search.query(text, filters, page, per_page, facets)
    except SearchUnavailable as err:
        log.warning("search index unavailable (%s): falling back to the database", err)
    except Exception:  # noqa: BLE001
        log.exception("search index failed: falling back to the database")
    _wake_poller()
    return database_search(viewer, text, filters, page, per_page)


def suggest(text: str, limit: int = 8) -> list[Hit]:
    search.configure(_backend())
    try:
        return search.suggest(text, limit)
    except Exception:  # noqa: BLE001
        log.warning("suggestions unavailable: falling back to the database")
        results = database_search(None, text, Filters(types=("question",)), 1, limit)
        return sorted(results.hits, key=lambda h: not h.solved)


def similar(text: str, limit: int = 5, exclude=()) -> list[Hit]:
    search.configure(_backend())
    try:
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
        sort="votes",
        page=page,
        per_page=per_page,
    )
    hits = [
        Hit(
            type="question",
            id=q.id,
            title=q.title,
            url=f"/questions/{q.id}/{q.slug}",
            snippet=str(escape(_excerpt(html_to_text(q.body_html)))),
            category=q.category.slug,
            tags=[t.name for t in q.tags],
            solved=q.is_solved,
        )
        for q in found.items
    ]
    return Results(hits, found.total, page, per_page)


def _excerpt(text: str, limit: int = 200) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


# The poller: one thread per worker process, started on its first request.
_poller = {"pid": None, "event": threading.Event()}


def _wake_poller() -> None:
    _poller["event"].set()


def _poll(app: Flask) -> None:
    interval = app.config["SEARCH_POLL_SECONDS"]
    while True:
        _poller["event"].wait(interval)
        _poller["event"].clear()
        with app.app_context():
            try:
                if _backend().needs_rebuild():
                    log.warning("search index missing or outdated: rebuilding")
                    rebuild()
                elif search_tasks_pending():
                    drain()
            except SearchUnavailable:
                pass
            except Exception:  # noqa: BLE001
                log.exception("search poller")
            finally:
                db.session.remove()


def search_tasks_pending() -> bool:
    with db.engine.connect() as conn:
        return conn.execute(select(search_tasks.c.id).limit(1)).first() is not None


def init_app(app: Flask) -> None:
    search.set_synonym_source(synonyms)
    from community.core import signals

    signals.synonyms_changed.connect(synonyms.forget, weak=False)

    @app.before_request
    def start_poller():
        if app.config["SEARCH_POLL_SECONDS"] and _poller["pid"] != os.getpid():
            _poller["pid"] = os.getpid()
            threading.Thread(target=_poll, args=(app,), daemon=True, name="search-poller").start()

    @app.after_request
    def drain_after_commit(response):
        if db.session.info.pop("search_tasks", False):
            drain()
        return response


def strong_matches(title: str, limit: int = 3) -> list[Hit]:
    """Articles and solved questions whose title shares most of the words of ``title``."""
    from search.analysis import content_words, tokens

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
    return matches[:limit]
