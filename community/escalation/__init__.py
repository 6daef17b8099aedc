"""Escalation to a human advisor: cases a customer opens (from the site, the API's chatbot hand-off, a
callback request, or the sweep of questions nobody answered in time), their private thread, the
advisors' queue and canned replies, the journey trail a case carries, and sharing a fix back.

A case is visible to its customer and staff only; it is never indexed nor in the sitemap, and its
messages reach the other side through the notifications (``notifications.subscribers``).
"""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from community.escalation.urls import case_url

AUDIT_ACTIONS = {
    "case.assign": _l("Case assigned"),
    "case.status": _l("Case status changed"),
    "canned.create": _l("Canned reply created"),
    "canned.edit": _l("Canned reply edited"),
    "canned.delete": _l("Canned reply deleted"),
}


def init_app(app: Flask) -> None:
    from community.audit.catalogue import register_actions, register_target
    from community.core import signals
    from community.escalation import cli, demo, permissions, privacy, sharing, sweep, views

    permissions.register()
    register_actions(AUDIT_ACTIONS)
    register_target("case", _l("Advisor case"), case_url)
    register_target("canned_reply", _l("Canned reply"), lambda _id: "/cases/canned")
    privacy.register_sources()
    cli.init_app(app)
    sweep.init_app(app)
    sharing.init_app(app)
    views.init_app(app)
    signals.demo_loaded.connect(demo.load, weak=False)
