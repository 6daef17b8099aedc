"""What every template may use: permissions, formatting and URL helpers."""

from __future__ import annotations

from flask import Flask, request, url_for
from flask_babel import format_date, format_datetime, format_decimal, get_locale
from flask_babel import format_timedelta as _format_timedelta

from community.core.database import utcnow
from community.core.permissions import can


def ago(moment) -> str:
    return _format_timedelta(moment - utcnow(), add_direction=True, threshold=1.1)


def url_with(**changes) -> str:
    """The current page's URL with some query arguments replaced (None removes one)."""
    args = request.args.to_dict()
    args.update(changes)
    args = {k: v for k, v in args.items() if v not in (None, "")}
    return url_for(request.endpoint, **(request.view_args or {}), **args)


def init_app(app: Flask) -> None:
    """Globals and filters every template may use; features add their own URL helpers."""
    app.jinja_env.globals.update(
        can=can,
        url_with=url_with,
        get_locale=get_locale,
    )
    app.jinja_env.filters.update(
        ago=ago,
        date=format_date,
        datetime=format_datetime,
        number=format_decimal,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
