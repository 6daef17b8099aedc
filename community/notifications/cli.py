"""``flask notifications send``: deliver queued e-mail (a cron may run it; workers also do)."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from community.notifications import delivery

notifications = AppGroup("notifications", help="Notification e-mail.")


@notifications.command("send")
def send() -> None:
    """Queue the daily summaries that are due, then deliver queued e-mail, retrying failures."""
    counts = delivery.send_due()
    if counts is None:
        click.echo("Another process is sending mail; nothing done.")
        return
    click.echo(
        f"{counts['sent']} sent, {counts['retrying']} to retry, {counts['failed']} given up, "
        f"{counts['digests']} daily summaries queued."
    )


def init_app(app: Flask) -> None:
    app.cli.add_command(notifications)
