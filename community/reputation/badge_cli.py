"""``flask reputation badges [--all]``: the Responsive sweep, and every rule for every member."""

from __future__ import annotations

import click
from flask import Flask
from sqlalchemy import select

from community.core.extensions import db
from community.members.models import User
from community.reputation import badge_rules, responsive


@click.command("badges")
@click.option("--all", "everyone", is_flag=True, help="Also run every badge rule for every member (backfill).")
def badges_command(everyone: bool) -> None:
    """Withdraw the rolling badges that lapsed and give back those that hold again (cron-friendly)."""
    if everyone:
        ids = db.session.scalars(select(User.id).where(User.deleted_at.is_(None)).order_by(User.id)).all()
        for user_id in ids:
            badge_rules.evaluate_member(db.session.get(User, user_id))
        db.session.commit()
        click.echo(f"Badge rules run for {len(ids)} members.")
    result = responsive.sweep_once()
    if result is None:
        click.echo("Another process is sweeping the badges; nothing done.")
        return
    held, withdrawn = result
    click.echo(f"Responsive: held by {held} members, withdrawn from {withdrawn}.")


def init_app(app: Flask) -> None:
    from community.reputation.cli import reputation

    reputation.add_command(badges_command)
