"""Reputation and the ambassador programme: the ledger (``ledger``, fed by ``events``), badges, ranks
and privileges, leaderboards, nominations and invitations to answer. ``init_app`` plugs them in.

A member's ``users.reputation`` is the cached sum of their ledger rows; ``flask reputation rebuild``
recomputes it. Point values, the daily cap on points from votes and the minimum voter age are in
``community.core.config`` (``REPUTATION_*``).
"""

from __future__ import annotations

from flask import Flask


def init_app(app: Flask) -> None:
    from community.reputation import cli, events, models, privacy  # noqa: F401

    events.connect()
    privacy.register_sources()
    cli.init_app(app)

    from community.reputation import badges

    badges.init_app(app)

    from community.reputation import programme_views

    programme_views.init_app(app)

    from community.reputation import privilege_views

    privilege_views.init_app(app)
