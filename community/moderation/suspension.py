"""Suspending a member for a period or for good, with a reason they are shown: at sign-in, on their
next page (their sessions are refused) and in the API's 403."""

from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app, flash, request, session
from flask_babel import format_datetime
from flask_babel import gettext as _

from community import audit
from community.core import signals
from community.core.database import utcnow
from community.core.errors import ValidationError
from community.core.extensions import db
from community.core.permissions import require
from community.members.models import User

#: ``suspended_until`` of a suspension for good.
FOREVER = datetime(9999, 12, 31)
#: The periods the pages offer, in days (0: for good).
PERIODS = (1, 7, 30, 0)
REASON_MAX = 500


def _until_text(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat(timespec="seconds")


def suspend(actor, user: User, reason: str, until: datetime | None = None) -> User:
    """Suspend ``user`` until ``until`` (None: for good) because of ``reason`` (required, shown to them)."""
    require(actor, "user.suspend", user)
    reason = " ".join((reason or "").split())
    fields = {}
    if not reason:
        fields["reason"] = _("Say why: the member is shown this reason.")
    elif len(reason) > REASON_MAX:
        fields["reason"] = _("Write at most %(n)d characters.", n=REASON_MAX)
    if until is not None and until <= utcnow():
        fields["until"] = _("Give a moment in the future.")
    if fields:
        raise ValidationError(_("Please correct the highlighted fields."), fields)
    before = {"suspended_until": _until_text(user.suspended_until) if user.is_suspended else None}
    user.suspended_until = until or FOREVER
    user.suspension_reason = reason
    db.session.flush()
    audit.record(
        actor,
        "user.suspend",
        "user",
        user.id,
        before=before,
        after={"suspended_until": _until_text(user.suspended_until)},
        reason=reason,
    )
    signals.member_suspended.send(actor, user=user, until=user.suspended_until)
    return user


def suspend_for(actor, user: User, reason: str, days: int) -> User:
    """``suspend`` for ``days`` from now (0: for good)."""
    return suspend(actor, user, reason, utcnow() + timedelta(days=days) if days else None)


def unsuspend(actor, user: User, reason: str = "") -> User:
    """Lift ``user``'s suspension (nothing happens when there is none)."""
    require(actor, "user.suspend", user)
    if user.is_suspended:
        before = {"suspended_until": _until_text(user.suspended_until)}
        user.suspended_until = None
        user.suspension_reason = ""
        db.session.flush()
        audit.record(
            actor, "user.unsuspend", "user", user.id, before=before, after={"suspended_until": None}, reason=reason
        )
        signals.member_suspended.send(actor, user=user, until=None)
    return user


def for_good(user: User) -> bool:
    return user.suspended_until is not None and user.suspended_until >= FOREVER - timedelta(days=1)


def message(user: User) -> str:
    """What the member is told: until when, and why."""
    if for_good(user):
        return _("Your account is suspended: %(reason)s", reason=user.suspension_reason)
    return _(
        "Your account is suspended until %(until)s (UTC): %(reason)s",
        until=format_datetime(user.suspended_until, "medium", rebase=False),
        reason=user.suspension_reason,
    )


def refuse_session(user: User) -> None:
    """Sign out a suspended member whose session comes back, telling them why (once)."""
    for key in ("_user_id", "_fresh", "_id"):
        session.pop(key, None)
    if current_app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies:
        session["_remember"] = "clear"
        session.pop("_remember_seconds", None)
    if not request.path.startswith("/api/"):
        flash(message(user), "error")
