"""The audit log: every staff and admin action, written by ``record`` inside the operations (so the
pages, the API and the command line are logged alike), read on ``/admin/audit`` and ``GET /api/v1/audit``."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from community.audit.operations import record, snapshot
from community.core import permissions

__all__ = ["init_app", "record", "snapshot"]

ACTIONS = {"audit.view": [permissions.staff]}


def init_app(app: Flask) -> None:
    from community.audit import kinds, views
    from community.core.navigation import StaffLink, register_staff_link

    permissions.register(ACTIONS)
    kinds.register()
    app.register_blueprint(views.bp)
    link = StaffLink("audit.log", _l("Audit log"), "history", "audit.view", order=35, group="insight")
    register_staff_link(app, link)
