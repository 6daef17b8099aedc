"""A pseudonymous visit id in a cookie, so deflection can be measured for anonymous visitors too.

The first page a browser gets sets the cookie. Figures that anyone can move (searches without
results, result and suggestion links opened) only count requests that bring the cookie back, and
each visit once: a client that drops cookies counts for nothing, one that keeps them counts once.
"""

from __future__ import annotations

import secrets

from flask import Flask, g, request

COOKIE = "visit"
MAX_AGE = 4 * 3600


def visit_id() -> str:
    """The current visit's id, creating one (sent back in a cookie) when there is none."""
    current = g.get("visit_id") or request.cookies.get(COOKIE, "")
    if not (16 <= len(current) <= 32 and current.isalnum()):
        current = secrets.token_hex(12)
        g.new_visit_id = current
    g.visit_id = current
    return current


def returning_visit_id() -> str | None:
    """The visit named by the cookie the request brought, or None on a visit's first request (which
    gets the cookie for the next one)."""
    current = visit_id()
    return None if g.get("new_visit_id") else current


def _starts_a_visit(response) -> bool:
    return request.method == "GET" and response.status_code == 200 and response.mimetype == "text/html"


def init_app(app: Flask) -> None:
    @app.after_request
    def set_visit_cookie(response):
        if not g.get("visit_id") and _starts_a_visit(response):
            visit_id()
        if g.get("new_visit_id"):
            response.set_cookie(
                COOKIE, g.new_visit_id, max_age=MAX_AGE, httponly=True, samesite="Lax", secure=request.is_secure
            )
        return response
