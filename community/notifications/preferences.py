"""How each member wants to hear of each kind by e-mail, and the signed one-click unsubscribe links."""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer
from sqlalchemy import select

from community.core.errors import ValidationError
from community.core.extensions import db
from community.core.permissions import require
from community.members.models import User
from community.notifications import compose, kinds
from community.notifications.models import DELIVERIES, DeliverySetting

#: The unsubscribe "kind" of the daily summary: every kind set to "digest" is turned off.
DIGEST = "digest"
_SALT = "mail-unsubscribe"


def choices(user) -> dict[str, str]:
    """Every kind of the catalogue with ``user``'s delivery for it (their choice, else the default)."""
    chosen = dict(
        db.session.execute(
            select(DeliverySetting.kind, DeliverySetting.delivery).where(DeliverySetting.user_id == user.id)
        ).all()
    )
    return {kind.key: chosen.get(kind.key, kind.default) for kind in kinds.KINDS}


def delivery_for(user, kind: str) -> str:
    row = db.session.get(DeliverySetting, (user.id, kind))
    return row.delivery if row is not None else kinds.default_delivery(kind)


def digest_kinds(user) -> list[str]:
    return [key for key, delivery in choices(user).items() if delivery == "digest"]


def _set(user, kind: str, delivery: str) -> None:
    row = db.session.get(DeliverySetting, (user.id, kind))
    if row is None:
        db.session.add(DeliverySetting(user_id=user.id, kind=kind, delivery=delivery))
    else:
        row.delivery = delivery


def set_deliveries(actor, wanted: dict[str, str]) -> dict[str, str]:
    """``actor`` chooses how to hear of each kind; unknown kinds or deliveries are refused by field."""
    require(actor, "notification.read")
    bad = {key: "unknown" for key, value in wanted.items() if kinds.get(key) is None or value not in DELIVERIES}
    if bad:
        raise ValidationError(fields=bad)
    for key, value in wanted.items():
        _set(actor, key, value)
    db.session.flush()
    return choices(actor)


def unsubscribe(user, kind: str) -> None:
    """Turn off the e-mail of ``kind`` (``DIGEST``: the daily summary) for ``user``; the signed
    link is the permission, so no signed-in member is needed."""
    targets = digest_kinds(user) if kind == DIGEST else [kind]
    for key in targets:
        _set(user, key, "off")
    db.session.flush()


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt=_SALT)


def unsubscribe_token(user, kind: str) -> str:
    """A token that turns off ``kind`` for ``user`` and nobody else; it does not expire (old
    e-mails keep working) and names nothing but ids."""
    return _serializer().dumps([user.id, kind])


def read_unsubscribe_token(token: str) -> tuple[User, str] | None:
    """The member and kind a token was signed for; None when tampered with or for nobody we know."""
    try:
        user_id, kind = _serializer().loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    if not isinstance(user_id, int) or (kind != DIGEST and kinds.get(kind) is None):
        return None
    user = db.session.get(User, user_id)
    return (user, kind) if user is not None else None


def unsubscribe_headers(user, kind: str) -> tuple[str, dict]:
    """The one-click unsubscribe address and the headers that announce it (RFC 8058)."""
    url = compose.external_url("mail.unsubscribe", token=unsubscribe_token(user, kind))
    return url, {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def mailed_at_once(user, kind: str) -> bool:
    """Whether ``user`` is e-mailed of ``kind`` as it happens: a confirmed address, not suspended,
    and "at once" chosen (or the kind's default)."""
    return (
        user is not None
        and not user.is_suspended
        and user.email_confirmed_at is not None
        and delivery_for(user, kind) == "immediate"
    )
