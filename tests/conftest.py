"""Fixtures: ``app``, ``client`` (sends the CSRF token like a browser), ``auth``, ``runner``.

``--db=postgres`` runs the same tests on a real PostgreSQL server started for the session.
"""

from __future__ import annotations

import re

import pytest
from flask import g, has_app_context
from flask.testing import FlaskClient
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import text

from community.core.extensions import db
from community.discovery import searching
from wsgi import create_app


def pytest_addoption(parser):
    parser.addoption("--db", choices=("sqlite", "postgres"), default="sqlite", help="database backend for the suite")


@pytest.fixture(scope="session")
def postgres_url(request, tmp_path_factory):
    if request.config.getoption("--db") != "postgres":
        yield None
        return
    from tests.pgserver import start_postgres

    server = start_postgres(tmp_path_factory.mktemp("pg"))
    yield server.url
    server.stop()


_pg_schema_ready = {}


@pytest.fixture
def app_config() -> dict:
    """Settings a test module adds to the app's (override this fixture in the module)."""
    return {}


@pytest.fixture
def app(tmp_path, postgres_url, app_config):
    config = {
        "TESTING": True,
        "INSTANCE_PATH": str(tmp_path / "instance"),
        "SECRET_KEY": "test-secret",
        "VIEW_FLUSH_SECONDS": 0,
        "LOGIN_RATE_LIMIT": "1000 per minute",
        "LOGIN_ACCOUNT_RATE_LIMIT": "1000 per minute",
        "REGISTER_RATE_LIMIT": "1000 per minute",
        "KB_RATING_RATE_LIMIT": "1000 per minute",
        "SERVER_NAME": "localhost",
        "SEARCH_POLL_SECONDS": 0,
        "SEARCH_SYNONYMS_TTL": 0,
    }
    if postgres_url:
        config["SQLALCHEMY_DATABASE_URI"] = postgres_url
    app = create_app({**config, **app_config})
    with app.app_context():
        if postgres_url:
            if postgres_url not in _pg_schema_ready:
                db.drop_all()
                db.create_all()
                _pg_schema_ready[postgres_url] = True
            tables = ", ".join(f'"{t.name}"' for t in db.metadata.sorted_tables)
            db.session.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            db.session.commit()
        else:
            db.create_all()
        searching.rebuild()
        yield app
        db.session.remove()
        db.engine.dispose()


class CSRFClient(FlaskClient):
    """A test client that adds the CSRF token to form posts, as a browser's form would.

    Pass ``csrf=False`` to send a request without it.
    """

    def csrf_token(self) -> str:
        raw = "test-csrf-raw-token"
        with self.session_transaction() as sess:
            sess.setdefault("csrf_token", raw)
            raw = sess["csrf_token"]
        serializer = URLSafeTimedSerializer(self.application.secret_key, salt="wtf-csrf-token")
        return serializer.dumps(raw)

    def open(self, *args, csrf: bool = True, **kwargs):
        # The test holds an app context open, so each request would otherwise reuse what the
        # previous one cached in ``g`` (Flask-Login's member, Flask-Babel's locale).
        if has_app_context():
            for key in list(g):
                g.pop(key)
        method = (kwargs.get("method") or "GET").upper()
        if csrf and method in ("POST", "PUT", "PATCH", "DELETE"):
            if "json" in kwargs:
                headers = dict(kwargs.pop("headers", None) or {})
                headers.setdefault("X-CSRFToken", self.csrf_token())
                kwargs["headers"] = headers
            else:
                data = kwargs.get("data")
                if data is None:
                    data = kwargs["data"] = {}
                if isinstance(data, dict):
                    data.setdefault("csrf_token", self.csrf_token())
        return super().open(*args, **kwargs)


@pytest.fixture
def client(app):
    app.test_client_class = CSRFClient
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class AuthActions:
    def __init__(self, client):
        self.client = client

    def login(self, user_or_email, password: str = "correct horse battery"):
        email = getattr(user_or_email, "email", user_or_email)
        response = self.client.post("/login", data={"email": email, "password": password})
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return response

    def logout(self):
        return self.client.post("/logout")


@pytest.fixture
def auth(client):
    return AuthActions(client)


def csrf_field(html: str) -> str | None:
    found = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html
    )
    return found.group(1) if found else None
