"""Fixtures: ``app``, ``client`` (sends the CSRF token like a browser), ``auth``, ``runner``.

``--db=postgres`` runs the same tests on a real PostgreSQL server started for the session.

Each test gets a new app and an empty database, made cheaply: the schema is created once per
session (SQLite: a template file that each test copies; PostgreSQL: every row deleted before each
test), the apps share their compiled templates, and passwords are hashed with one round of PBKDF2
unless a test is marked ``real_password_hash``.
"""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path

import pytest
from flask import g, has_app_context
from flask.testing import FlaskClient
from itsdangerous import URLSafeTimedSerializer
from jinja2 import BytecodeCache
from sqlalchemy.exc import DBAPIError
from werkzeug.routing import Rule
from werkzeug.security import generate_password_hash

from community.core.extensions import db
from community.discovery import searching
from community.members import operations as members
from wsgi import create_app

TEST_CONFIG = {
    "TESTING": True,
    "SECRET_KEY": "test-secret",
    "VIEW_FLUSH_SECONDS": 0,
    "LOGIN_RATE_LIMIT": "1000 per minute",
    "LOGIN_ACCOUNT_RATE_LIMIT": "1000 per minute",
    "REGISTER_RATE_LIMIT": "1000 per minute",
    "KB_RATING_RATE_LIMIT": "1000 per minute",
    # Anti-abuse stays out of the way unless a test turns it on (tests/web/test_rate_limits.py …).
    **{
        name: "1000 per minute"
        for a in ("QUESTION", "ANSWER", "COMMENT", "VOTE", "FLAG")
        for name in (f"{a}_RATE_LIMIT", f"NEW_ACCOUNT_{a}_RATE_LIMIT", f"{a}_ADDRESS_RATE_LIMIT")
    },
    "NEW_ACCOUNT_DAYS": 0,
    "REPEATED_POST_HOURS": 0,
    "REGISTRATION_MIN_SECONDS": 0,
    "SERVER_NAME": "localhost",
    "SEARCH_POLL_SECONDS": 0,
    "MAIL_POLL_SECONDS": 0,
    "ESCALATION_SWEEP_SECONDS": 0,
    "BADGE_SWEEP_SECONDS": 0,
    # Factories' members are minutes old: their votes earn points unless a test sets an age (test_ledger.py).
    "REPUTATION_MIN_VOTER_AGE_DAYS": 0,
    "SEARCH_SYNONYMS_TTL": 0,
    # New members comment anywhere unless a test turns the privilege on (tests/reputation/test_privileges.py).
    "PRIVILEGES": {"comment": 0, "retag": 200, "edit": 500, "close_vote": 1000},
}

# One object for the session, so members.authenticate makes its dummy hash once.
QUICK_PASSWORD_HASH = functools.partial(generate_password_hash, method="pbkdf2:sha256:1")


def pytest_addoption(parser):
    parser.addoption("--db", choices=("sqlite", "postgres"), default="sqlite", help="database backend for the suite")


def pytest_configure(config):
    config.addinivalue_line("markers", "real_password_hash: members get the app's real password hash (scrypt)")


@pytest.fixture(autouse=True)
def quick_password_hashing(request, monkeypatch):
    """Scrypt costs 0.1 s a member; tests marked ``real_password_hash`` keep it."""
    if request.node.get_closest_marker("real_password_hash") is None:
        monkeypatch.setattr(members, "generate_password_hash", QUICK_PASSWORD_HASH)


