"""``flask search anonymise``: the community's own command in the search group."""

from __future__ import annotations

import click
from flask import Flask, current_app

from community.core.extensions import db
from community.discovery import operations as ops


@click.command("anonymise")
def anonymise() -> None:
    """Erase member ids from query-log entries older than SEARCH_LOG_ANONYMISE_DAYS."""
    count = ops.anonymise_queries(current_app.config["SEARCH_LOG_ANONYMISE_DAYS"])
    db.session.commit()
    click.echo(f"Anonymised {count} log entries.")


def init_app(app: Flask) -> None:
    """Needs the ``search`` group, which ``search.cli.init_app`` added before the community."""
    app.cli.commands["search"].add_command(anonymise)
