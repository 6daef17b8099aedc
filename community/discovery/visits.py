"""A pseudonymous visit id in a cookie, so deflection can be measured for anonymous visitors too."""

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


def init_app(app: Flask) -> None:
    @app.after_request
    def set_visit_cookie(response):
        if g.get("new_visit_id"):
            response.set_cookie(
                COOKIE, g.new_visit_id, max_age=MAX_AGE, httponly=True, samesite="Lax", secure=request.is_secure
            )
        return response
