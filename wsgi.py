"""The Entraide application: ``create_app()`` for tests and tools, ``app`` for gunicorn.

Composes the packages in their dependency order: core → search → community → knowledge_base.
"""

from __future__ import annotations

from flask import Flask

import community
import knowledge_base
from community.core import assets, compression
from community.core.config import configure, instance_path
from community.core.extensions import db
from search import cli as search_cli
from search import service as search_service


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(
        __name__,
        instance_path=(test_config or {}).get("INSTANCE_PATH") or instance_path(),
        template_folder="templates",
        static_folder="static",
    )
    configure(app, test_config)
    compression.init_app(app)  # first: its after_request hook runs after every other
    assets.init_app(app)
    community.init_extensions(app)
    search_service.init_app(app, db)
    search_cli.init_app(app)
    community.init_app(app)
    knowledge_base.init_app(app)
    return app


def __getattr__(name: str):
    """``wsgi.app`` is built on first use, so importing ``create_app`` has no side effect."""
    if name == "app":
        globals()["app"] = create_app()
        return globals()["app"]
    raise AttributeError(name)
