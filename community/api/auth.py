"""Who is calling: a personal token (``Authorization: Bearer``) or the browser session.

Session writes must carry the CSRF token in ``X-CSRFToken``; token calls need none. The decorators
that refuse callers also say so in the OpenAPI document (``_apidoc``, read by ``blueprint.py``).
"""

from __future__ import annotations

import functools
from datetime import timedelta

from flask import g, request
from flask_babel import gettext as _
from flask_login import current_user

from community.core.database import utcnow
from community.core.errors import DomainError, Forbidden, Unauthorized
from community.core.extensions import csrf, db
from community.core.permissions import require
from community.core.web import same_origin
from community.members.operations import token_for_plaintext
from community.moderation import suspension

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def authenticate() -> None:
    """Who calls; and for writes, JSON only, and no visitor's write sent from another site."""
    g.api_user = None
    _identify()
    if request.method in SAFE_METHODS:
        return
    if (request.content_length or request.headers.get("Content-Type")) and request.mimetype != "application/json":
        raise DomainError(_("Send JSON, with Content-Type: application/json."), code="unsupported_media_type",
                          status=415)
    if g.api_user is None and same_origin() is False:
        raise DomainError(_("This request was sent from another site."), code="cross_origin")


def _identify() -> None:
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _sep, value = header.partition(" ")
        token = token_for_plaintext(value.strip()) if scheme.lower() == "bearer" else None
        if token is None:
            raise Unauthorized(_("The API token is missing, invalid or revoked."), code="invalid_token")
        if token.last_used_at is None or utcnow() - token.last_used_at > timedelta(hours=1):
            # Committed at once (at most hourly): read-only calls commit nothing else.
            token.last_used_at = utcnow()
            db.session.commit()
        if token.user.is_suspended:
            raise Forbidden(suspension.message(token.user), code="suspended")
        g.api_user = token.user
        return
    if current_user.is_authenticated:
        if request.method not in SAFE_METHODS:
            csrf.protect()
        g.api_user = current_user._get_current_object()


def actor():
    """The calling member, or None for anonymous calls."""
    return g.get("api_user")


def documented(view, access: str | None = None, errors: tuple[int, ...] = ()):
    """Note on ``view`` who may call it (``"member"``) and the error statuses it may answer."""
    doc = dict(getattr(view, "_apidoc", {}))
    if access:
        doc["access"] = access
    doc["errors"] = (*doc.get("errors", ()), *errors)
    view._apidoc = doc
    return view


def signed_in(view):
    """Refuse visitors with 401 before the request's body or target is looked at."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if actor() is None:
            raise Unauthorized(_("You need to sign in to do that."))
        return view(*args, **kwargs)

    return documented(wrapper, access="member")


def permitted(action: str):
    """Refuse callers who may never do ``action`` (visitors 401, members 403) before the body is read.

    For actions whose rules look at the caller only (staff); the operation checks again with its object.
    """

    def decorator(view):
        @functools.wraps(view)
        def wrapper(*args, **kwargs):
            require(actor(), action)
            return view(*args, **kwargs)

        return documented(wrapper, access="member", errors=(403,))

    return decorator
