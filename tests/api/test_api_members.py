"""Member profiles and personal API tokens through API v1."""

from __future__ import annotations

import factories as make
from apitools import assert_error
from sqlalchemy import select, text

from community.core.extensions import db
from community.members.models import ApiToken


def test_user_profile_is_public(api):
    """GET /users/{id} shows display_name, role, reputation, rank and badges[] to anyone, no e-mail."""
    member = make.user("ambassador", name="Inès")
    body = api.get(f"/users/{member.id}").get_json()
    assert body["id"] == member.id and body["display_name"] == "Inès" and body["role"] == "ambassador"
    assert isinstance(body["reputation"], int) and "rank" in body and body["badges"] == []
    assert "email" not in body and "password_hash" not in body


def test_me_shows_the_caller_with_email(api):
    """GET /me shows the calling member with their e-mail."""
    member = make.user(email="ines@example.com")
    body = api.get("/me", member).get_json()
    assert body["id"] == member.id and body["email"] == "ines@example.com"


def test_token_plaintext_is_shown_once_and_stored_hashed(api):
    """POST /me/tokens shows the new token once; lists never show it and the database holds only a hash."""
    member = make.user()
    created = api.post("/me/tokens", member, json={"label": "Mon CRM"})
    assert created.status_code == 201
    new = created.get_json()
    plaintext = new["token"]
    assert plaintext.startswith("ent_") and new["label"] == "Mon CRM" and new["revoked"] is False
    assert plaintext.startswith(new["prefix"]) and len(new["prefix"]) < len(plaintext)
    listed = api.get("/me/tokens", member).get_json()
    assert {t["label"] for t in listed["items"]} == {"tests", "Mon CRM"} and listed["total"] == 2
    assert plaintext not in str(listed) and all("token" not in t for t in listed["items"])
    for table in ("api_tokens", "users"):
        for row in db.session.execute(text(f"SELECT * FROM {table}")):
            assert not any(isinstance(value, str) and plaintext in value for value in row), table
    stored = db.session.scalar(select(ApiToken).where(ApiToken.id == new["id"]))
    assert stored.token_hash != plaintext and len(stored.token_hash) == 64
    assert api.get("/me", headers={"Authorization": f"Bearer {plaintext}"}).get_json()["id"] == member.id


def test_revoking_a_token_stops_it(api):
    """DELETE /me/tokens/{id} marks it revoked; it then gets 401 and shows revoked in the list."""
    member = make.user()
    new = api.post("/me/tokens", member, json={"label": "Chatbot"}).get_json()
    response = api.delete(f"/me/tokens/{new['id']}", member)
    assert response.status_code == 200 and response.get_json()["revoked"] is True
    assert_error(api.get("/me", headers={"Authorization": f"Bearer {new['token']}"}), 401, "invalid_token")
    listed = {t["id"]: t["revoked"] for t in api.get("/me/tokens", member).get_json()["items"]}
    assert listed[new["id"]] is True
    assert api.delete(f"/me/tokens/{new['id']}", member).status_code == 200


def test_another_members_token_is_404(api):
    """Revoking someone else's token gives 404, and their token keeps working."""
    owner, other = make.user(), make.user()
    new = api.post("/me/tokens", owner, json={"label": "CRM"}).get_json()
    assert_error(api.delete(f"/me/tokens/{new['id']}", other), 404, "not_found")
    assert_error(api.delete("/me/tokens/4242", other), 404, "not_found")
    assert api.get("/me", headers={"Authorization": f"Bearer {new['token']}"}).status_code == 200


def test_token_label_is_required(api):
    """A token without a label, or with one over 80 characters, gives 422 naming the label."""
    member = make.user()
    assert "label" in assert_error(api.post("/me/tokens", member, json={}), 422)["fields"]
    assert "label" in assert_error(api.post("/me/tokens", member, json={"label": "x" * 81}), 422)["fields"]
