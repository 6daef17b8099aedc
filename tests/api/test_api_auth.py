"""Who is calling API v1: a bearer token, the browser session (with its CSRF header), or nobody."""

from __future__ import annotations

import factories as make
import pytest
from apitools import BASE, assert_error
from sqlalchemy import select

from community.core.extensions import db
from community.members import operations as members
from community.members.models import ApiToken

NEW_QUESTION = {
    "title": "Mon forfait ne passe pas en 5G",
    "body": "Le téléphone reste en 4G alors que l'option 5G est activée depuis une semaine.",
    "category": "box-internet",
    "tags": ["5g"],
}


@pytest.fixture
def member(app):
    make.category()
    return make.user()


def test_token_writes_need_no_csrf_header(api, member):
    """A bearer-token POST without any CSRF header is accepted."""
    response = api.post("/questions", member, json=NEW_QUESTION)
    assert response.status_code == 201
    assert response.get_json()["author"]["id"] == member.id


def test_session_write_with_csrf_header_is_accepted(client, auth, member):
    """A signed-in browser's POST carrying X-CSRFToken creates the question."""
    auth.login(member)
    response = client.post(f"{BASE}/questions", json=NEW_QUESTION)
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["author"]["id"] == member.id


def test_session_write_without_csrf_header_is_400_csrf_failed(client, auth, member):
    """A signed-in browser's POST without X-CSRFToken is refused with 400 csrf_failed."""
    auth.login(member)
    assert_error(client.post(f"{BASE}/questions", json=NEW_QUESTION, csrf=False), 400, "csrf_failed")
    assert_error(
        client.post(f"{BASE}/questions", json=NEW_QUESTION, csrf=False, headers={"X-CSRFToken": "forged"}),
        400,
        "csrf_failed",
    )
    assert client.get(f"{BASE}/questions").get_json()["total"] == 0


def test_session_reads_need_no_csrf_header(client, auth, member):
    """A signed-in browser reads /me without any CSRF header."""
    auth.login(member)
    assert client.get(f"{BASE}/me").get_json()["id"] == member.id


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("POST", "/questions", NEW_QUESTION),
        ("PATCH", "/questions/{q}", {"title": "Un autre titre pour voir"}),
        ("POST", "/questions/{q}/answers", {"body": "Une réponse anonyme"}),
        ("POST", "/answers/{a}/accept", None),
        ("POST", "/questions/{q}/vote", {"value": 1}),
        ("POST", "/answers/{a}/vote", {"value": 1}),
        ("POST", "/questions/{q}/comments", {"body": "Un commentaire"}),
        ("POST", "/answers/{a}/comments", {"body": "Un commentaire"}),
        ("GET", "/me", None),
        ("GET", "/me/tokens", None),
        ("POST", "/me/tokens", {"label": "CRM"}),
        ("DELETE", "/me/tokens/1", None),
    ],
)
def test_visitors_get_401_on_member_endpoints(api, member, method, path, body):
    """Without a token or session, every write (and /me) answers 401 in the error shape."""
    question = make.question(member)
    answer = make.answer(question)
    url = path.format(q=question.id, a=answer.id)
    kwargs = {"json": body} if body is not None else {}
    assert_error(api.call(method, url, **kwargs), 401, "unauthorized")


@pytest.mark.parametrize(
    "header", ["Bearer ent_not-a-real-token", "Bearer ", "Basic dXNlcjpwdw==", "ent_abc", "Bearer"]
)
def test_bad_authorization_header_is_401_invalid_token(api, member, header):
    """A missing, unknown or non-bearer token gives 401 invalid_token, even on reads."""
    assert_error(api.get("/questions", headers={"Authorization": header}), 401, "invalid_token")
    assert_error(api.post("/questions", headers={"Authorization": header}, json=NEW_QUESTION), 401, "invalid_token")


def test_revoked_token_is_401(api, member):
    """Once revoked, a token gets 401 invalid_token and can write nothing."""
    token, plaintext = members.create_token(member, member, "Chatbot")
    db.session.commit()
    headers = {"Authorization": f"Bearer {plaintext}"}
    assert api.get("/me", headers=headers).status_code == 200
    members.revoke_token(member, token)
    db.session.commit()
    assert_error(api.get("/me", headers=headers), 401, "invalid_token")
    assert_error(api.post("/questions", headers=headers, json=NEW_QUESTION), 401, "invalid_token")


def test_reads_mark_the_token_as_used(api, member):
    """A token used only for reads shows when it was last used."""
    api.get("/questions", member)
    db.session.rollback()
    assert db.session.scalar(select(ApiToken).where(ApiToken.user_id == member.id)).last_used_at is not None
