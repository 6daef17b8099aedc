"""Members and their personal API tokens."""

from __future__ import annotations

from datetime import datetime

from flask_babel import lazy_gettext as _l
from flask_login import UserMixin
from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from community.core.database import utcnow
from community.core.extensions import db

ROLES = ("customer", "ambassador", "staff", "admin")
STAFF_ROLES = ("staff", "admin")
ROLE_LABELS = {
    "customer": _l("customer"),
    "ambassador": _l("ambassador"),
    "staff": _l("staff"),
    "admin": _l("administrator"),
}


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True, nullable=False)
    display_name: Mapped[str] = mapped_column(String(60), nullable=False)
    password_hash: Mapped[str] = mapped_column(String(255), nullable=False)
    role: Mapped[str] = mapped_column(String(20), default="customer", nullable=False)
    bio: Mapped[str] = mapped_column(Text, default="", nullable=False)
    locale: Mapped[str | None] = mapped_column(String(5))
    reputation: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime)
    session_token: Mapped[str] = mapped_column(String(32), nullable=False)
    #: The unique ``@handle`` others mention (derived from the display name, editable).
    handle: Mapped[str] = mapped_column(String(30), unique=True, nullable=False)
    email_confirmed_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_digest_at: Mapped[datetime | None] = mapped_column(DateTime)
    #: Suspended until then (far in the future for good); moderation sets it, notifications honour it.
    suspended_until: Mapped[datetime | None] = mapped_column(DateTime)
    #: Why, shown to the member at sign-in and in the API's 403.
    suspension_reason: Mapped[str] = mapped_column(Text, default="", server_default="", nullable=False)
    #: Set when the member deleted their account: the row stays as an anonymous "former member".
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)

    tokens: Mapped[list[ApiToken]] = relationship(back_populates="user", cascade="all, delete-orphan")

    def get_id(self) -> str:
        """Session id: changes with the password, so changing it signs out other sessions."""
        return f"{self.id}:{self.session_token}"

    @property
    def is_suspended(self) -> bool:
        return self.suspended_until is not None and self.suspended_until > utcnow()

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def is_ambassador(self) -> bool:
        return self.role == "ambassador"

    @property
    def initials(self) -> str:
        parts = [p for p in self.display_name.replace("(", " ").split() if p[:1].isalnum()]
        letters = "".join(p[0] for p in parts[:2]) or self.display_name[:1]
        return letters.upper()

    @property
    def avatar_hue(self) -> int:
        """A stable colour index (0-7) for the initials avatar."""
        return self.id % 8

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"


def shown(user: User | None) -> User | None:
    """``user``, or None once the account is deleted: pages and the API then show a former member."""
    return None if user is None or user.deleted_at is not None else user


class ApiToken(db.Model):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    label: Mapped[str] = mapped_column(String(80), nullable=False)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    prefix: Mapped[str] = mapped_column(String(12), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)

    user: Mapped[User] = relationship(back_populates="tokens")
