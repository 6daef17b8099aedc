"""``GET /me/notifications`` and ``POST /me/notifications/read`` as the contract says."""

from __future__ import annotations

import factories as make
import pytest
from apitools import assert_error, check_schema, openapi_document

from community.core.extensions import db
from community.questions import operations as qa


@pytest.fixture
def thread(app):
    lea = make.user(name="Léa Martin")
    marc = make.user("ambassador", name="Marc Dubreuil")
    question = make.question(lea, title="Ma box clignote en orange depuis ce matin")
    first = make.answer(question, marc, "Redémarrez la box trente secondes.")
    qa.add_comment(marc, question, "Quel modèle de box avez-vous ?")
    db.session.commit()
    return lea, marc, question, first


def test_the_callers_notifications_newest_first(client, api, thread):
    lea, marc, question, first = thread
    response = api.get("/me/notifications", as_=lea)
    body = check_schema(openapi_document(client), response, "/me/notifications", "get", 200)
    assert body["total"] == 2 and body["page"] == 1
    comment, answer = body["items"]
    assert set(answer) == {"id", "kind", "read", "created_at", "target_url", "actor"}
    assert (comment["kind"], answer["kind"]) == ("comment", "answer")
    assert answer["read"] is False
    assert answer["actor"] == {"id": marc.id, "display_name": "Marc Dubreuil", "role": "ambassador"}
    assert answer["target_url"] == f"http://localhost/questions/{question.id}/{question.slug}#answer-{first.id}"
    assert answer["created_at"].endswith("Z")


def test_mark_some_then_all_read(client, api, thread):
    lea, *_ = thread
    items = api.get("/me/notifications", as_=lea).get_json()["items"]
    response = api.post("/me/notifications/read", as_=lea, json={"ids": [items[0]["id"]]})
    assert response.status_code == 200
    assert response.get_json() == {"marked": 1, "unread": 1}
    unread = api.get("/me/notifications?unread=1", as_=lea).get_json()
    assert [n["id"] for n in unread["items"]] == [items[1]["id"]]
    assert api.post("/me/notifications/read", as_=lea, json={"all": True}).get_json() == {"marked": 1, "unread": 0}
    assert api.get("/me/notifications?unread=1", as_=lea).get_json()["total"] == 0
    assert all(n["read"] for n in api.get("/me/notifications", as_=lea).get_json()["items"])


def test_another_members_ids_are_ignored(api, thread):
    lea, marc, *_ = thread
    items = api.get("/me/notifications", as_=lea).get_json()["items"]
    own = api.get("/me/notifications?unread=1", as_=marc).get_json()["total"]  # his first answer's badge
    response = api.post("/me/notifications/read", as_=marc, json={"ids": [n["id"] for n in items]})
    assert response.get_json() == {"marked": 0, "unread": own}
    assert api.get("/me/notifications?unread=1", as_=lea).get_json()["total"] == 2


def test_the_browser_session_marks_read_with_its_csrf_token(client, auth, thread):
    lea, *_ = thread
    auth.login(lea)
    assert client.get("/api/v1/me/notifications").get_json()["total"] == 2
    refused = client.post("/api/v1/me/notifications/read", json={"all": True}, csrf=False)
    assert_error(refused, 400)
    assert client.post("/api/v1/me/notifications/read", json={"all": True}).get_json()["unread"] == 0


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"ids": []},
        {"all": False},
        {"ids": "1"},
        {"ids": [1.5]},
        {"ids": ["x"]},
        {"all": "yes"},
        {"ids": list(range(101))},
    ],
)
def test_bad_requests_say_which_field(api, thread, body):
    lea, *_ = thread
    error = assert_error(api.post("/me/notifications/read", as_=lea, json=body), 422, "invalid")
    assert set(error["fields"]) <= {"ids", "all"} and error["fields"]


def test_bad_filters_and_visitors(api, thread):
    lea, *_ = thread
    assert_error(api.get("/me/notifications?unread=2", as_=lea), 422, "invalid")
    assert_error(api.get("/me/notifications"), 401)
    assert_error(api.post("/me/notifications/read", json={"all": True}), 401)
