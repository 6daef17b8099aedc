"""A cache of pages as anonymous visitors see them, dropped whenever content changes.

Changes are signalled by ``signals.content_changed``; the cache generation moves only after the
change is committed, so a page rendered from uncommitted state is never kept. The generation is a
file in the instance folder, shared by every worker on the machine, or with ``REDIS_URL`` a Redis
counter shared by every web node. Pages are kept per scheme, host, address and language: all a
page's absolute links depend on.
"""

from __future__ import annotations

import functools
import os
import threading
from collections import OrderedDict

import redis
from flask import Flask, Response, current_app, request, session
from flask_babel import get_locale
from flask_login import current_user
from sqlalchemy import event

from community.core import signals
from community.core.extensions import db

_lock = threading.Lock()
_pages: OrderedDict = OrderedDict()
REDIS_KEY = "entraide:page-cache-generation"
UNKNOWN = -1  # the shared generation cannot be read: serve nothing from the cache, keep nothing


def _generation_file() -> str:
    return os.path.join(current_app.instance_path, "cache_generation")


def _redis(app: Flask) -> redis.Redis | None:
    url = app.config.get("REDIS_URL")
    if not url:
        return None
    client = app.extensions.get("page_cache_redis")
    if client is None:
        client = app.extensions["page_cache_redis"] = redis.Redis.from_url(
            url, socket_timeout=0.5, socket_connect_timeout=0.5
        )
    return client


def generation() -> int:
    client = _redis(current_app)
    if client is not None:
        try:
            return int(client.get(REDIS_KEY) or 0)
        except (redis.RedisError, ValueError):
            current_app.logger.warning("page cache: Redis unreachable, pages are rendered afresh")
            return UNKNOWN
    try:
        return os.stat(_generation_file()).st_mtime_ns
    except FileNotFoundError:
        return 0


def bump(app: Flask | None = None) -> None:
    app = app or current_app
    client = _redis(app)
    if client is not None:
        try:
            client.incr(REDIS_KEY)
        except redis.RedisError:
            app.logger.exception("page cache: could not move the shared generation")
        with _lock:
            _pages.clear()
        return
    path = os.path.join(app.instance_path, "cache_generation")
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


def _key() -> tuple:
    return (request.scheme, request.host, request.full_path, str(get_locale()))


def serve_from_cache():
    """``before_request``: answer a cached page before rate limiting, sessions or views run."""
    view = current_app.view_functions.get(request.endpoint)
    marker = getattr(view, "page_cache", None)
    if marker is None or not _cacheable():
        return None
    key = _key()
    with _lock:
        entry = _pages.get(key)
        if entry is not None:
            _pages.move_to_end(key)
    if entry is None or entry[0] != generation() or entry[0] == UNKNOWN:
        return None
    if marker["on_hit"] is not None:
        marker["on_hit"](**(request.view_args or {}))
    return Response(entry[1], status=200, mimetype="text/html", headers=entry[2])


def _kept_headers(response: Response) -> tuple | None:
    """The headers a page sets for itself and its cached copy must repeat (its own CSP)."""
    policy = response.headers.get("Content-Security-Policy")
    return (("Content-Security-Policy", policy),) if policy else None


def cached_page(on_hit=None):
    """Keep what the decorated view renders for anonymous visitors; ``on_hit(**view_args)`` runs on hits."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(**kwargs):
            if not _cacheable():
                return view(**kwargs)
            gen = generation()
            response = current_app.make_response(view(**kwargs))
            if (
                gen != UNKNOWN
                and response.status_code == 200
                and not response.direct_passthrough
                and "_flashes" not in session
            ):
                with _lock:
                    _pages[_key()] = (gen, response.get_data(), _kept_headers(response))
                    while len(_pages) > current_app.config["PAGE_CACHE_SIZE"]:
                        _pages.popitem(last=False)
            return response

        wrapper.page_cache = {"on_hit": on_hit}
        return wrapper

    return decorator


def init_app(app: Flask) -> None:
    """Serve hits first: call this before the rate limiter registers its own hook."""
    app.before_request(serve_from_cache)

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
