from __future__ import annotations

from flask_babel import gettext as _

from community.api import bp, serializers
from community.api.auth import actor, signed_in
from community.api.responses import json_body, string_field
from community.core.errors import NotFound, ValidationError
from community.core.extensions import db
from community.core.permissions import require
from community.questions import operations as ops
from community.questions import queries


@bp.get("/categories")
def list_categories():
    items = queries.categories()
    return {"items": [serializers.category(c) for c in items], "page": 1, "per_page": len(items), "total": len(items)}


@bp.post("/categories")
@signed_in
def create_category():
    require(actor(), "category.manage")
    data = json_body()
    category = ops.save_category(
        actor(),
        string_field(data, "slug", required=False),
        string_field(data, "name"),
        string_field(data, "description", required=False),
    )
    db.session.commit()
    return serializers.category(category), 201


@bp.patch("/categories/<slug>")
@signed_in
def edit_category(slug: str):
    require(actor(), "category.manage")
    category = queries.category_by_slug(slug)
    if category is None:
        raise NotFound(_("This category does not exist."))
    data = json_body()
    if not data.keys() & {"slug", "name", "description"}:
        raise ValidationError(
            _("Send at least one of: slug, name, description."),
            {"name": _("Send at least one of: slug, name, description.")},
        )
    ops.save_category(
        actor(),
        string_field(data, "slug", required=False, default=category.slug),
        string_field(data, "name", required=False, default=category.name),
        string_field(data, "description", required=False, default=category.description),
        category,
    )
    db.session.commit()
    return serializers.category(category)
