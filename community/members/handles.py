"""``@handles``: derived from the display name at registration, unique, editable in settings."""

from __future__ import annotations

import re

from sqlalchemy import select

from community.core.extensions import db
from community.core.text import slugify

MIN_LENGTH, MAX_LENGTH = 3, 30
#: A handle as typed after "@": letters, digits, "_", "-" and inner dots.
PATTERN = re.compile(r"[a-z0-9_](?:[a-z0-9_.-]{1,28}[a-z0-9_])")
#: A mention in text: "@handle" not preceded by a word character (so e-mail addresses are not).
MENTION = re.compile(r"(?<![\w@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.-]{1,28}[A-Za-z0-9_]))")


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
