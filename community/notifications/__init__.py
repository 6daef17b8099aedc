"""Notifications in the site and by e-mail, follows, and the mail outbox. ``init_app`` plugs them in."""

from __future__ import annotations

from flask import Flask

from community.core import permissions

ACTIONS = {
    "notification.follow": [],  # any member follows questions, categories, tags, articles
    "notification.read": [],  # any member reads and marks their own notifications
    "mail.view_outbox": [permissions.staff],  # mail that failed for good stays visible to staff
}


def init_app(app: Flask) -> None:
    from community.notifications import (
        follow_views,
        mail_views,
        models,  # noqa: F401
        subscribers,
        views,
    )

    permissions.register(ACTIONS)
    subscribers.connect()
    views.init_app(app)
    follow_views.init_app(app)
    mail_views.init_app(app)
