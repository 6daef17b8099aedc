"""Reading requests and shaping responses: JSON bodies, pagination, lists."""

from __future__ import annotations

import re

from flask import request
from flask_babel import gettext as _

from community.core.errors import DomainError, ValidationError
from community.core.text import storable, tag_name

MAX_PER_PAGE = 100
_TAG_WORD = re.compile(r"^(?:[^\W_]|-)+$")


def _invalid(name: str, reason: str) -> ValidationError:
    return ValidationError(_("Please correct the highlighted fields."), {name: reason})


def json_body() -> dict:
    """The request's JSON object, or a 400 ``invalid_json`` error."""
    try:
        data = request.get_json(silent=True, force=True) if request.get_data(cache=True) else None
    except RecursionError:
        data = None
    if not isinstance(data, dict):
        raise DomainError(_("Send a JSON object."), code="invalid_json")
    return data


def string_field(
    data: dict, name: str, required: bool = True, default: str | None = "", max_length: int | None = None
) -> str | None:
    value = data.get(name, None)
    if value is None:
        if required:
            raise _invalid(name, _("This field is required."))
        return default
    if not isinstance(value, str):
        raise _invalid(name, _("Must be a string."))
    if not storable(value):
        raise _invalid(name, _("Contains characters that are not allowed."))
    if max_length is not None and len(value) > max_length:
        raise _invalid(name, _("Write at most %(n)d characters.", n=max_length))
    return value


def tags_field(data: dict, name: str = "tags") -> list[str] | None:
    """A list of tag words (letters, digits, hyphens), or None when absent."""
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise _invalid(name, _("Tags must be a list of words."))
    for item in value:
        word = item.strip()
        if not (storable(word) and _TAG_WORD.match(word) and len(word) <= 30 and tag_name(word)):
            raise _invalid(name, _("Tags are short words of letters, digits and hyphens."))
    return value


def text_arg(name: str) -> str | None:
    """A free-text query parameter, or None when absent or empty."""
    value = (request.args.get(name) or "").strip() or None
    if value is not None and not storable(value):
        raise _invalid(name, _("Contains characters that are not allowed."))
    return value


def _int_arg(name: str, default: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise _invalid(name, _("Must be a whole number.")) from None
    if value < 1:
        raise _invalid(name, _("Must be 1 or more."))
    return value


def pagination() -> tuple[int, int]:
    """``page`` and ``per_page`` from the query string; ``per_page`` is capped at 100."""
    return min(_int_arg("page", 1), 100000), min(_int_arg("per_page", 20), MAX_PER_PAGE)


def choice_arg(name: str, choices) -> str | None:
    value = request.args.get(name) or None
    if value is not None and value not in choices:
        raise ValidationError(
            _("Please correct the highlighted fields."),
            {name: _("Use one of: %(choices)s.", choices=", ".join(choices))},
        )
    return value


def listing(page, serialize) -> dict:
    return {
        "items": [serialize(item) for item in page.items],
        "page": page.page,
        "per_page": page.per_page,
        "total": page.total,
    }
