"""Fixes from the probe of a running copy (issue 10), each as a user or an attacker would meet it."""

from __future__ import annotations

import factories as make
import pytest
from sqlalchemy import select

from community.core.extensions import db
from community.members import operations as members
from knowledge_base.models import Rating


def session_cookie(client) -> str:
    cookie = client.get_cookie("session")
    assert cookie is not None
    return cookie.value


def test_a_copied_session_cookie_stops_working_after_sign_out(app, client, auth):
    """Signing out ends the session on the server: a copy of the cookie made before is refused."""
    user = make.user()
    auth.login(user)
    stolen = session_cookie(client)
    auth.logout()
    thief = app.test_client()
    thief.set_cookie("session", stolen)
    response = thief.get("/settings")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_sign_out_everywhere_ends_every_device(app, client, auth):
    user = make.user()
    auth.login(user)
    phone = app.test_client()
    phone.set_cookie("session", session_cookie(client))
    assert phone.get("/settings").status_code == 200
    response = client.post("/settings/sessions/end")
    assert response.status_code == 302 and response.headers["Location"].endswith("/login")
    assert phone.get("/settings").status_code == 302
    assert client.get("/settings").status_code == 302


def test_password_change_keeps_api_tokens_unless_asked(app, client, auth):
    user = make.user()
    _token, plaintext = members.create_token(user, user, "CRM")
    db.session.commit()
    bearer = {"Authorization": f"Bearer {plaintext}"}
    auth.login(user)
    new = "une nouvelle phrase solide"
    response = client.post("/settings/password", data={"current_password": make.PASSWORD, "new_password": new})
    assert response.status_code == 302
    assert client.get("/settings").status_code == 200  # still signed in here
    assert client.get("/api/v1/me", headers=bearer).status_code == 200
    response = client.post(
        "/settings/password", data={"current_password": new, "new_password": make.PASSWORD, "revoke_tokens": "y"}
    )
    assert response.status_code == 302
    assert client.get("/api/v1/me", headers=bearer).status_code == 401


@pytest.mark.real_password_hash
def test_an_unknown_email_is_checked_against_a_real_hash(app, monkeypatch):
    """Unknown e-mails cost a password check too, against a hash made like members' (no timing tell)."""
    make.user(email="known@example.com")
    checked = []
    real = members.check_password_hash
    monkeypatch.setattr(members, "check_password_hash", lambda hashed, pw: checked.append(hashed) or real(hashed, pw))
    assert members.authenticate("nobody@example.com", "whatever password") is None
    assert members.authenticate("known@example.com", "wrong password!") is None
    assert len(checked) == 2
    assert checked[0].split("$", 1)[0] == checked[1].split("$", 1)[0]  # same method and cost


def test_the_language_switch_is_a_post_and_a_members_needs_the_token(app, client, auth):
    """GET no longer changes anything; a member's switch must carry the CSRF token; a visitor's must
    come from our own pages."""
    assert client.get("/language/en").status_code == 405
    assert client.post("/language/en", headers={"Origin": "https://evil.example"}, csrf=False).status_code == 400
    visitor = client.post("/language/en?next=/", headers={"Origin": "http://localhost"}, csrf=False)
    assert visitor.status_code == 302 and client.get_cookie("lang").value == "en"

    user = make.user()
    auth.login(user)
    assert client.post("/language/en", headers={"Origin": "http://localhost"}, csrf=False).status_code == 400
    db.session.refresh(user)
    assert user.locale is None
    assert client.post("/language/en").status_code == 302
    db.session.refresh(user)
    assert user.locale == "en"


@pytest.mark.parametrize(
    "origin", ["https://localhost", "http://localhost:8080", "http://localhost.evil.example", "http://evil.example"]
)
def test_ratings_from_another_scheme_port_or_host_are_refused(app, client, origin):
    """The page form compares scheme, host and port, not the host alone."""
    article = make.article()
    response = client.post(f"/kb/{article.id}/rating", data={"helpful": "no"}, headers={"Origin": origin}, csrf=False)
    assert response.status_code == 400
    assert db.session.scalars(select(Rating)).first() is None


def test_api_writes_take_json_only_and_visitors_writes_from_our_pages_only(app, client):
    """A text/plain "JSON" body is 415; a visitor's rating sent from another site is refused; a program
    (no Origin) and our own pages may rate."""
    article = make.article()
    url = f"/api/v1/articles/{article.id}/ratings"
    forged = client.post(url, data='{"helpful": false}', content_type="text/plain", csrf=False)
    assert forged.status_code == 415 and forged.get_json()["error"]["code"] == "unsupported_media_type"
    evil = client.post(url, json={"helpful": False}, headers={"Origin": "https://evil.example"}, csrf=False)
    assert evil.status_code == 400 and evil.get_json()["error"]["code"] == "cross_origin"
    assert db.session.scalars(select(Rating)).first() is None
    ours = client.post(url, json={"helpful": True}, headers={"Origin": "http://localhost"}, csrf=False)
    assert ours.status_code in (200, 201), ours.get_json()
    program = app.test_client().post(url, json={"helpful": True})
    assert program.status_code in (200, 201), program.get_json()


def test_wrong_method_answers_405_with_allow(app, client):
    response = client.delete("/api/v1/categories", csrf=False)
    assert response.status_code == 405 and response.get_json()["error"]["code"] == "method_not_allowed"
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}


def test_a_long_ask_draft_survives_sign_in_and_the_cookie_stays_small(app, client, auth):
    """A visitor's 19 KB question is kept on the server while they sign in; the cookie holds a key."""
    make.category()
    user = make.user()
    body = "Ma box perd la synchronisation. " * 600
    response = client.post(
        "/questions/ask", data={"title": "La box perd la synchro", "body": body, "category": "box-internet"}
    )
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert len(session_cookie(client)) < 1000
    auth.login(user)
    form = client.get("/questions/ask").get_data(as_text=True)
    assert "La box perd la synchro" in form and body.strip()[:200] in form
    assert "La box perd la synchro" not in client.get("/questions/ask").get_data(as_text=True)  # taken once


def test_a_new_api_token_never_travels_in_the_session_cookie(app, client, auth):
    user = make.user()
    auth.login(user)
    response = client.post("/settings/tokens", data={"label": "CRM"})
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert "ent_" in response.get_data(as_text=True)
    with client.session_transaction() as session:
        assert not any("ent_" in str(value) for value in session.values())
