"""Data protection: the registry of personal data, the privacy page, export, account deletion and
retention (``flask privacy purge``). Plugs in with ``init_app``; other packages register their
personal tables with ``registry.register`` at theirs."""

from __future__ import annotations

from flask import Flask
from flask_babel import lazy_gettext as _l

from community.core import permissions


def _own_account(user, obj) -> bool:
    return obj is not None and obj.id == user.id


ACTIONS = {"account.export": [_own_account], "account.delete": [_own_account]}
REASONS = {_own_account: _l("You can only do this for your own account.")}


def init_app(app: Flask) -> None:
    from community.audit.catalogue import register_actions
    from community.members.models import shown
    from community.privacy import cli, sources, views

    permissions.register(ACTIONS, reasons=REASONS)
    register_actions({"account.delete": _l("Account deleted by its member")})
    sources.register_community()
    app.register_blueprint(views.bp)
    app.add_template_filter(shown, "shown")
    cli.init_app(app)
