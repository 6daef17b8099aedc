"""What members do with their accounts. Each operation flushes; the caller commits."""

from __future__ import annotations

import hashlib
import secrets
from functools import cache
from pathlib import Path

from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _
from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from community import audit
from community.core import signals
from community.core.database import utcnow
from community.core.errors import Conflict, NotFound, ValidationError
from community.core.extensions import db
from community.core.permissions import require
from community.core.text import storable
from community.members import account_mail, handles
from community.members.models import ROLES, ApiToken, User

MIN_PASSWORD = 10
COMMON_PASSWORDS_FILE = Path(__file__).with_name("common_passwords.txt")  # source: COMMON_PASSWORDS_SOURCE.md
TOKEN_PREFIX = "ent_"


@cache
def common_passwords() -> frozenset[str]:
    """The 10,000 most common passwords and a few of ours, lower-case (read once)."""
    with COMMON_PASSWORDS_FILE.open(encoding="utf-8") as lines:
        return frozenset(
            word for word in (line.strip().lower() for line in lines) if word and not word.startswith("#")
        )


def _password_error(password: str, email: str = "", name: str = "") -> str | None:
    if len(password) < MIN_PASSWORD:
        return _("Use at least %(n)d characters.", n=MIN_PASSWORD)
    if len(password) > 200:
        return _("Use at most 200 characters.")
    lowered = password.lower()
    if lowered in common_passwords() or len(set(lowered)) < 4:
        return _("This password is too easy to guess.")
    local = email.split("@")[0].lower()
    if (local and len(local) >= 4 and local in lowered) or (name and name.lower() == lowered):
        return _("Do not use your e-mail or name as password.")
    return None


def normalise_email(email: str) -> str:
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as err:
        raise ValidationError(
            _("Enter a valid e-mail address."), {"email": _("Enter a valid e-mail address.")}
        ) from err


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not 2 <= len(name) <= 60 or not storable(name):
        raise ValidationError(
            _("Display name: 2 to 60 characters."),
            {"display_name": _("Use 2 to 60 characters.")},
        )
    return name


def find_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def register(email: str, display_name: str, password: str, role: str = "customer", locale: str | None = None) -> User:
    fields = {}
    try:
        email = normalise_email(email)
    except ValidationError as err:
        fields.update(err.fields)
    try:
        display_name = _clean_name(display_name)
    except ValidationError as err:
        fields.update(err.fields)
    problem = _password_error(password or "", email, display_name)
    if problem:
        fields["password"] = problem
    if role not in ROLES:
        fields["role"] = _("Unknown role.")
    if fields:
        raise ValidationError(_("Please correct the highlighted fields."), fields)
    if find_by_email(email):
        raise _email_taken()
    user = User(
        email=email,
        display_name=display_name,
        password_hash=generate_password_hash(password),
        role=role,
        locale=locale,
        session_token=secrets.token_hex(8),
        handle=handles.derive(display_name),
    )
    db.session.add(user)
    db.session.flush()
    signals.member_registered.send(user, user=user)
    return user


_dummy_hashes: dict[object, str] = {}


def _dummy_hash() -> str:
    """A hash made like members' (same method and cost), for e-mails that match nobody."""
    if generate_password_hash not in _dummy_hashes:
        _dummy_hashes[generate_password_hash] = generate_password_hash(secrets.token_hex(16))
    return _dummy_hashes[generate_password_hash]


def authenticate(email: str, password: str) -> User | None:
    """The member, or None; an unknown e-mail costs the same hashing time as a wrong password."""
    user = find_by_email(email or "")
    if user is None or user.is_deleted:
        check_password_hash(_dummy_hash(), password or "")
        return None
    if not check_password_hash(user.password_hash, password or ""):
        return None
    return user


def end_sessions(user: User) -> User:
    """Sign ``user`` out everywhere: every session and remember-me cookie stops working."""
    user.session_token = secrets.token_hex(8)
    db.session.flush()
    return user


def change_password(user: User, current: str, new: str, revoke_tokens: bool = False) -> User:
    """New password; every session ends (the caller signs the current one in again). API tokens
    stay unless ``revoke_tokens``."""
    if not check_password_hash(user.password_hash, current or ""):
        raise ValidationError(
            _("Your current password is not correct."),
            {"current_password": _("Your current password is not correct.")},
        )
    problem = _password_error(new or "", user.email, user.display_name)
    if problem:
        raise ValidationError(problem, {"new_password": problem})
    user.password_hash = generate_password_hash(new)
    if revoke_tokens:
        for token in list(user.tokens):
            revoke_token(user, token)
    account_mail.send_password_changed(user)
    return end_sessions(user)


def reset_password(user: User, new: str) -> User:
    """A new password through a reset link (checked by the caller): every session ends, the
    address counts as confirmed (the link reached it) and the member is told by e-mail."""
    problem = _password_error(new or "", user.email, user.display_name)
    if problem:
        raise ValidationError(problem, {"new_password": problem})
    user.password_hash = generate_password_hash(new)
    if user.email_confirmed_at is None:
        user.email_confirmed_at = utcnow()
    account_mail.send_password_changed(user)
    return end_sessions(user)


