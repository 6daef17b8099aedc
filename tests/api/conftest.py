from __future__ import annotations

import functools

import pytest
from apitools import ApiClient
from werkzeug.security import generate_password_hash

from community.members import operations as members


@pytest.fixture(autouse=True)
def quick_password_hashing(monkeypatch):
    """API tests make many members; a cheap hash keeps them fast (tests/domain checks the real one)."""
    monkeypatch.setattr(
        members, "generate_password_hash", functools.partial(generate_password_hash, method="pbkdf2:sha256:1")
    )


@pytest.fixture
def api(client):
    return ApiClient(client)
