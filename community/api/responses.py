"""Reading requests and shaping responses: JSON bodies, pagination, lists."""
from __future__ import annotations

from flask import request
from flask_babel import gettext as _

from community.errors import DomainError, ValidationError

MAX_PER_PAGE = 100


def json_body() -> dict:
    """The request's JSON object, or a 400 ``invalid_json`` error."""
    data = request.get_json(silent=True, force=True) if request.get_data(cache=True) else None
    if not isinstance(data, dict):
        raise DomainError(_("Send a JSON object."), code="invalid_json")
    return data


def string_field(data: dict, name: str, required: bool = True, default: str | None = "") -> str | None:
    value = data.get(name, None)
    if value is None:
        if required:
            raise ValidationError(_("Please correct the highlighted fields."), {name: _("This field is required.")})
        return default
    if not isinstance(value, str):
        raise ValidationError(_("Please correct the highlighted fields."), {name: _("Must be a string.")})
    return value


def _int_arg(name: str, default: int) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValidationError(_("Please correct the highlighted fields."), {name: _("Must be a whole number.")}) from None
    if value < 1:
        raise ValidationError(_("Please correct the highlighted fields."), {name: _("Must be 1 or more.")})
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
