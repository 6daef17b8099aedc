"""The staff's list of blocked words and domains (``/moderation/blocked``), and the anti-abuse
rules' registration: permission, audit labels, the rate limits' signal listeners."""

from __future__ import annotations

from flask import Blueprint, Flask, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField

from community.core import permissions
from community.core.extensions import db
from community.core.forms import attempt
from community.core.permissions import require
from community.moderation import limits, rules

bp = Blueprint("moderation_blocked", __name__)

ACTIONS = {"moderation.blocked_terms": [permissions.staff]}
AUDIT_ACTIONS = {
    "blocked_term.add": _l("Blocked term added"),
    "blocked_term.remove": _l("Blocked term removed"),
}
KIND_LABELS = {"word": _l("Word or phrase"), "domain": _l("Domain")}
ACTION_LABELS = {"hold": _l("Hold for review"), "refuse": _l("Refuse the post")}


class BlockedTermForm(FlaskForm):
    term = StringField(
        _l("Word, phrase or domain"),
        description=_l("Case and accents do not matter; a domain also blocks its subdomains."),
        render_kw={"maxlength": 200, "autocomplete": "off"},
    )
    kind = SelectField(_l("It is"), choices=list(KIND_LABELS.items()))
    action = SelectField(
        _l("A post holding it is"),
        choices=list(ACTION_LABELS.items()),
        description=_l(
            "Held posts wait hidden in the moderation queue; refused ones are not saved, their author is told why."
        ),
    )


def _page(form: BlockedTermForm, status: int = 200):
    return render_template(
        "moderation/blocked.html",
        form=form,
        terms=rules.terms(),
        kind_labels=KIND_LABELS,
        action_labels=ACTION_LABELS,
        tab="blocked",
    ), status


@bp.route("/moderation/blocked", methods=["GET", "POST"])
@login_required
def page():
    require(current_user, "moderation.blocked_terms")
    form = BlockedTermForm()
    if form.validate_on_submit():
        added = attempt(form, lambda: rules.add_term(current_user, form.kind.data, form.term.data, form.action.data))
        if added is not None:
            flash(_("“%(term)s” is blocked.", term=added.term), "success")
            return redirect(url_for("moderation_blocked.page"))
    return _page(form, 422 if form.errors or form.form_errors else 200)


@bp.route("/moderation/blocked/<int:term_id>/remove", methods=["POST"])
@login_required
def remove(term_id: int):
    rules.remove_term(current_user, term_id)
    db.session.commit()
    flash(_("The term is no longer blocked."), "success")
    return redirect(url_for("moderation_blocked.page"))


def init_app(app: Flask) -> None:
    from community.audit.catalogue import register_actions, register_target

    permissions.register(ACTIONS)
    register_actions(AUDIT_ACTIONS)
    register_target("blocked_term", _l("Blocked term"), lambda _id: url_for("moderation_blocked.page"))
    app.register_blueprint(bp)
    limits.connect()
