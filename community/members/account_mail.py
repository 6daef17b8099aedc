"""Account e-mails through the mail outbox: confirming the address, resetting a forgotten password,
changing the address, and telling a member their password or address changed.

Links carry tokens signed with the secret key (itsdangerous), each with its own salt and age limit.
A confirmation token names the member and a fingerprint of the address it was sent to, so it stops
working when the address changes. A reset token names the member and a fingerprint of their
password hash, so it works once: the new password changes the hash. An address-change token names
the member, the new address and a fingerprint of the current one, so it works once too.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta

from flask import current_app
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, URLSafeTimedSerializer

from community.core.database import utcnow
from community.core.extensions import db
from community.members.models import User

CONFIRM_SALT = "entraide.confirm-email"
RESET_SALT = "entraide.reset-password"
CHANGE_SALT = "entraide.change-email"
CONFIRM_MAX_AGE = timedelta(days=7)
RESET_MAX_AGE = timedelta(hours=1)
CHANGE_MAX_AGE = timedelta(hours=24)


def _serializer(salt: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt=salt)


def _fingerprint(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:20]


def _queue(user: User, kind: str, subject, template: str, **context) -> None:
    from community.notifications import compose, outbox

    context = {name: value for name, value in context.items()}
    context.setdefault("login_url", compose.external_url("members.login"))
    context.setdefault("forgot_url", compose.external_url("account.forgot_password"))
    outbox.queue_account_mail(user, kind, subject, f"account/{template}", **context)


def _link(endpoint: str, **values) -> str:
    from community.notifications import compose

    return compose.external_url(endpoint, **values)


# --- confirming the address --------------------------------------------------------------------


def confirmation_token(user: User) -> str:
    return _serializer(CONFIRM_SALT).dumps({"u": user.id, "e": _fingerprint(user.email.lower())})


def send_confirmation(user: User) -> None:
    """Queue the e-mail with the link that confirms ``user``'s address."""
    _queue(
        user,
        "confirm_email",
        _l("Confirm your e-mail address"),
        "confirm_email",
        link=_link("account.confirm_email", token=confirmation_token(user)),
        valid_days=CONFIRM_MAX_AGE.days,
    )


def confirm_email(token: str) -> User | None:
    """The member whose address the token confirms (now confirmed), or None when the token is
    forged, expired or for an address the member no longer has."""
    try:
        data = _serializer(CONFIRM_SALT).loads(token, max_age=int(CONFIRM_MAX_AGE.total_seconds()))
        user = db.session.get(User, int(data["u"]))
    except (BadSignature, KeyError, TypeError, ValueError):
        return None
    if user is None or data.get("e") != _fingerprint(user.email.lower()):
        return None
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()
        db.session.flush()
    return user


# --- a forgotten password ----------------------------------------------------------------------


def reset_token(user: User) -> str:
    return _serializer(RESET_SALT).dumps({"u": user.id, "p": _fingerprint(user.password_hash)})


def send_password_reset(user: User | None) -> None:
    """Queue the reset link to ``user``; nothing for None (the page answers the same either way)."""
    if user is None:
        return
    _queue(
        user,
        "password_reset",
        _l("Reset your password"),
        "password_reset",
        link=_link("account.reset_password", token=reset_token(user)),
        valid_minutes=int(RESET_MAX_AGE.total_seconds() // 60),
    )


def user_for_reset(token: str) -> User | None:
    """The member a reset link is for, or None when it is forged, expired or already used."""
    try:
        data = _serializer(RESET_SALT).loads(token, max_age=int(RESET_MAX_AGE.total_seconds()))
        user = db.session.get(User, int(data["u"]))
    except (BadSignature, KeyError, TypeError, ValueError):
        return None
    if user is None or data.get("p") != _fingerprint(user.password_hash):
        return None
    return user


# --- a new address ------------------------------------------------------------------------------


def email_change_token(user: User, new_email: str) -> str:
    return _serializer(CHANGE_SALT).dumps({"u": user.id, "n": new_email, "e": _fingerprint(user.email.lower())})


def send_email_change(user: User, new_email: str) -> None:
    """Queue, to ``new_email``, the link that makes it ``user``'s address."""
    _queue(
        user,
        "email_change",
        _l("Confirm your new e-mail address"),
        "email_change",
        to_address=new_email,
        link=_link("account.confirm_email_change", token=email_change_token(user, new_email)),
        valid_hours=int(CHANGE_MAX_AGE.total_seconds() // 3600),
    )


def email_change_for(user: User, token: str) -> str | None:
    """The new address ``token`` asks for ``user``, or None when it is forged, expired, already used
    (the address changed since) or another member's."""
    try:
        data = _serializer(CHANGE_SALT).loads(token, max_age=int(CHANGE_MAX_AGE.total_seconds()))
        member, new_email = int(data["u"]), str(data["n"])
    except (BadSignature, KeyError, TypeError, ValueError):
        return None
    if member != user.id or data.get("e") != _fingerprint(user.email.lower()):
        return None
    return new_email


def masked(address: str) -> str:
    """``l…@example.com``: enough for the owner to recognise, not for the old address to learn."""
    local, _at, domain = address.rpartition("@")
    return f"{local[:1]}…@{domain}"


# --- security notices --------------------------------------------------------------------------


def send_password_changed(user: User) -> None:
    """Tell ``user`` their password changed, with what to do if it was not them."""
    _queue(user, "password_changed", _l("Your password was changed"), "password_changed", changed_at=utcnow())


def send_email_changed(user: User, old_email: str) -> None:
    """Tell ``old_email`` that ``user``'s address changed, with a reset link to take the account
    back if it was not them (the forgotten-password page would write to the new address)."""
    _queue(
        user,
        "email_changed",
        _l("Your e-mail address was changed"),
        "email_changed",
        to_address=old_email,
        new_address=masked(user.email),
        link=_link("account.reset_password", token=reset_token(user)),
        valid_minutes=int(RESET_MAX_AGE.total_seconds() // 60),
    )
