"""JSON API v1 on flask-smorest: request and response schemas declared once (per audience where they
differ), the OpenAPI document generated from them, the contract's error shape everywhere.

A package adds its part by registering a ``community.api.blueprint.Blueprint`` in the app: the
community's below, the knowledge base's at its own ``init_app``.
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from community.api import (  # noqa: F401 - their operations
        audit,
        categories,
        escalations,
        flags,
        me,
        moderation,
        notifications,
        questions,
        search,
        tokens,
        users,
    )
    from community.api.blueprint import bp
    from community.api.document import Api

    Api(app)
    app.register_blueprint(bp)
