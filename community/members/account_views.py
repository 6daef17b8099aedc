"""Confirming an e-mail address, changing it, and resetting a forgotten password, from the links
we e-mail."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user

from community.core.errors import DomainError, ValidationError
from community.core.extensions import db, limiter
from community.core.forms import apply_errors, attempt
from community.members import account_mail
from community.members import operations as ops
from community.members.forms import EmailChangeForm, ForgotPasswordForm, ResetPasswordForm

bp = Blueprint("account", __name__)


def _reset_limit() -> str:
    return current_app.config["PASSWORD_RESET_RATE_LIMIT"]


def _reset_address_limit() -> str:
    return current_app.config["PASSWORD_RESET_ADDRESS_RATE_LIMIT"]


def _reset_address() -> str:
    return (request.form.get("email") or "").strip().lower()[:254]


def _confirm_resend_limit() -> str:
    return current_app.config["CONFIRM_RESEND_RATE_LIMIT"]


def _email_change_limit() -> str:
    return current_app.config["EMAIL_CHANGE_RATE_LIMIT"]


def _private(response):
    """Pages reached by a secret link: never cached, never sent as a referrer."""
    response = make_response(response)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response


@bp.route("/confirm-email/<token>")
def confirm_email(token: str):
    user = account_mail.confirm_email(token)
    if user is None:
        return _private(render_template("members/link_invalid.html", kind="confirm")), 400
    db.session.commit()
    flash(_("Your e-mail address is confirmed. Thank you!"), "success")
    if current_user.is_authenticated:
        return redirect(url_for("site.home"))
    return redirect(url_for("members.login"))


@bp.route("/settings/email/confirm", methods=["POST"])
@login_required
@limiter.limit(_confirm_resend_limit, key_func=lambda: str(current_user.id), scope="confirm-resend")
def resend_confirmation():
    """The reminder banner's "Send the link again"."""
    if current_user.email_confirmed_at is None:
        account_mail.send_confirmation(current_user._get_current_object())
        db.session.commit()
        flash(_("We sent a new confirmation link to %(email)s.", email=current_user.email), "info")
    return redirect(request.referrer if _same_site(request.referrer) else url_for("site.home"))


def _same_site(url: str | None) -> bool:
    return bool(url) and url.startswith(request.host_url)


@bp.route("/settings/email", methods=["GET", "POST"])
@login_required
@limiter.limit(_email_change_limit, key_func=lambda: str(current_user.id), methods=["POST"], scope="email-change")
def change_email():
    """Ask for a new address: a link goes to it, and the address changes when it is opened."""
    form = EmailChangeForm()
    if form.validate_on_submit():
        member = current_user._get_current_object()
        email = attempt(
            form, lambda: ops.request_email_change(member, member, form.email.data, form.current_password.data)
        )
        if email is not None:
            flash(_("We sent a link to %(email)s: open it to start using this address.", email=email), "info")
            return redirect(url_for("account.change_email"))
    return render_template("members/email.html", form=form, section="email"), 422 if form.errors else 200


@bp.route("/settings/email/change/<token>")
@login_required
def confirm_email_change(token: str):
    """The link sent to the new address; it works only for the member who asked, signed in (mail
    scanners that open links change nothing)."""
    member = current_user._get_current_object()
    new_email = account_mail.email_change_for(member, token)
    if new_email is None:
        return _private(render_template("members/link_invalid.html", kind="email_change")), 400
    try:
        changed = ops.change_email(member, member, new_email)
        db.session.commit()
    except DomainError as err:
        db.session.rollback()
        if err.status in (401, 403, 404):
            raise
        flash(err.message, "error")
        return redirect(url_for("account.change_email"))
    login_user(changed)
    flash(_("Your e-mail address is now %(email)s.", email=changed.email), "success")
    return _private(redirect(url_for("account.change_email")))


@bp.route("/password/forgot", methods=["GET", "POST"])
@limiter.limit(_reset_limit, methods=["POST"], scope="password-reset")
@limiter.limit(_reset_address_limit, key_func=_reset_address, methods=["POST"], scope="password-reset-address")
def forgot_password():
    """Ask for a reset link. The answer is the same whether or not an account has the address."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        try:
            email = ops.normalise_email(form.email.data or "")
        except ValidationError as err:
            apply_errors(form, err)
        else:
            account_mail.send_password_reset(ops.find_by_email(email))
            db.session.commit()
            return render_template("members/forgot_sent.html", email=email)
    return render_template("members/forgot.html", form=form), 422 if form.errors else 200


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    user = account_mail.user_for_reset(token)
    if user is None:
        return _private(render_template("members/link_invalid.html", kind="reset")), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        changed = attempt(form, lambda: ops.reset_password(user, form.new_password.data))
        if changed is not None:
            login_user(changed)
            flash(_("Your password is changed. You are signed in."), "success")
            return redirect(url_for("site.home"))
    status = 422 if form.errors else 200
    return _private(render_template("members/reset.html", form=form, user=user)), status
