"""Security headers on every response, cookies marked Secure over HTTPS, and trusted proxies.

The headers are added by a small WSGI middleware: the same few tuples on every response,
cheaper than header-by-header work in an ``after_request`` hook on the hot cached pages. Over
HTTPS (directly, or through a proxy trusted by ``PROXY_FIX_*``) it adds HSTS and marks every cookie
``Secure``, per request: nothing is written to ``app.config`` while serving.
"""

from __future__ import annotations

import json
import re

from flask import Flask
from werkzeug.exceptions import SecurityError
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.wsgi import get_host

from community.core.config import PROXY_FIX

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' https: data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

HEADERS = (
    ("Content-Security-Policy", CSP),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
)
HSTS = ("Strict-Transport-Security", "max-age=31536000")


_SECURE_FLAG = re.compile(r";\s*secure\s*(;|$)", re.IGNORECASE)


def _secure_cookie(value: str) -> str:
    return value if _SECURE_FLAG.search(value) else value + "; Secure"


class SecurityHeaders:
    """WSGI middleware adding ``HEADERS`` to responses that do not set them themselves."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        secure = environ.get("wsgi.url_scheme") == "https"

        def start(status, headers, exc_info=None):
            present = {name.lower() for name, _value in headers}
            headers.extend(h for h in HEADERS if h[0].lower() not in present)
            if secure:
                if "strict-transport-security" not in present:
                    headers.append(HSTS)
                if "set-cookie" in present:
                    headers[:] = [
                        (name, _secure_cookie(value) if name.lower() == "set-cookie" else value)
                        for name, value in headers
                    ]
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, start)


def _refuse(environ, start_response, status: str, code: str, message: str):
    """An error answered before Flask runs: the API's error shape under /api/, plain text elsewhere."""
    if environ.get("PATH_INFO", "").startswith("/api/"):
        error = {"code": code, "message": message, "fields": {}}
        body, kind = json.dumps({"error": error}).encode(), "application/json"
    else:
        body, kind = message.encode(), "text/plain; charset=utf-8"
    start_response(status, [("Content-Type", kind), ("Content-Length", str(len(body)))])
    return [body]


class TrustedHosts:
    """WSGI middleware answering 400 to a Host header the site does not serve, before Flask runs
    (so no page, link or cache entry is ever made for it)."""

    def __init__(self, wsgi_app, hosts: list[str]):
        self.wsgi_app = wsgi_app
        self.hosts = hosts

    def __call__(self, environ, start_response):
        try:
            get_host(environ, self.hosts)
        except SecurityError:
            return _refuse(environ, start_response, "400 Bad Request", "bad_request", "Unknown host.")
        return self.wsgi_app(environ, start_response)


class UrlLength:
    """WSGI middleware answering 414 to an address longer than ``MAX_URL_LENGTH`` (gunicorn, run with
    ``--limit-request-line 8190``, refuses longer request lines itself)."""

    def __init__(self, wsgi_app, limit: int):
        self.wsgi_app = wsgi_app
        self.limit = limit

    def __call__(self, environ, start_response):
        if len(environ.get("PATH_INFO", "")) + len(environ.get("QUERY_STRING", "")) > self.limit:
            return _refuse(environ, start_response, "414 URI Too Long", "uri_too_long",
                           f"The address is too long (at most {self.limit} characters).")
        return self.wsgi_app(environ, start_response)


def init_app(app: Flask) -> None:
    app.wsgi_app = SecurityHeaders(UrlLength(app.wsgi_app, app.config["MAX_URL_LENGTH"]))
    if app.config.get("TRUSTED_HOSTS"):
        app.wsgi_app = TrustedHosts(app.wsgi_app, app.config["TRUSTED_HOSTS"])
    trusted = {name.removeprefix("PROXY_FIX_").lower(): app.config[name] for name in PROXY_FIX}
    if any(trusted.values()):
        # Outermost, so everything inside sees the client's scheme, host and address.
        app.wsgi_app = ProxyFix(app.wsgi_app, **trusted)
