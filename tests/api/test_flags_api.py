"""``POST /api/v1/{questions|answers|comments|users}/{id}/flags``: 201 with the flag, 409 for a second
flag by the same member, 422 for a bad reason, 404 for unknown or hidden targets, in the OpenAPI
document; and the threshold hides a post for API readers too."""

from __future__ import annotations

import factories as make
import pytest
from apitools import assert_error

from community.core.extensions import db
from community.questions import operations as qa


@pytest.fixture
def app_config():
    return {
        "FLAG_RATE_LIMIT": "1000 per hour",
        "NEW_ACCOUNT_FLAG_RATE_LIMIT": "1000 per hour",
        "FLAG_ADDRESS_RATE_LIMIT": "1000 per hour",
    }


def test_a_flag_is_created_once_per_member(api):
    question = make.question()
    member = make.user()
    response = api.post(f"/questions/{question.id}/flags", as_=member, json={"reason": "spam", "note": "Lien louche"})
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert set(body) == {"id", "reason", "note", "created_at"}
    assert (body["reason"], body["note"]) == ("spam", "Lien louche") and body["created_at"].endswith("Z")
    again = api.post(f"/questions/{question.id}/flags", as_=member, json={"reason": "abuse"})
    assert_error(again, 409, "conflict")


@pytest.mark.parametrize("kind", ["answers", "comments", "users"])
def test_answers_comments_and_members_can_be_flagged(api, kind):
    question = make.question()
    answer = make.answer(question)
    comment = qa.add_comment(make.user(), question, "Un commentaire qui ne sert à rien du tout.")
    db.session.commit()
    target = {"answers": answer.id, "comments": comment.id, "users": question.author_id}[kind]
    response = api.post(f"/{kind}/{target}/flags", as_=make.user(), json={"reason": "off_topic"})
    assert response.status_code == 201 and response.get_json()["reason"] == "off_topic"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"reason": "boring"}, "reason"),
        ({}, "reason"),
        ({"reason": 3}, "reason"),
        ({"reason": "other"}, "note"),
        ({"reason": "other", "note": "   "}, "note"),
        ({"reason": "spam", "note": "x" * 501}, "note"),
    ],
)
def test_bad_input_is_refused_with_the_field_at_fault(api, body, field):
    question = make.question()
    error = assert_error(api.post(f"/questions/{question.id}/flags", as_=make.user(), json=body), 422)
    assert field in error["fields"]


def test_unknown_hidden_own_and_anonymous(api):
    author = make.user()
    question = make.question(author)
    member = make.user()
    assert_error(api.post("/questions/999999/flags", as_=member, json={"reason": "spam"}), 404, "not_found")
    assert_error(api.post("/users/999999/flags", as_=member, json={"reason": "spam"}), 404, "not_found")
    assert_error(api.post(f"/questions/{question.id}/flags", as_=author, json={"reason": "spam"}), 403)
    assert_error(api.post(f"/users/{author.id}/flags", as_=author, json={"reason": "spam"}), 403)
    assert_error(api.post(f"/questions/{question.id}/flags", json={"reason": "spam"}), 401)

    staff = make.user("staff")
    assert api.post(f"/questions/{question.id}/flags", as_=staff, json={"reason": "spam"}).status_code == 201
    assert_error(api.post(f"/questions/{question.id}/flags", as_=member, json={"reason": "spam"}), 404, "not_found")
    assert_error(api.get(f"/questions/{question.id}"), 404)
    assert api.get(f"/questions/{question.id}", as_=author).status_code == 200  # the author still sees it


def test_three_member_flags_hide_an_answer_for_api_readers(api):
    question = make.question()
    answer = make.answer(question, body="Achetez des abonnements pirates sur notre site douteux.")
    for _ in range(3):
        assert api.get(f"/questions/{question.id}").get_json()["answer_count"] == 1
        assert api.post(f"/answers/{answer.id}/flags", as_=make.user(), json={"reason": "spam"}).status_code == 201
    detail = api.get(f"/questions/{question.id}").get_json()
    assert detail["answer_count"] == 0 and detail["answers"] == []


def test_the_flag_operations_are_documented(api):
    paths = api.get("/openapi.json").get_json()["paths"]
    for kind in ("questions", "answers", "comments", "users"):
        operation = paths[f"/{kind}/{{{kind[:-1]}_id}}/flags"]["post"]
        assert operation["tags"] == ["flags"]
        assert {"201", "401", "403", "404", "409", "422"} <= set(operation["responses"])
