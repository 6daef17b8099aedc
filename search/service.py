"""Search wired into a Flask app: the backend from config, freshness, maintenance.

``init_app(app, db)`` (``db`` is the app's Flask-SQLAlchemy object; ``search.cli.init_app`` adds
the ``flask search`` commands) declares the task table on the
app's metadata, watches its session (``queue.watch``), and drains the queue after each request that
queued tasks. A poller thread in each worker picks up what a busy or killed writer left behind and
rebuilds a missing or outdated index. Packages register their document kinds with
``search.queue.register`` at their own ``init_app``. One backend per process, configured once.
"""

from __future__ import annotations

import logging
import os
import threading

import click
from flask import Flask, current_app
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

import search
from search import SearchUnavailable
from search.queue import advisory_lock, all_documents, file_lock, load_documents, task_table, watch
from search.queue import drain as drain_queue

log = logging.getLogger("entraide.search")


def _ext() -> dict:
    return current_app.extensions["search"]


def make_backend(app: Flask, engine):
    if app.config["SEARCH_BACKEND"] == "postgres":
        from search.backends.postgres import PostgresBackend

        return PostgresBackend(engine)
    from search.backends.whoosh import WhooshBackend

    return WhooshBackend(os.path.join(app.instance_path, "search_index"))


def backend():
    """This app's backend, made on first use and made the active one of the process."""
    ext = _ext()
    if ext.get("backend") is None:
        ext["backend"] = make_backend(current_app, ext["db"].engine)
    if search._State.backend is not ext["backend"]:
        search.configure(ext["backend"])
    return ext["backend"]


def _lock():
    if current_app.config["SEARCH_BACKEND"] == "postgres":
        return advisory_lock(_ext()["db"].engine)
    return file_lock(os.path.join(current_app.instance_path, "search_index.lock"))


def drain() -> int | None:
    """Apply queued index tasks now; None when another writer is at it. Never raises."""
    engine, table = _ext()["db"].engine, _ext()["table"]
    try:
        if backend().needs_rebuild():
            return None
        with Session(engine) as session:
            return drain_queue(engine, table, lambda keys: load_documents(session, keys), _lock())
    except Exception:  # noqa: BLE001 - indexing problems are logged, never shown to users
        log.exception("draining the index queue failed")
        return None


def rebuild(progress: bool = False) -> int:
    """Recreate the index from the database; tasks queued meanwhile are kept and applied after."""
    engine, table = _ext()["db"].engine, _ext()["table"]
    index = backend()
    with _lock() as acquired:
        if not acquired:
            raise SearchUnavailable("another process is writing the index")
        with engine.connect() as conn:
            last_task = conn.execute(select(func.max(table.c.id))).scalar() or 0
        index.create()
        with Session(engine) as session:
            batches = all_documents(session)
            if progress:
                with click.progressbar(batches, label="Indexing", show_pos=True) as bar:
                    total = _index_all(bar)
            else:
                total = _index_all(batches)
        with engine.begin() as conn:
            conn.execute(delete(table).where(table.c.id <= last_task))
    drain()
    return total


def _index_all(batches) -> int:
    total = 0
    for docs in batches:
        search.index(docs)
        total += len(docs)
    return total


def check(fix: bool = False) -> dict:
    """Compare the index with the database: keys missing from the index and keys that should go."""
    engine, table = _ext()["db"].engine, _ext()["table"]
    backend()
    with Session(engine) as session:
        expected = {doc.key for docs in all_documents(session) for doc in docs}
    present = search.keys()
    report = {"missing": sorted(expected - present), "extra": sorted(present - expected)}
    if fix and (report["missing"] or report["extra"]):
        with engine.begin() as conn:
            conn.execute(table.insert(), [{"key": k} for k in report["missing"] + report["extra"]])
        drain()
    return report


def pending() -> bool:
    with _ext()["db"].engine.connect() as conn:
        return conn.execute(select(_ext()["table"].c.id).limit(1)).first() is not None


# The poller: one thread per worker process, started on its first request.
_poller = {"pid": None, "event": threading.Event()}


def wake_poller() -> None:
    _poller["event"].set()


def _poll(app: Flask) -> None:
    interval = app.config["SEARCH_POLL_SECONDS"]
    while True:
        _poller["event"].wait(interval)
        _poller["event"].clear()
        with app.app_context():
            try:
                if backend().needs_rebuild():
                    log.warning("search index missing or outdated: rebuilding")
                    rebuild()
                elif pending():
                    drain()
            except SearchUnavailable:
                pass
            except Exception:  # noqa: BLE001
                log.exception("search poller")
            finally:
                _ext()["db"].session.remove()


def init_app(app: Flask, db) -> None:
    table = task_table(db.metadata)
    app.extensions["search"] = {"db": db, "table": table, "backend": None}
    watch(db.session, table)

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
