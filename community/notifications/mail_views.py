"""Pages about e-mail: a member's delivery settings, the one-click unsubscribe, and the staff's
view of mail given up on."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from flask_wtf import FlaskForm
from wtforms import RadioField

from community.core.errors import DomainError
from community.core.extensions import csrf, db
from community.core.permissions import require
from community.notifications import delivery, kinds, preferences

bp = Blueprint("mail", __name__)

DELIVERY_LABELS = (("immediate", _l("At once")), ("digest", _l("Daily summary")), ("off", _l("Off")))


def settings_form(user) -> FlaskForm:
    """One choice per kind of the catalogue, set to the member's current delivery."""
    current = preferences.choices(user)

    class SettingsForm(FlaskForm):
        pass

    for kind in kinds.for_member(user):
        setattr(SettingsForm, kind.key, RadioField(kind.label, choices=DELIVERY_LABELS, default=current[kind.key]))
    return SettingsForm()


@bp.route("/settings/notifications", methods=["GET", "POST"])
@login_required
def settings():
    form = settings_form(current_user)
    if form.validate_on_submit():
        member = current_user._get_current_object()
        try:
            preferences.set_deliveries(member, {kind.key: form[kind.key].data for kind in kinds.for_member(member)})
        except DomainError as exc:
            for key in exc.fields:
                form[key].errors.append(_("Choose one of the options."))
        else:
            db.session.commit()
            flash(_("Your notification settings are saved."), "success")
            return redirect(url_for("mail.settings"))
    return render_template(
        "notifications/mail_settings.html",
        form=form,
        kinds=kinds.for_member(current_user),
        section="notifications",
        confirmed=current_user.email_confirmed_at is not None,
    )


@bp.route("/mail/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # RFC 8058: mail providers post the one-click request without a form; the token is the proof
def unsubscribe(token: str):
    """GET shows what the link turns off and a button; POST (the button, or a mail provider's
    one-click request) turns it off. No sign-in: the signed token names the member."""
    found = preferences.read_unsubscribe_token(token)
    if found is None:
        abort(404)
    user, kind = found
    label = _("Daily summary") if kind == preferences.DIGEST else str(kinds.get(kind).label)
    if request.method == "POST":
        preferences.unsubscribe(user, kind)
        db.session.commit()
        return render_template("notifications/unsubscribe.html", done=True, label=label)
    return render_template("notifications/unsubscribe.html", done=False, label=label, token=token)


@bp.route("/admin/mail")
@login_required
def failed():
    """Mail the sender gave up on, kept with the last error, and how much is waiting."""
    require(current_user, "mail.view_outbox")
    return render_template(
        "notifications/mail_failed.html", messages=delivery.failed_messages(), waiting=delivery.waiting_count()
    )


def init_app(app) -> None:
    from community.core.navigation import StaffLink, register_staff_link
    from community.notifications import cli

    app.register_blueprint(bp)
    link = StaffLink("mail.failed", _l("Mail"), "mail", "mail.view_outbox", order=60, group="community")
    register_staff_link(app, link)
    delivery.init_app(app)
    cli.init_app(app)
