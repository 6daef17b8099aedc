"""``@handles``: derived from the display name at registration, unique, editable in settings."""

from __future__ import annotations

import re

from flask_babel import gettext as _
from sqlalchemy import func, select

from community.core import markup
from community.core.errors import Conflict, ValidationError
from community.core.extensions import db
from community.core.text import slugify

MIN_LENGTH, MAX_LENGTH = 3, 30
#: A handle as typed after "@": letters, digits, "_", "-" and inner dots.
PATTERN = re.compile(r"[a-z0-9_](?:[a-z0-9_.-]{1,28}[a-z0-9_])")
#: A mention in text (the renderer links the same ones).
MENTION = markup.MENTION


def base_handle(display_name: str) -> str:
    """``Léa Martin`` -> ``lea_martin``: the display name folded to ASCII, words joined by "_"."""
    base = slugify(display_name or "", max_length=MAX_LENGTH, default="member").replace("-", "_").strip("_")
    return base if len(base) >= MIN_LENGTH else (base + "_member")[:MAX_LENGTH]


def available(candidate: str, taken: set[str]) -> str:
    """``candidate``, or it with the smallest number that makes it unused (``lea_martin2``)."""
    if candidate not in taken:
        return candidate
    n = 2
    while True:
        suffix = str(n)
        name = candidate[: MAX_LENGTH - len(suffix)] + suffix
        if name not in taken:
            return name
        n += 1


def derive(display_name: str) -> str:
    """A free handle for a new member called ``display_name``."""
    from community.members.models import User

    base = base_handle(display_name)
    taken = set(db.session.scalars(select(User.handle).where(User.handle.like(f"{base[:24]}%"))))
    return available(base, taken)


def mentioned(text: str) -> list[str]:
    """The distinct handles ``text`` mentions, lower-cased, in order of first mention."""
    seen: dict[str, None] = {}
    for match in MENTION.finditer(text or ""):
        seen.setdefault(match.group(1).lower(), None)
    return list(seen)


def check(handle: str, owner_id: int | None = None) -> str:
    """``handle`` as typed in settings (an "@" in front is fine), lower-cased, once it is well
    formed and no other member has it; else a ValidationError or Conflict on the ``handle`` field."""
    from community.members.models import User

    handle = (handle or "").strip().removeprefix("@").lower()
    if not PATTERN.fullmatch(handle):
        message = _(
            "Use %(min)d to %(max)d characters: letters without accents, digits, “_”, “-” or “.”, "
            "starting and ending with a letter, a digit or “_”.",
            min=MIN_LENGTH,
            max=MAX_LENGTH,
        )
        raise ValidationError(message, {"handle": message})
    other = db.session.scalar(select(User.id).where(func.lower(User.handle) == handle, User.id != (owner_id or 0)))
    if other is not None:
        message = _("@%(handle)s is already taken: try another one.", handle=handle)
        raise Conflict(message, {"handle": message}, code="handle_taken")
    return handle


def by_handle(handle: str):
    """The member whose handle is ``handle`` (any case), or None."""
    from community.members.models import User

    handle = (handle or "").strip().lower()
    if not PATTERN.fullmatch(handle):
        return None
    return db.session.scalar(select(User).where(func.lower(User.handle) == handle))
