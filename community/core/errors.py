"""Domain errors with stable codes, and the one place they become HTML or JSON."""

from __future__ import annotations

import time
from datetime import timedelta

from flask import Flask, jsonify, render_template, request
from flask_babel import format_timedelta
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from community.core.extensions import limiter


class DomainError(Exception):
    """An operation refused: ``code`` is stable, ``message`` is for people, ``fields`` for forms."""

    status = 400
    code = "bad_request"

    def __init__(
        self, message: str | None = None, fields: dict | None = None, code: str | None = None, status: int | None = None
    ):
        super().__init__(message or self.code)
        self.message = message or self.code
        self.fields = fields or {}
        if code:
            self.code = code
        if status:
            self.status = status


class ValidationError(DomainError):
    status = 422
    code = "invalid"


class Forbidden(DomainError):
    status = 403
    code = "forbidden"


class NotFound(DomainError):
    status = 404
    code = "not_found"


class Conflict(DomainError):
    status = 409
    code = "conflict"


class Unauthorized(DomainError):
    status = 401
    code = "unauthorized"


HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    414: "uri_too_long",
    415: "unsupported_media_type",
    422: "invalid",
    429: "rate_limited",
    500: "server_error",
}


def wants_json() -> bool:
    return request.path.startswith("/api/")


def json_error(status: int, code: str, message: str, fields: dict | None = None):
    body = {"error": {"code": code, "message": message, "fields": fields or {}}}
    return jsonify(body), status


def _page_messages() -> dict[int, tuple[str, str]]:
    return {
        400: (_("Bad request"), _("Something in that request was not right. Please try again.")),
        401: (_("Please sign in"), _("You need to sign in to do that.")),
        403: (_("Not allowed"), _("You are not allowed to do that.")),
        404: (_("Page not found"), _("This page does not exist, or is no longer available.")),
        405: (_("Not allowed"), _("This action is not available here.")),
        413: (_("Too large"), _("What you sent is too large.")),
        429: (_("Slow down"), _("Too many attempts. Please wait a minute and try again.")),
        500: (_("Something went wrong"), _("An error occurred on our side. Please try again.")),
    }


def retry_after() -> int | None:
    """Seconds until the rate limit this request broke lets it through again (None: unknown)."""
    current = limiter.current_limit
    if current is None or not current.breached:
        return None
    return max(1, int(current.reset_at - time.time()))


def _too_many(seconds: int | None) -> str:
    if seconds is None:
        return _("Too many attempts. Please wait a minute and try again.")
    when = format_timedelta(timedelta(seconds=seconds), threshold=1.1, add_direction=True)
    return _("Too many attempts. You can try again %(when)s.", when=when)


def render_error(status: int, code: str, message: str | None = None, fields: dict | None = None):
    if wants_json():
        default = _page_messages().get(status, ("", code))[1]
        return json_error(status, code, message or default, fields)
    title, text = _page_messages().get(status, _page_messages()[400])
    return render_template("errors/error.html", status=status, title=title, text=message or text), status


def init_app(app: Flask) -> None:
    @app.errorhandler(DomainError)
    def domain_error(err: DomainError):
        return render_error(err.status, err.code, err.message, err.fields)

    @app.errorhandler(CSRFError)
    def csrf_error(err: CSRFError):
        return render_error(400, "csrf_failed", _("The form expired or was sent from elsewhere. Please try again."))

    @app.errorhandler(HTTPException)
    def http_error(err: HTTPException):
        status = err.code or 500
        message = seconds = None
        if status == 429:
            seconds = retry_after()
            message = _too_many(seconds)
        response = app.make_response(render_error(status, HTTP_CODES.get(status, "error"), message))
        for name, value in err.get_headers():
            if name.lower() in ("allow", "retry-after"):
                response.headers[name] = value
        if seconds is not None:
            response.headers.setdefault("Retry-After", str(seconds))
        return response

    @app.errorhandler(Exception)
    def server_error(err: Exception):
        app.logger.exception("Unhandled error")
        return render_error(500, "server_error")
