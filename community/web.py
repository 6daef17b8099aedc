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


def wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]
