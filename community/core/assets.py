"""Static files under content-hashed names, kept by browsers and proxies for a year.

``url_for('static', filename='css/app.css')`` gives ``/static/css/app.<hash>.css``, the hash being
the start of the file's SHA-256: the same bytes get the same name in every worker of every node,
and a changed file a new name, so that name can be cached for good (``immutable``). Hashes are
computed from the files when the app starts (and again when a file changes, in debug mode);
nothing is written to disk.

Other names keep working: a plain name (``/static/css/app.css``, or a ``url(…)`` relative to a
stylesheet) is served with a short cache. A hashed name that is not the current one (a page from
another release, during a rolling deploy) gets the current file with ``no-cache``: the page keeps
its styles, and no cache keeps these bytes under a name meant for others.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
from dataclasses import dataclass

from flask import Flask, current_app, request, send_from_directory, session

from community.core import compression

HASH_LENGTH = 12
LONG_MAX_AGE = 365 * 24 * 3600
SHORT_MAX_AGE = 300
_HASHED = re.compile(rf"^(?P<stem>.+)\.(?P<digest>[0-9a-f]{{{HASH_LENGTH}}})(?P<suffix>\.[^./]+)?$")

# Digests by (path, size, mtime): the apps a process makes (tests make one per test) read each file once.
_digests: dict[tuple[str, int, int], str] = {}
_digests_lock = threading.Lock()


@dataclass(frozen=True)
class Asset:
    name: str  # as in url_for: "css/app.css"
    digest: str
    hashed_name: str  # "css/app.<digest>.css"


def _asset(name: str, digest: str) -> Asset:
    stem, dot, suffix = name.rpartition(".")
    if not dot or "/" in suffix or not stem.rpartition("/")[2]:
        return Asset(name, digest, f"{name}.{digest}")
    return Asset(name, digest, f"{stem}.{digest}.{suffix}")


def _digest(path: str) -> str:
    stat = os.stat(path)
    key = (path, stat.st_size, stat.st_mtime_ns)
    with _digests_lock:
        known = _digests.get(key)
    if known is None:
        with open(path, "rb") as fh:
            known = hashlib.file_digest(fh, "sha256").hexdigest()[:HASH_LENGTH]
        with _digests_lock:
            _digests[key] = known
    return known


class Manifest:
    """The static folder's files by name and by hashed name."""

    def __init__(self, folder: str, watch: bool = False) -> None:
        self.folder = folder
        self.watch = watch
        self._lock = threading.Lock()
        self.by_name: dict[str, Asset] = {}
        self.by_hashed_name: dict[str, Asset] = {}
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for file in sorted(files):
                if not file.startswith("."):
                    self._add(os.path.relpath(os.path.join(root, file), folder).replace(os.sep, "/"))

    def _add(self, name: str) -> Asset | None:
        try:
            asset = _asset(name, _digest(os.path.join(self.folder, name)))
        except OSError:
            return None
        with self._lock:
            old = self.by_name.get(name)
            if old is not None and old != asset:
                self.by_hashed_name.pop(old.hashed_name, None)
            self.by_name[name] = asset
            self.by_hashed_name[asset.hashed_name] = asset
        return asset

    def get(self, name: str) -> Asset | None:
        if self.watch:
            return self._add(name) if name in self.by_name else None
        return self.by_name.get(name)


def _manifest() -> Manifest:
    return current_app.extensions["static_assets"]


def hashed_url_defaults(endpoint: str, values: dict) -> None:
    """``url_defaults``: a static file's hashed name instead of its own."""
    if endpoint == "static" and isinstance(name := values.get("filename"), str):
        asset = _manifest().get(name)
        if asset is not None:
            values["filename"] = asset.hashed_name


def _whole(response, asset: Asset | None):
    """The file read into memory and closed (static files are small): Flask-Compress then
    compresses it in one piece, with a Content-Length, and keeps the copy under the file's digest."""
    source = response.response
    try:
        response.response = [] if response.status_code == 304 else [b"".join(source)]
    finally:
        if hasattr(source, "close"):
            source.close()
    response.direct_passthrough = False
    if asset is not None and response.status_code == 200:
        request.environ[compression.DIGEST] = asset.digest
    return response


def serve(filename: str):
    """The static view: hashed names for a year, anything else briefly."""
    manifest = _manifest()
    hashed = manifest.by_hashed_name.get(filename)
    if hashed is not None and manifest.get(hashed.name) == hashed:
        response = send_from_directory(manifest.folder, hashed.name, max_age=LONG_MAX_AGE, etag=hashed.digest)
        response.cache_control.immutable = True
        return _whole(response, hashed)
    asset = manifest.get(filename)
    if asset is not None:
        return _whole(send_from_directory(manifest.folder, filename, max_age=SHORT_MAX_AGE, etag=asset.digest), asset)
    stale = _HASHED.match(filename)
    current = manifest.get(stale["stem"] + (stale["suffix"] or "")) if stale else None
    if current is None:
        # Not a file of the manifest (one added since the start, or none): as Flask would serve it.
        return _whole(send_from_directory(manifest.folder, filename, max_age=SHORT_MAX_AGE), None)
    response = send_from_directory(manifest.folder, current.name, etag=current.digest)
    response.cache_control.no_cache = True
    return _whole(response, current)


def same_for_everyone(response):
    """``after_request``, after Flask-Login's: its look at the session must not add ``Vary: Cookie``
    to static files, which shared caches then could not keep for all."""
    if request.endpoint == "static":
        session.accessed = False
    return response


def init_app(app: Flask) -> None:
    """Call before the extensions that read the session after each request (Flask-Login)."""
    if app.static_folder is None:
        return
    app.extensions["static_assets"] = Manifest(app.static_folder, watch=app.debug)
    app.url_defaults(hashed_url_defaults)
    app.view_functions["static"] = serve
    app.after_request(same_for_everyone)
