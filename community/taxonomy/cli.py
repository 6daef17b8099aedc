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


def _english(category, name_en: str | None, description_en: str | None) -> dict | None:
    """The translations to save: None (unchanged) when neither English option is given."""
    if name_en is None and description_en is None:
        return None
    current = category.translation("en") if category is not None else {"name": "", "description": ""}
    english = {
        "name": current["name"] if name_en is None else name_en,
        "description": current["description"] if description_en is None else description_en,
    }
    others = {code: entry for code, entry in (category.translations or {}).items() if code != "en"} if category else {}
    return others | {"en": english}


@categories.command("create")
@click.argument("slug")
@click.option("--name", required=True, help="The name members see.")
@click.option("--description", default="", help="One line under the name.")
@click.option("--name-en", help="The name in the English interface (the name when absent).")
@click.option("--description-en", help="The description in the English interface.")
def create_category(slug: str, name: str, description: str, name_en: str | None, description_en: str | None) -> None:
    """Create a category at /questions?category=SLUG."""
    translations = _english(None, name_en, description_en)
    category = _save(slug=slug, name=name, description=description, translations=translations)
    click.echo(f"Created category {category.slug} ({category.base_name})")


@categories.command("list")
def list_categories() -> None:
    """Every category in display order: slug, questions, name."""
    for category in queries.categories():
        english = category.translation("en")["name"]
        line = f"{category.slug}\t{category.question_count}\t{category.base_name}"
        click.echo(f"{line}\t{english}" if english else line)


@categories.command("edit")
@click.argument("slug")
@click.option("--name", help="A new name.")
@click.option("--description", help="A new description (an empty string clears it).")
@click.option("--slug", "new_slug", help="A new address (lower-case words with hyphens).")
@click.option("--name-en", help="The name in the English interface (an empty string: the name).")
@click.option("--description-en", help="The description in the English interface.")
def edit_category(
    slug: str,
    name: str | None,
    description: str | None,
    new_slug: str | None,
    name_en: str | None,
    description_en: str | None,
) -> None:
    """Change a category's name, description, address or English texts."""
    category = queries.category_by_slug(slug)
    if category is None:
        raise click.ClickException(f"No category {slug!r}; `flask categories list` shows them.")
    _save(
        slug=category.slug if new_slug is None else new_slug,
        name=category.base_name if name is None else name,
        description=category.base_description if description is None else description,
        category=category,
        translations=_english(category, name_en, description_en),
    )
    click.echo(f"Saved category {category.slug} ({category.base_name})")


tags = AppGroup("tags", help="Show tags under translated names.")


@tags.command("translate")
@click.argument("name")
@click.argument("label")
@click.option("--language", default="en", show_default=True, help="The interface language that shows LABEL.")
def translate_tag(name: str, label: str, language: str) -> None:
    """Show the tag NAME as LABEL in LANGUAGE (an empty LABEL shows NAME again)."""
    tag = queries.tag_by_name(name)
    if tag is None:
        raise click.ClickException(f"No tag {name!r}.")
    try:
        ops.translate_tag(OPERATOR, tag, language, label)
        db.session.commit()
    except DomainError as err:
        db.session.rollback()
        details = "; ".join(f"{field}: {reason}" for field, reason in err.fields.items())
        raise click.ClickException(f"{err.message} {details}".strip()) from None
    click.echo(f"Tag {tag.name} reads {label or tag.name!r} in {language}")


def init_app(app: Flask) -> None:
    app.cli.add_command(categories)
    app.cli.add_command(tags)
