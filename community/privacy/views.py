"""The privacy page, "Download my data" and "Delete my account" in the settings."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, make_response, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from community.core.forms import attempt
from community.privacy import registry
from community.privacy.deletion import delete_account
from community.privacy.export import as_json, export_member
from community.privacy.forms import DeleteAccountForm

bp = Blueprint("privacy", __name__)


@bp.route("/privacy")
def policy():
    return render_template(
        "privacy/policy.html",
        sources=registry.listed(),
        retention_days=current_app.config["PRIVACY_RETENTION_DAYS"],
    )


@bp.route("/settings/data")
@login_required
def data():
    return render_template("privacy/data.html", section="data", sources=registry.listed())


@bp.route("/settings/data/download")
@login_required
def download():
    member = current_user._get_current_object()
    response = make_response(as_json(export_member(member, member)))
    response.mimetype = "application/json"
    response.headers["Content-Disposition"] = f'attachment; filename="entraide-data-{member.id}.json"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/settings/delete", methods=["GET", "POST"])
@login_required
def delete():
    form = DeleteAccountForm()
    if form.validate_on_submit():
        member = current_user._get_current_object()
        if attempt(form, lambda: delete_account(member, member, form.password.data or "")) is not None:
            logout_user()
            flash(_("Your account is deleted. Your posts stay, signed “former member”."), "info")
            return redirect(url_for("site.home"))
    return render_template("privacy/delete.html", form=form, section="delete"), 422 if form.errors else 200
