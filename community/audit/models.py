"""The audit log: one row per staff or admin action, written by ``community.audit.record``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from community.core.database import utcnow
from community.core.extensions import db
from community.members.models import User

#: Where an action came from: a page, the API, or the command line (``flask …``).
ORIGINS = ("web", "api", "cli")


class AuditEntry(db.Model):
    """Who (``actor_id``; None for the operator at the command line or a deleted member) did what
    (``action``, e.g. ``question.close``) to what (``target_type``/``target_id``; no id for a
    whole list such as the synonyms) and when; ``before``/``after`` hold only the fields changed."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(String(40), nullable=False, index=True)
    target_type: Mapped[str] = mapped_column(String(20), nullable=False)
    target_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="", nullable=False)
    origin: Mapped[str] = mapped_column(String(10), default="web", nullable=False)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False, index=True)

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])

    @property
    def public_actor_id(self) -> int | None:
        """The actor's id, or None for the command line and a deleted member (no way back to them)."""
        return None if self.actor is None or self.actor.is_deleted else self.actor_id

    @property
    def changes(self) -> list[tuple[str, object, object]]:
        """(field, before, after) for every field either side names, in a stable order."""
        before, after = self.before or {}, self.after or {}
        names = list(before) + [name for name in after if name not in before]
        return [(name, before.get(name), after.get(name)) for name in names]
