"""``flask demo load``: the hand-written demo community, plus generated threads for scale tests."""

from __future__ import annotations

import click
from flask.cli import AppGroup
from sqlalchemy import func, select

from community.core import signals
from community.core.extensions import db
from community.demo.loader import date_notifications, generate, load_demo
from community.members.models import User

demo = AppGroup("demo", help="The demo community.")


def _print_accounts() -> None:
    from community.demo.content import DEMO_PASSWORD, USERS

    click.echo(f"\nDemo accounts (password for all: {DEMO_PASSWORD})")
    for spec in USERS:
        click.echo(f"  {spec['role']:<11} {spec['email']:<40} {spec['name']}")


@demo.command("load")
@click.option(
    "--questions",
    "count",
    type=click.IntRange(min=0),
    default=0,
    help="Also add N generated questions with answers (scale tests).",
)
@click.option("--if-empty", is_flag=True, help="Do nothing when the database already has members.")
def load_command(count: int, if_empty: bool) -> None:
    """Load the demo community (and N generated questions)."""
    if db.session.scalar(select(func.count(User.id))):
        if if_empty:
            click.echo("The database already has content: demo not loaded again.")
            _print_accounts()
            return
    else:
        stats = load_demo()
        db.session.commit()
        added = signals.demo_loaded.send(None, users={user.email: user for user in db.session.scalars(select(User))})
        date_notifications()  # again, for what the other packages' demo content notified
        db.session.commit()
        click.echo(f"Demo community loaded: {stats['users']} members, {stats['questions']} questions.")
        for _receiver, summary in added:
            if summary:
                click.echo(summary)
    if count:
        generate(count)
        click.echo(f"Added {count} generated questions.")
    from community.discovery import searching

    click.echo(f"Search index: {searching.rebuild(progress=True)} documents.")
    _print_accounts()
