"""Categories: anyone lists them, staff create and change them."""

from __future__ import annotations

import marshmallow as ma
from flask_babel import gettext as _
from marshmallow import fields

from community.api.auth import actor, permitted
from community.api.blueprint import bp
from community.api.fields import Length, OneOf, Text
from community.api.schemas import Input, Output, page_of, whole
from community.core.errors import NotFound
from community.core.extensions import db
from community.core.language import NAMES
from community.taxonomy import operations as taxonomy_ops
from community.taxonomy import queries as taxonomy

TAGS = ["categories"]
SLUG = {"pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"}
LANGUAGES = tuple(NAMES)


class CategorySlug(Text):
    """The slug of an existing category (a filter: an unknown one is refused, naming the choices)."""

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        slug = super()._deserialize(value, attr, data, **kwargs)
        slugs = [category.slug for category in taxonomy.categories()]
        if slug not in slugs:
            raise ma.ValidationError(_("Use one of: %(choices)s.", choices=", ".join(slugs)))
        return slug


TRANSLATIONS = {
    "description": "Name and description per language code (`en`), shown in that interface language; "
    "`name` and `description` stand in where a language has none."
}


class Translation(Output):
    name = fields.String()
    description = fields.String()


class TranslationInput(Input):
    name = Text(allow_none=True, validate=Length(max=80))
    description = Text(allow_none=True, validate=Length(max=500))


class Category(Output):
    class Meta:
        sometimes = ("translations",)

    slug = fields.String(metadata={"description": "The category's address."})
    name = fields.String(attribute="base_name", metadata={"description": "In the site's default language."})
    description = fields.String(attribute="base_description")
    translations = fields.Dict(keys=fields.String(), values=fields.Nested(Translation), metadata=TRANSLATIONS)

    @ma.post_dump
    def _translated_only(self, data: dict, **kwargs) -> dict:
        if not data.get("translations"):
            data.pop("translations", None)
        return data


CategoryPage = page_of(Category, paginated=False)


class NewCategory(Input):
    slug = Text(
        allow_none=True,
        validate=Length(max=60),
        metadata={**SLUG, "description": "The category's address; made from the name when absent."},
    )
    name = Text(required=True, validate=Length(2, 80))
    description = Text(allow_none=True, validate=Length(max=500))
    translations = fields.Dict(
        keys=Text(validate=OneOf(LANGUAGES)), values=fields.Nested(TranslationInput), metadata=TRANSLATIONS
    )


class CategoryChanges(Input):
    """Only the fields sent change."""

    slug = Text(
        allow_none=True,
        validate=Length(max=60),
        metadata={**SLUG, "description": "A new address; questions move with the category."},
    )
    name = Text(allow_none=True, validate=Length(2, 80))
    description = Text(allow_none=True, validate=Length(max=500))
    translations = fields.Dict(
        keys=Text(validate=OneOf(LANGUAGES)),
        values=fields.Nested(TranslationInput),
        metadata={"description": "Replaces every translation."},
    )

    @ma.validates_schema
    def _something(self, data: dict, **kwargs) -> None:
        if not data.keys() & {"slug", "name", "description", "translations"}:
            message = _("Send at least one of: slug, name, description, translations.")
            raise ma.ValidationError(message, field_name="name")


@bp.get("/categories", tags=TAGS)
@bp.response(200, CategoryPage)
def list_categories():
    """Every category

    In display order, on one page.
    """
    return whole(taxonomy.categories())


@bp.post("/categories", tags=TAGS)
@permitted("category.manage")
@bp.arguments(NewCategory)
@bp.response(201, Category)
def create_category(data: dict):
    """Create a category (staff)

    422 with `fields.slug` when the address is not lower-case words joined by hyphens or is already taken.
    """
    category = taxonomy_ops.save_category(
        actor(), data.get("slug"), data["name"], data.get("description"), translations=data.get("translations")
    )
    db.session.commit()
    return category


@bp.patch("/categories/<slug>", tags=TAGS)
@permitted("category.manage")
@bp.arguments(CategoryChanges)
@bp.response(200, Category)
def edit_category(data: dict, slug: str):
    """Change a category's name, description or address (staff)

    Fields left out keep their value.
    """
    category = taxonomy.category_by_slug(slug)
    if category is None:
        raise NotFound(_("This category does not exist."))
    taxonomy_ops.save_category(
        actor(),
        data.get("slug", category.slug),
        data.get("name", category.base_name),
        data.get("description", category.base_description),
        category,
        translations=data.get("translations"),
    )
    db.session.commit()
    return category
