"""Putting an operation's field errors back on a form, beside the fields, keeping what was typed."""

from __future__ import annotations

from flask_wtf import FlaskForm

from community.core.errors import DomainError
from community.core.extensions import db


def apply_errors(form: FlaskForm, err: DomainError, aliases: dict | None = None) -> None:
    """Attach ``err.fields`` to the matching form fields; anything else goes to ``form.form_errors``."""
    aliases = aliases or {}
    placed = False
    for name, message in err.fields.items():
        field = getattr(form, aliases.get(name, name), None)
        if field is not None and hasattr(field, "errors"):
            field.errors = list(field.errors or []) + [message]
            placed = True
    if not placed:
        form.form_errors.append(err.message)


def attempt(form: FlaskForm, operation):
    """Run ``operation()`` and commit once; return its result.

    When the operation refuses the input, roll back, put the reasons beside the fields, keep the
    refusal's status on ``form.refusal_status`` (422, or 409 for a conflict) and return None.
    Refusals of access (401, 403, 404) go on to the error pages.
    """
    try:
        result = operation()
        db.session.commit()
    except DomainError as err:
        db.session.rollback()
        if err.status in (401, 403, 404):
            raise
        apply_errors(form, err)
        form.refusal_status = err.status
        return None
    return result
