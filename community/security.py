"""Security headers on every response, cookies marked Secure over HTTPS, and trusted proxies.

The headers are added by a small WSGI middleware: the same few tuples on every response,
cheaper than header-by-header work in an ``after_request`` hook on the hot cached pages. Over
HTTPS (directly, or through a proxy trusted by ``PROXY_FIX_*``) it adds HSTS and marks every cookie
``Secure``, per request: nothing is written to ``app.config`` while serving.
"""

from __future__ import annotations

import re

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from community.config import PROXY_FIX

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


def init_app(app: Flask) -> None:
    app.wsgi_app = SecurityHeaders(app.wsgi_app)
    trusted = {name.removeprefix("PROXY_FIX_").lower(): app.config[name] for name in PROXY_FIX}
    if any(trusted.values()):
        # Outermost, so everything inside sees the client's scheme, host and address.
        app.wsgi_app = ProxyFix(app.wsgi_app, **trusted)
