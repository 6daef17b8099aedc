"""Notifications in the site and by e-mail, follows, and the mail outbox. ``init_app`` plugs them in."""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from community.notifications import models  # noqa: F401
