"""Small helpers shared by the web views."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import request


def page_arg(name: str = "page") -> int:
    try:
        return min(max(1, int(request.args.get(name, 1))), 10000)
    except ValueError:
        return 1


def safe_next(default: str) -> str:
    """The ``next`` target when it stays on this site, else ``default``."""
    target = request.args.get("next") or request.form.get("next") or ""
    parts = urlsplit(target)
    if target.startswith("/") and not target.startswith("//") and not parts.netloc and not parts.scheme:
        return target
    return default


_DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin(url: str) -> tuple[str, str | None, int | None] | None:
    parts = urlsplit(url)
    try:
        port = parts.port or _DEFAULT_PORTS.get(parts.scheme.lower())
    except ValueError:
        return None
    return parts.scheme.lower(), parts.hostname, port


def same_origin() -> bool | None:
    """Whether the browser says the request comes from one of our pages: its ``Origin`` (else its
    ``Referer``) has our scheme, host and port. None when it names no page at all (a program, not
    a browser)."""
    source = request.headers.get("Origin")
    if not source or source == "null":
        source = request.referrer
    if not source:
        return None
    theirs = _origin(source)
    return theirs is not None and theirs == _origin(request.host_url)


def wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]
