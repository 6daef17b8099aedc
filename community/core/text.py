"""Small text helpers: slugs and tag names, folded as search folds (``search.analysis.fold``)."""

from __future__ import annotations

import re

from flask_babel import gettext as _

from search.analysis import fold

_NON_WORD = re.compile(r"[^a-z0-9]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _ascii_words(text: str) -> str:
    """``text`` folded, letters the fold leaves outside ASCII ("ø", "ł") dropped, words hyphen-joined."""
    return _NON_WORD.sub("-", _NON_ASCII.sub("", fold(text))).strip("-")


def slugify(text: str, max_length: int = 80, default: str = "question") -> str:
    """Lower-case ASCII words joined by hyphens; ``default`` when nothing of ``text`` is left."""
    slug = _ascii_words(text)
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug or default


def tag_name(text: str) -> str:
    """A tag as stored: folded, words joined by hyphens."""
    return _ascii_words(text)[:30]


def storable(value: str) -> bool:
    """Text a database can keep: no NUL character (PostgreSQL refuses it), no lone surrogate."""
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_text(value: str, field: str, low: int, high: int, fields: dict) -> str:
    """``value`` stripped; a reason under ``fields[field]`` when it is unstorable, too short or too long."""
    value = (value or "").strip()
    if not storable(value):
        fields[field] = _("Contains characters that are not allowed.")
    elif len(value) < low:
        fields[field] = _("Write at least %(n)d characters.", n=low)
    elif len(value) > high:
        fields[field] = _("Write at most %(n)d characters.", n=high)
    return value
