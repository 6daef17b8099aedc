"""Work every web worker does by itself, one process at a time: the mail sender, the sweeps.

``exclusive`` is a lock held by one process across the site: a PostgreSQL advisory lock (every
node sees it) or, on SQLite, a file lock in the instance folder (every worker of the machine).
``every`` starts a daemon thread in each worker process at its first request and runs a job in
an application context, then drops the session; a failing round is logged and the next one tries
again.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable

from flask import Flask, current_app

from community.core.extensions import db
from search.queue import advisory_lock, file_lock

log = logging.getLogger("entraide.background")


def exclusive(name: str, lock_id: int):
    """A context manager giving True when this process holds the lock ``name`` (``lock_id`` on PostgreSQL)."""
    if db.engine.dialect.name == "postgresql":
        return advisory_lock(db.engine, lock_id=lock_id)
    return file_lock(os.path.join(current_app.instance_path, f"{name}.lock"))


def _run_once(app: Flask, name: str, job: Callable[[], object]) -> None:
    with app.app_context():
        try:
            job()
        except Exception:  # noqa: BLE001 - logged; the next round tries again
            db.session.rollback()
            log.exception(name)
        finally:
            db.session.remove()


def every(app: Flask, setting: str, name: str, job: Callable[[], object], wake: threading.Event | None = None) -> None:
    """Run ``job()`` in each worker every ``app.config[setting]`` seconds (0: never), or sooner when
    ``wake`` is set."""
    started = {"pid": None}
    event = wake or threading.Event()

    def loop() -> None:
        while True:
            event.wait(app.config[setting])
            event.clear()
            _run_once(app, name, job)

    @app.before_request
    def start_thread():
        if app.config[setting] and started["pid"] != os.getpid():
            started["pid"] = os.getpid()
            threading.Thread(target=loop, daemon=True, name=name).start()
