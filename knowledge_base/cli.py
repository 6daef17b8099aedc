"""``flask kb …``: the knowledge base from the command line."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from community.core.extensions import db
from community.discovery import searching
from knowledge_base import media
from knowledge_base.importing import import_articles

kb_cli = AppGroup("kb", help="The knowledge base.")


@kb_cli.command("import")
@click.argument("file", type=click.File("r", encoding="utf-8"))
@click.option("--publish", is_flag=True, help="Publish new articles (and drafts being updated) at once.")
def import_command(file, publish: bool) -> None:
    """Load articles from FILE.jsonl, one JSON object a line; re-importing updates by external_id."""
    lines = file.read().splitlines()
    with click.progressbar(lines, label="Importing", show_pos=True) as bar:
        report = import_articles(None, bar, publish=publish)
    db.session.commit()
    searching.drain()
    for number, reason in report.refused:
        click.echo(f"line {number}: refused: {reason}", err=True)
    click.echo(
        f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged, "
        f"{len(report.refused)} refused"
    )


@kb_cli.group("images")
def images_cli() -> None:
    """Step images stored in the instance folder."""


@images_cli.command("cleanup")
def images_cleanup_command() -> None:
    """Delete step images no step or revision uses, left by abandoned or replaced edits (older than an hour)."""
    removed, freed = media.remove_unused_images()
    click.echo(f"{removed} unused images removed, {freed} bytes freed")


def init_app(app: Flask) -> None:
    app.cli.add_command(kb_cli)