class SharedTemplateCode(BytecodeCache):
    """Templates compiled once for all the session's apps (Jinja's compiler is the costliest part
    of a test's first page), keyed by what the compiled code depends on."""

    SETTINGS = (
        "block_start_string",
        "variable_start_string",
        "comment_start_string",
        "line_statement_prefix",
        "line_comment_prefix",
        "trim_blocks",
        "lstrip_blocks",
        "newline_sequence",
        "keep_trailing_newline",
        "optimized",
        "newstyle_gettext",
    )

    def __init__(self) -> None:
        self.code: dict[tuple, tuple[str, object]] = {}

    def get_cache_key(self, name: str, filename: str | None = None) -> tuple:
        return (name, filename)

    def _key(self, bucket) -> tuple:
        env = bucket.environment
        name = bucket.key[0]
        autoescape = env.autoescape(name) if callable(env.autoescape) else env.autoescape
        settings = tuple(getattr(env, setting, None) for setting in self.SETTINGS)
        return (bucket.key, tuple(sorted(env.extensions)), settings, autoescape, env.finalize is None)

    def load_bytecode(self, bucket) -> None:
        checksum, code = self.code.get(self._key(bucket), (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket) -> None:
        self.code[self._key(bucket)] = (bucket.checksum, bucket.code)


TEMPLATE_CODE = SharedTemplateCode()


@pytest.fixture(scope="session", autouse=True)
def shared_url_builders():
    """Each URL rule's builder function, compiled once for the session's apps.

    Werkzeug writes and compiles a Python function for each rule of each new app, most of the
    time create_app takes. The function depends only on the rule's parts and on ``append_unknown``
    (it gets the rule as its first argument), so rules without defaults share it.
    """
    compile_builder = Rule._compile_builder
    builders: dict[tuple, object] = {}

    def shared_builder(rule: Rule, append_unknown: bool = True):
        trace = getattr(rule, "_trace", None)
        if rule.defaults or trace is None:
            return compile_builder(rule, append_unknown)
        key = (rule.rule, tuple(trace), append_unknown)
        if key not in builders:
            builders[key] = compile_builder(rule, append_unknown)
        return builders[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Rule, "_compile_builder", shared_builder)
        yield


@pytest.fixture(scope="session")
def postgres_url(request, tmp_path_factory):
    if request.config.getoption("--db") != "postgres":
        yield None
        return
    from tests.pgserver import start_postgres

    server = start_postgres(tmp_path_factory.mktemp("pg"))
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def session_schema(postgres_url, tmp_path_factory) -> Path | None:
    """The schema, made once: a SQLite file to copy, or the tables on the PostgreSQL server."""
    instance = tmp_path_factory.mktemp("schema") / "instance"
    config = {**TEST_CONFIG, "INSTANCE_PATH": str(instance)}
    if postgres_url:
        config["SQLALCHEMY_DATABASE_URI"] = postgres_url
    made = create_app(config)
    with made.app_context():
        db.create_all()
        db.session.remove()
        db.engine.dispose()
    return None if postgres_url else instance / "entraide.db"


def _sqlite_file(app) -> Path:
    return Path(app.instance_path) / "entraide.db"


def _delete_every_row() -> None:
    """Empty the PostgreSQL tables and restart their ids (setval is NULL for keys without a
    sequence), as TRUNCATE … RESTART IDENTITY would but some 30 times faster on tables this small.
    Foreign keys are not checked meanwhile (the test server's user is a superuser). When a test
    left tables missing, the schema is made again."""
    tables = db.metadata.sorted_tables
    statements = ["SET LOCAL session_replication_role = replica"]
    statements += [f'DELETE FROM "{table.name}"' for table in reversed(tables)]
    statements += [
        f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', '{column.name}'), 1, false)"
        for table in tables
        for column in table.primary_key.columns
    ]
    try:
        with db.engine.begin() as conn:
            conn.exec_driver_sql(";\n".join(statements))
    except DBAPIError:
        db.drop_all()
        db.create_all()


@pytest.fixture
def app_config() -> dict:
    """Settings a test module adds to the app's (override this fixture in the module)."""
    return {}


@pytest.fixture
def app(tmp_path, postgres_url, session_schema, app_config):
    config = {**TEST_CONFIG, "INSTANCE_PATH": str(tmp_path / "instance")}
    if postgres_url:
        config["SQLALCHEMY_DATABASE_URI"] = postgres_url
    app = create_app({**config, **app_config})
    app.jinja_env.bytecode_cache = TEMPLATE_CODE
    with app.app_context():
        if postgres_url and app.config["SQLALCHEMY_DATABASE_URI"] == postgres_url:
            _delete_every_row()
        elif app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{_sqlite_file(app)}" and session_schema:
            shutil.copyfile(session_schema, _sqlite_file(app))
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
