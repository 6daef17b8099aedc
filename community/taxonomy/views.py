"""The staff's category pages."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from community.core.forms import attempt
from community.core.permissions import require
from community.taxonomy import operations as ops
from community.taxonomy import queries
from community.taxonomy.forms import CategoryForm

bp = Blueprint("taxonomy", __name__)


@bp.route("/categories", methods=["GET", "POST"])
@login_required
def categories():
    require(current_user, "category.manage")
    form = CategoryForm()
    if form.validate_on_submit():
        if attempt(
            form,
            lambda: ops.save_category(
                current_user,
                form.slug.data,
                form.name.data,
                form.description.data,
                translations=form.translations(),
                premoderation=form.premoderation.data,
                escalation_hours=form.escalation_hours.data,
            ),
        ):
            flash(_("The category is saved."), "success")
            return redirect(url_for("taxonomy.categories"))
    return render_template(
        "questions/categories.html", form=form, categories=queries.categories()
    ), 422 if form.errors else 200


@bp.route("/categories/<slug>/edit", methods=["GET", "POST"])
@login_required
def edit_category(slug: str):
    require(current_user, "category.manage")
    category = queries.category_by_slug(slug) or abort(404)
    form = CategoryForm(data=_stored(category) if request.method == "GET" else None)
    if form.validate_on_submit():
        if attempt(
            form,
            lambda: ops.save_category(
                current_user,
                form.slug.data,
                form.name.data,
                form.description.data,
                category,
                translations=form.translations(),
                premoderation=form.premoderation.data,
                escalation_hours=form.escalation_hours.data,
            ),
        ):
            flash(_("The category is saved."), "success")
            return redirect(url_for("taxonomy.categories"))
    return render_template("questions/category_edit.html", form=form, category=category), 422 if form.errors else 200


def _stored(category) -> dict:
    """The texts as stored, not as the interface language shows them."""
    english = category.translation("en")
    return {
        "slug": category.slug,
        "name": category.base_name,
        "description": category.base_description,
        "name_en": english["name"],
        "description_en": english["description"],
        "premoderation": category.premoderation,
        "escalation_hours": category.escalation_hours,
    }
