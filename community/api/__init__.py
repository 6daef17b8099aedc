"""JSON API v1: one blueprint, one module a resource, the contract's error shape everywhere."""

from __future__ import annotations

from flask import Blueprint, Flask

from community.core.extensions import csrf

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def init_app(app: Flask) -> None:
    from community.api import auth, categories, openapi, questions, search, tokens, users  # noqa: F401

    csrf.exempt(bp)
    app.register_blueprint(bp)
