"""What every API schema shares: inputs that ignore unknown names, outputs whose fields are declared
per audience, the page envelope and its arguments, and the error shape."""

from __future__ import annotations

import marshmallow as ma
from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate

from community.api.auth import actor
from community.api.fields import Integer, Range
from community.core.permissions import can

MAX_PER_PAGE = 100
MAX_PAGE = 100_000


class Input(ma.Schema):
    """A request body or query string. Unknown names are ignored and ``null`` is the same as absent, so
    a view reads optional fields with ``data.get(name, default)``."""

    class Meta:
        unknown = ma.EXCLUDE

    @ma.post_load
    def _without_nulls(self, data: dict, **kwargs) -> dict:
        return {name: value for name, value in data.items() if value is not None}


class Query(Input):
    """A query string: spaces around a value are ignored, and an empty parameter is an absent one."""

    @ma.pre_load
    def _without_empty(self, data, **kwargs) -> dict:
        values = {name: data[name] for name in data}
        values = {name: v.strip() if isinstance(v, str) else v for name, v in values.items()}
        return {name: value for name, value in values.items() if value != ""}


class PageArgs(Query):
    page = Integer(
        load_default=1,
        validate=Range(min=1, error=_l("Must be 1 or more.")),
        metadata={"description": "The page wanted, from 1."},
    )
    per_page = Integer(
        load_default=20,
        validate=Range(min=1, error=_l("Must be 1 or more.")),
        metadata={"description": f"Items a page; larger values are capped at {MAX_PER_PAGE}."},
    )

    @ma.post_load
    def _capped(self, data: dict, **kwargs) -> dict:
        return {**data, "page": min(data["page"], MAX_PAGE), "per_page": min(data["per_page"], MAX_PER_PAGE)}


class Output(ma.Schema):
    """What the API sends. Every field is always there (documented as required) except those named in
    ``Meta.sometimes`` and those for one audience only: a field with ``metadata={"only_for": action}``
    is sent only to callers who may do ``action`` on the object (an article's ``needs_review``: staff)."""

    def on_bind_field(self, field_name: str, field_obj: fields.Field) -> None:
        sometimes = getattr(self.Meta, "sometimes", ())
        field_obj.required = field_name not in sometimes and "only_for" not in field_obj.metadata

    @ma.post_dump(pass_original=True)
    def _for_the_audience(self, data: dict, original, **kwargs) -> dict:
        for name, field in self.dump_fields.items():
            action = field.metadata.get("only_for")
            if action and not can(actor(), action, original):
                data.pop(field.data_key or name, None)
        return data


def page_of(item: type[Output], paginated: bool = True) -> type[Output]:
    """The contract's envelope of a list: ``{items, page, per_page, total}``; a list served whole is one
    page (``paginated=False``) as long as the list."""
    return type(
        f"{item.__name__}Page",
        (Output,),
        {
            "items": fields.List(fields.Nested(item)),
            "page": fields.Integer(validate=validate.Range(min=1)),
            "per_page": fields.Integer(validate=validate.Range(min=0, max=MAX_PER_PAGE if paginated else None)),
            "total": fields.Integer(validate=validate.Range(min=0)),
            "__doc__": f"A page of {item.__name__.lower()} items.",
        },
    )


def whole(items: list) -> dict:
    """A list too short to paginate, as one page."""
    return {"items": items, "page": 1, "per_page": len(items), "total": len(items)}


class With:
    """``obj`` with a few more attributes for a schema to dump (a question with its page's answers)."""

    def __init__(self, obj, **extra):
        self._obj = obj
        self.__dict__.update(extra)

    def __getattr__(self, name: str):
        return getattr(self._obj, name)


class ErrorDetail(Output):
    code = fields.String(metadata={"description": "Stable, for programs: `not_found`, `invalid` …"})
    message = fields.String(metadata={"description": "For people, in the caller's language."})
    fields_ = fields.Dict(
        keys=fields.String(),
        values=fields.String(),
        data_key="fields",
        metadata={"description": "The fields (or query parameters) at fault, each with the reason."},
    )


class Error(Output):
    """Every error: a stable code, a message for people, and the fields at fault."""

    error = fields.Nested(ErrorDetail)
