"""Small text helpers: slugs and tag names."""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case ASCII without accents ("Télé" → "tele")."""
    normalised = unicodedata.normalize("NFKD", text)
    return normalised.encode("ascii", "ignore").decode("ascii").lower()


def slugify(text: str, max_length: int = 80, default: str = "question") -> str:
    """Lower-case ASCII words joined by hyphens; ``default`` when nothing of ``text`` is left."""
    slug = _NON_WORD.sub("-", fold(text)).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or default


def tag_name(text: str) -> str:
    """A tag as stored: folded, words joined by hyphens."""
    return _NON_WORD.sub("-", fold(text)).strip("-")[:30]


def storable(value: str) -> bool:
    """Text a database can keep: no NUL character (PostgreSQL refuses it), no lone surrogate."""
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
