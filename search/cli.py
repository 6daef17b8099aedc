"""``flask search reindex`` and ``flask search check [--fix]``; other packages add their commands to
the same group (``app.cli.commands["search"]``)."""

from __future__ import annotations

import sys

import click
from flask import Flask
from flask.cli import AppGroup

from search import SearchUnavailable, service

group = AppGroup("search", help="The search index.")


@group.command("reindex")
def reindex() -> None:
    """Rebuild the index from the database (with a progress bar)."""
    try:
        total = service.rebuild(progress=True)
    except SearchUnavailable as err:
        raise click.ClickException(str(err)) from err
    click.echo(f"Indexed {total} documents.")


@group.command("check")
@click.option("--fix", is_flag=True, help="Queue and apply the missing changes.")
def check(fix: bool) -> None:
    """Compare the index with the database; exit 1 when they disagree."""
    try:
        report = service.check(fix=fix)
    except SearchUnavailable as err:
        click.echo(f"The index cannot be read: {err}. Run `flask search reindex`.")
        sys.exit(1)
    missing, extra = report["missing"], report["extra"]
    if not missing and not extra:
        click.echo("The index and the database agree.")
        return
    click.echo(f"Missing from the index: {len(missing)} {' '.join(missing[:20])}")
    click.echo(f"In the index but not to be shown: {len(extra)} {' '.join(extra[:20])}")
    if fix:
        after = service.check()
        if not after["missing"] and not after["extra"]:
            click.echo("Fixed: the index and the database agree now.")
            return
    sys.exit(1)


def init_app(app: Flask) -> None:
    app.cli.add_command(group)
