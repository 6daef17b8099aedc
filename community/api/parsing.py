"""Reading requests with webargs, refusing in the contract's shape: a body that is not a JSON object is
400 ``invalid_json``; fields or query parameters at fault are 422 ``invalid``, each named with its reason."""

from __future__ import annotations

from flask_babel import gettext as _
from webargs.flaskparser import FlaskParser

from community.core.errors import DomainError, ValidationError


def _first(messages) -> str:
    """One reason for a field: marshmallow gives lists, and dicts for a list's items."""
    while isinstance(messages, dict | list):
        messages = next(iter(messages.values())) if isinstance(messages, dict) else messages[0]
    return str(messages)


class Parser(FlaskParser):
    def __init__(self):
        # Each schema says what to do with unknown names (ours ignore them).
        super().__init__(unknown=None)

    def load_json(self, req, schema) -> dict:
        """The body as a JSON object: empty, broken, too deeply nested or not an object is 400."""
        try:
            data = req.get_json(force=True, silent=True) if req.get_data(cache=True) else None
        except RecursionError:
            data = None
        if not isinstance(data, dict):
            raise DomainError(_("Send a JSON object."), code="invalid_json")
        return data

    def handle_error(self, error, req, schema, *, error_status_code, error_headers):
        (messages,) = error.messages.values()  # webargs files them under the location: {"json": {...}}
        if not isinstance(messages, dict):
            messages = {"body": messages}
        fields = {str(name): _first(reasons) for name, reasons in messages.items()}
        raise ValidationError(_("Please correct the highlighted fields."), fields)
