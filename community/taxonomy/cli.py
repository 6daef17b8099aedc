"""``flask categories …``: an operator sets up the categories questions are asked in."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from community.core.errors import DomainError
from community.core.extensions import db
from community.core.permissions import OPERATOR
from community.taxonomy import operations as ops
from community.taxonomy import queries

categories = AppGroup("categories", help="Manage the categories questions are asked in.")


def _save(**kwargs):
    try:
        category = ops.save_category(OPERATOR, **kwargs)
        db.session.commit()
    except DomainError as err:
        db.session.rollback()
        details = "; ".join(f"{field}: {reason}" for field, reason in err.fields.items())
        raise click.ClickException(f"{err.message} {details}".strip()) from None
    return category


@categories.command("create")
@click.argument("slug")
@click.option("--name", required=True, help="The name members see.")
@click.option("--description", default="", help="One line under the name.")
def create_category(slug: str, name: str, description: str) -> None:
    """Create a category at /questions?category=SLUG."""
    category = _save(slug=slug, name=name, description=description)
    click.echo(f"Created category {category.slug} ({category.name})")


@categories.command("list")
def list_categories() -> None:
    """Every category in display order: slug, questions, name."""
    for category in queries.categories():
        click.echo(f"{category.slug}\t{category.question_count}\t{category.name}")


@categories.command("edit")
@click.argument("slug")
@click.option("--name", help="A new name.")
@click.option("--description", help="A new description (an empty string clears it).")
@click.option("--slug", "new_slug", help="A new address (lower-case words with hyphens).")
def edit_category(slug: str, name: str | None, description: str | None, new_slug: str | None) -> None:
    """Change a category's name, description or address."""
    category = queries.category_by_slug(slug)
    if category is None:
        raise click.ClickException(f"No category {slug!r}; `flask categories list` shows them.")
    _save(
        slug=category.slug if new_slug is None else new_slug,
        name=category.name if name is None else name,
        description=category.description if description is None else description,
        category=category,
    )
    click.echo(f"Saved category {category.slug} ({category.name})")


def init_app(app: Flask) -> None:
    app.cli.add_command(categories)
