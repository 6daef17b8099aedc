"""The one function every staff and admin action writes the audit log through."""

from __future__ import annotations

from flask import has_request_context, request

from community.audit.models import AuditEntry
from community.core.extensions import db


def _origin() -> str:
    if not has_request_context():
        return "cli"
    return "api" if request.path.startswith("/api/") else "web"


def record(
    actor,
    action: str,
    target_type: str,
    target_id: int | None,
    *,
    before: dict | None = None,
    after: dict | None = None,
    reason: str = "",
) -> AuditEntry:
    """Add an entry to the session (the request or command commits it with the action).

    ``actor`` is a member, or ``OPERATOR``/None for the command line. ``before`` and ``after`` are
    small dicts of the fields the action changed; a field equal on both sides is left out.
    """
    before, after = dict(before or {}), dict(after or {})
    for name in [name for name in before if name in after and before[name] == after[name]]:
        del before[name], after[name]
    entry = AuditEntry(
        actor_id=getattr(actor, "id", None),
        action=action,
        target_type=target_type,
        target_id=target_id,
        before=before or None,
        after=after or None,
        reason=(reason or "").strip(),
        origin=_origin(),
    )
    db.session.add(entry)
    return entry


def snapshot(obj, *names: str) -> dict:
    """``{name: obj.name}`` for each name: the fields an action is about to change."""
    return {name: getattr(obj, name) for name in names}
