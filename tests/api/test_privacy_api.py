"""`GET /api/v1/me/export` and `DELETE /api/v1/me`: a client's view of data protection."""

from __future__ import annotations

from apitools import assert_error, check_schema, openapi_document

from community.core.extensions import db
from community.members.models import User
from tests import factories as make


def test_visitors_get_401(api):
    assert_error(api.get("/me/export"), 401)
    assert_error(api.delete("/me"), 401)


def test_the_export_is_the_callers_data_as_documented(api, client):
    member = make.user(name="Romane Vasseur", email="romane.vasseur@example.com")
    question = make.question(author=member)
    other = make.user()
    make.question(author=other)
    response = api.get("/me/export", as_=member)
    body = check_schema(openapi_document(client), response, "/me/export", "get", 200)
    assert body["format"] == "entraide-export/1" and body["member_id"] == member.id
    assert body["data"]["profile"]["email"] == "romane.vasseur@example.com"
    assert [q["id"] for q in body["data"]["questions"]] == [question.id]
    assert body["data"]["api_tokens"][0]["prefix"].startswith("ent_")
    assert "token_hash" not in body["data"]["api_tokens"][0]


def test_delete_me_anonymises_the_author_and_revokes_the_token(api, client):
    member = make.user(name="Romane Vasseur", email="romane.vasseur@example.com")
    question = make.question(author=member)
    answer = make.answer(question, author=member)
    token = api.token(member)
    response = api.delete("/me", as_=member)
    assert response.status_code == 204 and response.get_data() == b""
    assert_error(client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}), 401, "invalid_token")
    shown = api.get(f"/questions/{question.id}").get_json()
    former = {"id": None, "display_name": "Ancien membre", "role": None}
    assert shown["author"] == former
    assert [a["author"] for a in shown["answers"] if a["id"] == answer.id] == [former]
    english = api.get(f"/questions/{question.id}", headers={"Accept-Language": "en"}).get_json()
    assert english["author"]["display_name"] == "Former member"
    assert_error(api.get(f"/users/{member.id}"), 404)


def test_the_last_administrator_gets_409(api):
    admin = make.user("admin")
    assert_error(api.delete("/me", as_=admin), 409, "last_admin")
    assert not db.session.get(User, admin.id).is_deleted


def test_a_session_delete_needs_the_csrf_token(client, auth):
    member = make.user()
    auth.login(member)
    assert_error(client.delete("/api/v1/me", csrf=False), 400)
    signed = client.delete("/api/v1/me", csrf=False, headers={"X-CSRFToken": client.csrf_token()})
    assert signed.status_code == 204


def test_the_audit_log_no_longer_names_a_deleted_staff_member(api):
    leaver, reader = make.user("staff"), make.user("staff")
    question = make.question(make.user())
    assert api.post(f"/moderation/questions/{question.id}/hide", json={"reason": "Spam"}, as_=leaver).status_code == 200

    def hides():
        items = api.get("/audit", query_string={"action": "content.hide"}, as_=reader).get_json()["items"]
        return [entry["actor_id"] for entry in items]

    assert hides() == [leaver.id]
    assert api.delete("/me", as_=leaver).status_code == 204
    assert hides() == [None]
