"""``flask privacy purge``: the retention a cron runs (daily is plenty)."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from community.core.extensions import db
from community.privacy.purge import purge as purge_old

privacy = AppGroup("privacy", help="Personal data: retention.")


@privacy.command("purge")
def purge() -> None:
    """Anonymise search-log entries and visit events, delete the journey trail, older than
    PRIVACY_RETENTION_DAYS."""
    days = int(current_app.config["PRIVACY_RETENTION_DAYS"])
    counts = purge_old(days)
    db.session.commit()
    click.echo(
        f"Anonymised {counts['searches']} search log entries and {counts['visit_events']} visit events "
        f"older than {days} days."
    )
    click.echo(f"Deleted {counts['trail_views']} journey trail entries older than {days} days.")


def init_app(app: Flask) -> None:
    app.cli.add_command(privacy)
