"""Calling API v1 in tests: as a personal token's owner, as a visitor, and checking the error shape."""

from __future__ import annotations

from community.core.extensions import db
from community.members import operations as members

BASE = "/api/v1"


class ApiClient:
    """Sends JSON to ``/api/v1``; ``as_=user`` adds that member's personal token (no CSRF header)."""

    def __init__(self, client):
        self.client = client
        self._tokens: dict[int, str] = {}

    def token(self, user) -> str:
        if user.id not in self._tokens:
            _token, plaintext = members.create_token(user, user, "tests")
            db.session.commit()
            self._tokens[user.id] = plaintext
        return self._tokens[user.id]

    def call(self, method: str, path: str, as_=None, headers: dict | None = None, **kwargs):
        headers = dict(headers or {})
        if as_ is not None:
            headers["Authorization"] = f"Bearer {self.token(as_)}"
        return self.client.open(BASE + path, method=method, headers=headers, csrf=False, **kwargs)

    def get(self, path: str, as_=None, **kwargs):
        return self.call("GET", path, as_, **kwargs)

    def post(self, path: str, as_=None, **kwargs):
        return self.call("POST", path, as_, **kwargs)

    def patch(self, path: str, as_=None, **kwargs):
        return self.call("PATCH", path, as_, **kwargs)

    def delete(self, path: str, as_=None, **kwargs):
        return self.call("DELETE", path, as_, **kwargs)


def assert_error(response, status: int | set[int], code: str | None = None) -> dict:
    """The response is one of ``status`` in the contract's error shape; returns its ``error``."""
    statuses = {status} if isinstance(status, int) else status
    assert response.status_code in statuses, (response.status_code, response.get_data(as_text=True)[:300])
    assert response.is_json, response.get_data(as_text=True)[:300]
    body = response.get_json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) == {"code", "message", "fields"}, error
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    assert isinstance(error["fields"], dict)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in error["fields"].items()), error
    if code is not None:
        assert error["code"] == code, error
    return error


def openapi_document(client) -> dict:
    """The OpenAPI document as the API serves it (generated from the schemas)."""
    response = client.get(f"{BASE}/openapi.json")
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return response.get_json()


def check_schema(document: dict, response, path: str, method: str, status: int) -> dict:
    """The response has ``status`` and matches what ``document`` promises for it; returns its JSON."""
    import jsonschema

    assert response.status_code == status, response.get_data(as_text=True)[:300]
    documented = document["paths"][path][method]["responses"][str(status)]
    if "$ref" in documented:
        documented = document["components"]["responses"][documented["$ref"].rsplit("/", 1)[1]]
    schema = documented["content"]["application/json"]["schema"]
    jsonschema.validate(
        response.get_json(),
        {**schema, "components": document["components"]},
        cls=jsonschema.Draft202012Validator,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    return response.get_json()
