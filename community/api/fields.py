"""The fields and validators of API schemas: strict JSON types, text a database can store, and every
refusal worded in the caller's language (marshmallow's own messages are English only)."""

from __future__ import annotations

import re

import marshmallow as ma
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate

from community.core.text import storable, tag_name

MISSING = {"required": _l("This field is required."), "null": _l("This field is required.")}
TAG_WORD = re.compile(r"^(?:[^\W_]|-)+$")
TAG_MAX = 30


class Text(fields.String):
    """A string a database can store: no NUL character, no lone surrogate."""

    default_error_messages = {**MISSING, "invalid": _l("Must be a string.")}

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if not storable(text):
            raise ma.ValidationError(_("Contains characters that are not allowed."))
        return text


class Integer(fields.Integer):
    """A whole number. ``strict=True`` for JSON bodies: a real number, not ``1.0``, ``"1"`` or ``true``;
    a query string's digits otherwise."""

    default_error_messages = {
        **MISSING,
        "invalid": _l("Must be a whole number."),
        "too_large": _l("Must be a whole number."),
    }


class Boolean(fields.Boolean):
    """``true`` or ``false``, nothing else (not ``1``, ``"yes"`` or ``"true"``); ``reason`` says what the
    field asks, for callers who send anything else or nothing."""

    def __init__(self, reason, **kwargs):
        super().__init__(error_messages={"invalid": reason, "required": reason, "null": reason}, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs) -> bool:
        if value is True or value is False:
            return value
        raise self.make_error("invalid")


class DateTime(fields.DateTime):
    """A moment in UTC, ISO 8601 to the second, ending in ``Z``."""

    def _serialize(self, value, attr, obj, **kwargs) -> str | None:
        return value.isoformat(timespec="seconds") + "Z" if value else None


class Tag(Text):
    """A word of letters, digits and hyphens, in any case and with accents; stored folded."""

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        word = super()._deserialize(value, attr, data, **kwargs).strip()
        if not (TAG_WORD.match(word) and len(word) <= TAG_MAX and tag_name(word)):
            raise ma.ValidationError(_("Tags are short words of letters, digits and hyphens."))
        return word


class Tags(fields.List):
    default_error_messages = {**MISSING, "invalid": _l("Tags must be a list of words.")}

    def __init__(self, most: int, **kwargs):
        kwargs.setdefault("metadata", {}).setdefault(
            "description", "Words of letters, digits and hyphens (up to 30 characters); folded to lower case."
        )
        super().__init__(
            Tag(metadata={"minLength": 1, "maxLength": TAG_MAX}),
            validate=Length(max=most, error=_l("Use at most %(n)d tags.", n=most)),
            **kwargs,
        )


class Facet(fields.Nested):
    """Some of the object's own attributes, shown as a nested object (an article's ``rating``)."""

    def get_value(self, obj, attr, accessor=None, default=ma.missing):
        return obj


class Length(validate.Length):
    """Text (or list) length, refused in the caller's language; ``error`` replaces the message."""

    def __call__(self, value):
        if self.min is not None and len(value) < self.min:
            raise ma.ValidationError(self._say(_("Write at least %(n)d characters.", n=self.min)))
        if self.max is not None and len(value) > self.max:
            raise ma.ValidationError(self._say(_("Write at most %(n)d characters.", n=self.max)))
        return value

    def _say(self, default: str) -> str:
        return str(self.error) if self.error else default


class Range(validate.Range):
    """A number within bounds; ``error`` (required) says which, in the caller's language."""

    def __init__(self, min=None, max=None, *, error):
        super().__init__(min, max, error=error)

    def __call__(self, value):
        if (self.min is not None and value < self.min) or (self.max is not None and value > self.max):
            raise ma.ValidationError(str(self.error))
        return value


class OneOf(validate.OneOf):
    """One of ``choices`` (documented as the field's ``enum``); ``message`` replaces the list of choices."""

    def __init__(self, choices, message=None):
        super().__init__(choices)
        self.message = message

    def __call__(self, value):
        try:
            chosen = value in self.choices
        except TypeError:
            chosen = False
        if not chosen:
            listed = ", ".join(str(choice) for choice in self.choices)
            message = self.message or _("Use one of: %(choices)s.", choices=listed)
            raise ma.ValidationError(str(message))
        return value
