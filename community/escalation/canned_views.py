"""The advisors' canned replies (``/cases/canned``): the list, adding one, editing and deleting."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm

from community.core.forms import attempt
from community.core.permissions import require
from community.escalation import operations, queries
from community.escalation.forms import CannedForm
from community.escalation.views import bp


def _page(form: CannedForm, editing=None):
    status = 422 if form.errors or form.form_errors else 200
    return render_template(
        "escalation/canned.html",
        form=form,
        editing=editing,
        replies=queries.canned_replies(),
        delete_form=FlaskForm(),
    ), status


@bp.route("/cases/canned", methods=["GET", "POST"])
@login_required
def canned():
    require(current_user, "canned.manage")
    form = CannedForm()
    if form.validate_on_submit():
        made = attempt(
            form, lambda: operations.create_canned(current_user, form.title.data or "", form.body.data or "")
        )
        if made is not None:
            flash(_("The canned reply “%(title)s” is ready to use.", title=made.title), "success")
            return redirect(url_for("escalation.canned", _anchor=f"canned-{made.id}"))
    return _page(form)


@bp.route("/cases/canned/<int:reply_id>/edit", methods=["GET", "POST"])
@login_required
def edit_canned(reply_id: int):
    require(current_user, "canned.manage")
    reply = queries.get_canned(reply_id)
    form = CannedForm(obj=reply)
    if form.validate_on_submit():
        done = attempt(
            form, lambda: operations.edit_canned(current_user, reply, form.title.data or "", form.body.data or "")
        )
        if done is not None:
            flash(_("The canned reply “%(title)s” is saved.", title=done.title), "success")
            return redirect(url_for("escalation.canned", _anchor=f"canned-{done.id}"))
    return _page(form, editing=reply)


@bp.route("/cases/canned/<int:reply_id>/delete", methods=["POST"])
@login_required
def delete_canned(reply_id: int):
    require(current_user, "canned.manage")
    reply = queries.get_canned(reply_id)
    title = reply.title
    form = FlaskForm()
    if not form.validate_on_submit():
        flash(_("The form expired. Please send it again."), "error")
    elif attempt(form, lambda: operations.delete_canned(current_user, reply) or True):
        flash(_("The canned reply “%(title)s” is deleted.", title=title), "success")
    return redirect(url_for("escalation.canned"))
