"""``flask escalations sweep``: questions left unanswered past their delay become advisor cases."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from community.escalation import sweep as sweeping

escalations = AppGroup("escalations", help="Advisor cases.")


@escalations.command("sweep")
def sweep() -> None:
    """Escalate the questions left unanswered past their category's delay (idempotent, cron-friendly)."""
    opened = sweeping.sweep_once()
    if opened is None:
        click.echo("Another sweep is running; nothing done.")
        return
    for case in opened:
        click.echo(f"Case {case.id}: question {case.question_id} “{case.subject}”")
    click.echo(f"Escalated {len(opened)} unanswered question{'' if len(opened) == 1 else 's'}.")


def init_app(app: Flask) -> None:
    app.cli.add_command(escalations)