def _email_taken() -> Conflict:
    """Worded as at registration, which already tells whether an address has an account."""
    return Conflict(
        _("An account already exists with this e-mail."),
        {"email": _("An account already exists with this e-mail.")},
        code="email_taken",
    )


def request_email_change(actor: User, user: User, new_email: str, password: str) -> str:
    """Send ``user``'s link for ``new_email`` to that address; nothing changes until it is opened
    (``change_email``). Returns the address, normalised. Whether another account uses it is only
    said once the password is right."""
    require(actor, "account.change_email", user)
    fields = {}
    if not check_password_hash(user.password_hash, password or ""):
        fields["current_password"] = _("Your current password is not correct.")
    try:
        new_email = normalise_email(new_email or "")
    except ValidationError as err:
        fields.update(err.fields)
    else:
        if new_email == user.email.lower():
            fields["email"] = _("This is already your address.")
    if fields:
        raise ValidationError(_("Please correct the highlighted fields."), fields)
    if find_by_email(new_email):
        raise _email_taken()
    account_mail.send_email_change(user, new_email)
    return new_email


def change_email(actor: User, user: User, new_email: str) -> User:
    """``new_email`` becomes ``user``'s confirmed address (its link was opened, checked by the
    caller); the old address is told, and every session ends (the caller signs the current one in
    again). API tokens stay."""
    require(actor, "account.change_email", user)
    new_email = normalise_email(new_email)
    other = find_by_email(new_email)
    if other is not None and other.id != user.id:
        raise _email_taken()
    old = user.email
    user.email = new_email
    user.email_confirmed_at = utcnow()
    db.session.flush()
    account_mail.send_email_changed(user, old)
    end_sessions(user)
    signals.email_changed.send(actor, user=user, old=old, new=new_email)
    return user


def update_profile(user: User, display_name: str, bio: str, locale: str | None, handle: str | None = None) -> User:
    """Profile changes; ``handle`` None keeps the current one."""
    fields = {}
    if handle is not None:
        try:
            handle = handles.check(handle, user.id)
        except (ValidationError, Conflict) as err:
            fields.update(err.fields)
    try:
        user.display_name = _clean_name(display_name)
    except ValidationError as err:
        fields.update(err.fields)
    bio = (bio or "").strip()
    if not storable(bio):
        fields["bio"] = _("Contains characters that are not allowed.")
    elif len(bio) > 1000:
        fields["bio"] = _("Use at most 1000 characters.")
    if locale not in (None, "", "fr", "en"):
        fields["locale"] = _("Unknown language.")
    if fields:
        raise ValidationError(_("Please correct the highlighted fields."), fields)
    user.bio = bio
    user.locale = locale or None
    if handle is not None:
        user.handle = handle
    db.session.flush()
    signals.profile_saved.send(user, user=user)
    signals.content_changed.send(user)
    return user


def change_role(actor: User, user: User, role: str) -> User:
    require(actor, "user.change_role", user)
    return set_role(actor, user, role)


def set_role(actor: User, user: User, role: str) -> User:
    """Change ``user``'s role, audited; the caller checked ``actor`` may (``change_role``, or staff
    granting and revoking the ambassador role in ``community.reputation.nominations``)."""
    if role not in ROLES:
        raise ValidationError(_("Unknown role."), {"role": _("Unknown role.")})
    if user.id == actor.id and role != "admin":
        raise ValidationError(
            _("You cannot remove your own administrator role."),
            {"role": _("You cannot remove your own administrator role.")},
        )
    old, user.role = user.role, role
    db.session.flush()
    if old != role:
        audit.record(actor, "user.role", "user", user.id, before={"role": old}, after={"role": role})
    signals.role_changed.send(actor, user=user, old=old, new=role)
    signals.content_changed.send(actor)
    return user


def _hash_token(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


def create_token(actor: User, user: User, label: str) -> tuple[ApiToken, str]:
    """Create a personal API token; the plaintext is returned once and never stored."""
    require(actor, "token.manage", user)
    label = " ".join((label or "").split())
    if not 1 <= len(label) <= 80 or not storable(label):
        raise ValidationError(
            _("Give the token a label (up to 80 characters)."),
            {"label": _("Give the token a label (up to 80 characters).")},
        )
    plaintext = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user=user, label=label, token_hash=_hash_token(plaintext), prefix=plaintext[:10])
    db.session.add(token)
    db.session.flush()
    return token, plaintext


def revoke_token(actor: User, token: ApiToken) -> ApiToken:
    require(actor, "token.manage", token.user)
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        db.session.flush()
    return token


def token_for_plaintext(plaintext: str) -> ApiToken | None:
    """The live token matching ``plaintext``, or None when unknown or revoked."""
    if not plaintext or not plaintext.startswith(TOKEN_PREFIX):
        return None
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == _hash_token(plaintext)))
    if token is None or token.revoked_at is not None:
        return None
    return token


def get_user(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None or user.is_deleted:
        raise NotFound(_("This member does not exist."))
    return user
