"""Responses compressed for clients that accept it, by Flask-Compress: pages, JSON, feeds, and the
static CSS, JavaScript and SVG (zstd, brotli or gzip, in the client's order of preference).

Every response says ``Vary: Accept-Encoding``. Images already compressed (PNG, JPEG, WebP) and
bodies under ``COMPRESS_MIN_SIZE`` bytes are sent as they are. The page cache keeps pages
uncompressed; the compressed copies of the pages it serves, and of static files, are remembered
here by the digest of their bytes, so a cache hit is not compressed again (and a changed page,
having other bytes, never meets a stale copy). Strong ETags get the encoding appended, so
conditional requests still answer 304. A proxy that compresses can take over:
``COMPRESS_REGISTER = False`` in the instance's ``config.py``.

Pages carry a CSRF token beside text a visitor chose (a search), which compression can leak to an
attacker watching an HTTPS connection's sizes (BREACH); the session cookie being ``SameSite=Lax``,
the attacker cannot make another site's pages send signed-in requests in bulk.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import partial

from flask import Flask, current_app, request
from flask_compress import Compress
from flask_login import current_user

MIMETYPES = [
    "text/html",
    "text/css",
    "text/plain",
    "text/xml",
    "text/javascript",
    "application/javascript",
    "application/json",
    "application/problem+json",
    "application/manifest+json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "image/svg+xml",
    "image/x-icon",
]

DEFAULTS = {
    "COMPRESS_MIMETYPES": MIMETYPES,
    "COMPRESS_ALGORITHM": ["zstd", "br", "gzip"],
    # Streamed responses stay streams; static files are read whole (core.assets) and compressed.
    "COMPRESS_STREAMS": False,
    "COMPRESS_MIN_SIZE": 500,
    # Compressed copies of shared pages and static files remembered per worker.
    "COMPRESS_REMEMBERED": 1000,
}

# Where a response's body digest waits for Flask-Compress's cache key (request.environ: one request's).
DIGEST = "entraide.compressed_digest"


class CompressedCopies:
    """Flask-Compress's cache: compressed bodies by algorithm and digest of the uncompressed bytes.

    The key of a response not worth remembering ends with ``;`` (its digest is empty): such keys
    are neither looked up nor kept.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._copies: OrderedDict[str, bytes] = OrderedDict()

    def get(self, key: str) -> bytes | None:
        if key.endswith(";"):
            return None
        with self._lock:
            copy = self._copies.get(key)
            if copy is not None:
                self._copies.move_to_end(key)
            return copy

    def set(self, key: str, value: bytes) -> None:
        if key.endswith(";") or self.size <= 0:
            return
        with self._lock:
            self._copies[key] = value
            self._copies.move_to_end(key)
            while len(self._copies) > self.size:
                self._copies.popitem(last=False)


def _shared_page(response) -> bool:
    """A page every anonymous visitor gets the same (the page cache's), worth compressing once."""
    view = current_app.view_functions.get(request.endpoint)
    return (
        getattr(view, "page_cache", None) is not None
        and "Accept-Encoding" in request.headers
        and request.method == "GET"
        and response.status_code == 200
        and not response.is_streamed
        and not current_user.is_authenticated
    )


def note_digest(response):
    """``after_request``, just before Flask-Compress's: the digest its cache key is made of.

    The page's length and ``hash()``: SipHash under this process's secret key, computed once per
    bytes object, so that a page-cache hit (the same object again) costs nothing to key.
    """
    if _shared_page(response):
        page = response.get_data()
        request.environ[DIGEST] = f"{len(page)}:{hash(page):x}"
    return response


def cache_key(req) -> str:
    return req.environ.get(DIGEST, "")


def init_app(app: Flask) -> None:
    """Call first of the ``after_request`` hooks: compression then runs after all the others."""
    for name, value in DEFAULTS.items():
        app.config.setdefault(name, value)
    app.config.setdefault("COMPRESS_CACHE_KEY", cache_key)
    app.config.setdefault(
        "COMPRESS_CACHE_BACKEND", partial(CompressedCopies, app.config["COMPRESS_REMEMBERED"])
    )
    app.extensions["compress"] = Compress(app)
    if app.config["COMPRESS_REGISTER"]:
        app.after_request(note_digest)
