"""Ask drafts kept on the server while a visitor signs in: the session carries only their key.

A whole question in the session cookie made cookies browsers drop (a 30 KB draft gave a 16 KB
cookie), losing the draft. Drafts are taken once, and forgotten after a day.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import delete

from community.core.database import utcnow
from community.core.extensions import db
from community.questions.models import AskDraft

FIELDS = ("title", "body", "category", "tags", "language")
MAX_LENGTH = 20000
KEEP = timedelta(days=1)


def _clean(value: str) -> str:
    """Text any database keeps: no NUL, no lone surrogate."""
    return (value or "")[:MAX_LENGTH].replace("\x00", "").encode("utf-8", "replace").decode("utf-8")


def keep(fields: dict[str, str]) -> str:
    """Store a draft; its key. Drafts older than a day go at the same time."""
    db.session.execute(delete(AskDraft).where(AskDraft.created_at < utcnow() - KEEP))
    key = secrets.token_hex(16)
    db.session.add(AskDraft(key=key, **{name: _clean(fields.get(name, "")) for name in FIELDS}))
    db.session.flush()
    return key


def take(key: str | None) -> dict[str, str] | None:
    """The draft stored under ``key``, removed from storage; None when unknown or expired."""
    if not key or not isinstance(key, str):
        return None
    draft = db.session.get(AskDraft, key)
    if draft is None:
        return None
    db.session.delete(draft)
    db.session.flush()
    if draft.created_at < utcnow() - KEEP:
        return None
    return {name: getattr(draft, name) for name in FIELDS}
