"""``flask reputation rebuild [--check]``: members' cached totals against their ledger."""

from __future__ import annotations

import sys

import click
from flask import Flask
from flask.cli import AppGroup

from community.core.extensions import db
from community.reputation import ledger

reputation = AppGroup("reputation", help="Members' reputation.")


@reputation.command("rebuild")
@click.option("--check", is_flag=True, help="Only print the differences; exit 1 when there is any.")
def rebuild(check: bool) -> None:
    """Recompute every member's reputation from the ledger."""
    found = ledger.rebuild(check=check)
    for difference in found:
        click.echo(f"Member {difference.user_id}: cached {difference.cached}, ledger {difference.ledger}")
    if check:
        if found:
            click.echo(f"{len(found)} member{'' if len(found) == 1 else 's'} out of step with the ledger.")
            sys.exit(1)
        click.echo("Every member's reputation matches the ledger.")
        return
    db.session.commit()
    click.echo(f"Corrected {len(found)} member{'' if len(found) == 1 else 's'}.")


def init_app(app: Flask) -> None:
    app.cli.add_command(reputation)
