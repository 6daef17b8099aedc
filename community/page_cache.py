"""A cache of pages as anonymous visitors see them, dropped whenever content changes.

Changes are signalled by ``signals.content_changed``; the cache generation moves only after the
change is committed, so a page rendered from uncommitted state is never kept. The generation is a
file in the instance folder, shared by every worker on the machine.
"""
from __future__ import annotations

import functools
import os
import threading
from collections import OrderedDict

from flask import Flask, Response, current_app, get_flashed_messages, request, session
from flask_babel import get_locale
from flask_login import current_user
from sqlalchemy import event

from community import signals
from community.extensions import db

_lock = threading.Lock()
_pages: OrderedDict = OrderedDict()


def _generation_file() -> str:
    return os.path.join(current_app.instance_path, "cache_generation")


def generation() -> int:
    try:
        return os.stat(_generation_file()).st_mtime_ns
    except FileNotFoundError:
        return 0


def bump(app: Flask | None = None) -> None:
    path = os.path.join((app or current_app).instance_path, "cache_generation")
    tmp = f"{path}.{os.getpid()}.{threading.get_ident()}"
    with open(tmp, "w") as fh:
        fh.write(str(os.urandom(8).hex()))
    os.replace(tmp, path)
    with _lock:
        _pages.clear()


def _cacheable() -> bool:
    return (
        current_app.config["PAGE_CACHE_ENABLED"]
        and request.method == "GET"
        and not current_user.is_authenticated
        and "_flashes" not in session
    )


def cached_page(on_hit=None):
    """Serve the decorated view from the cache for anonymous visitors; ``on_hit(**kwargs)`` still runs."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(**kwargs):
            if not _cacheable():
                return view(**kwargs)
            key = (request.full_path, str(get_locale()))
            gen = generation()
            with _lock:
                entry = _pages.get(key)
                if entry is not None:
                    _pages.move_to_end(key)
            if entry is not None and entry[0] == gen:
                if on_hit is not None:
                    on_hit(**kwargs)
                return Response(entry[1], status=200, mimetype="text/html")
            response = current_app.make_response(view(**kwargs))
            if response.status_code == 200 and not get_flashed_messages(with_categories=False) and not response.direct_passthrough:
                with _lock:
                    _pages[key] = (gen, response.get_data())
                    while len(_pages) > current_app.config["PAGE_CACHE_SIZE"]:
                        _pages.popitem(last=False)
            return response

        return wrapper

    return decorator


def init_app(app: Flask) -> None:
    def mark(sender, **extra):
        db.session.info["content_changed"] = True

    signals.content_changed.connect(mark, weak=False)

    @event.listens_for(db.session, "after_commit")
    def after_commit(session):
        if session.info.pop("content_changed", False):
            bump()

    @event.listens_for(db.session, "after_rollback")
    def after_rollback(session):
        session.info.pop("content_changed", None)
