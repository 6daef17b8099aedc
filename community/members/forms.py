from __future__ import annotations

import time

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from itsdangerous import BadSignature, TimestampSigner
from wtforms import BooleanField, EmailField, HiddenField, PasswordField, SelectField, StringField, TextAreaField

from community.members.models import ROLES


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail"), render_kw={"autocomplete": "email"})
    password = PasswordField(_l("Password"), render_kw={"autocomplete": "current-password"})
    remember = BooleanField(_l("Keep me signed in"))


class RegisterForm(FlaskForm):
    email = EmailField(_l("E-mail"), render_kw={"autocomplete": "email"})
    display_name = StringField(
        _l("Display name"),
        description=_l("Shown on your posts."),
        render_kw={"autocomplete": "nickname", "maxlength": 60},
    )
    password = PasswordField(
        _l("Password"),
        description=_l("At least 10 characters; a short sentence works well."),
        render_kw={"autocomplete": "new-password"},
    )
    #: A honeypot: hidden from people and screen readers (register.html), filled in by form-filling robots.
    website = StringField(_l("Leave this field empty"), render_kw={"autocomplete": "off", "tabindex": "-1"})
    #: When the form was shown, signed: a form sent back sooner than REGISTRATION_MIN_SECONDS is a robot's.
    shown_at = HiddenField()

    def stamp(self) -> None:
        """Note (signed) when the form is first shown; a form shown again keeps its first time."""
        if self._shown() is None:
            self.shown_at.data = _fill_signer().sign("register").decode()

    def _shown(self) -> float | None:
        try:
            _value, shown = _fill_signer().unsign(self.shown_at.data or "", return_timestamp=True)
        except BadSignature:
            return None
        return shown.timestamp()

    def refusal(self) -> str | None:
        """Why the form looks sent by a robot (None when it does not)."""
        if self.website.data:
            return _("We could not create your account. Please try again.")
        least = current_app.config["REGISTRATION_MIN_SECONDS"]
        if least <= 0:
            return None
        shown = self._shown()
        if shown is None or time.time() - shown < least:
            return _("That was quick! Please check what you typed and send the form again.")
        return None


def _fill_signer() -> TimestampSigner:
    return TimestampSigner(current_app.secret_key, salt="register-form-shown")


class PasswordForm(FlaskForm):
    current_password = PasswordField(_l("Current password"), render_kw={"autocomplete": "current-password"})
    new_password = PasswordField(
        _l("New password"), description=_l("At least 10 characters."), render_kw={"autocomplete": "new-password"}
    )
    revoke_tokens = BooleanField(_l("Also revoke my personal API tokens"))


class EmailChangeForm(FlaskForm):
    email = EmailField(
        _l("New e-mail address"),
        description=_l("We send it a link: your address changes when you open it."),
        render_kw={"autocomplete": "email"},
    )
    current_password = PasswordField(_l("Current password"), render_kw={"autocomplete": "current-password"})


class ForgotPasswordForm(FlaskForm):
    email = EmailField(
        _l("E-mail"),
        description=_l("The address of your account: we send it a link to choose a new password."),
        render_kw={"autocomplete": "email"},
    )


class ResetPasswordForm(FlaskForm):
    new_password = PasswordField(
        _l("New password"),
        description=_l("At least 10 characters; a short sentence works well."),
        render_kw={"autocomplete": "new-password"},
    )


class ProfileForm(FlaskForm):
    display_name = StringField(_l("Display name"), render_kw={"maxlength": 60})
    handle = StringField(
        _l("Handle"),
        description=_l("Others mention you by writing @ followed by your handle, e.g. @lea_martin."),
        render_kw={"maxlength": 31, "autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"},
    )
    bio = TextAreaField(_l("About you"), render_kw={"rows": 4, "maxlength": 1000})
    locale = SelectField(
        _l("Language"), choices=[("", _l("Automatic (browser)")), ("fr", "Français"), ("en", "English")]
    )


class TokenForm(FlaskForm):
    label = StringField(
        _l("Label"), description=_l("What the token is for, e.g. “CRM integration”."), render_kw={"maxlength": 80}
    )


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=[(r, r) for r in ROLES])
